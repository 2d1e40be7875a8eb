"""The claim reader: mentions → clauses → frames → a judgement per subject → one verdict per claim.

Stages 1-3 live in `mentions`, `clauses` and `frames`; this module runs them sentence by sentence,
judges each subject of a frame with `judge.Judge`, and aggregates: a list with some wrong members is
`partly` (naming them), a universal claim ("all allies") with one wrong is `contradicted`, and a
claim whose sentence asserts more than was read is never `supported` as a whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from foederis.claims.extract import DateSpec, Draft, Subject, article_date, parse_date
from foederis.claims.frames import Frame, SentenceContext, read_frames
from foederis.claims.grammar import number_value
from foederis.claims.judge import Judge, Verdict
from foederis.claims.lexicon import Group, markers
from foederis.claims.matching import Matcher, alliance_ids
from foederis.claims.mentions import (
    Mention,
    date_mentions,
    group_mentions,
    instrument_mentions,
    named_instruments,
    state_mentions,
)
from foederis.claims.text import Mapped, sentences
from foederis.claims.year_lists import year_list_frames
from foederis.questions.members import bound_states

_ANAPHORA = re.compile(
    r"\b(?:these|those|the|both|all)\s+(?P<n>two|three|four|five|six|seven|\d)\s+(?:states|countries|nations|allies)\b"
    r"|(?-i:\b(?:These|these)\s+(?:states|countries|nations)\b)",
    re.I,
)
#: A pronoun or a definite description standing for one state, where a subject can start: the
#: sentence's start, or after a comma, a conjunction or "that" ("It is the first country to leave",
#: "announced that it has withdrawn", "the Nordic country joined").
_PRONOUN = re.compile(
    r"\b(?P<p>(?-i:[Ii]t)|(?-i:[Tt]he)\s+(?:(?:(?-i:[A-Z][a-z]+)|small|tiny|former\s+(?-i:[A-Z][a-z]+))\s+){0,2}"
    r"(?:country|nation|republic|kingdom|state))\b(?!\s+(?:of|parties|party|that|which)\b)",
    re.I,
)
_SUBJECT_START = re.compile(
    r"(?:^|[,;:(\u2014\u2013-]\s*|\b(?:that|and|but|when|after|before|since|as|so|while|making|made|makes)\s+)$",
    re.I,
)
#: Relations that state a status on a day (rather than an act).
_STATUS = ("member", "not_member", "party", "not_party")
#: A past-tense copula: the status is said of some earlier time.
_PAST = re.compile(r"\b(?:was|were|had\s+been|had\s+not\s+been|had\s+never\s+been)\b", re.I)
#: Present-tense verbs of leaving, as headlines report a withdrawal under way.
_PRESENT_LEAVING = re.compile(r"\b(?:exits|withdraws|leaves|quits|pulls\s+out|walks\s+away)\b", re.I)
_DATELINE = re.compile(
    r"^[A-Z][\w .'-]{1,30},\s+(?P<d>[^()\n]{4,25}?)\s*(?:\([^)]{1,20}\))\s*[-:\u2013\u2014]?"
)
_AS_OF = re.compile(
    r"\bas\s+(?:of|at)\s+(?P<d>\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4}|\w+\s+\d{4}|\d{4})", re.I
)


_NAMED = re.compile(
    r"(?:[A-Z][\w-]*\s+){1,4}(?:Convention|Treaty|Pact|Accord|Agreement)\b|\b(?:Convention|Treaty)\s+on\s+[A-Z]"
)


def _unreadable_instrument(sent: str, insts: list[Mention]) -> int | None:
    """Where a capitalised treaty name ("the Oawa Treaty") that no instrument mention covers
    starts, or None."""
    starts = [
        m.start()
        for m in _NAMED.finditer(sent)
        if not any(x.start <= m.end() and m.start() <= x.end for x in insts)
    ]
    return min(starts) if starts else None


def _in_dateline(sent: str, pos: int) -> bool:
    """A date in a dateline ("Vilnius, June 29 (IANS) …") dates the report, not the event."""
    m = _DATELINE.match(sent)
    return bool(m) and pos < m.end()


def _unquote_names(sent: str) -> str:
    """Quote marks around a short name ('the "New START" treaty') become spaces, offsets kept; a
    quoted phrase in lower case ('"bears sole responsibility"') is somebody's words and stays quoted."""
    return re.sub(
        r"[\"\u201c\u201d]((?=[A-Z0-9])[^\"\u201c\u201d]{1,30})[\"\u201c\u201d]",
        lambda m: " " + m.group(1) + " " if len(m.group(1).split()) <= 3 else m.group(),
        sent,
    )


