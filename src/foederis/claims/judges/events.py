"""Judges of dated acts and ranks: a state's event, the treaty's own events, founders, ordinals."""

from __future__ import annotations

import re
from datetime import date

from foederis.claims.extract import Draft
from foederis.claims.judges.context import JudgeContext, Verdict, event_evidence, subject, within
from foederis.claims.judges.membership import joined
from foederis.claims.judges.registry import judges
from foederis.claims.judges.withdrawal import withdrew
from foederis.claims.lexicon import Group, groups
from foederis.record.models import CONSENT_ACTIONS, JOINING_ACTIONS, Event
from foederis.rules.base import Status


def _signatures(j: JudgeContext, inst: str) -> list[Event]:
    """The instrument's signature events, earliest first."""
    return sorted((e for e in j.c.record.events_for(inst) if e.action == "signature"), key=lambda e: e.date)


@judges("event")
def event(j: JudgeContext, d: Draft) -> Verdict:
    """'X signed / ratified / suspended / revoked T (on D)': the recorded act, matched by date."""
    verb = d.groups.get("verb", "").lower()
    if verb.startswith(("left", "withdrew")):
        return withdrew(j, d)
    if verb.startswith(("joined", "acceded")):
        return joined(j, d)
    state, inst = subject(d)
    actions = {
        "signed": {"signature"},
        "ratified": set(CONSENT_ACTIONS),
        "revoked": {"ratification_revoked"},
    }.get(verb, {"suspension*"})
    evs = j.events(state, inst, actions)
    name = j.name(state)
    derived = ""
    if not evs and verb == "signed":
        evs, derived = _signed_with_the_treaty(j, state, inst)
    if not evs:
        return _no_event(j, d, verb)
    if d.date is None:
        why = [f"{name} {verb} {inst} on {evs[0].date}", *derived]
        return Verdict("supported", why, [event_evidence(e) for e in evs])
    hits = [e for e in evs if within(e.date, d.date)]
    if hits:
        return Verdict(
            "supported",
            [f"{name} {verb} {inst}: {hits[0].action} on {hits[0].date}, source {hits[0].source}", *derived],
            [event_evidence(e) for e in hits],
        )
    dates = ", ".join(f"{e.action} {e.date}" for e in evs)
    return Verdict(
        "contradicted",
        [f"{d.date.text!r} does not match the record for {name} under {inst}: {dates}"],
        [event_evidence(e) for e in evs],
    )


#: What a domestic law's note says it does, by the verb the claim used (the record's `domestic_law`
#: rows have no structured kind; their notes name it).
_LAW_KINDS = {
    "suspend": re.compile(r"suspen|moratori", re.I),
    "denounce": re.compile(r"denounc|withdraw|quit", re.I),
}


@judges("law")
def law(j: JudgeContext, d: Draft) -> Verdict:
    """'X signed a law suspending / denouncing T (on D)': a recorded domestic law of that kind.
    A law the record does not hold is unverifiable, not wrong: the record keeps only some laws."""
    state, inst = subject(d)
    verb = d.groups.get("verb", "")
    name = j.name(state)
    laws = j.events(state, inst, {"domestic_law"})
    acts = j.events(state, inst, {"suspension*", "withdrawal_notice"})
    laws += [e for e in acts if "decree" in e.note.lower()]  # a decree the record holds as the act
    kind = _LAW_KINDS.get(verb)
    fit = [e for e in laws if kind is None or kind.search(e.note)]
    what = {"suspend": "suspending", "denounce": "denouncing"}.get(verb, "on")
    if not fit:
        return Verdict("unverifiable", [f"the record holds no law of {name} {what} {inst}"])
    hits = [e for e in fit if d.date is None or within(e.date, d.date)]
    if not hits:
        dates = ", ".join(str(e.date) for e in fit)
        return Verdict(
            "contradicted",
            [f"{name}'s law {what} {inst} is of {dates}, not {d.date.text!r}"],  # type: ignore[union-attr]
            [event_evidence(e) for e in fit],
        )
    return Verdict(
        "supported",
        [f"{name}: law {what} {inst} of {hits[0].date}, source {hits[0].source}"],
        [event_evidence(e) for e in hits],
    )


@judges("protocol_signed")
def protocol_signed(j: JudgeContext, d: Draft) -> Verdict:
    """'The allies signed the accession protocol for X (on D)': the protocol's signature in the record."""
    state, inst = subject(d)
    name = j.name(state)
    prefix = f"{inst}_protocol_"
    sigs = [
        e
        for iid, evs in j.c.record.by_instrument.items()
        if iid.startswith(prefix)
        for e in evs
        if e.state == state and e.action == "protocol_signature"
    ]
    if not sigs:
        return Verdict("unverifiable", [f"the record holds no protocol on the accession of {name} to {inst}"])
    hits = [e for e in sigs if d.date is None or within(e.date, d.date)]
    if not hits:
        return Verdict(
            "contradicted",
            [f"the protocol on the accession of {name} was signed on {sigs[0].date}, not {d.date.text!r}"],  # type: ignore[union-attr]
            [event_evidence(e) for e in sigs],
        )
    return Verdict(
        "supported",
        [f"the protocol on the accession of {name} to {inst} was signed on {hits[0].date}"],
        [event_evidence(e) for e in hits],
    )


