"""Judges of leaving: withdrew (when), has not withdrawn, a withdrawal on record, a notice given."""

from __future__ import annotations

from typing import Any

from foederis.claims.extract import Draft
from foederis.claims.judges.context import JudgeContext, Verdict, event_evidence, subject, within
from foederis.claims.judges.registry import judges
from foederis.engine.compile import Interval
from foederis.rules.base import Status

_GONE = (Status.withdrawn, Status.terminated)


@judges("withdrew")
def withdrew(j: JudgeContext, d: Draft) -> Verdict:
    """'X withdrew from T (on D)': withdrawn by the day, effective on the date given."""
    state, inst = subject(d)
    ivs = j.c.intervals_of(state, inst)
    gone = [iv for iv in ivs if iv.status in _GONE and iv.start <= j.as_of]
    pend = [iv for iv in ivs if iv.status == Status.withdrawal_pending and iv.start <= j.as_of]
    ev = [j.status_ev(state, inst, j.as_of)] + [
        event_evidence(e) for e in j.events(state, inst, {"withdrawal*"})
    ]
    if not gone:
        return _not_yet_gone(j, d, ivs, pend, ev)
    eff = gone[0].start
    reasons = [
        f"{j.name(state)} withdrew from {inst}: effective {eff}"
        + (f" (notice {pend[0].start})" if pend else "")
    ]
    if d.date:
        if within(eff, d.date):
            reasons.append(f"the date {d.date.text!r} matches the effective date {eff}")
        elif pend and within(pend[0].start, d.date):
            reasons.append(
                f"{d.date.text!r} is the date of notice ({pend[0].start}); it took effect on {eff}"
            )
            return Verdict("partly", reasons, ev)
        else:
            reasons.append(f"{d.date.text!r} does not match: the withdrawal took effect on {eff}")
            return Verdict("contradicted", reasons, ev)
    return Verdict("supported", reasons, ev)


def _not_yet_gone(
    j: JudgeContext, d: Draft, ivs: list[Interval], pend: list[Interval], ev: list[dict[str, Any]]
) -> Verdict:
    """A withdrawal claimed of a state not withdrawn on the day: announced, pending or none."""
    state, inst = subject(d)
    name = j.name(state)
    if d.groups.get("future") and not pend:
        return Verdict("unverifiable", [f"the record has no notice of withdrawal by {name} from {inst}"], ev)
    if pend and d.date and within(pend[0].end, d.date):
        return Verdict(
            "supported",
            [
                f"{name} gave notice on {pend[0].start}; the withdrawal takes effect on {pend[0].end}, "
                "as claimed"
            ],
            ev,
        )
    if pend:
        return Verdict(
            "partly",
            [
                f"{name} gave notice on {pend[0].start}; the withdrawal takes effect on "
                f"{pend[0].end} (not yet on {j.as_of})"
            ],
            ev,
        )
    later = [iv for iv in ivs if iv.status == Status.withdrawn]
    if later and d.groups.get("present"):  # "Lithuania exits the convention" on the day it decided
        why = [f"{name} had not yet withdrawn on {j.as_of}; the withdrawal took effect on {later[0].start}"]
        return Verdict("partly", why, ev)
    why = [j.describe(state, inst, j.as_of)]
    if later:
        why.append(f"the answer differs today: false on {j.as_of}; true since {later[0].start}")
    return Verdict("contradicted", why, ev)


@judges("not_withdrew")
def not_withdrew(j: JudgeContext, d: Draft) -> Verdict:
    """'X has not withdrawn from T': no withdrawal or termination in effect by the day."""
    state, inst = subject(d)
    gone = [iv for iv in j.c.intervals_of(state, inst) if iv.status in _GONE and iv.start <= j.as_of]
    ev = [j.status_ev(state, inst, j.as_of)]
    if gone:
        return Verdict(
            "contradicted", [f"{j.names.name(state)} withdrew from {inst}: effective {gone[0].start}"], ev
        )
    return Verdict("supported", [j.describe(state, inst, j.as_of)], ev)


@judges("withdrawal_any")
def withdrawal_any(j: JudgeContext, d: Draft) -> Verdict:
    """A withdrawal named as a noun ("X's withdrawal from T"): a notice or its effect on record."""
    state, inst = subject(d)
    evs = [e for e in j.events(state, inst, {"withdrawal*"}) if e.date <= j.as_of]
    ivs = [iv for iv in j.c.intervals_of(state, inst) if iv.start <= j.as_of]
    moves = [iv for iv in ivs if iv.status in (Status.withdrawal_pending, Status.withdrawn)]
    name = j.name(state)
    if moves or evs:
        first = moves[0].start if moves else evs[0].date
        return Verdict(
            "supported",
            [f"{name}: withdrawal from {inst} on record from {first}"],
            [event_evidence(e) for e in evs] or [j.status_ev(state, inst, j.as_of)],
        )
    if not ivs:
        return Verdict(
            "contradicted",
            [f"{name} has no status under {inst} on {j.as_of}: nothing to leave"],
            [j.status_ev(state, inst, j.as_of)],
        )
    return Verdict(
        "contradicted",
        [f"no withdrawal of {name} from {inst} by {j.as_of}"],
        [j.status_ev(state, inst, j.as_of)],
    )


@judges("notice")
def notice(j: JudgeContext, d: Draft) -> Verdict:
    """A notice (instrument) of withdrawal or a denunciation, matched by date when one is given."""
    state, inst = subject(d)
    evs = [
        e
        for e in j.events(state, inst, {"withdrawal_notice", "withdrawal_deposited", "denunciation*"})
        if e.date <= max(j.as_of, d.date.hi if d.date else j.as_of)
    ]
    pend = [iv for iv in j.c.intervals_of(state, inst) if iv.status == Status.withdrawal_pending]
    days = sorted({e.date for e in evs} | {iv.start for iv in pend})
    name = j.name(state)
    if not days:
        return Verdict("unverifiable", [f"the record has no notice of withdrawal by {name} from {inst}"])
    ev = [event_evidence(e) for e in evs] or [j.status_ev(state, inst, days[0])]
    if d.date is None or any(within(x, d.date) for x in days):
        return Verdict("supported", [f"{name} gave notice of withdrawal from {inst} on {days[0]}"], ev)
    if d.groups.get("verb") == "announced" and any(0 <= (x - d.date.hi).days <= 90 for x in days):
        why = f"the record holds {name}'s notice of {days[0]}, not the announcement {d.date.text!r} before it"
        return Verdict("unverifiable", [why], ev)
    return Verdict("contradicted", [f"{name} gave notice on {days[0]}, not {d.date.text!r}"], ev)