@dataclass
class Claim:
    """One judged claim: its span in the repaired text, what was read and the verdict."""

    start: int
    end: int
    kind: str
    production: str
    subjects: list[Subject]
    instrument: str | None
    instrument_how: str
    verdict: Verdict
    wrong: list[str] = field(default_factory=list)


def _kind(f: Frame) -> str:
    """The claim's kind, by what it says: membership (member, ally, joined), status (party, bound,
    withdrew, never joined), event (a dated act), ordinal, count."""
    if f.relation in ("ordinal", "count"):
        return f.relation
    if f.relation == "treaty_event" or (
        f.relation in ("signed", "ratified", "suspended", "revoked", "law", "protocol_signed") and f.positive
    ):
        return "event"
    if f.lemma == "passive":
        return "event" if f.positive else "status"
    if (
        f.lemma in ("member", "member_list")
        or f.relation == "founder"
        or (f.relation == "joined" and f.positive)
    ):
        return "membership" if not f.rel.lower().startswith(("part", "signator")) else "status"
    return "status"


def _relation(f: Frame) -> tuple[str, dict[str, str]]:
    """The judge's relation and groups for one subject of a frame."""
    rel, pos = f.relation, f.positive
    if f.lemma == "passive":
        rel = {
            "signed": "signed",
            "ratified": "ratified",
            "joined": "joined",
            "accepted": "joined",
            "denounced": "notice",
            "left": "withdrew",
            "abandoned": "withdrew",
        }.get(f.verb.lower(), "")
    if rel in ("member", "party", "bound"):
        if f.rel.lower().startswith("signator"):
            return ("party" if pos else "not_party"), {"rel": "signatory"}
        if not pos and f.extra.get("never"):
            return "not_joined", {"verb": "joined"}  # "has never been a party": at no time, not now
        return ("member" if pos else "not_member"), {}
    if rel == "joined":
        return ("joined" if pos else "not_joined"), {"verb": "joined"}
    if rel in ("signed", "ratified"):
        return ("event" if pos else "not_joined"), {"verb": rel}
    if rel == "suspended":
        return ("event" if pos else ""), {"verb": "suspended"}
    if rel == "revoked":
        return ("event" if pos else ""), {"verb": "revoked"}
    if rel in ("law", "protocol_signed"):
        return (rel if pos else ""), {"verb": f.verb}
    if rel == "withdrew":
        return ("withdrew" if pos else "not_withdrew"), {"future": "1" if f.future else ""}
    if rel == "notice":
        return (rel if pos else ""), ({"verb": "announced"} if f.verb == "announced" else {})
    if rel in ("withdrawal_any", "ordinal", "founder"):
        return (rel if pos else ""), {}
    return "", {}


