"""Judges of what a treaty's text says: withdrawal period, the armed-conflict clause, expulsion,
who may accede. Read from the stored provision texts, never from code."""

from __future__ import annotations

import re

from foederis.claims.extract import Draft
from foederis.claims.grammar import number_value
from foederis.claims.judges.context import JudgeContext, Verdict, withdrawal_provisions
from foederis.claims.judges.registry import judges

#: A period of notice in a withdrawal text: "six months after", "12 (twelve) months in advance".
_PERIOD = re.compile(r"(\w+)\s*(?:\(\d+\)\s*)?[ -](days?|months?|years?)\s+(?:after|in\s+advance|prior)")
_EXPULSION = re.compile(r"expel|expulsion|exclu", re.I)
_ACCESSION = re.compile(r"accede|accession", re.I)
#: The collective-defence clause in a stored text: an attack on one … considered an attack on all.
_ONE_FOR_ALL = re.compile(r"attack\s+against\s+one\b.{0,120}?\battack\s+against\s+them\s+all", re.I | re.S)


@judges("withdrawal_period")
def withdrawal_period(j: JudgeContext, d: Draft) -> Verdict:
    """'Withdrawal takes effect N months after notice': the period the withdrawal text states."""
    inst = d.instrument or ""
    pid = withdrawal_provisions().get(inst)
    p = j.c.record.provision(pid) if pid else None
    if p is None or p.text is None:
        return Verdict(
            "unverifiable",
            [f"the record has no withdrawal text for {inst}" + (f" ({pid})" if pid else "")],
        )
    assert pid is not None
    m = _PERIOD.search(p.text)
    if not m:
        return Verdict("unverifiable", [f"{pid} states no withdrawal period"], [j.prov(pid)])
    stored = (number_value(m.group(1)), m.group(2).rstrip("s"))
    num = d.groups.get("num") or d.groups.get("num2", "")
    unit = d.groups.get("unit") or d.groups.get("unit2", "")
    claimed = (number_value(num), unit.rstrip("s").lower())
    ok = stored == claimed
    return Verdict(
        "supported" if ok else "contradicted",
        [f"{pid}: {m.group(0)!r} — claimed {claimed[0]} {claimed[1]}(s)"],
        [j.prov(pid)],
    )


@judges("conflict_clause")
def conflict_clause(j: JudgeContext, d: Draft) -> Verdict:
    """'Withdrawal is delayed during an armed conflict': whether the withdrawal text says so."""
    inst = d.instrument or ""
    pid = withdrawal_provisions().get(inst)
    p = j.c.record.provision(pid) if pid else None
    if p is None or p.text is None:
        return Verdict("unverifiable", [f"the record has no withdrawal text for {inst}"])
    assert pid is not None
    ok = "armed conflict" in p.text.lower()
    return Verdict(
        "supported" if ok else "contradicted",
        [f"{pid} {'delays' if ok else 'does not delay'} withdrawal for an armed conflict"],
        [j.prov(pid)],
    )


@judges("expulsion")
def expulsion(j: JudgeContext, d: Draft) -> Verdict:
    """'A party can (not) be expelled': whether any stored provision provides for expulsion."""
    inst = d.instrument or ""
    ids = [pid for pid, p in j.c.record.provisions.items() if p.instrument == inst and p.text]
    hits = [pid for pid in ids if _EXPULSION.search(j.c.record.provisions[pid].text or "")]
    negative = bool(d.groups.get("neg"))
    wid = withdrawal_provisions().get(inst)
    ev = [j.prov(h) for h in hits] or ([j.prov(wid)] if wid else [])
    if not ids:
        return Verdict("unverifiable", [f"the record has no text of {inst}"])
    found = (
        f"provisions on expulsion: {', '.join(hits)}"
        if hits
        else (
            f"none of the {len(ids)} stored provisions of {inst} provides for expulsion; "
            f"a party leaves only by its own notice ({wid})"
        )
    )
    ok = (not hits) if negative else bool(hits)
    return Verdict("supported" if ok else "contradicted", [found], ev)


@judges("accession")
def accession(j: JudgeContext, d: Draft) -> Verdict:
    """'Any state may accede': the conditions the accession texts set (European, invited)."""
    inst = d.instrument or ""
    ids = [
        pid
        for pid, p in j.c.record.provisions.items()
        if p.instrument == inst and p.text and _ACCESSION.search(p.text)
    ]
    if not ids:
        return Verdict("unverifiable", [f"the record has no accession text for {inst}"])
    text = " ".join(j.c.record.provisions[i].text or "" for i in ids)
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
    return Verdict(verdict, reasons, [j.prov(i) for i in ids])


@judges("collective_defence")
def collective_defence(j: JudgeContext, d: Draft) -> Verdict:
    """'An attack on one is an attack on all': whether a stored provision of the instrument says so."""
    inst = d.instrument or ""
    ids = [pid for pid, p in j.c.record.provisions.items() if p.instrument == inst and p.text]
    hits = [pid for pid in ids if _ONE_FOR_ALL.search(j.c.record.provisions[pid].text or "")]
    if not ids:
        return Verdict("unverifiable", [f"the record has no text of {inst}"])
    if not hits:
        return Verdict("contradicted", [f"none of the {len(ids)} stored provisions of {inst} says so"])
    m = _ONE_FOR_ALL.search(j.c.record.provisions[hits[0]].text or "")
    quote = " ".join(m.group().split()) if m else ""
    return Verdict("supported", [f"{hits[0]}: {quote!r}"], [j.prov(h) for h in hits])
