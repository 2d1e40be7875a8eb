"""Judges of membership and party status: bound or not, signatory or not, joined (and when)."""

from __future__ import annotations

from datetime import date

from foederis.claims.extract import Draft
from foederis.claims.judges.context import (
    ACTIVE,
    JudgeContext,
    Verdict,
    event_evidence,
    subject,
    within,
)
from foederis.claims.judges.registry import judges
from foederis.record.models import CONSENT_ACTIONS, JOINING_ACTIONS


def _signatory(d: Draft) -> bool:
    return d.groups.get("rel", "").lower() == "signatory"


@judges("member", "bound")
def member(j: JudgeContext, d: Draft) -> Verdict:
    """'X is a member of T': bound on the day."""
    return j.truth_claim(d, j.bound_fn(*subject(d)), "bound")


@judges("not_member", "not_bound")
def not_member(j: JudgeContext, d: Draft) -> Verdict:
    """'X is not a member of T': not bound on the day."""
    f = j.bound_fn(*subject(d))
    return j.truth_claim(d, lambda day: not f(day), "not bound")


@judges("party")
def party(j: JudgeContext, d: Draft) -> Verdict:
    """'X is a party to T' (bound), or 'a signatory' (signed and not left)."""
    if not _signatory(d):
        return member(j, d)
    state, inst = subject(d)

    def signed(day: date) -> bool:
        iv = j.iv(state, inst, day)
        return bool(iv and iv.status in ACTIVE)

    v = j.truth_claim(d, signed, "signatory: signed and not withdrawn")
    sigs = j.events(state, inst, {"signature"})
    v.evidence += [event_evidence(e) for e in sigs]
    if not sigs and v.verdict == "supported":
        v.reasons.append("the record has no signature: the state joined by accession")
    return v


@judges("not_party")
def not_party(j: JudgeContext, d: Draft) -> Verdict:
    """'X is not a party to T' (not bound), or 'not a signatory' (never signed)."""
    if not _signatory(d):
        return not_member(j, d)
    signed = j.signed_by(*subject(d))
    return j.truth_claim(d, lambda day: not signed(day), "never signed")


@judges("not_joined")
def not_joined(j: JudgeContext, d: Draft) -> Verdict:
    """'X has never signed / ratified / joined T'; a state that joined and left is 'partly'."""
    state, inst = subject(d)
    verb = d.groups.get("verb", "joined").lower()
    if verb == "signed":
        signed = j.signed_by(state, inst)
        return j.truth_claim(d, lambda day: not signed(day), "never signed")
    if verb == "ratified":
        return j.truth_claim(
            d,
            lambda day: not any(e.date <= day for e in j.events(state, inst, set(CONSENT_ACTIONS))),
            "no consent to be bound",
        )
    f = j.bound_fn(state, inst)
    v = j.truth_claim(d, lambda day: not f(day), "not bound")
    was = [iv for iv in j.c.intervals_of(state, inst) if iv.bound and iv.start <= j.as_of]
    if v.verdict == "supported" and was:
        v.reasons.append(f"but it had been bound from {was[0].start} to {was[-1].end}: it joined and left")
        v.verdict = "partly"
    return v


@judges("joined")
def joined(j: JudgeContext, d: Draft) -> Verdict:
    """'X joined T (in D)': bound at some time, from the date given (or consented on it)."""
    state, inst = subject(d)
    bound = [iv for iv in j.c.intervals_of(state, inst) if iv.bound]
    consent = j.events(state, inst, set(JOINING_ACTIONS))
    ev = [j.status_ev(state, inst, j.as_of)] + [event_evidence(e) for e in consent]
    name = j.name(state)
    if not bound:
        return Verdict("contradicted", [f"{name} has never been bound by {inst} in the record"], ev)
    start = bound[0].start
    if d.date is None:
        if start > j.as_of and not any(e.date <= j.as_of for e in consent):
            return Verdict("contradicted", [f"{name} joined {inst} only on {start}, after {j.as_of}"], ev)
        return Verdict("supported", [f"{name} bound by {inst} since {start}"], ev)
    if within(start, d.date) or any(within(e.date, d.date) for e in consent):
        return Verdict("supported", [f"{name} bound by {inst} from {start}; matches {d.date.text!r}"], ev)
    return Verdict("contradicted", [f"{name} became bound by {inst} on {start}, not {d.date.text!r}"], ev)


@judges("member_list")
def member_list(j: JudgeContext, d: Draft) -> Verdict:
    """'T's members include A, B and C': each named state bound on the day."""
    inst = d.instrument or ""
    wrong, right, unknown = [], [], []
    ev = []
    for s in d.subjects:
        if s.iso3 is None:
            unknown.append(s.phrase)
            continue
        (right if j.bound_fn(s.iso3, inst)(j.as_of) else wrong).append(s.iso3)
        ev.append(j.status_ev(s.iso3, inst, j.as_of))
    reasons = []
    if right:
        reasons.append(f"bound by {inst} on {j.as_of}: {', '.join(right)}")
    for w in wrong:
        reasons.append(f"wrongly named: {j.describe(w, inst, j.as_of)}")
    if unknown:
        reasons.append(f"not read as states: {', '.join(unknown)}")
    verdict = "supported" if not wrong else ("partly" if right else "contradicted")
    return Verdict(verdict, reasons, ev, {"wrong": wrong})
