"""Entry-into-force dates the record states for a state's consent: a source's (`eif_stated`, a
depositary table or a second source) or the compiler's own at the time the row was gathered
(`eif_rule`). Typed columns of the event files, read here; they are checks on the rules, never
inputs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from foederis.record.loader import Record
from foederis.record.models import CONSENT_ACTIONS, Event


@dataclass(frozen=True)
class StatedEif:
    """An entry-into-force date stated for a state's own consent or succession."""

    event: Event
    kind: str  # "result" (a source says so) or "rule" (the compiler computed it)
    day: date
    quote: str


def stated_eif(record: Record) -> list[StatedEif]:
    """Every stated entry-into-force date for a state's own consent or succession."""
    out: list[StatedEif] = []
    for ev in record.events:
        if ev.action not in CONSENT_ACTIONS | {"succession"}:
            continue
        if ev.eif_rule is not None:
            out.append(StatedEif(ev, "rule", ev.eif_rule, f"eif_rule={ev.eif_rule}"))
        if ev.eif_stated is not None:
            out.append(StatedEif(ev, "result", ev.eif_stated, f"eif_stated={ev.eif_stated}"))
    return out
