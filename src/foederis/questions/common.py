"""Helpers shared by the questions: turning engine reasons into answer reasons."""

from __future__ import annotations

from foederis.engine.compile import Compiled, Interval
from foederis.questions.models import EventOut, IntervalOut, ReasonOut
from foederis.record.models import Event
from foederis.rules.base import Reason


def event_out(ev: Event) -> EventOut:
    return EventOut(
        instrument=ev.instrument,
        state=ev.state,
        action=ev.action,
        date=ev.date,
        source=ev.source,
        status=ev.status,
        note=ev.note,
        ref=ev.ref,
        source_kind=ev.source_kind,
        known_from=ev.known,
        derived_from=ev.derived_from,
        legal_basis=ev.legal_basis,
        participants=list(ev.participants),
    )


def reason_out(c: Compiled, reason: Reason) -> ReasonOut:
    """A reason with its provision's text quoted from the record (or said to be missing)."""
    prov = c.record.provision(reason.provision) if reason.provision else None
    text_in_record = prov is not None and prov.text is not None
    summary = reason.summary
    if reason.provision and not text_in_record:
        summary += f" [The text of {reason.provision} is not in the record"
        summary += f": {prov.note}]" if prov and prov.note else ".]"
    return ReasonOut(
        provision=reason.provision,
        heading=prov.heading if prov else None,
        text=prov.text if prov else None,
        text_in_record=text_in_record or reason.provision is None,
        summary=summary,
        events=[event_out(e) for e in reason.events],
        options=list(reason.options),
    )


def interval_out(c: Compiled, iv: Interval) -> IntervalOut:
    return IntervalOut(
        instrument=iv.instrument,
        start=iv.start,
        end=iv.end,
        status=iv.status.name,
        bound=iv.bound,
        reasons=[reason_out(c, r) for r in iv.reasons],
    )