class Reader:
    """Reads one article's sentences into judged claims."""

    def __init__(self, judge: Judge, matcher: Matcher, ref_day: date | None) -> None:
        self.judge, self.matcher, self.ref = judge, matcher, ref_day
        self.last_list: list[str] = []
        #: the states the sentence just read named (three or more), for "these nations" in the next one
        self.pending_list: list[str] = []
        self.list_is_recent = False
        self.last_alliance: str | None = None
        self.last_named: str | None = None  # the instrument named last, of any kind
        #: the one state the text spoke of last, for "it" or "the country" in a later sentence
        self.last_single: str | None = None

    def read(self, m: Mapped) -> list[Claim]:
        text = m.text
        out: list[Claim] = []
        context: str | None = None
        treaties = {i for _, i in named_instruments(text) if i not in alliance_ids()}
        sole = next(iter(treaties)) if len(treaties) == 1 else None
        prior: DateSpec | None = None  # the last date written, for "two years later"
        for s0, e0 in sentences(text):
            sent = _unquote_names(text[s0:e0])
            insts = instrument_mentions(sent, context, sole)
            unread = _unreadable_instrument(sent, insts)
            if unread is not None:
                # a name we cannot read may be what a later "the treaty" means: from there on, only
                # named instruments; a reference before it cannot mean it ("The treaty was signed
                # in 1990 … the Warsaw Pact")
                insts = [x for x in insts if x.how.startswith("named") or x.end <= unread]
                context_here: str | None = context if any(x.end <= unread for x in insts) else None
            else:
                context_here = context
            self.list_is_recent = bool(self.pending_list)
            if self.pending_list:
                self.last_list, self.pending_list = self.pending_list, []
            ctx = SentenceContext(
                sent,
                self._with_pronouns(sent, state_mentions(sent, self.matcher) + self._anaphora(sent)),
                group_mentions(sent),
                insts,
                dates := [d for d in date_mentions(sent, self.ref, prior) if not _in_dateline(sent, d.start)],
                context_here,
                context_alliance=self.last_alliance,
                context_latest=self.last_named,
            )
            written = [d.date for d in dates if d.date and d.date.precision != "week"]
            prior = written[-1] if written else prior
            judge = self._sentence_judge(sent)
            claims_before = len(out)
            listed_years = year_list_frames(ctx)
            read = read_frames(ctx)
            frames = [f for f in read if not any(f.start < y.end and y.start < f.end for y in listed_years)]
            for f in sorted(frames + listed_years, key=lambda f: f.start):
                claim = self._judge_frame(f, s0, sent, judge)
                if claim is not None:
                    out.append(claim)
                    if len(claim.subjects) > 1:
                        self.last_list = [x.iso3 for x in claim.subjects if x.iso3]
            distinct = {x.iso3 for x in ctx.states if x.iso3}
            singles = [c.subjects[0].iso3 for c in out[claims_before:] if len(c.subjects) == 1]
            if singles:  # the subject of the sentence's last claim about one state
                self.last_single = singles[-1]
            elif len(distinct) == 1:
                self.last_single = distinct.pop()
            elif distinct:
                self.last_single = None
            listed = [x.iso3 for x in ctx.states if x.iso3 and x.method != "refers back"]
            if len(listed) >= 3:
                self.pending_list = listed  # "A, B and C. These nations …" may refer back to them
            named = [
                x.inst
                for x in insts
                if x.how.startswith("named") and (x.inst not in alliance_ids() or "treaty" in x.text.lower())
            ]
            if named:
                context = named[-1]
            by_name = [x.inst for x in insts if x.how.startswith("named")]
            if by_name:
                self.last_named = by_name[-1]
            allied = [x.inst for x in insts if x.inst in alliance_ids()]
            if allied:
                self.last_alliance = allied[-1]
        return sorted(out, key=lambda c: c.start)

    def _anaphora(self, sent: str) -> list[Mention]:
        """ "these three states" → the list of states the text named last, when the count agrees."""
        out: list[Mention] = []
        for mt in _ANAPHORA.finditer(sent):
            n = number_value(mt.group("n")) if mt.group("n") else None
            if self.last_list and (n == len(self.last_list) or (n is None and self.list_is_recent)):
                out += [
                    Mention("state", mt.start(), mt.end(), mt.group(), iso, method="refers back")
                    for iso in self.last_list
                ]
        return out

    def _with_pronouns(self, sent: str, found: list[Mention]) -> list[Mention]:
        """The mentions plus each subject pronoun read as the one state it can mean: the only state
        named before it in the sentence ("Lithuania announced that it has withdrawn"), else the one
        state the text spoke of last; nothing when that is not a single state."""
        out = list(found)
        for mt in _PRONOUN.finditer(sent):
            s, e = mt.start("p"), mt.end("p")
            if not _SUBJECT_START.search(sent[:s]) or any(x.start < e and s < x.end for x in found):
                continue
            if markers()["reporting"].match(sent, e + 1) or not sent[e:].strip(" .,;:"):
                continue  # "…, it added": a speaker, not a subject of the record
            before = {x.iso3 for x in found if x.iso3 and x.end <= s}
            if len(before) > 1:
                continue
            iso = next(iter(before)) if before else self.last_single
            if iso is None:
                continue
            how = "refers back: the speaker" if before else "refers back"
            poss = bool(re.match(r"['\u2019]s\b", sent[e : e + 3]))  # "The Nordic nation's accession"
            end = e + 2 if poss else e
            out.append(Mention("state", s, end, sent[s:end], iso, possessive=poss, method=how))
        return sorted(out, key=lambda m: m.start)

    def _status_in_the_past(self, f: Frame, d: Draft, v: Verdict, judge: Judge, text: str) -> Verdict:
        """A status with a date before the article's day ("was not a member in 2020") is judged on
        that date (on its first and last day: if they differ, the status changed within it); one in
        the past tense without a date that is wrong today but was true before is unverifiable."""
        if f.date is not None and f.date.hi < judge.as_of:
            d.date = None
            first = Judge(judge.c, f.date.lo, judge.today).judge(d)
            last = Judge(judge.c, f.date.hi, judge.today).judge(d)
            if first.verdict == last.verdict:
                return Verdict(last.verdict, [*last.reasons, f"judged on {f.date.text!r}"], last.evidence)
            return Verdict(
                "partly", [f"the status changed within {f.date.text!r}", *last.reasons], last.evidence
            )
        if f.date is None and v.verdict == "contradicted" and _PAST.search(text):
            state, inst = d.subjects[0].iso3 or "", d.instrument or ""
            for iv in judge.c.intervals_of(state, inst):
                day = iv.start - timedelta(days=1)
                if (
                    iv.start <= judge.as_of
                    and Judge(judge.c, day, judge.today).judge(d).verdict == "supported"
                ):
                    why = f"the past tense: true on {day}; the sentence does not say when"
                    return Verdict("unverifiable", [why, *v.reasons], v.evidence)
        return v

    def _sentence_judge(self, sent: str) -> Judge:
        """An 'as of' phrase inside a sentence applies to that sentence only."""
        mt = _AS_OF.search(sent)
        if mt:
            spec = parse_date(mt.group("d"))
            if spec:
                return Judge(self.judge.c, spec.hi, self.judge.today)
        return self.judge

    # ---- judgement per subject, then aggregation ---------------------------------------------
    def _expand(self, f: Frame, judge: Judge) -> list[Subject]:
        subs = [
            Subject(x.text, x.iso3, x.text, x.score, x.method)
            for x in f.subjects
            if x.kind == "state" and x.iso3
        ]
        g = f.group or next((x.group for x in f.subjects if x.kind == "group"), None)
        if g is not None:
            subs += [Subject(g.name, iso, iso, 1.0, f"group: {g.name}") for iso in self._members(g, f, judge)]
        seen: set[str] = set()
        return [s for s in subs if not (s.iso3 in seen or seen.add(s.iso3 or ""))]

    def _members(self, g: Group, f: Frame, judge: Judge) -> list[str]:
        if g.members:
            return list(g.members)
        inst = g.instrument or f.instrument
        if not inst:
            return []
        if g.derived == "bound":
            return bound_states(judge.c, inst, judge.as_of)
        if g.derived == "founders":
            sigs = sorted(
                (e for e in judge.c.record.events_for(inst) if e.action == "signature"), key=lambda e: e.date
            )
            if not sigs:
                return []
            first = sigs[0].date
            return sorted({e.state for e in sigs if e.date == first and e.state not in ("*", "")})
        return []

    def _judge_frame(self, f: Frame, base: int, sent: str, judge: Judge) -> Claim | None:
        start, end = base + f.start, base + f.end
        kind = _kind(f)
        text = sent[f.start : f.end]
        if f.lemma == "provision":
            d = Draft(
                "provision",
                f.relation,
                f.relation,
                start,
                end,
                text,
                dict(f.extra),
                [],
                f.instrument,
                f.instrument_how,
            )
            return Claim(
                start, end, "provision", f.relation, [], f.instrument, f.instrument_how, judge.judge(d)
            )
        if f.relation in ("count", "treaty_event"):
            groups = {"num": f.num, "noun": f.rel, "verb": f.verb}
            groups |= {k: f.extra.get(k, "") for k in ("bound", "future", "attributive")}
            d = Draft(
                kind,
                f.lemma,
                f.relation,
                start,
                end,
                text,
                groups,
                [],
                f.instrument,
                f.instrument_how,
                f.date,
            )
            if f.relation == "count" and f.date is not None:
                judge = Judge(judge.c, f.date.hi, judge.today)  # a count dated by its sentence
            v = judge.judge(d)
            past = re.search(
                r"\bhad\s+(?:\w+\s+){0,2}(?:members|allies|parties|states|countries|nations|signatories)\b"
                r"|\b(?:was|were|numbered|counted|comprised)\b",
                text,
                re.I,
            )  # "NATO had 30 members" (not "120 states had ratified": a count of acts by the day)
            if f.relation == "count" and f.date is None and v.verdict == "contradicted" and past:
                held = [r for r in v.reasons if r.startswith("the count was")]
                if held:  # "NATO then had 30 members": true once; the sentence does not say when
                    v = Verdict("unverifiable", [f"the past tense: {held[0]}", *v.reasons], v.evidence)
            return Claim(start, end, kind, f.lemma, [], f.instrument, f.instrument_how, v)
        relation, groups = _relation(f)
        if not relation:
            return None
        if f.extra.get("as_of"):  # "was not a NATO member before 2023": judged on that day
            judge = Judge(judge.c, date.fromisoformat(f.extra["as_of"]), judge.today)
        if relation == "withdrew" and _PRESENT_LEAVING.search(text):
            groups = {**groups, "present": "1"}  # "Lithuania exits …": news of a step under way
        subs = self._expand(f, judge)
        if not subs:
            return None
        if f.ordinal != (None, None):
            n, sup = f.ordinal
            groups = {**groups, "ord_n": str(n or ""), "ord_sup": sup or "", "verb": f.verb}
            groups["grp"] = f.extra.get("grp", "")
            groups["ord_n2"] = f.extra.get("ord2", "")
        per: list[tuple[Subject, Verdict]] = []
        paired = f.respective if f.respective and len(f.respective) == len(subs) else None
        for i, s in enumerate(subs):
            d = Draft(
                kind,
                f.lemma,
                relation,
                start,
                end,
                text,
                dict(groups),
                [s],
                f.instrument,
                f.instrument_how,
                paired[i] if paired else f.date,  # "A and B joined in 2003 and 2004, respectively"
            )
            v = _year_not_written(d, _as_legislature(s, relation, groups, judge.judge(d)))
            if relation in _STATUS and not f.since and not f.extra.get("as_of"):
                v = self._status_in_the_past(f, d, v, judge, text)
            per.append((s, v))
            if f.since and f.date is not None and relation in ("member", "party"):
                dj = Draft(
                    kind,
                    f.lemma,
                    "joined",
                    start,
                    end,
                    text,
                    {"verb": "joined"},
                    [s],
                    f.instrument,
                    f.instrument_how,
                    f.date,
                )
                per.append((s, judge.judge(dj)))
        v, wrong = _aggregate(per, f, judge)
        return Claim(start, end, kind, f.lemma, subs, f.instrument, f.instrument_how, v, wrong)


