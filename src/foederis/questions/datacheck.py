"""Validate the record and the rules' cross-checks: `foederis data check`."""

from __future__ import annotations

from collections import Counter
from datetime import date

from foederis.engine.compile import Compiled
from foederis.questions.common import event_out
from foederis.questions.members import bound_states
from foederis.questions.models import CheckOut, DataCheckReport
from foederis.record.stated import stated_eif
from foederis.rules.base import Status


def computed_eif(c: Compiled, state: str, instrument: str, consent: date) -> date | None:
    """The first day on or after `consent` from which the rules make the state a party."""
    for iv in c.intervals_of(state, instrument):
        if iv.status == Status.party and iv.start >= consent:
            return iv.start
        if iv.status == Status.party and iv.start < consent <= (iv.end or iv.start):
            return iv.start
    return None


def eif_checks(c: Compiled) -> list[CheckOut]:
    """Every entry-into-force date stated in the record, compared with the rule's."""
    out: list[CheckOut] = []
    for s in stated_eif(c.record):
        ev = s.event
        computed = computed_eif(c, ev.state, ev.instrument, ev.date)
        if ev.action == "succession":
            links = [lk for lk in c.record.successions if lk.successor == ev.state]
            computed = computed_eif(c, ev.state, ev.instrument, links[0].date if links else ev.date)
        out.append(
            CheckOut(
                instrument=ev.instrument,
                state=ev.state,
                what=f"entry into force for the state ({s.quote})",
                recorded=s.day,
                computed=computed,
                agrees=computed == s.day,
                provision="",
                source=ev.source,
                ref=ev.ref,
                kind=s.kind,
            )
        )
    return out


def rule_checks(c: Compiled) -> list[CheckOut]:
    return [
        CheckOut(
            instrument=ch.instrument,
            state=ch.state,
            what=ch.what,
            recorded=ch.recorded,
            computed=ch.computed,
            agrees=ch.agrees,
            provision=ch.provision,
            source=ch.event.source,
            ref=ch.event.ref,
        )
        for ch in c.checks
    ]


def data_check(c: Compiled, today: date | None = None) -> DataCheckReport:
    today = today or date.today()
    counts: dict[str, dict[str, int]] = {}
    for inst in c.instruments:
        counts[inst] = dict(Counter(e.action for e in c.record.events_for(inst)))
    checks = rule_checks(c) + eif_checks(c)
    disagreements = [ch for ch in checks if not ch.agrees]
    derived = [event_out(e) for e in c.record.events if e.status == "derived"]
    unverified = [event_out(e) for e in c.record.events if e.status == "unverified"]
    cited = {r.provision for iv in c.intervals for r in iv.reasons if r.provision}
    cited |= {r.provision for facts in c.treaty.values() for _, r in facts.values() if r.provision}
    errors = sorted(
        f"provision {p} is cited by a rule but absent from the record"
        for p in cited
        if c.record.provision(p) is None
    )
    missing_texts = sorted(p for p in cited if (prov := c.record.provision(p)) and prov.text is None)
    return DataCheckReport(
        ok=not errors and not disagreements,
        digest=c.record.digest,
        counts=counts,
        parties_today={i: len(bound_states(c, i, today)) for i in c.instruments},
        derived=derived,
        unverified=unverified,
        checks=len(checks),
        disagreements=disagreements,
        missing_texts=missing_texts,
        notes=c.notes,
        errors=errors,
    )
