"""Load the alliance machinery files in `data/alliance/`: accession-protocol steps and practices.

Kept apart from the main loader: these rows are read only by the alliance questions, and each file
has its own columns (documented in `data/alliance/README.md`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from foederis.record.errors import RecordError
from foederis.record.loader import DATA_DIR, FACT_STATUSES, read_rows

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
    for i, row in read_rows(root / rel, rel, cols):
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
    for i, row in read_rows(root / rel, rel, ("id", "instrument", "subject", "quote", "source")):
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


PRESENCE_KINDS = (
    "multinational_battlegroup",
    "multinational_brigade",
    "allied_brigade",
    "major_base",
    "rotational",
    "nuclear_sharing_site",
    "allied_unit",
)


@dataclass(frozen=True, slots=True)
class Force:
    """Allied forces stationed in a host state, with their kind and size class."""

    host: str
    force: str
    lead: str
    start: date | None  # None: the start was not looked up (presence then uncertain)
    end: date | None  # exclusive; None: going on at the newest source
    start_until: date | None  # end of the start's precision window (a year or month given)
    end_from: date | None  # start of the end's precision window
    kind: str
    size_class: str
    source: str
    note: str
    ref: str

    @property
    def start_as_given(self) -> str | None:
        """The start at the precision the source gives (YYYY, YYYY-MM or YYYY-MM-DD)."""
        if self.start is None:
            return None
        if self.start_until is None:
            return self.start.isoformat()
        return (
            self.start.isoformat()[:4]
            if (self.start_until - self.start).days > 31
            else self.start.isoformat()[:7]
        )

    def presence_on(self, day: date) -> Literal["present", "uncertain", "absent"]:
        """Present, absent, or uncertain when the day falls inside a start or end known only to
        the month or year (e.g. a battlegroup 'created in 2022' on 10 Jan 2022)."""
        if (self.start is not None and day < self.start) or (self.end is not None and day >= self.end):
            return "absent"
        if (
            self.start is None
            or (self.start_until is not None and day < self.start_until)
            or (self.end_from is not None and day >= self.end_from)
        ):
            return "uncertain"
        return "present"


def load_forces(root: Path = DATA_DIR) -> tuple[Force, ...]:
    """`events/forward_presence.csv` classified by `alliance/presence_classes.csv`, plus the rows
    of `alliance/presence_extra.csv`. Every force must have a kind from PRESENCE_KINDS."""
    from foederis.record.loader import parse_partial

    classes: dict[tuple[str, str], dict[str, str]] = {}
    rel = "alliance/presence_classes.csv"
    for i, row in read_rows(
        root / rel, rel, ("host_iso3", "force", "kind", "size_class", "start", "start_source")
    ):
        if row["kind"] not in PRESENCE_KINDS:
            raise RecordError(rel, i, f"kind {row['kind']!r}; valid: {', '.join(PRESENCE_KINDS)}")
        if row["start"] and not row["start_source"]:
            raise RecordError(rel, i, "a start looked up here needs its start_source")
        classes[(row["host_iso3"], row["force"])] = row
    out: list[Force] = []
    cols = ("host_iso3", "force", "lead_iso3", "start", "end", "source")
    for rel, extra in (("events/forward_presence.csv", False), ("alliance/presence_extra.csv", True)):
        for i, row in read_rows(root / rel, rel, cols + (("kind", "size_class") if extra else ())):
            if not row["source"]:
                raise RecordError(rel, i, "empty 'source'")
            if extra:
                kind, size = row["kind"], row["size_class"]
                if kind not in PRESENCE_KINDS:
                    raise RecordError(rel, i, f"kind {kind!r}; valid: {', '.join(PRESENCE_KINDS)}")
            elif (row["host_iso3"], row["force"]) in classes:
                cls = classes[(row["host_iso3"], row["force"])]
                kind, size = cls["kind"], cls["size_class"]
                if cls["start"] and not row["start"]:  # a start the presence file had not looked up
                    row = {
                        **row,
                        "start": cls["start"],
                        "source": f"{row['source']} ; start: {cls['start_source']}",
                        "note": f"{row.get('note', '')} START from alliance/presence_classes.csv: "
                        f"{cls.get('start_note', '')}",
                    }
            else:
                raise RecordError(rel, i, "no kind for this force in alliance/presence_classes.csv")
            start = until = end = end_from = None
            if row["start"]:
                start, precision = parse_partial(row["start"], rel, i, "start", end=False)
                if precision != "day":
                    until = parse_partial(row["start"], rel, i, "start", end=True)[0]
            if row["end"]:
                end, precision = parse_partial(row["end"], rel, i, "end", end=True)
                if precision != "day":
                    end_from = parse_partial(row["end"], rel, i, "end", end=False)[0]
            out.append(
                Force(
                    row["host_iso3"],
                    row["force"],
                    row["lead_iso3"],
                    start,
                    end,
                    until,
                    end_from,
                    kind,
                    size,
                    row["source"],
                    row.get("note", ""),
                    f"{rel}:{i}",
                )
            )
    return tuple(out)


@cache
def forces() -> tuple[Force, ...]:
    """The shipped forces, loaded once."""
    return load_forces()
