"""Accession, ally by ally: who has accepted a candidate's protocol on a day, who can still block
it and since when, whether the protocol is in force, and whether the candidate is a member."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, Field

from foederis.engine.compile import Compiled
from foederis.questions.alliance import alliance_id
from foederis.questions.common import event_out, reason_out
from foederis.questions.inputs import InputError
from foederis.questions.members import bound_states
from foederis.questions.models import EventOut, ReasonOut
from foederis.record.alliance import AccessionStep, Practice, practices, steps
from foederis.rules import accession as rules
from foederis.rules.base import Reason
from foederis.rules.options import describe_options

Stage = Literal["not_invited", "protocol_signed", "protocol_in_force", "member"]


class StepOut(BaseModel):
    """A protocol step from `alliance/accession_steps.csv`, with its source."""

    protocol: str
    step: str
    ally: str
    date: date | None
    date_kind: str = Field(description="on: that day; by: no later than that day; unknown: a gap")
    not_before: date | None
    status: str
    source: str
    note: str
    ref: str


class AllyOut(BaseModel):
    """One Ally's acceptance of the protocol, as known on the day asked."""

    ally: str
    name: str
    state: str = Field(description="ratified, not_ratified or unknown (the exact day not found)")
    deposited: date | None = Field(description="the day the acceptance was deposited, when sourced")
    ratified_by: date | None = Field(description="a day by which it had ratified (exact day not found)")
    not_before: date | None
    holding_out_since: date | None = None
    days_holding_out: int | None = None
    events: list[EventOut]
    steps: list[StepOut]


class PracticeOut(BaseModel):
    id: str
    kind: Literal["practice"] = "practice"
    statement: str = "a practice, not a provision of the treaty"
    subject: str
    quote: str
    source: str
    note: str


class EntryIntoForceOut(BaseModel):
    date: date | None
    exact: bool = Field(description="false: only a day by which the protocol was in force is known")
    completed_by: list[str]
    provision: str
    recorded: list[StepOut]
    agrees: bool | None = Field(None, description="does a recorded entry-into-force day equal the rule's?")
    independent_check: bool = Field(
        False, description="a recorded day rests on a source that no acceptance row uses"
    )


class AccessionAnswer(BaseModel):
    state: str
    state_name: str
    date: date
    protocol: str | None
    stage: Stage
    invited_on: date | None = None
    protocol_signed: date | None = None
    protocol_in_force: bool
    entry_into_force: EntryIntoForceOut | None = None
    member: bool
    member_since: date | None = None
    ratified: list[str]
    not_ratified: list[str]
    unknown: list[str] = Field(description="Allies whose acceptance day is not in the record for this day")
    can_block: list[str] = Field(description="the Allies whose acceptance is still needed (not_ratified)")
    allies: list[AllyOut]
    reasons: list[ReasonOut]
    practice: PracticeOut | None = None
    gaps: list[StepOut]
    options: dict[str, Any]


def step_out(st: AccessionStep) -> StepOut:
    return StepOut(
        protocol=st.protocol,
        step=st.step,
        ally=st.ally,
        date=st.date,
        date_kind=st.date_kind,
        not_before=st.not_before,
        status=st.status,
        source=st.source,
        note=st.note,
        ref=st.ref,
    )


def protocol_of(c: Compiled, state: str) -> str | None:
    """The accession protocol signed for `state`, if the record has one."""
    for inst, events in c.record.by_instrument.items():
        if inst.startswith("nato_protocol_") and any(
            e.state == state and e.action == "protocol_signature" for e in events
        ):
            return inst
    return next((s.protocol for s in steps() if s.candidate == state), None)


def consensus_practice() -> Practice | None:
    return next((p for p in practices() if p.id == "nato/practice/consensus"), None)


def _practice_out(p: Practice | None) -> PracticeOut | None:
    if p is None:
        return None
    return PracticeOut(id=p.id, subject=p.subject, quote=p.quote, source=p.source, note=p.note)