def _year_not_written(d: Draft, v: Verdict) -> Verdict:
    """A day written without its year ("On December 8 …"), whose year the reader supplied, that
    misses a recorded act on the same day and month of another year: the year is the reader's
    guess, so the claim cannot be called wrong."""
    if v.verdict != "contradicted" or d.date is None or d.date.precision != "day":
        return v
    if re.search(r"\d{4}", d.date.text):
        return v
    same = [
        e["date"]
        for e in v.evidence
        if isinstance(e.get("date"), str)
        and e["date"][5:] == d.date.lo.isoformat()[5:]
        and e["date"] != d.date.lo.isoformat()
    ]
    if not same:
        return v
    note = (
        f"the text gives no year for {d.date.text!r} (read as {d.date.lo.year}); the record's act is on "
        f"{same[0]}"
    )
    return Verdict("unverifiable", [note, *v.reasons], v.evidence, v.extra)


def _as_legislature(s: Subject, relation: str, groups: dict[str, str], v: Verdict) -> Verdict:
    """A parliament's vote approves an act the state then deposits: a date that is not the deposit's
    cannot be judged against the record (it holds the deposit, not the vote)."""
    if s.method != "legislature" or v.verdict != "contradicted":
        return v
    if relation not in ("event", "withdrew", "notice") or groups.get("verb") == "suspended":
        return v
    note = f"the subject is {s.iso3}'s legislature: the record holds the state's deposit, not the vote"
    return Verdict("unverifiable", [note, *v.reasons], v.evidence, v.extra)


