"""Judges of counts: 'N states are bound by / have signed / ratified T', on the as-of day."""

from __future__ import annotations

from datetime import date
from typing import Any

import numpy as np

from foederis.claims.extract import Draft
from foederis.claims.grammar import number_value
from foederis.claims.judges.context import JudgeContext, Verdict
from foederis.claims.judges.registry import judges
from foederis.engine.compile import day_number
from foederis.engine.lookup import lookup
from foederis.questions.members import bound_states
from foederis.record.models import CONSENT_ACTIONS

#: What each basis counts, in the reasons' words.
WHAT = {
    "bound": "states bound by",
    "signed": "states that have signed",
    "consent": "states that consented to",
    "founders": "states that signed on the first signature day of",
}


def count_days(j: JudgeContext, inst: str, kind: str) -> tuple[list[date], np.ndarray]:
    """Change days of the instrument and the count on each (bound states or events), once per
    judge: an article repeats its counts."""
    key = (inst, kind)
    if key not in j.counts:
        j.counts[key] = _count_days_uncached(j, inst, kind)
    return j.counts[key]


def _count_days_uncached(j: JudgeContext, inst: str, kind: str) -> tuple[list[date], np.ndarray]:
    c = j.c
    if kind == "bound":
        days = sorted({iv.start for iv in c.intervals if iv.instrument == inst} | {j.as_of})
        dn = np.array([day_number(x) for x in days])
        res = lookup(c, np.arange(len(c.states))[:, None], c.instrument_index[inst], dn[None, :])
        return days, res.bound.sum(axis=0)
    if kind == "founders":  # the states that signed on the first day anyone signed: a fixed number
        sigs = [e for e in c.record.events_for(inst) if e.action == "signature" and e.state not in ("*", "")]
        if not sigs:
            return [j.as_of], np.array([0])
        first = min(e.date for e in sigs)
        n = len({e.state for e in sigs if e.date == first})
        days = sorted({first, j.as_of})
        return days, np.array([n if x >= first else 0 for x in days])
    actions = {"signature"} if kind == "signed" else set(CONSENT_ACTIONS)
    firsts: dict[str, date] = {}
    for e in c.record.events_for(inst):
        if e.action in actions and e.state not in ("*", ""):
            firsts[e.state] = min(firsts.get(e.state, e.date), e.date)
    days = sorted(set(firsts.values()) | {j.as_of})
    counts = np.array([sum(1 for v in firsts.values() if v <= x) for x in days])
    return days, counts


def _count_on(j: JudgeContext, inst: str, kind: str) -> int:
    """The count on the as-of day."""
    days, counts = count_days(j, inst, kind)
    return int(counts[max(i for i, x in enumerate(days) if x <= j.as_of)])


def _basis(d: Draft) -> str:
    """What the claim counts: signatories, states that consented, or states bound (the default)."""
    noun = d.groups.get("noun", "").lower()
    verb = d.groups.get("verb", "").lower()
    if "founder" in noun:
        return "founders"
    if "signator" in noun or verb == "signed":
        return "signed"
    return "consent" if verb in ("ratified", "accepted", "acceded to") else "bound"


@judges("count", "count_consent")
def count(j: JudgeContext, d: Draft) -> Verdict:
    """'N states are parties to T': the count on the day, when else it held, and what N counts if not."""
    inst = d.instrument or ""
    n = number_value(d.groups.get("num", "")) or 0
    kind = _basis(d)
    days, counts = count_days(j, inst, kind)
    actual = _count_on(j, inst, kind)
    reasons = [f"{actual} {WHAT[kind]} {inst}" + ("" if kind == "founders" else f" on {j.as_of}")]
    ev: list[dict[str, Any]] = [
        {"type": "count", "instrument": inst, "date": j.as_of.isoformat(), "count": actual, "basis": kind}
    ]
    if kind == "bound":
        ev[0]["members"] = bound_states(j.c, inst, j.as_of)
    ranges = _ranges(days, counts, n)
    if ranges:
        reasons.append(
            f"the count was {n} "
            + "; ".join(f"from {a}" + (f" to {b}" if b else " on") for a, b in ranges[-3:])
        )
    bound = d.groups.get("bound", "")
    if bound:  # "more than 160 countries", "some 165 states parties"
        ok = _within_bound(actual, n, bound)
        reasons[0] += f"; claimed {bound.replace('_', ' ')} {n}"
        return Verdict("supported" if ok else "contradicted", reasons, ev)
    if actual != n and d.groups.get("future"):  # "will take the alliance to 26": the next count
        nxt = next((int(k) for x, k in zip(days, counts, strict=True) if x > j.as_of and k != actual), None)
        if nxt == n:
            reasons.append(f"a growth to come: the count became {n} after {j.as_of}")
            return Verdict("supported", reasons, ev)
        return Verdict("unverifiable", [*reasons, "a growth to come: the record's next count differs"], ev)
    if actual != n:
        other = _other_reading(j, inst, kind, n, reasons, ev)
        if other is not None:
            return other
    today_count = _count_today(j, inst, kind, days, counts)
    if today_count is not None and today_count != actual:
        reasons.append(f"the answer differs today: {today_count} on {j.today}")
    return Verdict("supported" if actual == n else "contradicted", reasons, ev)


def _other_reading(
    j: JudgeContext, inst: str, kind: str, n: int, reasons: list[str], ev: list[dict[str, Any]]
) -> Verdict | None:
    """A wrong count that the record cannot judge (too few states known), or that is right on
    another basis ('partly'); None when neither."""
    known = len({iv.state for iv in j.c.intervals if iv.instrument == inst})
    if known < n:
        return Verdict(
            "unverifiable",
            [f"the record holds events of only {known} states under {inst}: it cannot judge a count of {n}"],
            ev,
        )
    for other in ("bound", "consent", "signed"):
        if kind != "founders" and other != kind and _count_on(j, inst, other) == n:
            reasons.append(f"{n} is the number of {WHAT[other]} {inst} on {j.as_of}")
            return Verdict("partly", reasons, ev)
    return None


def _count_today(j: JudgeContext, inst: str, kind: str, days: list[date], counts: np.ndarray) -> int | None:
    if j.today == j.as_of:
        return None
    if kind == "bound":
        return len(bound_states(j.c, inst, j.today))
    pre = [i for i, x in enumerate(days) if x <= j.today]
    return int(counts[pre[-1]]) if pre else 0


def _ranges(days: list[date], counts: np.ndarray, n: int) -> list[tuple[date, date | None]]:
    """The spans of days on which the count was n."""
    out: list[tuple[date, date | None]] = []
    for i, x in enumerate(days):
        if counts[i] == n and (i == 0 or counts[i - 1] != n):
            end = next((days[j] for j in range(i + 1, len(days)) if counts[j] != n), None)
            out.append((x, end))
    return out


def _within_bound(actual: int, n: int, bound: str) -> bool:
    """Whether the count meets the qualified number: above, at least, below, at most, about (within
    5% or 2), nearly (below it, within 10%)."""
    if bound == "above":
        return actual > n
    if bound == "at_least":
        return actual >= n
    if bound == "below":
        return actual < n
    if bound == "at_most":
        return actual <= n
    if bound == "nearly":
        return 0.9 * n <= actual <= n
    return abs(actual - n) <= max(2, round(0.05 * n))
