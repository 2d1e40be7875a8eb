"""Validate the record and the rules' cross-checks: `foederis data check`."""

from __future__ import annotations

from collections import Counter
from datetime import date

from foederis.engine.compile import Compiled
from foederis.questions.common import event_out
from foederis.questions.members import bound_states
from foederis.questions.models import CheckOut, DataCheckReport, DependentCheckOut, WeakFactOut
from foederis.record.loader import DATA_DIR
from foederis.record.models import Event
from foederis.record.sources import PRIMARY_KINDS, SOURCE_KINDS, cited_kinds, load_tables
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


def _derived_links(c: Compiled) -> dict[str, list[Event]]:
    """For each row ref, the derived events that were worked out from it."""
    out: dict[str, list[Event]] = {}
    for ev in c.record.events:
        for part in ev.derived_from.replace(";", " ").split():
            if ":" in part and part.split(":")[-1].isdigit():
                out.setdefault(part, []).append(ev)
    return out


def independence(c: Compiled, ch: CheckOut) -> str | None:
    """Why a check is not independent (None when it is): its recorded date and the rule's input
    are the same fact, or the recorded date is the compiler's own computation."""
    if ch.kind == "rule":
        return "the recorded date is the compiler's own computation (eif_rule=), not a source value"
    ev = next((e for e in c.record.events if e.ref == ch.ref), None)
    if ev is not None and ev.status == "derived":
        return f"the recorded date is itself derived ({ev.derived_from})"
    for dep in _derived_links(c).get(ch.ref, []):
        if dep.state == ch.state and dep.instrument == ch.instrument:
            return (
                f"the rule's input {dep.action} {dep.date} ({dep.ref}) was derived from this recorded "
                "date: comparing them proves nothing"
            )
    return None


def split_checks(c: Compiled, checks: list[CheckOut]) -> tuple[list[CheckOut], list[DependentCheckOut]]:
    """Independent checks, and the ones reported as `not independent` with the reason."""
    independent: list[CheckOut] = []
    dependent: list[DependentCheckOut] = []
    for ch in checks:
        why = independence(c, ch)
        if why is None:
            independent.append(ch)
        else:
            dependent.append(DependentCheckOut(**ch.model_dump(), why=why))
    return independent, dependent


def source_quality(c: Compiled) -> tuple[dict[str, int], list[WeakFactOut]]:
    """Curated rows per source kind, and the facts resting only on `other` or on one weak source."""
    tables = load_tables(DATA_DIR)
    counts = dict.fromkeys(SOURCE_KINDS, 0)
    weak: list[WeakFactOut] = []
    rows: list[tuple[str, str, str, str, str]] = [
        (e.ref, f"{e.instrument} {e.state} {e.action} {e.date}", e.source_kind, e.source, e.note)
        for e in c.record.events
    ]
    rows += [
        (
            f"{p.file}:{p.row}",
            f"conflict {p.state} {p.start}–{p.end or 'ongoing'}",
            p.source_kind,
            p.source,
            p.note,
        )
        for p in c.record.conflicts
        if not p.conflict_id
    ]
    for ref, what, kind, source, note in rows:
        counts[kind] = counts.get(kind, 0) + 1
        kinds = [kind, *cited_kinds(source, note, tables)[1:]]
        if all(k == "other" for k in kinds) or (len(kinds) == 1 and kinds[0] not in PRIMARY_KINDS):
            weak.append(WeakFactOut(ref=ref, what=what, kinds=kinds, source=source))
    return counts, weak


def data_check(c: Compiled, today: date | None = None) -> DataCheckReport:
    today = today or date.today()
    counts: dict[str, dict[str, int]] = {}
    for inst in c.instruments:
        counts[inst] = dict(Counter(e.action for e in c.record.events_for(inst)))
    checks = rule_checks(c) + eif_checks(c)
    independent, dependent = split_checks(c, checks)
    disagreements = [ch for ch in independent if not ch.agrees]
    kinds, weak = source_quality(c)
    origins = Counter("UCDP/PRIO v25.1" if p.conflict_id else "curated rows" for p in c.record.conflicts)
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
        independent=len(independent),
        dependent=dependent,
        source_kinds=kinds,
        weak=weak,
        conflict_sources=dict(origins),
        missing_texts=missing_texts,
        notes=c.notes,
        errors=errors,
    )
