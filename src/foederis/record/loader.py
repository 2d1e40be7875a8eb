"""Load, validate and index the record shipped in `foederis/data/`.

Bad data fails loudly: every problem names the file, the row and what is wrong.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from operator import attrgetter
from pathlib import Path

from foederis.record.errors import RecordError
from foederis.record.models import (
    ConflictPeriod,
    Event,
    FactStatus,
    InstrumentFiles,
    Presence,
    Provision,
    SuccessionLink,
)
from foederis.record.sources import SOURCE_KINDS
from foederis.record.states import StateRegistry, build_registry
from foederis.record.ucdp import UCDP_FILE, load_ucdp

#: the order of events within an instrument: by date, then by row of their file
_DATE_ROW = attrgetter("date", "row")

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: Action words the record may use (each folder's README defines them).
ACTIONS = frozenset(
    {
        # depositary acts
        "signature",
        "ratification",
        "accession",
        "acceptance",
        "approval",
        "succession",
        "consent",  # a notification of consent to be bound by a CCW Protocol (UNTC "consent to be bound")
        "intention_not_to_become_party",  # a signatory's notice that it will not become a party
        "withdrawal_deposited",
        "withdrawal_effective",
        "withdrawal_notice",
        "withdrawal_intended",
        "entry_into_force",
        "termination",
        "expiry",
        "extension",
        "suspension_claimed",
        "suspension_effective",
        "suspension_notified",
        "suspension_partial",  # a suspension declared towards named States Parties only
        "objection",  # a State Party's formal objection to another's act
        "ratification_revoked",
        "depositary_notification",
        # accession protocols (North Atlantic Treaty)
        "protocol_signature",
        "protocol_ratification",
        "protocol_approval",
        # alliance life
        "art4_consultation_request",
        "art5_invocation",
        "art5_confirmation",
        "military_structure_exit",
        "military_structure_return",
        # context
        "domestic_law",
        "statement",
        "countermeasure",
    }
)

#: Event files with an `instrument` column, shared by several instruments.
SHARED_EVENT_FILES = ("events/nato.csv", "events/arms_control.csv", "project/additions.csv")
#: One file per instrument, named by its id (`participation/ccm.csv` holds the CCM's rows).
PARTICIPATION_DIR = "participation"
FACT_STATUSES = ("sourced", "derived", "unverified")


def parse_day(text: str, file: str, row: int, column: str) -> date:
    """A strict ISO date (YYYY-MM-DD), or a RecordError naming where it was."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise RecordError(file, row, f"column {column!r}: {text!r} is not a date (YYYY-MM-DD)") from None


def parse_partial(text: str, file: str, row: int, column: str, *, end: bool) -> tuple[date, str]:
    """A date of year, month or day precision. An end date is taken at its widest (exclusive)."""
    text = text.strip()
    parts = text.split("-")
    try:
        if len(parts) == 1:
            year = int(parts[0])
            return (date(year + 1, 1, 1) if end else date(year, 1, 1)), "year"
        if len(parts) == 2:
            year, month = int(parts[0]), int(parts[1])
            if end:
                return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)), "month"
            return date(year, month, 1), "month"
        return date.fromisoformat(text), "day"
    except ValueError:
        raise RecordError(file, row, f"column {column!r}: {text!r} is not a date") from None