def _without_protocol(
    c: Compiled, common: dict[str, Any], name: str, day: date, member: bool
) -> AccessionAnswer:
    """The answer for a state with no accession protocol: a member already, or never invited."""
    if member:
        why = Reason(rules.ACCESSION, f"{name} is a Party on {day}.", ())
    else:
        why = Reason(
            rules.ACCESSION,
            f"The record holds no accession protocol for {name}: no invitation under Art. 10 is recorded.",
            (),
        )
    return AccessionAnswer(
        **common,
        protocol=None,
        stage="member" if member else "not_invited",
        protocol_in_force=False,
        member=member,
        ratified=[],
        not_ratified=[],
        unknown=[],
        can_block=[],
        allies=[],
        reasons=[reason_out(c, why)],
        gaps=[],
    )


def _ally_out(
    c: Compiled,
    ally: str,
    accepted: dict[str, rules.Acceptance],
    in_force: bool,
    signed: date | None,
    day: date,
) -> AllyOut:
    """One Ally's standing on the protocol, with how long it has held out when it has not ratified."""
    acc = accepted.get(ally, rules.Acceptance(ally))
    known = "ratified" if in_force else acc.state_on(day)
    out = AllyOut(
        ally=ally,
        name=c.record.states.name(ally),
        state=known,
        deposited=acc.on,
        ratified_by=acc.by,
        not_before=acc.not_before,
        events=[event_out(e) for e in acc.events],
        steps=[step_out(s) for s in acc.steps],
    )
    if known == "not_ratified" and signed:
        became = _party_since(c, ally, day)
        since = max(signed, became) if became else signed
        out.holding_out_since = since
        out.days_holding_out = (day - since).days
    return out


def _stage(member: bool, in_force: bool, signed: date | None, day: date) -> Stage:
    if member:
        return "member"
    if in_force:
        return "protocol_in_force"
    if signed and signed <= day:
        return "protocol_signed"
    return "not_invited"


def _eif_out(
    protocol: str,
    proto_steps: list[AccessionStep],
    eif: rules.EntryIntoForce,
    accepted: dict[str, rules.Acceptance],
) -> EntryIntoForceOut:
    """The protocol's entry into force as the rule computes it, beside the recorded dates."""
    recorded = [s for s in proto_steps if s.step == "entry_into_force" and s.date]
    return EntryIntoForceOut(
        date=eif.day,
        exact=eif.exact,
        completed_by=list(eif.last),
        provision=rules.entry_into_force_provision(protocol),
        recorded=[step_out(s) for s in recorded],
        agrees=(all(s.date == eif.day for s in recorded) if recorded else None),
        independent_check=any(s.source not in _acceptance_sources(accepted) for s in recorded),
    )


