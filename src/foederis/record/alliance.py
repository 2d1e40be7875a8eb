"""Load the alliance machinery files in `data/alliance/`: accession-protocol steps and practices.

Kept apart from the main loader: these rows are read only by the alliance questions, and each file
has its own columns (documented in `data/alliance/README.md`).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from foederis.record.errors import RecordError
from foederis.record.loader import DATA_DIR, FACT_STATUSES

STEPS = ("invitation", "acceptance", "entry_into_force", "invitation_to_accede")
DateKind = Literal["on", "by", "unknown"]


@dataclass(frozen=True, slots=True)
class AccessionStep:
    """One step of an accession protocol: on a day, no later than a day ("by"), or a gap."""

    protocol: str
    candidate: str
    step: str
    ally: str
    date: date | None
    date_kind: DateKind
    not_before: date | None
    status: str
    source: str
    note: str
    row: int

    @property
    def ref(self) -> str:
        return f"alliance/accession_steps.csv:{self.row}"


@dataclass(frozen=True, slots=True)
class Practice:
    """A sourced practice of an organisation: how it works, not what a treaty says."""

    id: str
    instrument: str
    subject: str
    quote: str
    source: str
    note: str


def _read(path: Path, rel: str, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise RecordError(rel, 1, f"missing columns {missing}")
        return [(i, {k: (v or "").strip() for k, v in row.items()}) for i, row in enumerate(reader, start=2)]


def _day(text: str, rel: str, row: int, column: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise RecordError(rel, row, f"column {column!r}: {text!r} is not a date (YYYY-MM-DD)") from None


def load_steps(root: Path = DATA_DIR) -> tuple[AccessionStep, ...]:
    """Every protocol step; a dated step needs a source, an undated one must say it is a gap."""
    rel = "alliance/accession_steps.csv"
    cols = ("protocol", "candidate", "step", "ally", "date", "date_kind", "not_before", "status", "source")
    out: list[AccessionStep] = []
    for i, row in _read(root / rel, rel, cols):
        if row["step"] not in STEPS:
            raise RecordError(rel, i, f"step {row['step']!r}; valid: {', '.join(STEPS)}")
        if row["date_kind"] not in ("on", "by", "unknown"):
            raise RecordError(rel, i, f"date_kind {row['date_kind']!r}; valid: on, by, unknown")
        if row["status"] not in FACT_STATUSES:
            raise RecordError(rel, i, f"status {row['status']!r}; valid: {', '.join(FACT_STATUSES)}")
        day = _day(row["date"], rel, i, "date")
        if (day is None) != (row["date_kind"] == "unknown"):
            raise RecordError(rel, i, "a step has a date unless its date_kind is 'unknown'")
        if day is not None and not row["source"]:
            raise RecordError(rel, i, "a dated step needs a source")
        if day is None and row["status"] != "unverified":
            raise RecordError(rel, i, "an undated step (a gap) must be marked unverified")
        if row["step"] == "acceptance" and not row["ally"]:
            raise RecordError(rel, i, "an acceptance names the ally (ISO3)")
        out.append(
            AccessionStep(
                protocol=row["protocol"],
                candidate=row["candidate"],
                step=row["step"],
                ally=row["ally"],
                date=day,
                date_kind=row["date_kind"],  # type: ignore[arg-type]
                not_before=_day(row["not_before"], rel, i, "not_before"),
                status=row["status"],
                source=row["source"],
                note=row.get("note", ""),
                row=i,
            )
        )
    return tuple(out)


def load_practices(root: Path = DATA_DIR) -> tuple[Practice, ...]:
    """Sourced practices (e.g. NATO's consensus rule); each needs a quote and a source."""
    rel = "alliance/practices.csv"
    out: list[Practice] = []
    for i, row in _read(root / rel, rel, ("id", "instrument", "subject", "quote", "source")):
        if not row["quote"] or not row["source"]:
            raise RecordError(rel, i, "a practice needs a quote and a source")
        out.append(
            Practice(row["id"], row["instrument"], row["subject"], row["quote"], row["source"], row["note"])
        )
    return tuple(out)


@cache
def steps() -> tuple[AccessionStep, ...]:
    """The shipped steps, loaded once."""
    return load_steps()


@cache
def practices() -> tuple[Practice, ...]:
    """The shipped practices, loaded once."""
    return load_practices()