def _aggregate(per: list[tuple[Subject, Verdict]], f: Frame, judge: Judge) -> tuple[Verdict, list[str]]:
    verdicts = [v.verdict for _, v in per]
    reasons: list[str] = []
    evidence: list[dict[str, Any]] = []
    for _, v in per:
        reasons += [r for r in v.reasons if r not in reasons]
        evidence += v.evidence
    wrong = sorted({s.iso3 or "" for s, v in per if v.verdict in ("contradicted", "partly")} - {""})
    if all(x == "supported" for x in verdicts):
        verdict = "supported"
    elif all(x == "contradicted" for x in verdicts):
        verdict = "contradicted"
    elif all(x == "unverifiable" for x in verdicts):
        verdict = "unverifiable"
    elif "supported" in verdicts or "partly" in verdicts:
        verdict = "contradicted" if (f.universal and "contradicted" in verdicts) else "partly"
    else:
        verdict = "contradicted" if "contradicted" in verdicts else "unverifiable"
    if len({s.iso3 for s, _ in per}) > 1 and wrong:
        names = ", ".join(judge.names.name(w) for w in wrong)
        reasons.insert(0, f"wrong for {names}" + (" (the claim is about all of them)" if f.universal else ""))
    if f.group is not None:
        reasons.append(f"{f.group.name!r} read as {f.group.definition} (source: {f.group.source})")
    if f.over and verdict == "supported":
        verdict = "unverifiable"
        reasons.append(
            f"the sentence also asserts {f.over!r}, which the record cannot judge: not supported as a whole"
        )
    if f.hedge:
        reasons.append(f"the hedge {f.hedge!r} is not judged")
    if f.reported:
        reasons.append("reported speech: the dated fact it reports is judged")
    return Verdict(verdict, reasons, evidence[:24], {"wrong": wrong}), wrong


__all__ = ["Claim", "Reader", "article_date"]