def _signed_with_the_treaty(j: JudgeContext, state: str, inst: str) -> tuple[list[Event], list[str]]:
    """A state's signature where the record holds only the treaty's own ("*": a bilateral treaty
    signed by its parties together) and the state later consented to it: it signed on that day."""
    if any(e.action == "signature" and e.state not in ("*", "") for e in j.c.record.events_for(inst)):
        return [], []  # signatures are recorded per state: a missing one is missing
    treaty = [e for e in j.c.record.events_for(inst) if e.state == "*" and e.action == "signature"]
    consent = j.events(state, inst, set(CONSENT_ACTIONS))
    if not treaty or not consent or consent[0].date < treaty[0].date:
        return [], []
    why = (
        f"derived: the record holds the treaty's signature of {treaty[0].date}, not one per state; "
        f"{j.name(state)} consented to the treaty it signed ({consent[0].action} {consent[0].date})"
    )
    return [treaty[0]], [why]


def _no_event(j: JudgeContext, d: Draft, verb: str) -> Verdict:
    """No such act on record: a 'signature' of a state that acceded is partly right, else unknown."""
    state, inst = subject(d)
    name = j.name(state)
    acceded = j.events(state, inst, {"accession"})
    if verb == "signed" and acceded:
        dated = d.date is None or within(acceded[0].date, d.date)
        return Verdict(
            "partly" if dated else "contradicted",
            [
                f"{name} never signed {inst}: it acceded on {acceded[0].date}"
                + (" (the date given is that of its accession)" if d.date and dated else "")
            ],
            [event_evidence(e) for e in acceded],
        )
    known = {iv.state for iv in j.c.intervals if iv.instrument == inst}
    if verb in ("signed", "ratified") and len(known) >= _LISTED:
        # the depositary's list the record holds names every signatory and party: absence is an answer
        others = [e.action for e in j.c.record.events_for(inst) if e.state == state]
        held = f" (it holds only: {', '.join(sorted(set(others)))})" if others else ""
        why = f"the record of {inst}'s {len(known)} states has no {verb} event of {name}{held}"
        return Verdict("contradicted", [why], [j.status_ev(state, inst, j.as_of)])
    return Verdict("unverifiable", [f"the record has no {verb} event of {name} under {inst}"])


#: How many states an instrument's record must hold to be read as its full depositary list.
_LISTED = 20


@judges("treaty_event")
def treaty_event(j: JudgeContext, d: Draft) -> Verdict:
    """'T entered into force / was signed on D': the compiled entry into force or first signature."""
    inst = d.instrument or ""
    verb = d.groups.get("verb", "").lower()
    if "force" in verb:
        day, reason = j.c.treaty.get(inst, {}).get("entry_into_force", (None, None))
        if day is None:
            return Verdict("unverifiable", [f"the record has no entry into force of {inst}"])
        ev = [{"type": "rule", "provision": reason.provision, "summary": reason.summary}]
        ok = d.date is not None and within(day, d.date)
        return Verdict(
            "supported" if ok else "contradicted",
            [f"{inst} entered into force on {day} [{reason.provision}]"],
            ev,
        )
    if verb in ("expired", "extended"):  # the treaty's own recorded act of that kind
        action = {"expired": "expiry", "extended": "extension"}[verb]
        acts = [e for e in j.c.record.events_for(inst) if e.state == "*" and e.action == action]
        if not acts:
            return Verdict("unverifiable", [f"the record holds no {action} of {inst}"])
        ok = d.date is not None and any(within(e.date, d.date) for e in acts)
        later = [e for e in j.c.record.events_for(inst) if e.state == "*" and e.action == "extension"]
        later = [e for e in later if e.date > j.as_of]
        if verb == "expired" and not ok and later:  # the term then in force, before an extension
            why = f"{inst} was extended on {later[0].date}, after {j.as_of}: its earlier expiry is unrecorded"
            return Verdict("unverifiable", [why], [event_evidence(e) for e in later])
        return Verdict(
            "supported" if ok else "contradicted",
            [f"{inst}: {action} on {', '.join(str(e.date) for e in acts)}"],
            [event_evidence(e) for e in acts],
        )
    if verb.startswith("adopted"):  # adoption of the text is not an event the record holds
        return Verdict("unverifiable", [f"the record holds no adoption of {inst}'s text, only signatures"])
    sigs = _signatures(j, inst)
    if not sigs:
        return Verdict("unverifiable", [f"the record has no signature of {inst}"])
    first = sigs[0]
    ok = d.date is not None and within(first.date, d.date)
    eif = j.c.treaty.get(inst, {}).get("entry_into_force", (None, None))[0]
    by_eif = eif is not None and d.date is not None and within(eif, d.date)
    if d.groups.get("attributive") and not ok and by_eif:
        # "the 1997 Chemical Weapons Convention": a treaty is also dated by its entry into force
        return Verdict("supported", [f"{inst} entered into force in {eif.year} (first signed {first.date})"])
    return Verdict(
        "supported" if ok else "contradicted",
        [f"{inst} was first signed on {first.date} ({first.state_name or first.state})"],
        [event_evidence(first)],
    )