def accession(c: Compiled, state: str, day: date) -> AccessionAnswer:
    """The candidate's protocol on `day`: ratified / not ratified / unknown Ally by Ally, with reasons."""
    if alliance_id() not in c.instrument_index:
        raise InputError("instrument", "the North Atlantic Treaty is not in this record")
    record = c.record
    name = record.states.name(state)
    members_today = set(bound_states(c, alliance_id(), day))
    accession_event = next(
        (e for e in record.events_for(alliance_id()) if e.state == state and e.action == "accession"), None
    )
    member = state in members_today
    protocol = protocol_of(c, state)
    practice = _practice_out(consensus_practice())
    common = dict(
        state=state, state_name=name, date=day, options=describe_options(c.options), practice=practice
    )
    if protocol is None:
        return _without_protocol(c, common, name, day, member)

    events = record.events_for(protocol)
    proto_steps = [s for s in steps() if s.protocol == protocol]
    signature = next((e for e in events if e.action == "protocol_signature"), None)
    signed = signature.date if signature else None
    accepted = rules.acceptances(events, proto_steps)
    eif = (
        rules.entry_into_force(state, signed, accepted, lambda d: set(bound_states(c, alliance_id(), d)))
        if signed
        else rules.EntryIntoForce(None, False, ())
    )
    in_force = eif.day is not None and eif.day <= day
    invitation = next((s for s in proto_steps if s.step == "invitation" and s.date), None)

    required = (
        sorted(members_today - {state})
        if not member
        else sorted(set(bound_states(c, alliance_id(), eif.day or day)) - {state})
    )
    allies = [_ally_out(c, ally, accepted, in_force, signed, day) for ally in required]

    by_state = {s: [a.ally for a in allies if a.state == s] for s in ("ratified", "not_ratified", "unknown")}
    stage = _stage(member, in_force, signed, day)
    if signed and day < signed:
        by_state = {"ratified": [], "not_ratified": [], "unknown": []}
        allies = []

    eif_out = _eif_out(protocol, proto_steps, eif, accepted)
    reasons = _reasons(c, name, protocol, day, signature, eif, in_force, by_state, accession_event, member)
    gaps = [step_out(s) for s in proto_steps if s.status != "sourced" or s.date_kind != "on"]
    return AccessionAnswer(
        **common,
        protocol=protocol,
        stage=stage,
        invited_on=invitation.date if invitation else None,
        protocol_signed=signed,
        protocol_in_force=in_force,
        entry_into_force=eif_out,
        member=member,
        member_since=accession_event.date if accession_event and member else None,
        ratified=by_state["ratified"],
        not_ratified=by_state["not_ratified"],
        unknown=by_state["unknown"],
        can_block=[] if in_force or member else by_state["not_ratified"],
        allies=allies,
        reasons=reasons,
        gaps=gaps,
    )


def _acceptance_sources(accepted: dict[str, rules.Acceptance]) -> set[str]:
    """Every source an acceptance rests on: a recorded entry into force from one of them is no check."""
    return {e.source for a in accepted.values() for e in a.events} | {
        s.source for a in accepted.values() for s in a.steps
    }


def _party_since(c: Compiled, ally: str, day: date) -> date | None:
    """The first day of the ally's current run as a Party (to date a holdout that joined later)."""
    ev = next(
        (e for e in c.record.events_for(alliance_id()) if e.state == ally and e.action == "accession"), None
    )
    return ev.date if ev and ev.date <= day else None


def _reasons(
    c: Compiled,
    name: str,
    protocol: str,
    day: date,
    signature: Any,
    eif: rules.EntryIntoForce,
    in_force: bool,
    by_state: dict[str, list[str]],
    accession_event: Any,
    member: bool,
) -> list[ReasonOut]:
    out: list[Reason] = []
    if signature:
        out.append(
            Reason(
                rules.ACCESSION,
                f"Invited by unanimous agreement (Art. 10), the Parties signed the protocol on the "
                f"accession of {name} on {signature.date}.",
                (signature,),
            )
        )
    art2 = rules.entry_into_force_provision(protocol)
    if in_force:
        when = (
            f"on {eif.day}" if eif.exact else f"no later than {eif.day} (the exact day is not in the record)"
        )
        last = f", when {', '.join(eif.last)} deposited last" if eif.last else ""
        out.append(Reason(art2, f"Every Party had notified its acceptance: in force {when}{last}.", ()))
    else:
        holdouts = ", ".join(by_state["not_ratified"]) or "none known"
        text = f"Not in force on {day}: acceptance still missing from {holdouts}"
        if by_state["unknown"]:
            text += f"; not known for {', '.join(by_state['unknown'])}"
        out.append(
            Reason(art2, text + ". Each Party's acceptance is required, so each of them can block it.", ())
        )
    if accession_event and accession_event.date <= day:
        out.append(
            Reason(
                rules.ACCESSION,
                f"{name} deposited its instrument of accession with the Government of the United States "
                f"on {accession_event.date}: a Party from that day.",
                (accession_event,),
            )
        )
    elif in_force:
        out.append(
            Reason(
                rules.invitation_provision(protocol),
                f"The protocol is in force; {name} becomes a Party when it deposits its instrument of "
                "accession (Art. 10).",
                (),
            )
        )
    if member and not accession_event:
        out.append(Reason(rules.ACCESSION, f"{name} is a Party.", ()))
    return [reason_out(c, r) for r in out]
