"""Entry-into-force dates that the record's notes state for a state (a depositary table, a second
source, or the compiler's own `eif_rule=` computation). They are checks on the rules, never inputs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from foederis.record.loader import Record
from foederis.record.models import CONSENT_ACTIONS, Event

_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("rule", re.compile(r"eif_rule=(\d{4}-\d{2}-\d{2})"), "%Y-%m-%d"),
    ("result", re.compile(r"EIF there (\d{4}-\d{2}-\d{2})"), "%Y-%m-%d"),
    ("result", re.compile(r"in force (?:for [A-Z]{3} from )?(\d{2}-\d{2}-\d{4})"), "%d-%m-%Y"),
    ("result", re.compile(r"EIF (\d{1,2} [A-Z][a-z]{2,8} \d{4})"), "%d %b %Y"),
)


@dataclass(frozen=True)
class StatedEif:
    """An entry-into-force date stated in a consent row's note."""

    event: Event
    kind: str  # "result" (a source says so) or "rule" (the compiler computed it)
    day: date
    quote: str


def _parse(text: str, fmt: str) -> date | None:
    for f in (fmt, "%d %B %Y") if fmt == "%d %b %Y" else (fmt,):
        try:
            return datetime.strptime(text, f).date()
        except ValueError:
            continue
    return None


def stated_eif(record: Record) -> list[StatedEif]:
    """Every stated entry-into-force date for a state's own consent or succession."""
    out: list[StatedEif] = []
    for ev in record.events:
        if ev.action not in CONSENT_ACTIONS | {"succession"} or not ev.note:
            continue
        seen: set[tuple[str, date]] = set()
        for kind, pattern, fmt in _PATTERNS:
            for m in pattern.finditer(ev.note):
                day = _parse(m.group(1), fmt)
                if day is not None and (kind, day) not in seen:
                    seen.add((kind, day))
                    out.append(StatedEif(ev, kind, day, m.group(0)))
    return out
