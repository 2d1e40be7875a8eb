"""Check an article's claims: text in, one verdict per claim with reasons, repairs and evidence."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel

from foederis.engine.compile import Compiled

Verdict = Literal["supported", "contradicted", "partly", "unverifiable"]


class ClaimOut(BaseModel):
    start: int
    end: int
    text: str
    kind: str
    production: str
    subjects: list[str]
    instrument: str | None
    instrument_how: str = ""
    verdict: Verdict
    reasons: list[str]
    repairs: list[dict[str, Any]]
    evidence: list[dict[str, Any]] = []
    changes: list[dict[str, str]] = []
    wrong: list[str] = []
    changed_later: str | None = None  # with known_on: how the record as it stands now judges it


class CheckAnswer(BaseModel):
    as_of: date
    as_of_reason: str
    damaged_pair: str | None
    claims: list[ClaimOut]
    repairs: list[dict[str, Any]]
    summary: dict[str, int]
    text: str
    known_on: date | None = None  # judged against the record as it stood on this day


def check(c: Compiled, text: str, as_of: date | None = None, today: date | None = None) -> CheckAnswer:
    """Extract the claims of `text` and judge each as of `as_of` (else the article's date, else today)."""
    from foederis.claims.extract import article_date
    from foederis.claims.grammar import GRAMMAR_WORDS
    from foederis.claims.judge import Judge
    from foederis.claims.matching import Matcher, repair_text, vocabulary
    from foederis.claims.quotes import compare, find_quotes
    from foederis.claims.reader import Reader
    from foederis.claims.text import clean

    today = today or date.today()
    vocab = vocabulary(
        [p.text for p in c.record.provisions.values() if p.text], c.record.states, GRAMMAR_WORDS
    )
    cleaned = clean(text)
    repaired, repairs, pair = repair_text(cleaned, vocab)
    found = article_date(repaired.text) if as_of is None else None
    if as_of is not None:
        day, why = as_of, "given with --as-of"
    else:
        day, why = found if found else (today, "no date given or found in the article: today")
    ref_day = day if (as_of is not None or found) else None  # 'today', 'on Friday' read against it
    matcher = Matcher(c.record.states, pair)
    judge = Judge(c, day, today)
    out: list[ClaimOut] = []

    def local(s: int, e: int) -> list[dict[str, Any]]:
        return [r.to_dict() for r in repairs if s <= r.start < e or r.start <= s < r.end]

    for d in Reader(judge, matcher, ref_day).read(repaired):
        s, e = repaired.span(d.start, d.end)
        v = d.verdict
        reps = local(s, e)
        for subj in d.subjects:
            if subj.iso3 and subj.method not in ("exact",):
                reps.append(
                    {
                        "text": subj.phrase,
                        "read_as": subj.read_as,
                        "iso3": subj.iso3,
                        "method": subj.method,
                        "score": round(subj.score, 2),
                        "message": f"{subj.phrase!r} read as {c.record.states.name(subj.iso3)}, "
                        f"{subj.method}, score {subj.score:.2f}",
                    }
                )
        reasons = list(v.reasons)
        if d.instrument_how and not d.instrument_how.startswith("named"):
            reasons.append(f"instrument {d.instrument}: {d.instrument_how}")
        out.append(
            ClaimOut(
                start=s,
                end=e,
                text=text[s:e],
                kind=d.kind,
                production=d.production,
                subjects=[x.iso3 for x in d.subjects if x.iso3],
                instrument=d.instrument,
                instrument_how=d.instrument_how,
                verdict=v.verdict,
                reasons=reasons,
                repairs=reps,
                evidence=v.evidence,
                wrong=d.wrong or v.extra.get("wrong", []),
            )
        )
    for q in find_quotes(repaired.text):
        s, e = repaired.span(q.start, q.end)
        cands = [q.instrument] if q.instrument else sorted(c.instruments)
        res = compare(c.record, q, [x for x in cands if x])
        if res is None:
            continue
        if res.verdict == "contradicted":  # a repair may have guessed wrong: compare the words as written
            import re

            raw = re.sub(r"^\s*Article[^:\n]{0,80}:", "", clean(text[s:e]).text)
            alt = compare(c.record, replace(q, body=raw), [x for x in cands if x])
            if alt is not None and alt.verdict == "supported":
                res = alt
        evidence = [
            {"type": "provision", "id": pid, "text": c.record.provisions[pid].text}
            for pid in res.provision_ids
        ]
        reps = local(s, e) + [
            {
                "text": x["quoted"],
                "read_as": x["stored"],
                "method": "damaged quote word",
                "score": 1.0,
                "message": f"{x['quoted']!r} read as {x['stored']!r} (deleted pair)",
            }
            for x in res.damaged
        ]
        inst = res.provision_ids[0].split("/")[0] if res.provision_ids else q.instrument
        out.append(
            ClaimOut(
                start=s,
                end=e,
                text=text[s:e],
                kind="quote",
                production="quote",
                subjects=[],
                instrument=inst,
                instrument_how=q.how,
                verdict=res.verdict,  # type: ignore[arg-type]
                reasons=[*res.reasons, f"compared with {', '.join(res.provision_ids)}"],
                repairs=reps,
                evidence=evidence,
                changes=res.changes,
            )
        )
    out = _drop_inside_quotes(out)
    summary = {
        k: sum(1 for x in out if x.verdict == k)
        for k in ("supported", "contradicted", "partly", "unverifiable")
    }
    return CheckAnswer(
        as_of=day,
        as_of_reason=why,
        damaged_pair=pair,
        claims=out,
        repairs=[r.to_dict() for r in repairs],
        summary=summary,
        text=text,
    )


def _drop_inside_quotes(claims: list[ClaimOut]) -> list[ClaimOut]:
    """Claims found inside a quoted provision are the quote's words, not the article's claims."""
    quotes = [(q.start, q.end) for q in claims if q.kind == "quote"]
    keep = [x for x in claims if x.kind == "quote" or not any(a <= x.start < b for a, b in quotes)]
    return sorted(keep, key=lambda x: x.start)


def check_as_known(
    then: Compiled, now: Compiled, text: str, as_of: date | None = None, today: date | None = None
) -> CheckAnswer:
    """Judge `text` against the record as it stood on `then.record.known_on`, and say for each
    claim whether the record as it stands now (`now`) judges it otherwise."""
    ans = check(then, text, as_of, today)
    later = {(x.start, x.end, x.kind): x for x in check(now, text, as_of, today).claims}
    for claim in ans.claims:
        other = later.get((claim.start, claim.end, claim.kind))
        if other is None:
            continue
        if other.verdict != claim.verdict or other.reasons[:1] != claim.reasons[:1]:
            claim.changed_later = (
                f"facts that became known after {then.record.known_on} change this: as the record "
                f"stands now the claim is {other.verdict}"
                + (f" ({other.reasons[0]})" if other.reasons else "")
            )
    ans.known_on = then.record.known_on
    return ans


def known_on_day(text: str, value: str) -> date | None:
    """The day for `--known-on`: a YYYY-MM-DD date, or 'article' for the article's own date."""
    from foederis.claims.extract import article_date
    from foederis.claims.text import clean
    from foederis.questions.inputs import parse_date

    if value.strip().lower() != "article":
        return parse_date(value, "known-on")
    found = article_date(clean(text).text)
    return found[0] if found else None
