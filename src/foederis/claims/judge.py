"""Judging claims against the compiled record: status intervals, events with sources, provision texts.

No fact lives here: counts, members, dates and periods all come from the engine or the texts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from foederis.claims.extract import DateSpec, Draft
from foederis.claims.grammar import number_value
from foederis.engine.compile import Compiled, day_number, from_day_number
from foederis.engine.lookup import lookup
from foederis.questions.members import bound_states
from foederis.record.models import CONSENT_ACTIONS, Event
from foederis.rules.base import Status

ACTIVE = {Status.signatory, Status.consented, Status.party, Status.withdrawal_pending, Status.suspended}


@dataclass
class Verdict:
    verdict: str
    reasons: list[str]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def _withdrawal_provisions() -> dict[str, str]:
    """Each instrument's withdrawal-effect provision, from the registry."""
    from foederis.rules.registry import REGISTRY

    return {i: s.withdrawal.effect for i, s in REGISTRY.items() if s.withdrawal is not None}


def _ev(e: Event) -> dict[str, Any]:
    return {
        "type": "event",
        "instrument": e.instrument,
        "state": e.state,
        "action": e.action,
        "date": e.date.isoformat(),
        "source": e.source,
        "ref": e.ref,
    }


class Judge:
    """Judges drafts as of one day, noting where the answer differs today."""

    def __init__(self, c: Compiled, as_of: date, today: date | None = None) -> None:
        self.c, self.as_of, self.today = c, as_of, today or date.today()
        self.names = c.record.states
        self._counts: dict[tuple[str, str], tuple[list[date], np.ndarray]] = {}

    # ---- engine facts -------------------------------------------------------------------
    def iv(self, state: str, inst: str, day: date):
        return self.c.interval_on(state, inst, day)

    def status_ev(self, state: str, inst: str, day: date) -> dict[str, Any]:
        iv = self.iv(state, inst, day)
        ev: dict[str, Any] = {
            "type": "status",
            "state": state,
            "instrument": inst,
            "date": day.isoformat(),
            "status": iv.status.name if iv else "none",
            "bound": bool(iv and iv.bound),
            "since": iv.start.isoformat() if iv else None,
            "until": iv.end.isoformat() if iv and iv.end else None,
        }
        if iv:
            ev["provisions"] = [r.provision for r in iv.reasons if r.provision]
            ev["events"] = [_ev(e) for r in iv.reasons for e in r.events][:4]
        return ev

    def events(self, state: str, inst: str, actions: set[str] | None = None) -> list[Event]:
        return [
            e
            for e in self.c.record.events_for(inst)
            if e.state == state
            and (
                actions is None
                or e.action in actions
                or any(a.endswith("*") and e.action.startswith(a[:-1]) for a in actions)
            )
        ]

    def _describe(self, state: str, inst: str, day: date) -> str:
        iv = self.iv(state, inst, day)
        name = f"{self.names.name(state)} ({state})"
        if iv is None:
            return f"{name} has no status under {inst} on {day}"
        since = f" since {iv.start}" + (f" until {iv.end}" if iv.end else "")
        prov = ", ".join(dict.fromkeys(r.provision for r in iv.reasons if r.provision))
        return f"{name} is {iv.status.name}{' (bound)' if iv.bound else ''} under {inst} on {day}{since}" + (
            f" [{prov}]" if prov else ""
        )

    def _flip(self, truth, state: str, inst: str) -> str | None:
        """'true on D; false since E' when the answer on the as-of day differs today."""
        a, b = min(self.as_of, self.today), max(self.as_of, self.today)
        ta, tb = truth(a), truth(b)
        if ta == tb:
            return None
        days = sorted({iv.start for iv in self.c.intervals_of(state, inst) if a < iv.start <= b})
        flip = next((d for d in days if truth(d) != ta), b)
        return f"{'true' if ta else 'false'} on {a}; {'true' if tb else 'false'} since {flip}"

    # ---- dispatch ------------------------------------------------------------------------
    def judge(self, d: Draft) -> Verdict:
        if d.instrument is None:
            return Verdict("unverifiable", ["no instrument could be read for this claim"])
        fn = getattr(self, f"_{d.relation}", None)
        if fn is None:
            return Verdict("unverifiable", [f"no judge for {d.relation}"])
        return fn(d)

    def _truth_claim(self, d: Draft, truth, what: str) -> Verdict:
        state, inst = d.subjects[0].iso3, d.instrument
        assert state and inst
        day = self.as_of
        ok = truth(day)
        reasons = [
            self._describe(state, inst, day),
            f"claim ({what}) is {'true' if ok else 'false'} on {day}",
        ]
        flip = self._flip(truth, state, inst)
        if flip:
            reasons.append(f"the answer differs today: {flip}")
        return Verdict("supported" if ok else "contradicted", reasons, [self.status_ev(state, inst, day)])

    def _bound_fn(self, state: str, inst: str):
        return lambda day: bool((iv := self.iv(state, inst, day)) and iv.bound)

    def _member(self, d: Draft) -> Verdict:
        return self._truth_claim(d, self._bound_fn(d.subjects[0].iso3 or "", d.instrument or ""), "bound")

    _bound = _member

    def _not_member(self, d: Draft) -> Verdict:
        f = self._bound_fn(d.subjects[0].iso3 or "", d.instrument or "")
        return self._truth_claim(d, lambda day: not f(day), "not bound")

    _not_bound = _not_member

    def _party(self, d: Draft) -> Verdict:
        state, inst = d.subjects[0].iso3 or "", d.instrument or ""
        if d.groups.get("rel", "").lower() == "signatory":

            def signed(day: date) -> bool:
                iv = self.iv(state, inst, day)
                return bool(iv and iv.status in ACTIVE)

            v = self._truth_claim(d, signed, "signatory: signed and not withdrawn")
            sigs = self.events(state, inst, {"signature"})
            v.evidence += [_ev(e) for e in sigs]
            if not sigs and v.verdict == "supported":
                v.reasons.append("the record has no signature: the state joined by accession")
            return v
        return self._member(d)

    def _not_party(self, d: Draft) -> Verdict:
        if d.groups.get("rel", "").lower() == "signatory":
            state, inst = d.subjects[0].iso3 or "", d.instrument or ""
            return self._truth_claim(
                d,
                lambda day: not any(e.date <= day for e in self.events(state, inst, {"signature"})),
                "never signed",
            )
        return self._not_member(d)

    def _not_joined(self, d: Draft) -> Verdict:
        state, inst = d.subjects[0].iso3 or "", d.instrument or ""
        verb = d.groups.get("verb", "joined").lower()
        if verb == "signed":
            v = self._truth_claim(
                d,
                lambda day: not any(e.date <= day for e in self.events(state, inst, {"signature"})),
                "never signed",
            )
        elif verb == "ratified":
            v = self._truth_claim(
                d,
                lambda day: not any(e.date <= day for e in self.events(state, inst, set(CONSENT_ACTIONS))),
                "no consent to be bound",
            )
        else:
            f = self._bound_fn(state, inst)
            v = self._truth_claim(d, lambda day: not f(day), "not bound")
            was = [iv for iv in self.c.intervals_of(state, inst) if iv.bound and iv.start <= self.as_of]
            if v.verdict == "supported" and was:
                v.reasons.append(
                    f"but it had been bound from {was[0].start} to {was[-1].end}: it joined and left"
                )
                v.verdict = "partly"
        return v

    def _withdrew(self, d: Draft) -> Verdict:
        state, inst = d.subjects[0].iso3 or "", d.instrument or ""
        ivs = self.c.intervals_of(state, inst)
        gone = [
            iv for iv in ivs if iv.status in (Status.withdrawn, Status.terminated) and iv.start <= self.as_of
        ]
        pend = [iv for iv in ivs if iv.status == Status.withdrawal_pending and iv.start <= self.as_of]
        ev = [self.status_ev(state, inst, self.as_of)] + [
            _ev(e) for e in self.events(state, inst, {"withdrawal*"})
        ]
        name = f"{self.names.name(state)} ({state})"
        if not gone and d.groups.get("future") and not pend:
            return Verdict(
                "unverifiable", [f"the record has no notice of withdrawal by {name} from {inst}"], ev
            )
        if not gone and pend and d.date and _within(pend[0].end, d.date):
            return Verdict(
                "supported",
                [
                    f"{name} gave notice on {pend[0].start}; the withdrawal takes effect on {pend[0].end}, "
                    "as claimed"
                ],
                ev,
            )
        if not gone:
            if pend:
                return Verdict(
                    "partly",
                    [
                        f"{name} gave notice on {pend[0].start}; the withdrawal takes effect on "
                        f"{pend[0].end} (not yet on {self.as_of})"
                    ],
                    ev,
                )
            later = [iv for iv in ivs if iv.status == Status.withdrawn]
            why = [self._describe(state, inst, self.as_of)]
            if later:
                why.append(f"the answer differs today: false on {self.as_of}; true since {later[0].start}")
            return Verdict("contradicted", why, ev)
        eff = gone[0].start
        reasons = [
            f"{name} withdrew from {inst}: effective {eff}" + (f" (notice {pend[0].start})" if pend else "")
        ]
        if d.date:
            if _within(eff, d.date):
                reasons.append(f"the date {d.date.text!r} matches the effective date {eff}")
            elif pend and _within(pend[0].start, d.date):
                reasons.append(
                    f"{d.date.text!r} is the date of notice ({pend[0].start}); it took effect on {eff}"
                )
                return Verdict("partly", reasons, ev)
            else:
                reasons.append(f"{d.date.text!r} does not match: the withdrawal took effect on {eff}")
                return Verdict("contradicted", reasons, ev)
        return Verdict("supported", reasons, ev)

    def _not_withdrew(self, d: Draft) -> Verdict:
        state, inst = d.subjects[0].iso3 or "", d.instrument or ""
        gone = [
            iv
            for iv in self.c.intervals_of(state, inst)
            if iv.status in (Status.withdrawn, Status.terminated) and iv.start <= self.as_of
        ]
        ev = [self.status_ev(state, inst, self.as_of)]
        if gone:
            return Verdict(
                "contradicted",
                [f"{self.names.name(state)} withdrew from {inst}: effective {gone[0].start}"],
                ev,
            )
        return Verdict("supported", [self._describe(state, inst, self.as_of)], ev)

    def _withdrawal_any(self, d: Draft) -> Verdict:
        """A withdrawal named as a noun ("X's withdrawal from T"): a notice or its effect on record."""
        state, inst = d.subjects[0].iso3 or "", d.instrument or ""
        evs = [e for e in self.events(state, inst, {"withdrawal*"}) if e.date <= self.as_of]
        ivs = [iv for iv in self.c.intervals_of(state, inst) if iv.start <= self.as_of]
        moves = [iv for iv in ivs if iv.status in (Status.withdrawal_pending, Status.withdrawn)]
        name = f"{self.names.name(state)} ({state})"
        if moves or evs:
            first = moves[0].start if moves else evs[0].date
            return Verdict(
                "supported",
                [f"{name}: withdrawal from {inst} on record from {first}"],
                [_ev(e) for e in evs] or [self.status_ev(state, inst, self.as_of)],
            )
        if not ivs:
            return Verdict(
                "contradicted",
                [f"{name} has no status under {inst} on {self.as_of}: nothing to leave"],
                [self.status_ev(state, inst, self.as_of)],
            )
        return Verdict(
            "contradicted",
            [f"no withdrawal of {name} from {inst} by {self.as_of}"],
            [self.status_ev(state, inst, self.as_of)],
        )

    def _notice(self, d: Draft) -> Verdict:
        """A notice (instrument) of withdrawal or a denunciation, matched by date when one is given."""
        state, inst = d.subjects[0].iso3 or "", d.instrument or ""
        evs = [
            e
            for e in self.events(state, inst, {"withdrawal_notice", "withdrawal_deposited", "denunciation*"})
            if e.date <= max(self.as_of, d.date.hi if d.date else self.as_of)
        ]
        pend = [iv for iv in self.c.intervals_of(state, inst) if iv.status == Status.withdrawal_pending]
        days = sorted({e.date for e in evs} | {iv.start for iv in pend})
        name = f"{self.names.name(state)} ({state})"
        if not days:
            return Verdict("unverifiable", [f"the record has no notice of withdrawal by {name} from {inst}"])
        ev = [_ev(e) for e in evs] or [self.status_ev(state, inst, days[0])]
        if d.date is None or any(_within(x, d.date) for x in days):
            return Verdict("supported", [f"{name} gave notice of withdrawal from {inst} on {days[0]}"], ev)
        return Verdict("contradicted", [f"{name} gave notice on {days[0]}, not {d.date.text!r}"], ev)

    def _founder(self, d: Draft) -> Verdict:
        """A founding member: it signed the instrument on its first signature day."""
        state, inst = d.subjects[0].iso3 or "", d.instrument or ""
        sigs = sorted(
            (e for e in self.c.record.events_for(inst) if e.action == "signature"), key=lambda e: e.date
        )
        if not sigs:
            return Verdict("unverifiable", [f"the record has no signature of {inst}"])
        first = sigs[0].date
        founders = {e.state for e in sigs if e.date == first}
        name = f"{self.names.name(state)} ({state})"
        mine = [e for e in sigs if e.state == state]
        if state in founders:
            return Verdict(
                "supported", [f"{name} signed {inst} on its first signature day, {first}"], [_ev(mine[0])]
            )
        why = f"first signed by {len(founders)} states on {first}; {name} " + (
            f"signed on {mine[0].date}" if mine else "was not among them"
        )
        return Verdict("contradicted", [why], [self.status_ev(state, inst, self.as_of)])

    def _ordinal(self, d: Draft) -> Verdict:
        """'the 30th member', 'the last state to join', 'the first to leave': a rank among states."""
        state, inst = d.subjects[0].iso3 or "", d.instrument or ""
        leave = d.groups.get("verb", "join") == "leave"
        firsts: dict[str, date] = {}
        if leave:
            for iv in self.c.intervals:
                if iv.instrument == inst and iv.status in (Status.withdrawn,) and iv.start <= self.as_of:
                    firsts[iv.state] = min(firsts.get(iv.state, iv.start), iv.start)
        else:
            for e in self.c.record.events_for(inst):
                if e.action in CONSENT_ACTIONS and e.state not in ("*", "") and e.date <= self.as_of:
                    firsts[e.state] = min(firsts.get(e.state, e.date), e.date)
        what = "to leave" if leave else "to join"
        name = f"{self.names.name(state)} ({state})"
        if state not in firsts:
            return Verdict(
                "contradicted",
                [f"{name} had not {'left' if leave else 'joined'} {inst} by {self.as_of}"],
                [self.status_ev(state, inst, self.as_of)],
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
            ok = lo <= k <= hi
            claim = f"number {k}"
        reasons = [
            f"{name} is number {rank} of {len(firsts)} states {what} {inst} by {self.as_of} (on {mine}); "
            f"claimed {claim}"
        ]
        return Verdict(
            "supported" if ok else "contradicted", reasons, [self.status_ev(state, inst, self.as_of)]
        )

    def _joined(self, d: Draft) -> Verdict:
        state, inst = d.subjects[0].iso3 or "", d.instrument or ""
        bound = [iv for iv in self.c.intervals_of(state, inst) if iv.bound]
        consent = self.events(state, inst, set(CONSENT_ACTIONS))
        ev = [self.status_ev(state, inst, self.as_of)] + [_ev(e) for e in consent]
        name = f"{self.names.name(state)} ({state})"
        if not bound:
            return Verdict("contradicted", [f"{name} has never been bound by {inst} in the record"], ev)
        start = bound[0].start
        if d.date is None:
            return Verdict("supported", [f"{name} bound by {inst} since {start}"], ev)
        if _within(start, d.date) or any(_within(e.date, d.date) for e in consent):
            return Verdict("supported", [f"{name} bound by {inst} from {start}; matches {d.date.text!r}"], ev)
        return Verdict("contradicted", [f"{name} became bound by {inst} on {start}, not {d.date.text!r}"], ev)

    def _event(self, d: Draft) -> Verdict:
        state, inst = d.subjects[0].iso3 or "", d.instrument or ""
        verb = d.groups.get("verb", "").lower()
        if verb.startswith(("left", "withdrew")):
            return self._withdrew(d)
        if verb.startswith(("joined", "acceded")):
            return self._joined(d)
        actions = {
            "signed": {"signature"},
            "ratified": set(CONSENT_ACTIONS),
            "revoked": {"ratification_revoked"},
        }.get(verb, {"suspension*"})
        evs = self.events(state, inst, actions)
        name = f"{self.names.name(state)} ({state})"
        if not evs:
            joined = self.events(state, inst, {"accession"})
            if verb == "signed" and joined:
                dated = d.date is None or _within(joined[0].date, d.date)
                return Verdict(
                    "partly" if dated else "contradicted",
                    [
                        f"{name} never signed {inst}: it acceded on {joined[0].date}"
                        + (" (the date given is that of its accession)" if d.date and dated else "")
                    ],
                    [_ev(e) for e in joined],
                )
            return Verdict("unverifiable", [f"the record has no {verb} event of {name} under {inst}"])
        if d.date is None:
            return Verdict("supported", [f"{name} {verb} {inst} on {evs[0].date}"], [_ev(e) for e in evs])
        hits = [e for e in evs if _within(e.date, d.date)]
        if hits:
            return Verdict(
                "supported",
                [f"{name} {verb} {inst}: {hits[0].action} on {hits[0].date}, source {hits[0].source}"],
                [_ev(e) for e in hits],
            )
        dates = ", ".join(f"{e.action} {e.date}" for e in evs)
        return Verdict(
            "contradicted",
            [f"{d.date.text!r} does not match the record for {name} under {inst}: {dates}"],
            [_ev(e) for e in evs],
        )

    def _treaty_event(self, d: Draft) -> Verdict:
        inst = d.instrument or ""
        verb = d.groups.get("verb", "").lower()
        if "force" in verb:
            day, reason = self.c.treaty.get(inst, {}).get("entry_into_force", (None, None))
            if day is None:
                return Verdict("unverifiable", [f"the record has no entry into force of {inst}"])
            ev = [{"type": "rule", "provision": reason.provision, "summary": reason.summary}]
            ok = d.date is not None and _within(day, d.date)
            return Verdict(
                "supported" if ok else "contradicted",
                [f"{inst} entered into force on {day} [{reason.provision}]"],
                ev,
            )
        if verb.startswith("adopted"):  # adoption of the text is not an event the record holds
            return Verdict(
                "unverifiable", [f"the record holds no adoption of {inst}'s text, only signatures"]
            )
        sigs = sorted(
            (e for e in self.c.record.events_for(inst) if e.action == "signature"), key=lambda e: e.date
        )
        if not sigs:
            return Verdict("unverifiable", [f"the record has no signature of {inst}"])
        first = sigs[0]
        ok = d.date is not None and _within(first.date, d.date)
        return Verdict(
            "supported" if ok else "contradicted",
            [f"{inst} was first signed on {first.date} ({first.state_name or first.state})"],
            [_ev(first)],
        )

    def _member_list(self, d: Draft) -> Verdict:
        inst = d.instrument or ""
        wrong, right, unknown = [], [], []
        ev = []
        for s in d.subjects:
            if s.iso3 is None:
                unknown.append(s.phrase)
                continue
            (right if self._bound_fn(s.iso3, inst)(self.as_of) else wrong).append(s.iso3)
            ev.append(self.status_ev(s.iso3, inst, self.as_of))
        reasons = []
        if right:
            reasons.append(f"bound by {inst} on {self.as_of}: {', '.join(right)}")
        for w in wrong:
            reasons.append(f"wrongly named: {self._describe(w, inst, self.as_of)}")
        if unknown:
            reasons.append(f"not read as states: {', '.join(unknown)}")
        verdict = "supported" if not wrong else ("partly" if right else "contradicted")
        return Verdict(verdict, reasons, ev, {"wrong": wrong})

    def _count_days(self, inst: str, kind: str) -> tuple[list[date], np.ndarray]:
        """Change days of the instrument and the count on each (bound states or events), once per
        judge: an article repeats its counts."""
        key = (inst, kind)
        if key not in self._counts:
            self._counts[key] = self._count_days_uncached(inst, kind)
        return self._counts[key]

    def _count_days_uncached(self, inst: str, kind: str) -> tuple[list[date], np.ndarray]:
        c = self.c
        if kind == "bound":
            days = sorted({iv.start for iv in c.intervals if iv.instrument == inst} | {self.as_of})
            dn = np.array([day_number(x) for x in days])
            res = lookup(c, np.arange(len(c.states))[:, None], c.instrument_index[inst], dn[None, :])
            return days, res.bound.sum(axis=0)
        actions = {"signature"} if kind == "signed" else set(CONSENT_ACTIONS)
        firsts: dict[str, date] = {}
        for e in c.record.events_for(inst):
            if e.action in actions and e.state not in ("*", ""):
                firsts[e.state] = min(firsts.get(e.state, e.date), e.date)
        days = sorted(set(firsts.values()) | {self.as_of})
        counts = np.array([sum(1 for v in firsts.values() if v <= x) for x in days])
        return days, counts

    def _count(self, d: Draft) -> Verdict:
        inst = d.instrument or ""
        n = number_value(d.groups.get("num", "")) or 0
        noun = d.groups.get("noun", "").lower()
        verb = d.groups.get("verb", "").lower()
        kind = (
            "signed"
            if ("signator" in noun or verb == "signed")
            else ("consent" if verb in ("ratified", "accepted", "acceded to") else "bound")
        )
        days, counts = self._count_days(inst, kind)
        idx = max(i for i, x in enumerate(days) if x <= self.as_of)
        actual = int(counts[idx])
        what = {
            "bound": "states bound by",
            "signed": "states that have signed",
            "consent": "states that consented to",
        }
        reasons = [f"{actual} {what[kind]} {inst} on {self.as_of}"]
        ev: list[dict[str, Any]] = [
            {
                "type": "count",
                "instrument": inst,
                "date": self.as_of.isoformat(),
                "count": actual,
                "basis": kind,
            }
        ]
        if kind == "bound":
            ev[0]["members"] = bound_states(self.c, inst, self.as_of)
        ranges = _ranges(days, counts, n)
        if ranges:
            reasons.append(
                f"the count was {n} "
                + "; ".join(f"from {a}" + (f" to {b}" if b else " on") for a, b in ranges[-3:])
            )
        if actual != n:
            known = len({iv.state for iv in self.c.intervals if iv.instrument == inst})
            if known < n:
                return Verdict(
                    "unverifiable",
                    [
                        f"the record holds events of only {known} states under {inst}: "
                        f"it cannot judge a count of {n}"
                    ],
                    ev,
                )
            for other in ("bound", "consent", "signed"):
                if other == kind:
                    continue
                o_days, o_counts = self._count_days(inst, other)
                o_idx = max(i for i, x in enumerate(o_days) if x <= self.as_of)
                if int(o_counts[o_idx]) == n:
                    reasons.append(f"{n} is the number of {what[other]} {inst} on {self.as_of}")
                    return Verdict("partly", reasons, ev)
        today_count = self._count_today(inst, kind, days, counts)
        if today_count is not None and today_count != actual:
            reasons.append(f"the answer differs today: {today_count} on {self.today}")
        return Verdict("supported" if actual == n else "contradicted", reasons, ev)

    _count_consent = _count

    def _count_today(self, inst: str, kind: str, days: list[date], counts: np.ndarray) -> int | None:
        if self.today == self.as_of:
            return None
        if kind == "bound":
            return len(bound_states(self.c, inst, self.today))
        pre = [i for i, x in enumerate(days) if x <= self.today]
        return int(counts[pre[-1]]) if pre else 0

    # ---- provision statements -----------------------------------------------------------------
    def _prov(self, pid: str) -> dict[str, Any]:
        p = self.c.record.provision(pid)
        return {
            "type": "provision",
            "id": pid,
            "heading": p.heading if p else None,
            "text": p.text if p else None,
        }

    def _withdrawal_period(self, d: Draft) -> Verdict:
        inst = d.instrument or ""
        pid = _withdrawal_provisions().get(inst)
        p = self.c.record.provision(pid) if pid else None
        if p is None or p.text is None:
            return Verdict(
                "unverifiable",
                [f"the record has no withdrawal text for {inst}" + (f" ({pid})" if pid else "")],
            )
        m = re.search(
            r"(\w+)\s*(?:\(\d+\)\s*)?[ -](days?|months?|years?)\s+(?:after|in\s+advance|prior)", p.text
        )
        if not m:
            return Verdict("unverifiable", [f"{pid} states no withdrawal period"], [self._prov(pid)])
        stored = (number_value(m.group(1)), m.group(2).rstrip("s"))
        num = d.groups.get("num") or d.groups.get("num2", "")
        unit = d.groups.get("unit") or d.groups.get("unit2", "")
        claimed = (number_value(num), unit.rstrip("s").lower())
        ok = stored == claimed
        return Verdict(
            "supported" if ok else "contradicted",
            [f"{pid}: {m.group(0)!r} — claimed {claimed[0]} {claimed[1]}(s)"],
            [self._prov(pid)],
        )

    def _conflict_clause(self, d: Draft) -> Verdict:
        inst = d.instrument or ""
        pid = _withdrawal_provisions().get(inst)
        p = self.c.record.provision(pid) if pid else None
        if p is None or p.text is None:
            return Verdict("unverifiable", [f"the record has no withdrawal text for {inst}"])
        ok = "armed conflict" in p.text.lower()
        return Verdict(
            "supported" if ok else "contradicted",
            [f"{pid} {'delays' if ok else 'does not delay'} withdrawal for an armed conflict"],
            [self._prov(pid)],
        )

    def _expulsion(self, d: Draft) -> Verdict:
        inst = d.instrument or ""
        ids = [pid for pid, p in self.c.record.provisions.items() if p.instrument == inst and p.text]
        hits = [
            pid
            for pid in ids
            if re.search(r"expel|expulsion|exclu", self.c.record.provisions[pid].text or "", re.I)
        ]
        negative = bool(d.groups.get("neg"))
        wid = _withdrawal_provisions().get(inst)
        ev = [self._prov(h) for h in hits] or ([self._prov(wid)] if wid else [])
        if not ids:
            return Verdict("unverifiable", [f"the record has no text of {inst}"])
        found = (
            f"provisions on expulsion: {', '.join(hits)}"
            if hits
            else (
                f"none of the {len(ids)} stored provisions of {inst} provides for expulsion; a party leaves only by "  # noqa: E501
                f"its own notice ({wid})"
            )
        )
        ok = (not hits) if negative else bool(hits)
        return Verdict("supported" if ok else "contradicted", [found], ev)

    def _accession(self, d: Draft) -> Verdict:
        inst = d.instrument or ""
        ids = [
            pid
            for pid, p in self.c.record.provisions.items()
            if p.instrument == inst and p.text and re.search(r"accede|accession", p.text, re.I)
        ]
        if not ids:
            return Verdict("unverifiable", [f"the record has no accession text for {inst}"])
        text = " ".join(self.c.record.provisions[i].text or "" for i in ids)
        reasons, verdict = [], "supported"
        if re.search(r"European State", text) and not d.groups.get("eu"):
            verdict = "contradicted"
            reasons.append(f"{ids[0]} opens accession only to European States")
        if re.search(r"invite", text, re.I) and not d.groups.get("inv"):
            verdict = "partly" if verdict == "supported" else verdict
            reasons.append(
                f"{ids[0]}: a state must be invited, by unanimous agreement of the Parties"
                if "unanimous" in text
                else f"{ids[0]}: a state must be invited"
            )
        if verdict == "supported":
            reasons.append(f"as {', '.join(ids)} provide")
        return Verdict(verdict, reasons, [self._prov(i) for i in ids])


def _within(day: date, spec: DateSpec) -> bool:
    return spec.lo <= day <= spec.hi


def _ranges(days: list[date], counts: np.ndarray, n: int) -> list[tuple[date, date | None]]:
    out: list[tuple[date, date | None]] = []
    for i, x in enumerate(days):
        if counts[i] == n and (i == 0 or counts[i - 1] != n):
            end = next((days[j] for j in range(i + 1, len(days)) if counts[j] != n), None)
            out.append((x, end))
    return out


__all__ = ["Judge", "Verdict", "from_day_number"]