def read_rows(path: Path, rel: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file as (line number, stripped fields); a missing column fails naming the file."""
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise RecordError(rel, 1, f"missing columns {missing}; header is {reader.fieldnames}")
        for i, row in enumerate(reader, start=2):
            if None in row:
                raise RecordError(rel, i, "more fields than the header names")
            yield i, {k: (v or "").strip() for k, v in row.items()}


@dataclass
class Record:
    """The whole record, indexed for the rules."""

    events: tuple[Event, ...]
    provisions: dict[str, Provision]
    conflicts: tuple[ConflictPeriod, ...]
    presence: tuple[Presence, ...]
    successions: tuple[SuccessionLink, ...]
    states: StateRegistry
    digest: str
    files: dict[str, int] = field(default_factory=dict)
    known_on: date | None = None  # set when the record is read as it stood on a day

    @cached_property
    def by_instrument(self) -> dict[str, tuple[Event, ...]]:
        out: dict[str, list[Event]] = defaultdict(list)
        for ev in self.events:
            out[ev.instrument].append(ev)
        return {k: tuple(sorted(v, key=_DATE_ROW)) for k, v in out.items()}

    def events_for(self, instrument: str) -> tuple[Event, ...]:
        return self.by_instrument.get(instrument, ())

    @cached_property
    def conflicts_by_state(self) -> dict[str, tuple[ConflictPeriod, ...]]:
        """Conflict periods per state, in record order: built once, so rules never scan them all."""
        out: dict[str, list[ConflictPeriod]] = defaultdict(list)
        for c in self.conflicts:
            out[c.state].append(c)
        return {k: tuple(v) for k, v in out.items()}

    @cached_property
    def links_by_successor(self) -> dict[str, tuple[SuccessionLink, ...]]:
        """Succession links per successor state, in record order (built once, like conflicts)."""
        out: dict[str, list[SuccessionLink]] = {}
        for link in self.successions:
            out.setdefault(link.successor, []).append(link)
        return {k: tuple(v) for k, v in out.items()}

    def provision(self, pid: str) -> Provision | None:
        return self.provisions.get(pid)

    def as_known_on(self, day: date) -> Record:
        """The record as it stood on `day`: only facts public by then (`known_from` <= day).

        A conflict period whose end lies after `day` was, on that day, still running.
        """
        from dataclasses import replace

        conflicts = tuple(
            c if c.end is None or c.end <= day else replace(c, end=None, censored=False)
            for c in self.conflicts
            if c.known <= day
        )
        h = hashlib.sha256(self.digest.encode())
        h.update(f"known_on={day}".encode())
        return Record(
            events=tuple(e for e in self.events if e.known <= day),
            provisions=self.provisions,
            conflicts=conflicts,
            presence=self.presence,
            successions=self.successions,
            states=self.states,
            digest=h.hexdigest()[:16],
            files=self.files,
            known_on=day,
        )

    def overlay(self, events: Iterable[Event] = (), conflicts: Iterable[ConflictPeriod] = ()) -> Record:
        """A new record with extra events and conflict periods laid over this one (a scenario).

        The original is untouched; compiling the overlay reuses the same rules and engine.
        """
        extra_events = tuple(events)
        extra_conflicts = tuple(conflicts)
        h = hashlib.sha256(self.digest.encode())
        h.update(repr((extra_events, extra_conflicts)).encode())
        return Record(
            events=self.events + extra_events,
            provisions=self.provisions,
            conflicts=self.conflicts + extra_conflicts,
            presence=self.presence,
            successions=self.successions,
            states=self.states,
            digest=h.hexdigest()[:16],
            files=self.files,
            known_on=self.known_on,
        )


def event_files(root: Path, extra: Iterable[InstrumentFiles] = ()) -> list[tuple[Path, str, str | None]]:
    """Every event file as (path, name used in references, instrument fixed by the file or None)."""
    out: list[tuple[Path, str, str | None]] = [(root / rel, rel, None) for rel in SHARED_EVENT_FILES]
    for path in sorted((root / PARTICIPATION_DIR).glob("*.csv")):
        out.append((path, f"{PARTICIPATION_DIR}/{path.name}", path.stem))
    for files in extra:
        for name in files.participation:
            out.append((Path(name), f"{files.instrument}/{Path(name).name}", files.instrument))
    return out


#: The event files of the package's record and the instrument each fixes (None: per row).
EVENT_FILES = {rel: instrument for _, rel, instrument in event_files(DATA_DIR)}


def _load_events(root: Path, states: StateRegistry, extra: Iterable[InstrumentFiles] = ()) -> list[Event]:
    events: list[Event] = []
    for path, rel, fixed_instrument in event_files(root, extra):
        if not path.exists():
            raise RecordError(rel, None, "file is missing")
        required = ("state", "iso3", "action", "date", "source", "source_kind", "known_from") + (
            () if fixed_instrument else ("instrument",)
        )
        for i, row in read_rows(path, rel, required):
            instrument = fixed_instrument or row["instrument"]
            if not instrument:
                raise RecordError(rel, i, "empty 'instrument'")
            action = row["action"]
            if action not in ACTIONS:
                raise RecordError(rel, i, f"unknown action {action!r}; known: {sorted(ACTIONS)}")
            if not row["source"]:
                raise RecordError(rel, i, "empty 'source': every fact needs a source")
            iso3 = row["iso3"]
            if iso3 == "" and row["state"] in ("", "*"):
                iso3 = "*"  # a treaty-level event written with blank state columns
            if iso3 not in ("*", "") and iso3 not in states.states:
                raise RecordError(rel, i, f"unknown ISO 3166 alpha-3 code {iso3!r}")
            if iso3 == "" and "group" not in row["state"].lower():
                raise RecordError(rel, i, "empty 'iso3' is allowed only for a group of states")
            status: FactStatus = "sourced"
            if row.get("status"):
                if row["status"] not in FACT_STATUSES:
                    raise RecordError(rel, i, f"status {row['status']!r} not in {FACT_STATUSES}")
                status = row["status"]  # type: ignore[assignment]
            kind = _source_kind(row, rel, i)
            if status == "derived" and not row.get("derived_from"):
                raise RecordError(rel, i, "a derived fact must say what it was derived from ('derived_from')")
            events.append(
                Event(
                    instrument=instrument,
                    state=iso3,
                    state_name=row["state"],
                    action=action,
                    date=parse_day(row["date"], rel, i, "date"),
                    source=row["source"],
                    note=row.get("note", ""),
                    status=status,
                    file=rel,
                    row=i,
                    source_kind=kind,
                    known_from=parse_day(row["known_from"], rel, i, "known_from"),
                    derived_from=row.get("derived_from", ""),
                    legal_basis=row.get("legal_basis", ""),
                    participants=_codes(row.get("participants", ""), states, rel, i),
                    eif_stated=_optional_day(row, "eif_stated", rel, i),
                    eif_rule=_optional_day(row, "eif_rule", rel, i),
                )
            )
    return events


def _optional_day(row: dict[str, str], column: str, rel: str, i: int) -> date | None:
    """A column that holds a date or nothing (files without the column hold nothing)."""
    text = (row.get(column) or "").strip()
    return parse_day(text, rel, i, column) if text else None


def _codes(text: str, states: StateRegistry, rel: str, i: int) -> tuple[str, ...]:
    """A `;`-separated list of ISO3 codes (the `participants` column), each one checked."""
    codes = tuple(c.strip().upper() for c in text.split(";") if c.strip())
    for code in codes:
        if code not in states.states:
            raise RecordError(rel, i, f"unknown ISO 3166 alpha-3 code {code!r} in 'participants'")
    return codes


def _source_kind(row: dict[str, str], rel: str, i: int) -> str:
    kind = row.get("source_kind", "")
    if kind not in SOURCE_KINDS:
        raise RecordError(rel, i, f"source_kind {kind!r} is not one of {', '.join(SOURCE_KINDS)}")
    return kind


def _load_provisions(root: Path, extra: Iterable[InstrumentFiles] = ()) -> dict[str, Provision]:
    provisions: dict[str, Provision] = {}
    files = [
        *((p, str(p.relative_to(root))) for p in sorted((root / "texts").glob("*.jsonl"))),
        (root / "project" / "provisions.jsonl", "project/provisions.jsonl"),
        *((Path(p), f"{f.instrument}/{Path(p).name}") for f in extra for p in f.texts),
    ]
    for path, rel in files:
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RecordError(rel, i, f"invalid JSON: {exc}") from None
            pid = item.get("id")
            if not pid or "/" not in pid:
                raise RecordError(rel, i, f"provision id {pid!r} is not of the form 'inst/art_N'")
            if pid in provisions:
                raise RecordError(rel, i, f"duplicate provision id {pid!r}")
            text = item.get("text")
            if text is not None and not str(text).strip():
                raise RecordError(rel, i, f"{pid}: empty text (use null for 'not in the record')")
            if not item.get("source"):
                raise RecordError(rel, i, f"{pid}: no source")
            provisions[pid] = Provision(
                id=pid,
                heading=item.get("heading", ""),
                text=text,
                source=item["source"],
                note=item.get("note", ""),
                corrected=tuple(str(c) for c in item.get("corrected", ())),
            )
    return provisions


def _load_conflicts(root: Path, states: StateRegistry) -> list[ConflictPeriod]:
    rel = "events/conflicts.csv"
    out: list[ConflictPeriod] = []
    cols = ("state", "iso3", "start", "end", "basis", "source", "role", "source_kind", "known_from")
    for i, row in read_rows(root / rel, rel, cols):
        if row["iso3"] not in states.states:
            raise RecordError(rel, i, f"unknown ISO 3166 alpha-3 code {row['iso3']!r}")
        if not row["source"]:
            raise RecordError(rel, i, "empty 'source'")
        start, precision = parse_partial(row["start"], rel, i, "start", end=False)
        end = parse_partial(row["end"], rel, i, "end", end=True)[0] if row["end"] else None
        if end is not None and end < start:
            raise RecordError(rel, i, f"end {row['end']} is before start {row['start']}")
        if row["role"] not in ("primary", "secondary"):
            raise RecordError(rel, i, f"role {row['role']!r} is not primary or secondary")
        if row.get("international", "yes") not in ("yes", "no"):
            raise RecordError(rel, i, f"international {row['international']!r} is not yes or no")
        out.append(
            ConflictPeriod(
                row["iso3"],
                start,
                end,
                row["basis"],
                row.get("opponent", ""),
                row["source"],
                row.get("note", ""),
                precision,
                rel,
                i,
                role=row["role"],
                international=row.get("international", "yes") != "no",
                known_from=parse_partial(row["known_from"], rel, i, "known_from", end=False)[0],
                source_kind=_source_kind(row, rel, i),
            )
        )
    return out


def _load_presence(root: Path, states: StateRegistry) -> list[Presence]:
    rel = "events/forward_presence.csv"
    out: list[Presence] = []
    for i, row in read_rows(root / rel, rel, ("host_iso3", "force", "lead_iso3", "start", "end", "source")):
        for col in ("host_iso3", "lead_iso3"):
            if row[col] not in states.states:
                raise RecordError(rel, i, f"unknown ISO 3166 alpha-3 code {row[col]!r} in {col!r}")
        start = parse_partial(row["start"], rel, i, "start", end=False)[0] if row["start"] else None
        end = parse_partial(row["end"], rel, i, "end", end=True)[0] if row["end"] else None
        out.append(
            Presence(
                row["host_iso3"],
                row["force"],
                row["lead_iso3"],
                start,
                end,
                row["source"],
                row.get("note", ""),
                i,
            )
        )
    return out


def _load_successions(root: Path, states: StateRegistry) -> list[SuccessionLink]:
    rel = "project/successions.csv"
    out: list[SuccessionLink] = []
    cols = ("predecessor", "successor", "kind", "date", "source", "status")
    for i, row in read_rows(root / rel, rel, cols):
        for col in ("predecessor", "successor"):
            if row[col] not in states.states:
                raise RecordError(rel, i, f"unknown ISO 3166 alpha-3 code {row[col]!r} in {col!r}")
        if row["kind"] not in ("continuation", "succession", "unification"):
            raise RecordError(rel, i, f"kind {row['kind']!r} not continuation/succession/unification")
        if not row["source"]:
            raise RecordError(rel, i, "empty 'source'")
        if row["status"] not in FACT_STATUSES:
            raise RecordError(rel, i, f"status {row['status']!r} not in {FACT_STATUSES}")
        out.append(
            SuccessionLink(
                row["predecessor"],
                row["successor"],
                row["kind"],  # type: ignore[arg-type]
                parse_day(row["date"], rel, i, "date"),
                row["source"],
                row.get("note", ""),
                row["status"],
                i,  # type: ignore[arg-type]
            )
        )
    return out


def data_digest(root: Path = DATA_DIR, extra: Iterable[InstrumentFiles] = ()) -> str:
    """A hash of every data file: the key of the compiled-record cache."""
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    for files in extra:
        for name in (*files.participation, *files.texts):
            h.update(name.encode())
            h.update(Path(name).read_bytes())
    return h.hexdigest()[:16]


def _record_names(root: Path, extra: Iterable[InstrumentFiles] = ()) -> list[tuple[str, str]]:
    names: list[tuple[str, str]] = []
    for path, rel, _ in event_files(root, extra):
        for _, row in read_rows(path, rel, ("state", "iso3")):
            names.append((row["state"], row["iso3"]))
    return names


def load_record(root: Path = DATA_DIR, extra: Iterable[InstrumentFiles] = ()) -> Record:
    """Load and validate the whole record; raises RecordError on the first bad row.

    `extra` adds the files of instruments kept outside the data folder (see `InstrumentFiles`)."""
    extra = tuple(extra)
    aliases = [
        (row["alias"], row["iso3"])
        for _, row in read_rows(root / "project/aliases.csv", "project/aliases.csv", ("alias", "iso3"))
    ]
    states = build_registry(_record_names(root, extra), aliases)
    events = _load_events(root, states, extra)
    provisions = _load_provisions(root, extra)
    for ev in events:
        if ev.legal_basis and ev.legal_basis not in provisions:
            raise RecordError(ev.file, ev.row, f"legal_basis {ev.legal_basis!r} is no provision in the texts")
    presence = _load_presence(root, states)
    successions = _load_successions(root, states)
    conflicts = _load_conflicts(root, states)
    if (root / UCDP_FILE).exists():
        conflicts = load_ucdp(root, set(states.states), tuple(successions)) + conflicts
    files: dict[str, int] = defaultdict(int)
    for ev in events:
        files[ev.file] += 1
    return Record(
        events=tuple(events),
        provisions=provisions,
        conflicts=tuple(conflicts),
        presence=tuple(presence),
        successions=tuple(successions),
        states=states,
        digest=data_digest(root, extra),
        files=dict(files),
    )