@judges("founder")
def founder(j: JudgeContext, d: Draft) -> Verdict:
    """A founding member: it signed the instrument on its first signature day."""
    state, inst = subject(d)
    sigs = _signatures(j, inst)
    if not sigs:
        return Verdict("unverifiable", [f"the record has no signature of {inst}"])
    first = sigs[0].date
    founders = {e.state for e in sigs if e.date == first}
    name = j.name(state)
    mine = [e for e in sigs if e.state == state]
    if state in founders:
        return Verdict(
            "supported",
            [f"{name} signed {inst} on its first signature day, {first}"],
            [event_evidence(mine[0])],
        )
    why = f"first signed by {len(founders)} states on {first}; {name} " + (
        f"signed on {mine[0].date}" if mine else "was not among them"
    )
    return Verdict("contradicted", [why], [j.status_ev(state, inst, j.as_of)])


def _first_days(j: JudgeContext, inst: str, leave: bool, upto: date) -> dict[str, date]:
    """Each state's first day of joining (consent) or of leaving (withdrawn) by the day `upto`."""
    firsts: dict[str, date] = {}
    if leave:
        for iv in j.c.intervals:
            if iv.instrument == inst and iv.status in (Status.withdrawn,) and iv.start <= upto:
                firsts[iv.state] = min(firsts.get(iv.state, iv.start), iv.start)
    else:
        for e in j.c.record.events_for(inst):
            if e.action in JOINING_ACTIONS and e.state not in ("*", "") and e.date <= upto:
                firsts[e.state] = min(firsts.get(e.state, e.date), e.date)
    return firsts


@judges("ordinal")
def ordinal(j: JudgeContext, d: Draft) -> Verdict:
    """'the 30th member', 'the last state to join', 'the first to leave': a rank among states."""
    state, inst = subject(d)
    leave = d.groups.get("verb", "join") == "leave"
    # a forecast with its day ("will become the 31st member tomorrow") is ranked on that day, when
    # the record already reaches it
    upto = min(d.date.hi, j.today) if d.date is not None and d.date.hi > j.as_of else j.as_of
    firsts = _first_days(j, inst, leave, upto)
    what = "to leave" if leave else "to join"
    name = j.name(state)
    among = _group(d.groups.get("grp", ""))
    within_group = ""
    if among is not None:  # "the first Baltic state to leave": ranked among the group's members
        firsts = {k: v for k, v in firsts.items() if k in among.members}
        within_group = f" among {among.name}"
    if state not in firsts:
        return Verdict(
            "contradicted",
            [f"{name} had not {'left' if leave else 'joined'} {inst} by {upto}"],
            [j.status_ev(state, inst, j.as_of)],
        )
    mine = firsts[state]
    lo = 1 + sum(1 for x in firsts.values() if x < mine)
    hi = sum(1 for x in firsts.values() if x <= mine)
    rank = f"{lo}" if lo == hi else f"{lo}-{hi} (joint, same day)"
    n, sup = d.groups.get("ord_n"), d.groups.get("ord_sup")
    if sup == "last":
        ok = hi == len(firsts)
        claim = "the last"
    else:
        k = int(n) if n else 1
        k2 = int(d.groups["ord_n2"]) if d.groups.get("ord_n2") else k  # "the 27th and 28th members"
        ok = lo <= k2 and k <= hi
        claim = f"number {k}" if k2 == k else f"number {k} or {k2}"
    reasons = [
        f"{name} is number {rank} of {len(firsts)} states {what} {inst}{within_group} by {upto} "
        f"(on {mine}); claimed {claim}"
    ]
    return Verdict("supported" if ok else "contradicted", reasons, [j.status_ev(state, inst, j.as_of)])


def _group(adjective: str) -> Group | None:
    """The fixed-membership group an adjective names ("Baltic" → the Baltic states), or None."""
    if not adjective:
        return None
    phrases = (f"{adjective} states", f"{adjective} countries")
    return next((g for g in groups() if g.members and any(g.pattern.search(x) for x in phrases)), None)
