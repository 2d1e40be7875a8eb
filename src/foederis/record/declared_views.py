"""Each state's declared reading of the grey zone between a weapons ban and alliance life.

One row per (state, instrument, issue): the view the state declared ('prohibited',
'permitted' or 'no view') and the source where it did so. A state with no row has no
recorded view; the questions then say so instead of guessing.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from foederis.record.errors import RecordError

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "interpretations" / "declared_views.csv"

ISSUES = ("permit_transit", "host_foreign_stockpile", "joint_operations", "invest")
VIEWS = ("prohibited", "permitted", "no view")
BASES = ("", "convention", "national_law")
SOURCE_KINDS = (
    "depositary", "government", "intergovernmental", "court", "monitor", "wire", "newspaper",
    "reference", "other",
)  # fmt: skip
_STATED = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")
COLUMNS = (
    "state", "instrument", "issue", "view", "basis", "stated", "source_kind", "source_title",
    "source_url", "quote", "note",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DeclaredView:
    """A state's declared view on one issue under one instrument, with its source."""

    state: str
    instrument: str
    issue: str
    view: str  # one of VIEWS
    basis: str  # 'convention' (what the treaty requires) or 'national_law' (what the state enacted)
    stated: str  # YYYY, YYYY-MM or YYYY-MM-DD; '' when the source gives no date
    source_kind: str
    source_title: str
    source_url: str
    quote: str
    note: str


def _check(row: dict[str, str], line: int, path: Path) -> DeclaredView:
    def fail(problem: str) -> RecordError:
        return RecordError(path.name, line, problem)

    if tuple(row) != COLUMNS:
        raise fail(f"columns must be {', '.join(COLUMNS)}")
    choices = {"issue": ISSUES, "view": VIEWS, "basis": BASES, "source_kind": SOURCE_KINDS}
    for field, valid in choices.items():
        if row[field] not in valid:
            raise fail(f"{field} {row[field]!r}; valid choices: {', '.join(valid)}")
    if not _STATED.match(row["stated"]):
        raise fail(f"stated {row['stated']!r} must be YYYY, YYYY-MM or YYYY-MM-DD")
    for field in ("state", "instrument", "source_title", "source_url", "quote"):
        if not row[field].strip():
            raise fail(f"{field} is empty; every declared view needs its source")
    if not row["source_url"].startswith(("http://", "https://")):
        raise fail(f"source_url {row['source_url']!r} is not a web address")
    return DeclaredView(**{k: row[k].strip() for k in COLUMNS})


def load_declared_views(path: Path = DATA_FILE) -> tuple[DeclaredView, ...]:
    """Every declared view in the file, checked; a duplicate (state, instrument, issue) is an error."""
    views: list[DeclaredView] = []
    seen: set[tuple[str, str, str]] = set()
    with path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            view = _check(row, line, path)
            key = (view.state, view.instrument, view.issue)
            if key in seen:
                raise RecordError(path.name, line, f"a second row for {key}")
            seen.add(key)
            views.append(view)
    return tuple(views)


@lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str, str], DeclaredView]:
    return {(v.state, v.instrument, v.issue): v for v in load_declared_views()}


def declared_view(state: str, instrument: str, issue: str) -> DeclaredView | None:
    """The state's recorded view on the issue under the instrument, or None if none is recorded."""
    return _index().get((state, instrument, issue))


def declared_views() -> tuple[DeclaredView, ...]:
    """Every recorded declared view (the ones `declared_view` looks up)."""
    return tuple(_index().values())
