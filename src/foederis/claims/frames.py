"""Stage 3 of the claim reader: frames — who (subjects), did or is what (predicate lemma, polarity,
tense and modality), to which instrument, when — read from the clauses of one sentence.

A frame is made only when every slot can be read; otherwise the sentence yields no claim
(precision first). Hypotheses, intentions and reported speech without a date are not claims
about the record. Words that assert more than a frame read are kept in `over`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache

from foederis.claims.clauses import Clause, clauses
from foederis.claims.extract import DateSpec
from foederis.claims.grammar import number_value
from foederis.claims.lexicon import (
    MASK,
    MASK_OPEN,
    Group,
    expand,
    groups,
    markers,
    mask,
    ordinal_value,
    predicates,
    provision_patterns,
    raw,
)
from foederis.claims.matching import alliance_ids
from foederis.claims.mentions import Mention, names_legislature
from foederis.claims.regex_cache import compile_many

_LIST_GLUE = re.compile(
    r"^\s*(?:|,\s*(?:and\s+|or\s+|nor\s+)?(?:the\s+)?|\s+(?:and|or|nor|as\s+well\s+as)\s+(?:the\s+)?|,?\s*and\s+the\s+)\s*$"
)
#: An auxiliary or modal right after a noun phrase: the phrase is a subject, not an apposition.
_VERB_AFTER = re.compile(
    r"\s+(?:will|would|can|could|may|might|must|shall|should|have|has|had|are|were|is|was)\b", re.I
)
_PREP = re.compile(
    r"\b(?:after|from|in|with|by|of|to|for|against|on|into|than|between|among|over|near|toward|towards|"
    r"like|unlike|including|besides|without|about|across|behind|beyond|under|within|at|bordering)\s+(?:the\s+)?$",
    re.I,
)
#: Relations a clause may assert of the instrument named before without naming it.
_CONTEXT_RELATIONS = ("member", "withdrew", "suspended", "party", "notice", "revoked", "law")
#: Words that are prepositions or conjunctions: before a subject and its verb, a conjunction.
_CONJUNCTION = re.compile(r"(?:^|[,;]\s*|\s)(?:[Aa]fter|[Bb]efore|[Ss]ince|[Uu]ntil)\s+(?:the\s+)?$")
_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to|is\s+scheduled\s+to|'ll)\b", re.I
)
#: Words through which a sentence that names nothing can still make a claim ("It was signed in
#: 1990", "the 32 allies", "the country will withdraw").
_MAY_REFER = re.compile(
    r"\d|\b(?:it|its|allies|ally|members?|parties|party|signator\w*|they|these|those|both)\b", re.I
)
_MEMBERISH = re.compile(
    r"member|all(?:y|ies)|part(?:y|ies)|signator|found|accept|admitt|welcom|accession", re.I
)
#: Words of leaving or suspending: with a treaty named before, a clause may mean it without naming it.
_LEAVING = re.compile(r"withdraw|suspend|participation|exit\b|terminat|pull-?out|\bjoined\b|\bacceded\b", re.I)  # noqa: E501
_QUOTE = re.compile(r"\"[^\"]{12,}\"|\u201c[^\u201d]{12,}\u201d")


@dataclass
class Frame:
    """One claim read from a sentence, before it is judged."""

    lemma: str
    relation: str
    start: int
    end: int
    subjects: list[Mention]
    instrument: str | None
    instrument_how: str
    positive: bool = True
    date: DateSpec | None = None
    since: bool = False
    future: bool = False
    reported: bool = False
    over: str | None = None
    hedge: str | None = None
    universal: bool = False
    group: Group | None = None
    verb: str = ""
    rel: str = ""
    num: str = ""
    ordinal: tuple[int | None, str | None] = (None, None)
    extra: dict[str, str] = field(default_factory=dict)
    #: one date per subject, in order, for "A, B and C joined in 2003, 2004 and 2005, respectively"
    respective: list[DateSpec] | None = None


def _in_quote(sent: str, pos: int) -> bool:
    """Inside a quotation: within a quoted stretch, or after an odd number of quote marks."""
    if any(m.start() < pos < m.end() for m in _QUOTE.finditer(sent)):
        return True
    before = sent[:pos]
    return (before.count('"') + before.count("\u201c") + before.count("\u201d")) % 2 == 1


def _lists(ms: list[Mention], sent: str) -> list[list[Mention]]:
    """Consecutive subject mentions joined by commas/'and'/'or' form one list."""
    out: list[list[Mention]] = []
    for m in sorted(ms, key=lambda x: x.start):
        # "Finland, Sweden's neighbour, …": a possessive opens another noun phrase, not a list item
        if (
            out
            and not m.possessive
            and not out[-1][-1].possessive
            and _LIST_GLUE.match(sent[out[-1][-1].end : m.start])
        ):
            out[-1].append(m)
        else:
            out.append([m])
    return out


def _subject_list(region_ms: list[Mention], sent: str, region_start: int) -> list[Mention]:
    """The subject of a clause: the last list of mentions not governed by a preposition."""
    cands = []
    lists = _lists(region_ms, sent)
    for i, lst in enumerate(lists):
        head = lst[0]
        before = sent[max(region_start, head.start - 30) : head.start]
        prep = _PREP.search(before)
        if prep and i == len(lists) - 1 and _CONJUNCTION.search(before):
            prep = None  # "After Washington announced …": a conjunction opening a clause, its subject next
        if prep or head.possessive or any(x.possessive for x in lst):
            continue
        cands.append(lst)
    return cands[-1] if cands else []


@dataclass
class SentenceContext:
    """Everything the frame reader needs about one sentence."""

    sent: str
    states: list[Mention]
    groups: list[Mention]
    insts: list[Mention]
    dates: list[Mention]
    context_inst: str | None
    view: str = ""  # the sentence with instrument mentions masked (lexicon.mask)
    context_alliance: str | None = None  # the alliance named last, even by its acronym
    context_latest: str | None = None  # the instrument named last, of any kind

    def __post_init__(self) -> None:
        if not self.view:
            self.view = mask(self.sent, [(m.start, m.end) for m in self.insts])
        self._clauses: list[Clause] | None = None

    def clauses(self) -> list[Clause]:
        if self._clauses is None:
            self._clauses = clauses(self.view)
        return self._clauses


def read_frames(ctx: SentenceContext) -> list[Frame]:
    """Every frame of one sentence, non-overlapping predicates, in order."""
    if not ctx.insts and not ctx.states and not ctx.groups and not _MAY_REFER.search(ctx.view):
        return _provisions(ctx, False)  # nothing named or referred to: at most a rule paraphrase
    sent = ctx.sent
    cls = ctx.clauses()
    hypothetical_sentence = bool(cls) and cls[0].kind == "condition" and cls[0].start == 0
    frames: list[Frame] = []
    taken: list[tuple[int, int]] = []
    subjects_ms = sorted(ctx.states + ctx.groups, key=lambda m: m.start)
    prev_subjects: list[Mention] = []
    leaving = bool((ctx.context_inst or ctx.context_latest) and _LEAVING.search(ctx.view))
    if not ctx.insts and not _MEMBERISH.search(ctx.view) and not leaving:
        cls_for_predicates: list[Clause] = []  # every predicate needs an instrument or a member noun
    else:
        cls_for_predicates = cls
    for ci, cl in enumerate(cls_for_predicates):
        text = ctx.view[cl.start : cl.end]
        has_inst = MASK_OPEN in text
        for p in predicates():
            if p.needs_inst and not has_inst:
                continue
            for mt in p.pattern.finditer(text):
                s, e = cl.start + mt.start(), cl.start + mt.end()
                if any(s < te and ts < e for ts, te in taken):
                    continue
                f = _frame(ctx, cls, ci, cl, p, mt, s, e, subjects_ms, prev_subjects)
                if f is None:
                    continue
                if hypothetical_sentence or cl.kind == "condition":
                    continue
                taken.append((s, e))
                frames.append(f)
                frames += _coordinated_instruments(ctx, f)
        clause_subj = _subject_list([m for m in subjects_ms if cl.start <= m.start < cl.end], sent, cl.start)
        read_here = [f for f in frames if cl.start <= f.start < cl.end and f.subjects]
        if read_here and cl.kind in ("main", "coord", "resume"):
            # the subject of the clause's first predicate, not the last names in it ("A deposited its
            # instrument with the US State Department, thereby becoming …": A becomes)
            prev_subjects = list(read_here[0].subjects)
        elif clause_subj and cl.kind in ("main", "coord", "resume"):
            prev_subjects = clause_subj
        elif clause_subj and cl.kind == "aside" and _only_list(sent, cl, clause_subj):
            prev_subjects = clause_subj  # "seven nations – A, B and C – joined NATO": the aside names them
    for f in frames:
        _pair_respectively(ctx, f)
    frames += [g for f in list(frames) for g in _gapped(ctx, f, taken)]
    frames += _nominals(ctx, cls, taken, hypothetical_sentence)
    frames += _growth(ctx, taken, hypothetical_sentence)
    frames += _member_lists(ctx, taken)
    frames += _treaty_frames(ctx, cls, taken, hypothetical_sentence)
    frames += _counts(ctx, taken)
    frames += _provisions(ctx, hypothetical_sentence)
    _over_read_elsewhere(ctx.sent, frames)
    return sorted(frames, key=lambda f: f.start)


def _over_read_elsewhere(sent: str, frames: list[Frame]) -> None:
    """A word that asserts more ("newest") no longer withholds support when another frame of the
    sentence reads it ("The alliance's newest member, Sweden, joined in 2024")."""
    for f in frames:
        if not f.over:
            continue
        hits = [m.span() for m in re.finditer(re.escape(f.over), sent)]
        others = [(g.start, g.end) for g in frames if g is not f]
        if hits and all(any(a <= x and y <= b for a, b in others) for x, y in hits):
            f.over = None


_GAP_GLUE = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:then\s+|later\s+|finally\s+)?(?:the\s+)?")
_GAP_DATE = re.compile(r"\s+(?:in|on)\s+")


def _gapped(ctx: SentenceContext, f: Frame, taken: list[tuple[int, int]]) -> list[Frame]:
    """The verb left out after a dated act: "Greece and Turkey joined in 1952, West Germany in 1955
    and Spain in 1982" — one frame per further run of states and its date, the same act."""
    if (
        f.date is None
        or not f.subjects
        or f.relation not in ("joined", "withdrew", "signed", "ratified", "notice")
    ):
        return []
    out: list[Frame] = []
    pos = next((d.end for d in ctx.dates if d.date is f.date), None)
    while pos is not None:
        glue = _GAP_GLUE.match(ctx.sent, pos)
        if glue is None:
            break
        lists = _lists([m for m in ctx.states if m.start >= glue.end()], ctx.sent)
        if not lists or lists[0][0].start != glue.end():
            break
        run = lists[0]
        at = _GAP_DATE.match(ctx.sent, run[-1].end)
        d = next((x for x in ctx.dates if at and x.start == at.end()), None)
        if d is None or d.date is None:
            break
        g = Frame(
            f.lemma,
            f.relation,
            run[0].start,
            d.end,
            run,
            f.instrument,
            f.instrument_how,
            positive=f.positive,
            date=d.date,
            verb=f.verb,
            rel=f.rel,
        )
        taken.append((g.start, g.end))
        out.append(g)
        pos = d.end
    return out


#: "members of (both the EU and) NATO": an instrument named as what states belong to, not the one
#: a provision paraphrase is about.
_MEMBERS_OF = re.compile(r"\b(?:members?|allies|ally|parties|party)\s+(?:of|to)\b[^,;.]{0,25}$", re.I)
_RESPECTIVELY = re.compile(r",?\s*respectively\b", re.I)


def _pair_respectively(ctx: SentenceContext, f: Frame) -> None:
    """Dates listed after the predicate and closed by "respectively" go one to each subject, in
    order; with a different number of dates the frame keeps its one date."""
    if len(f.subjects) < 2:
        return
    mt = _RESPECTIVELY.search(ctx.sent, f.start)
    if mt is None or re.search(r"[.;]", ctx.sent[f.start : mt.start()]):
        return
    ds = [m.date for m in ctx.dates if f.start <= m.start < mt.start() and m.date is not None]
    if len(ds) == len(f.subjects):
        f.respective = ds
        f.end = max(f.end, mt.end())


#: A provision paraphrase needs one of these words (a quick test before the pattern runs).
_PROVISION_WORDS = {
    "withdrawal_period": ("month", "year", "day"),
    "conflict_clause": ("armed conflict",),
    "expulsion": ("expel", "expuls", "throw out", "kick out", "suspend"),
    "accession": ("join", "accede", "become a", "invite"),
    "collective_defence": ("attack", "assault", "aggression"),
}


def _provisions(ctx: SentenceContext, hyp_sentence: bool) -> list[Frame]:
    """Paraphrases of provisions: a withdrawal period, the armed-conflict clause, expulsion, accession."""
    out: list[Frame] = []
    low = ctx.view.lower()
    for relation, rx in provision_patterns():
        if not any(k in low for k in _PROVISION_WORDS[relation]):
            continue  # cheap test first: these patterns scan far
        for mt in rx.finditer(ctx.view):
            s, e = mt.start(), mt.end()
            if _in_quote(ctx.sent, s) or any(f.start < e and s < f.end for f in out):
                continue
            if any(
                f.relation == relation and re.fullmatch(r"\s*,?\s*(?:or|and|nor)\s+", ctx.sent[f.end : s])
                for f in out
            ):  # "no procedure for expelling or suspending a member": one claim, its negation shared
                continue
            gd = {k: v for k, v in mt.groupdict().items() if v}
            im = _inst_in(ctx, mt.start("i0"), mt.end("i0")) if "i0" in gd else None
            if im is None:
                cl = _clause_of(ctx.clauses(), s)
                a = cl.start if cl else 0
                before = [
                    m
                    for m in ctx.insts
                    if a <= m.start < e and not _MEMBERS_OF.search(ctx.sent[max(0, m.start - 40) : m.start])
                ]
                earlier = [
                    m
                    for m in ctx.insts
                    if m.end <= s and not _MEMBERS_OF.search(ctx.sent[max(0, m.start - 40) : m.start])
                ]
                # else the one named earlier in the sentence ("voted to leave the cluster munitions
                # convention, but had to wait six months"), else the one named before
                im = before[-1] if before else (earlier[-1] if earlier else None)
            inst = im.inst if im else ctx.context_inst
            if relation == "collective_defence" and im is None:
                inst = ctx.context_alliance or (alliance_ids() or [None])[0]  # an alliance's clause
            elif relation == "accession" and im is None and inst is None:
                inst = ctx.context_alliance  # "the allies may invite …" with only the alliance named
            if inst is None:
                continue
            f = Frame(
                "provision",
                relation,
                s,
                e,
                [],
                inst,
                im.how if im else f"the instrument named before ({inst})",
            )
            f.extra = {k: gd[k] for k in ("num", "unit", "num2", "unit2", "neg", "eu", "inv") if k in gd}
            out.append(f)
    return out


def _inst_in(ctx: SentenceContext, s: int, e: int) -> Mention | None:
    hits = [m for m in ctx.insts if m.start < e and s < m.end]
    return hits[0] if hits else None


def _clause_of(cls: list[Clause], pos: int) -> Clause | None:
    return next((c for c in cls if c.start <= pos < c.end), None)


def _modality(sent: str, cl: Clause, s: int, e: int) -> tuple[bool, bool]:
    """(hypothetical, future) for the stretch of a clause up to the predicate's end."""
    stretch = sent[cl.start : e]
    hyp = bool(markers()["hypothetical"].search(stretch))
    return hyp, bool(_FUTURE.search(stretch))


def _reported(sent: str, cls: list[Clause], cl: Clause, subj_start: int) -> bool:
    if cl.kind == "complement" or _in_quote(sent, subj_start):
        return True
    if any(c.kind == "complement" and c.end <= cl.start for c in cls) and cl.kind in ("relative", "coord"):
        return True
    before = sent[cl.start : subj_start]
    # a capitalised word is a name ("the United States"), not the reporting verb "states"
    hits = [h for h in markers()["reporting"].finditer(before) if not before[h.start()].isupper()]
    return bool(hits) and len(before[hits[-1].end() :].split()) <= 2


def _only_list(sent: str, cl: Clause, subj: list[Mention]) -> bool:
    """True when a clause holds nothing but a list of names."""
    return not sent[cl.start : subj[0].start].strip(" ,:") and not sent[subj[-1].end : cl.end].strip(" ,.")


#: A clause opened by a participle of another act: its dates are that act's ("Signed in 1987, …").
_FRONTED_PARTICIPLE = re.compile(
    r"\s*(?:First\s+|Originally\s+)?(?:Signed|Ratified|Adopted|Concluded|Negotiated|Drafted|Agreed)\b"
)


#: "after a six-month withdrawal period that ends on …": the period's end is the act's day.
_PERIOD_ENDS = re.compile(
    r"\s+after\s+(?:a|the|its)\s+[^,;]{0,40}?\bperiod\s+(?:that|which)\s+(?:ends|expires)\s+on\b"
)


def _pick_date(ctx: SentenceContext, cl: Clause, s: int, e: int) -> tuple[DateSpec | None, bool]:
    """The date of a predicate: in its clause, after it up to the next comma, else before it;
    a vague one ('last year') only when there is no other."""
    ends = _PERIOD_ENDS.match(ctx.sent, e)
    if ends:  # "will exit the treaty after a six-month period that ends on February 20"
        at = next((d for d in ctx.dates if ends.end() <= d.start <= ends.end() + 1 and d.date), None)
        if at is not None:
            return at.date, False
    inside = [d for d in ctx.dates if cl.start <= d.start < cl.end]
    stop = e + (
        m.start()
        if (m := re.search(r"[,;]|\s-\s|\b(?:prompted|after|following|because)\b", ctx.sent[e : cl.end]))
        else cl.end - e
    )
    if re.match(r",\s+(?:on|in)\s+", ctx.sent[stop : stop + 6]) and re.match(
        r"\s+(?:\w+\s+){0,3}ago$|\s+(?:formally|officially)$", ctx.sent[e:stop]
    ):  # "was signed 60 years ago, on 4 April 1949"
        nxt = ctx.sent.find(",", stop + 1)
        stop = nxt if 0 <= nxt < cl.end else cl.end
    barrier = markers()["date_barrier"].search(ctx.sent, e, stop)
    if barrier:  # "joined NATO as a result of the round announced at the 2002 summit"
        stop = barrier.start()
    after = [d for d in inside if e - 1 <= d.start <= stop or s <= d.start < e]
    before = [d for d in inside if d.end <= s]
    if _FRONTED_PARTICIPLE.match(ctx.sent, cl.start):  # "Signed on 8 December 1987, the treaty came …"
        before = [d for d in before if "," not in ctx.sent[d.end : s]]
    ranked = after + before[::-1]
    ranked = [
        d
        for d in ranked
        if (d.date and d.date.precision != "year") or not re.search(r"last|this", d.text, re.I)
    ] + [d for d in ranked if d.date and d.date.precision == "year" and re.search(r"last|this", d.text, re.I)]
    if not ranked:  # "Poland will withdraw from T — which bans … — on February 20"
        cls = ctx.clauses()
        later = [c for c in cls if c.start >= cl.end]
        nxt = (
            next((c for c in later if c.kind == "resume"), None)
            if later and later[0].kind == "aside"
            else None
        )
        if nxt is not None:
            ranked = [
                d
                for d in ctx.dates
                if nxt.start <= d.start <= nxt.start + 6
                and re.match(r"\s*(?:on|in)\s", ctx.sent[nxt.start : d.start + 1])
            ]
    for d in ranked:
        lead = ctx.sent[max(cl.start, d.start - 12) : d.start].lower()
        if re.search(r"\b(?:until|till|by|before|as\s+of|as\s+at|(?<!effect\s)from)\s+$", lead):
            continue  # "with effect from 7 November" is the act's day
        return d.date, bool(re.search(r"\bsince\s+$", lead))
    return None, False


def _over(sent: str, cl: Clause, spans: list[tuple[int, int]]) -> str | None:
    """A word of the clause that asserts more than a frame reads ("only", "most", "the last state")."""
    text = sent[cl.start : cl.end]
    for m in markers()["over"].finditer(text):
        if _in_quote(sent, cl.start + m.start()):
            continue  # a quoted word is the speaker's ("bears sole responsibility"), not asserted
        return m.group()  # never part of what a frame reads
    for m in markers()["ordinal"].finditer(text):
        if not re.match(
            r"(?:\s+[\w-]+){0,2}?\s+(?:states?|countr(?:y|ies)|nations?|members?|all(?:y|ies)|part(?:y|ies)|signator(?:y|ies)|to)\b",
            text[m.end() :],
            re.I,
        ):
            continue
        a, b = cl.start + m.start(), cl.start + m.end()
        if not any(x <= a and b <= y for x, y in spans):
            return m.group()
    return None


def _standalone_group(sent: str, s: int, e: int) -> tuple[Group, int, int] | None:
    for g in groups():
        if not g.standalone:
            continue
        for m in g.pattern.finditer(sent, s, e):
            if sent[m.end() : e].strip(" ,") == "":
                return g, m.start(), m.end()
    return None


def _frame(ctx, cls, ci, cl, p, mt, s, e, subjects_ms, prev_subjects) -> Frame | None:
    sent = ctx.sent
    gd = {k: v for k, v in mt.groupdict().items() if v}
    if "ord" in gd and ordinal_value(gd["ord"]) == (None, None):
        return None  # the ordinal slot is loose: only real ordinals count
    if p.verb in ("when", "since") and not (cl.kind == "sub" and cl.opener == p.verb):
        return None  # "… when A joined", "… 40 years since joining NATO": only after that conjunction
    if p.relation != "ordinal" and re.search(r"\bto\s+$", sent[max(0, s - 4) : s]):
        return None  # an infinitive ("decided to withdraw", "the last state to sign"): not asserted
    other_act = re.match(r"\s+to\s+(?!join|accede|become|enter)[a-z]+", sent[e : e + 30], re.I)
    if p.relation == "ordinal" and other_act:
        return None  # "the last member to ratify Finland's application": a rank in another act
    # instrument
    inst_m = None
    for k in ("i0", "i1", "i2"):
        if k in gd:
            a = cl.start + mt.start(k)
            inst_m = _inst_in(ctx, a, cl.start + mt.end(k))
            if inst_m is None:
                return None  # named an instrument the reader cannot resolve
            break
    if inst_m is None:
        if re.match(
            r"\s+(?:of|in|to|that|which|who)\s+(?!" + MASK + r"|\d|(?:January|February|March|April|May|"
            r"June|July|August|September|October|November|December)\b)",
            ctx.view[e : e + 60],  # the view: an instrument there is masked
            re.I,
        ):
            return None  # "a member of the European Union": not an instrument we know
        inst_m = _inst_in(ctx, cl.start, cl.end)
        if (
            inst_m is not None
            and p.relation in ("withdrew", "notice", "suspended")
            and inst_m.inst in alliance_ids()
            and re.match(r"(?:'s)?\s+(?:members?|allies|ally|countries|states|nations)\b", sent[inst_m.end :])
        ):
            inst_m = None  # "A and B, all NATO members, announced their withdrawals": the treaty named before
        allied = (p.relation == "ordinal" and re.search(r"\b(?:member|ally)\b", mt.group(), re.I)) or (
            p.relation == "member" and re.search(r"\bfound(?:er|ing)", mt.group(), re.I)
        )
        earlier = next((m for m in reversed(ctx.insts) if m.end <= s and m.inst in alliance_ids()), None)
        if inst_m is None and allied and earlier is not None:
            inst_m = earlier  # "joined NATO in 2017, making it the 29th member"
        elif inst_m is None and allied and ctx.context_alliance:
            how = f"the alliance named before ({ctx.context_alliance})"
            inst_m = Mention("inst", s, s, "", inst=ctx.context_alliance, how=how)
        if inst_m is None and p.relation == "protocol_signed":  # the alliance whose protocol it is
            inst_m = next((m for m in ctx.insts if m.inst in alliance_ids()), None)
            only = ctx.context_alliance or (alliance_ids()[0] if len(alliance_ids()) == 1 else None)
            if inst_m is None and only:
                known = "named before" if ctx.context_alliance else "the record holds"
                how = f"the alliance {known} ({only})"
                inst_m = Mention("inst", s, s, "", inst=only, how=how)
        if inst_m is None and p.verb == "when":  # "NATO's first wave came in 1999 when A and B joined"
            inst_m = next((m for m in reversed(ctx.insts) if m.end <= cl.start), None)
        if inst_m is None and p.relation == "joined":  # "A joined NATO in 1952, and B joined in 1982"
            inst_m = next((m for m in reversed(ctx.insts) if m.end <= cl.start), None)
        if (
            inst_m is None and p.relation == "joined" and ctx.context_latest
        ):  # "when Montenegro joined in 2017"
            how = f"the instrument named last ({ctx.context_latest})"
            inst_m = Mention("inst", s, s, "", inst=ctx.context_latest, how=how)
        if inst_m is None and p.relation in ("withdrew", "suspended", "notice", "revoked"):
            earlier = [m for m in ctx.insts if m.end <= s and m.inst not in alliance_ids()]
            inst_m = earlier[-1] if earlier else None  # "Russia, which suspended the CFE, withdrew in 2023"
        if inst_m is None and p.relation not in _CONTEXT_RELATIONS:
            return None
    if inst_m is not None and inst_m.end >= e and _modifier(ctx.view, inst_m.end):
        return None  # "joined NATO exercises", "a member of NATO's Partnership for Peace"
    inst = inst_m.inst if inst_m else ctx.context_inst
    how = inst_m.how if inst_m else (f"the instrument named before ({inst})" if inst else "")
    if inst is None:
        return None
    # subjects
    subj: list[Mention] = []
    group = None
    universal = False
    if p.subjects == "between":
        a, b = cl.start + mt.start("between"), cl.start + mt.end("between")
        subj = [m for m in ctx.states if a <= m.start and m.end <= b]
    elif p.subjects == "agents":
        a = cl.start + mt.start("agents")
        lists = _lists([m for m in ctx.states if a <= m.start < cl.end], sent)
        subj = lists[0] if lists and _LIST_GLUE.match(sent[a : lists[0][0].start] or " ") is None else []
        if lists and sent[a : lists[0][0].start].strip().lower() in ("", "the"):
            subj = lists[0]
    elif p.subjects == "possessive":  # "Finland's accession to NATO as its 31st member"
        subj = [m for m in ctx.states if m.possessive and cl.start <= m.start and not sent[m.end : s].strip()]
    else:
        region = [m for m in subjects_ms if cl.start <= m.start and m.end <= s]
        subj = _subject_list(region, sent, cl.start)
        if subj and sent[subj[-1].end : s].strip(" ,") and p.appositive:
            subj = []
        if subj and not p.appositive:
            gap = sent[subj[-1].end : s]
            if re.search(r"[.;:]", gap) or len(gap.split()) > 12:
                subj = []
            elif re.search(r"(?<![\w'])[b-hj-zB-HJ-Z](?![\w'])", gap):
                return None  # a stray letter between subject and verb: damaged, maybe a lost "not"
        if not subj and cl.kind in ("relative", "aside") and not sent[cl.start : s].strip(" ,"):
            subj = _antecedent(ctx, cl, subjects_ms)
        if not subj and p.appositive and cl.kind == "aside":
            subj = _antecedent(ctx, cl, subjects_ms)
        if p.appositive and _VERB_AFTER.match(sent[e : e + 20]):
            return None  # "…, all NATO allies will have approved": a subject, not an apposition
        if not subj and p.appositive:
            subj = _appositive_head(ctx, s, subjects_ms)
        if (
            not subj
            and (cl.kind in ("coord", "resume") or p.verb == "since")
            and sent[cl.start : s].strip(" ,").lower() in ("", "thus", "thereby")
        ):
            subj = prev_subjects  # "Spain marks 40 years since joining NATO": the main clause's subject
        if not subj:
            inverted = re.match(r"\s*,?\s*(?:are|include|includes|were)\s+", sent[e:])
            if inverted:
                after = [m for m in ctx.states if m.start >= e]
                lists = _lists(after, sent)
                if lists and lists[0][0].start - e <= len(inverted.group()) + 4:
                    subj = lists[0]
                    e = lists[0][-1].end
        if not subj and p.relation not in ("passive",):
            sg = _standalone_group(sent, cl.start, s)
            if sg and re.search(
                r"\b(?:most|many|some|several|few|half|majority|minority|dozens?|number)\b(?:\s+of)?[^,;]*$",
                sent[cl.start : sg[1]],
                re.I,
            ):
                return None  # "most of the allies": no per-state reading
            if sg and sg[0].instrument:
                group = sg[0]
                universal = bool(markers()["universal"].search(sent[cl.start : s]))
        if subj:
            universal = bool(markers()["universal"].search(sent[cl.start : e]))
        gm = [m for m in subj if m.kind == "group"]
        if gm:
            group = gm[0].group
    if not subj and group is None:
        return None
    # polarity
    region_text = sent[cl.start : s].lower()
    neg = "neg" in gd or bool(re.search(r"\bneither\b", region_text))
    if re.search(r"\b(?:not|never)\s+$", region_text) and "neg" in gd:
        return None  # a double negation: unreadable
    if re.search(r"\b(?:not|never|n't)\b\s*$", sent[cl.start : s]):
        neg = not neg if "neg" not in gd else neg
    if re.match(r"(?:has|have|had)\s+(?:never|not)\s+been\b", sent[s:e], re.I):
        neg = True  # the copula carries the negation: "have never been signatories"
    never = neg and bool(re.search(r"\bnever\b", sent[max(cl.start, s - 12) : e], re.I))
    hyp, future = _modality(sent, cl, s, e)
    if hyp:
        return None
    main_date = None
    if cl.kind == "sub" and cl.opener == "when" and ci > 0 and not future:
        # "… will be hoisted tomorrow when it becomes the 31st member": the main clause's future and day
        main = cls[ci - 1]
        if _FUTURE.search(sent[main.start : main.end]):
            future = True
            found = [d for d in ctx.dates if main.start <= d.start < main.end and d.date is not None]
            main_date = found[-1].date if found else None
    until = re.match(r"[^,;]{0,30}?\buntil\s+", sent[e : cl.end])
    if neg and until:  # "did not ratify it until 2012": it did, in 2012
        at = e + until.end()
        hit = next((d for d in ctx.dates if d.start == at), None)
        if hit is None:
            return None
        neg = False
        gd.pop("neg", None)
        until_date = hit.date
    else:
        until_date = None
    subj_start = min([m.start for m in subj] or [s])
    speaker_end = s if p.subjects in ("between", "agents") else subj_start  # "NATO adds X": not speech
    # a state reporting its own act ("Lithuania announced that it has withdrawn") asserts the act
    reported = _reported(sent, cls, cl, speaker_end) and not (
        subj and all(m.method == "refers back: the speaker" for m in subj)
    )
    date, since = _pick_date(ctx, cl, s, e)
    if p.verb in ("when", "since") and date is None and ci > 0:  # "came in 1999 when A and B joined"
        main = [d for d in ctx.dates if cls[ci - 1].start <= d.start < cls[ci - 1].end and d.date is not None]
        date = main[-1].date if main else None
    speakers = {m.iso3 for m in ctx.states if m.end <= cl.start and m.iso3}
    if reported and subj and len(speakers) == 1 and {m.iso3 for m in subj} == speakers:
        # "Putin announced on Monday that Russia was suspending …": the state reports its own act,
        # and the day it said so is the act's day when the clause gives none
        reported = False
        if date is None:
            said = [d for d in ctx.dates if d.end <= cl.start and d.date is not None]
            date = said[-1].date if said else None
    if until_date is not None:
        date, since = until_date, False
    if date is None and main_date is not None:
        date = main_date
    if reported and (date is None or _in_quote(sent, subj_start)):
        return None
    if future and date is None:
        return None  # an intention, not yet a fact of the record
    spans = [(subj_start, e)] + [(m.start, m.end) for m in subj]
    read_spans = [*spans, (cl.start + mt.start("ord"), cl.start + mt.end("ord"))] if "ord" in gd else spans
    f = Frame(
        p.lemma,
        p.relation,
        min(subj_start, s) if subj_start >= cl.start else s,
        e,
        subj,
        inst,
        how,
        positive=not neg,
        date=date,
        since=since,
        future=future,
        reported=reported,
        over=_over(sent, cl, read_spans),
        hedge=(h.group() if (h := markers()["hedge"].search(sent[cl.start : e])) else None),
        universal=universal,
        group=group,
        verb=p.verb or gd.get("verb", p.lemma),
        rel=gd.get("rel", gd.get("rel2", "")),
        extra={"never": "1"} if never else {},
        ordinal=ordinal_value(gd["ord"]) if "ord" in gd else (None, None),
    )
    if "ord2" in gd:  # "the 27th and 28th members": each subject ranks within the pair
        f.extra["ord2"] = str(ordinal_value(gd["ord2"])[0] or "")
    if "grp" in gd:  # "the first Baltic state to leave": a rank among the group's members
        f.extra["grp"] = gd["grp"]
    if p.relation == "member" and re.search(r"\bfound(?:er|ing)", mt.group(), re.I) and not neg:
        f.relation = "founder"
    if p.relation in ("member", "party") and re.search(r"\bbec[oa]m", mt.group(), re.I):
        f.relation = "joined"  # "became a member of": an event, dated or not
    if subj and cl.kind != "main" and subj[0].start < cl.start:
        f.over = f.over or _over(sent, _clause_of(cls, subj[0].start) or cl, read_spans)
    if date is not None and date.precision != "week":
        end_d = next((d.end for d in ctx.dates if d.date is date), e)
        f.end = max(f.end, end_d)
    if f.relation in ("member", "party", "bound"):
        _status_day(ctx, cl, f)
    return f


_STATUS_DAY = re.compile(r"\s*(?P<w>before|until|till|prior\s+to|by|as\s+of|as\s+at)\s+$", re.I)


def _status_day(ctx: SentenceContext, cl: Clause, f: Frame) -> None:
    """A status said of another day than the article's: "was not a member before 2023" (the day
    before), "had joined by 2004" or "as of 2010" (the last day meant)."""
    for d in ctx.dates:
        if not (f.end <= d.start < cl.end + 1 or f.start <= d.start < f.end) or d.date is None:
            continue
        mt = _STATUS_DAY.search(ctx.sent[max(cl.start, d.start - 14) : d.start])
        if mt is None:
            continue
        before = re.match(r"before|until|till|prior", mt.group("w"), re.I)
        day = d.date.lo - timedelta(days=1) if before else d.date.hi
        f.extra["as_of"] = day.isoformat()
        f.end = max(f.end, d.end)
        return


def _coordinated_instruments(ctx: SentenceContext, f: Frame) -> list[Frame]:
    """ "a party to the Ottawa Convention and the CCM": the same claim about each instrument."""
    out = []
    end = f.end
    for m in ctx.insts:
        if m.start < end:
            continue
        if not re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*as\s+well\s+as|,?\s*or)\s*", ctx.view[end : m.start]):
            break
        if m.inst == f.instrument or _modifier(ctx.view, m.end):
            break
        from dataclasses import replace

        out.append(replace(f, start=m.start, end=m.end, instrument=m.inst, instrument_how=m.how))
        end = m.end
    return out


@lru_cache(maxsize=1)
def _followers() -> frozenset[str]:
    """Words that may follow an instrument that is the predicate's object (lexicon.yaml)."""
    return frozenset(raw()["object_followers"])



_MONTH_WORD = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)


def _modifier(view: str, end: int) -> bool:
    """The instrument mention modifies what follows ("NATO exercises", "NATO's summit", "the NATO
    Parliamentary Assembly"): it is not the predicate's object."""
    tail = view[end : end + 40]
    if re.match(r"['\u2019]s?\b", tail):
        return True
    m = re.match(r"\s+([A-Za-z][\w-]*)", tail)
    if not m:
        return False
    word = m.group(1)
    if re.match(r"\s+" + _MONTH_WORD + r"\.?\s+\d", tail):
        return False  # "joined NATO March 29, 2004": a date, not part of a name
    if word[0].isupper():
        return word not in ("On", "In")  # part of a longer proper name
    low = word.lower()
    # "the convention banning mines", "the treaty signed in 1997": the object, then what it does
    return low not in _followers() and not low.endswith(("ly", "ing", "ed"))


def _antecedent(ctx: SentenceContext, cl: Clause, ms: list[Mention]) -> list[Mention]:
    """The list a relative clause or aside refers to: the one that ends right before it."""
    before = [m for m in ms if m.end <= cl.start]
    if not before:
        return []
    lst = _lists(before, ctx.sent)[-1]
    gap = ctx.sent[lst[-1].end : cl.start]
    if len(gap.split()) > 3 or re.search(r"[.;:]", gap):
        return []
    return lst


def _appositive_head(ctx: SentenceContext, s: int, ms: list[Mention]) -> list[Mention]:
    """ "Norway, a NATO founder," → Norway: a name, then a comma, then the noun phrase."""
    before = [m for m in ms if m.end <= s]
    if not before:
        return []
    lst = _lists(before, ctx.sent)[-1]
    gap = ctx.sent[lst[-1].end : s]
    return lst if re.fullmatch(r"\s*,\s*(?:itself\s+|also\s+|then\s+|now\s+)?", gap) else []


# ---- nominalised events: "Russia's withdrawal from Open Skies in 2021", "the accession of A and B" ----
@lru_cache(maxsize=1)
def _nominal_patterns() -> list[tuple[str, re.Pattern[str], re.Pattern[str], re.Pattern[str]]]:
    out = []
    adj = r"(?:(?:formal|official|independent|planned|own|final|eventual|full|swift|recent)\s+)?"
    for lemma, body in raw()["nominals"].items():
        poss = re.compile(expand(r"\s+" + adj + r"(?:<INST>\s+)?" + body), re.I)
        noun = re.match(r"\(\?:([^)]*)\)", body).group(1)  # type: ignore[union-attr]
        of = re.compile(r"\bthe\s+" + adj + r"(?:" + noun + r")s?\s+of\s+", re.I)
        tail = re.compile(expand(r"(?:\s+(?:from|to)\s+<INST>)?"), re.I)
        out.append((lemma, poss, of, tail))
    return out


def _growth(ctx: SentenceContext, taken, hyp_sentence: bool) -> list[Frame]:
    """ "NATO grew by including A and B in 1952 and C in 1955": one joined frame per dated run of states."""
    sent = ctx.sent
    if hyp_sentence:
        return []
    growth = re.compile(raw()["growth"], re.I)
    glue = re.compile(raw()["growth_glue"], re.I)
    out: list[Frame] = []
    for im in ctx.insts:
        if im.inst not in alliance_ids():
            continue
        mt = growth.match(sent, im.end)
        if not mt or markers()["hypothetical"].search(sent[: mt.end()]):
            continue
        pos, run = mt.end(), []
        states = sorted(ctx.states, key=lambda m: m.start)
        while True:
            nxt = next((m for m in states if m.start >= pos), None)
            dt = next((d for d in ctx.dates if d.start >= pos), None)
            if (
                nxt is not None
                and (dt is None or nxt.start < dt.start)
                and glue.fullmatch(sent[pos : nxt.start])
            ):
                run.append(nxt)
                pos = nxt.end
                continue
            lead = re.match(r"\s+(?:(?:in|on)\s+)?", sent[pos:])  # the preposition may be lost to damage
            if run and dt is not None and lead and dt.start == pos + lead.end():
                if not any(run[0].start < te and ts < dt.end for ts, te in taken):
                    taken.append((run[0].start, dt.end))
                    out.append(
                        Frame(
                            "joined",
                            "joined",
                            run[0].start,
                            dt.end,
                            run,
                            im.inst,
                            f"{im.text!r} grew by including them",
                            date=dt.date,
                            verb="joined",
                        )
                    )
                run, pos = [], dt.end
                continue
            break
    return out


#: "seven Central and Eastern European countries: " between a nominal's "of" and its list.
_COUNTED_NOUN = re.compile(
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[A-Z][\w-]*\s+(?:and\s+)?){0,4}"
    r"(?:countries|states|nations)\s*[:,]\s*"
)


def _nominals(ctx: SentenceContext, cls, taken, hyp_sentence: bool) -> list[Frame]:
    sent = ctx.sent
    out = []
    for lemma, poss, of, tail in _nominal_patterns():
        for m in ctx.states:
            if not m.possessive and not re.search(r"\b[Tt]he\s+$", sent[max(0, m.start - 4) : m.start]):
                continue  # "Russia's withdrawal", or "the United States withdrawal"
            mt = poss.match(ctx.view, m.end)
            if mt:
                out += _nominal_frame(ctx, cls, taken, lemma, [m], m.start, mt, hyp_sentence)
            elif (
                lemma == "withdrew" and ctx.context_inst and (bare := _BARE_WITHDRAWAL.match(ctx.view, m.end))
            ):
                # "Estonia's withdrawal took effect on 27 December": the treaty named before
                out += _nominal_frame(ctx, cls, taken, lemma, [m], m.start, bare, hyp_sentence, bare=True)
        for mt in of.finditer(ctx.view):
            lst = _lists([x for x in ctx.states if x.start >= mt.end()], sent)
            gap = sent[mt.end() : lst[0][0].start] if lst else ""
            if not lst or (gap and not _COUNTED_NOUN.fullmatch(gap) and gap.lower() != "the "):
                continue  # "the accession of Sweden", "the accession of seven countries: A, B and C"
            tm = tail.match(ctx.view, lst[0][-1].end)
            out += _nominal_frame(ctx, cls, taken, lemma, lst[0], mt.start(), tm, hyp_sentence, of_form=True)
    return out


#: A withdrawal named without its treaty and said to take effect.
_BARE_WITHDRAWAL = re.compile(
    r"\s+(?:(?:formal|official)\s+)?(?:withdrawal|exit|departure)(?=\s+(?:officially\s+|formally\s+)?"
    r"(?:took|takes|will\s+take|came|comes|will\s+come)\s+(?:into\s+)?effect|\s+(?:became|becomes|"
    r"will\s+become|was|is)\s+effective)",
    re.I,
)


def _nominal_frame(
    ctx, cls, taken, lemma, subj, start, mt, hyp_sentence, of_form=False, bare=False
) -> list[Frame]:
    sent = ctx.sent
    e = mt.end() if mt else subj[-1].end
    if any(start < te and ts < e for ts, te in taken) or hyp_sentence:
        return []
    inst_m = None
    for k in ("i0", "i1"):
        if mt is not None and mt.groupdict().get(k):
            inst_m = _inst_in(ctx, mt.start(k), mt.end(k))
            break
    if inst_m is None and lemma in ("withdrew", "suspended") and not bare:
        return []
    allied_here = next((m.inst for m in ctx.insts if m.inst in alliance_ids()), None)
    inst = (
        inst_m.inst
        if inst_m
        else (ctx.context_inst or ((allied_here or ctx.context_alliance) if lemma == "joined" else None))
    )
    if (
        inst is None
        or (
            inst_m is None
            and lemma == "joined"
            and not re.search(r"alliance|nato|treaty|convention|expansion|enlargement", sent, re.I)
        )
        or (inst_m is None and re.search(r"European\s+Union|(?-i:\bEU\b)", sent, re.I))
    ):
        return []
    cl = _clause_of(cls, start) or Clause(0, len(sent), "main")
    if markers()["hypothetical"].search(sent[cl.start : cl.end]) and not re.search(
        r"\b(?:came|comes|took|takes|went)\s+(?:into\s+(?:force|effect)|effect)", sent[e : cl.end], re.I
    ):
        return []
    if _in_quote(sent, start):
        return []
    lead = sent[max(cl.start, start - 50) : start]
    if re.search(
        r"\b(?:proposals?|plans?|bills?|laws?|decisions?|votes?|consent|intentions?|announce\w*|consider\w*|"
        r"approv\w*|prepar\w*|possib\w*|potential|prospect|talks?|call\w*|urg\w*|demand\w*|process)\b[^,;]*$",
        lead,
        re.I,
    ):
        return []
    if re.search(r"\banniversary\b", lead, re.I):
        return []  # "the 60th anniversary of Greece's accession (18 February 2012)": the anniversary's day
    voted = re.search(r"\b(?:accept|approv|endors|back|vot|ratif|consent)\w*\b", lead, re.I)
    if voted and names_legislature(lead):
        return []  # "The Parliament accepted Finland's accession on …": the vote, not the deposit
    date, _ = _pick_date(ctx, cl, start, e)
    effect = re.match(
        r"[^,;]{0,80}?\b(?:came|comes|took|takes|went|goes|entered|enters)\s+(?:into\s+(?:force|effect)|effect)|"
        r"[^,;]{0,20}?\b(?:is|was|became|becomes)\s+(?:now\s+)?effective|"
        r"[^,;]{0,40}?\bwas\s+completed",
        sent[e : cl.end],
        re.I,
    )
    presupposed = re.search(
        r"\b(?:after|since|following|followed|follows|with|mark|marks|marked|welcomed|celebrated|condemned|"
        r"regretted|criticised|criticized|despite|saw|brought)\s+(?:the\s+)?$",
        lead,
        re.I,
    )
    if date is None and not effect and not presupposed:
        return []
    future = bool(_FUTURE.search(sent[e : cl.end]))
    if future and date is None:
        return []
    taken.append((start, e))
    f = Frame(
        lemma,
        lemma if lemma in ("withdrew", "suspended") else "joined",
        start,
        e,
        subj,
        inst,
        inst_m.how if inst_m else f"the instrument named before ({inst})",
        date=date,
        future=future,
        verb="nominal",
    )
    if date is not None and date.precision != "week":
        f.end = max(f.end, next((d.end for d in ctx.dates if d.date is date), e))
    if lemma == "withdrew" and date is None:
        f.relation = "withdrawal_any"
    return [f]


# ---- lists of members: "NATO members Poland, Slovakia and Hungary", "allies such as A and B" ----
@lru_cache(maxsize=1)
def _member_list_rx() -> re.Pattern[str]:
    d = raw()
    return re.compile(
        expand(
            r"(?:(?P<pre><INST>)(?:'s)?\s+)?(?:(?:other|fellow|current|founding|new|eastern|european|"
            r"frontline|northern|baltic|nordic)\s+)*(?P<noun>"
            + d["member_nouns"]
            + "|"
            + d["party_nouns"]
            + r"|(?<=\u27e7\s)(?:countries|nations|states))"
            r"(?:\s+(?:of|to)\s+(?P<post><INST>))?(?:\s+\w+){0,4}?\s*,?\s*(?P<marker>"
            + d["list_markers"]
            + r"|-)?\s*"
        ),
        re.I,
    )


def _member_lists(ctx: SentenceContext, taken) -> list[Frame]:
    sent = ctx.sent
    out = []
    if not ctx.states:
        return out
    for mt in _member_list_rx().finditer(ctx.view):
        lists = _lists([m for m in ctx.states if m.start >= mt.end()], sent)
        if not lists or lists[0][0].start != mt.end():
            continue
        lst = lists[0]
        if not mt.group("marker") and not mt.group("pre"):
            continue  # "members Poland" needs an instrument before it
        if mt.group("marker") and mt.group("marker").lower() in ("are", "were") and not mt.group("pre"):
            continue
        s, e = mt.start(), lst[-1].end
        if any(s < te and ts < e for ts, te in taken) or _in_quote(sent, s):
            continue
        if re.search(r"(?<![\w'])[a-zA-Z]{1,2}-\s*$", sent[max(0, s - 4) : s]) and not re.search(
            r"\b(?:ex|co)-\s*$", sent[max(0, s - 4) : s], re.I
        ):
            continue  # "n-members": a damaged "non-members"; never read as members
        im = None
        for k in ("pre", "post"):
            if mt.group(k):
                im = _inst_in(ctx, mt.start(k), mt.end(k))
        noun = mt.group("noun").lower()
        if im is None:
            near = [
                m
                for m in ctx.insts
                if m.end <= s and s - m.end <= 40 and not re.search(r"[.;:]", sent[m.end : s])
            ]
            im = near[-1] if near else None
        if im is None and not noun.startswith("all"):
            continue
        inst = (
            im.inst
            if im
            else (
                ctx.context_inst
                if ctx.context_inst in alliance_ids()
                else (alliance_ids()[0] if alliance_ids() else None)
            )
        )
        if inst is None:
            continue
        cl_text = sent[max(0, s - 60) : s]
        if markers()["hypothetical"].search(cl_text[-40:]):
            continue
        taken.append((s, e))
        rel = "signatory" if "signator" in noun else ("party" if "part" in noun else "")
        non = bool(re.search(r"\bnon-?\s*$", sent[max(0, mt.start("noun") - 5) : mt.start("noun")], re.I))
        how = im.how if im else f"{noun!r}: {inst}"
        f = Frame("member_list", "member", s, e, lst, inst, how, rel=rel, positive=not non)  # "non-members"
        out.append(f)
        neg = re.match(r"\s*,?\s*but\s+not\s+", sent[e:])
        if neg:
            nl = _lists([m for m in ctx.states if m.start >= e + neg.end()], sent)
            if (
                nl
                and nl[0][0].start - (e + neg.end()) in (0, 4)
                and sent[e + neg.end() : nl[0][0].start] in ("", "the ")
            ):
                out.append(
                    Frame(
                        "member_list",
                        "member",
                        nl[0][0].start,
                        nl[0][-1].end,
                        nl[0],
                        inst,
                        f.instrument_how,
                        positive=False,
                        rel=rel,
                    )
                )
    return out


# ---- the instrument as subject: "It was signed in November 1990", "the 1997 Ottawa convention" ----
def _relative_antecedent(ctx: SentenceContext, cls: list[Clause], cl: Clause) -> Mention | None:
    """The instrument a non-restrictive relative clause hangs on, for the clause that resumes after it
    ("The CTBT, which bans all testing, was adopted …")."""
    before = [c for c in cls if c.end <= cl.start]
    rel = next((c for c in reversed(before) if c.kind == "relative"), None)
    if rel is None:
        return None
    return next((m for m in ctx.insts if 0 <= rel.start - m.end <= 10), None)


def _treaty_frames(ctx: SentenceContext, cls, taken, hyp_sentence: bool) -> list[Frame]:
    sent = ctx.sent
    out = []
    if hyp_sentence:
        return out
    for verb, body in raw()["treaty_predicates"].items():
        for mt in re.finditer(body, ctx.view, re.I):
            s, e = mt.start(), mt.end()
            if any(s < te and ts < e for ts, te in taken):
                continue
            cl = _clause_of(cls, s)
            if cl is None:
                continue
            head = sent[cl.start : s]
            inst = None
            how = ""
            im = [m for m in ctx.insts if cl.start <= m.start and m.end <= s]
            if (
                im
                and not [
                    x
                    for x in ctx.states
                    if im[-1].end <= x.start < s and not x.method.startswith("refers back")
                ]
                and not re.search(
                    r"\b(?:law|bill|decree|decision|protocol|amendment|withdrawal|suspension|ban|moratorium|"
                    r"agreement\s+on)\b",
                    sent[im[-1].end : s],
                    re.I,
                )
            ):
                head_gap = sent[im[-1].end : s]
                lead = sent[cl.start : im[-1].start]
                lead = lead[lead.rfind(",") + 1 :]
                nominal = re.search(
                    r"(?:'s|\b(?:withdrawal|exit|accession|suspension|ratification|denunciation|law|"
                    r"decision|protocol|amendment|bill|decree|membership|participation|adapted|amended|"
                    r"revised|version|adaptation))\b[^,;]*$",
                    lead,
                    re.I,
                )
                if nominal and verb == "signed_participle" and not head_gap.strip(" ,"):
                    # "a law on the suspension of T, signed in Paris in 1990": the participle follows
                    # T itself; only another text of T ("the adapted T, signed in 1999") takes it
                    other_text = r"\b(?:protocol|amendment|adapted|amended|revised|version|adaptation)\b[^,;]*$"  # noqa: E501
                    nominal = re.search(other_text, lead, re.I)
                if len(head_gap.split()) <= 8 and not nominal:
                    inst, how = im[-1].inst, im[-1].how
            elif (
                not head.strip()
                and cl.kind == "coord"
                and (
                    opening := [
                        m
                        for m in ctx.insts
                        if m.start >= (prev := [c for c in cls if c.end <= cl.start][-1]).start
                        and (
                            m.start <= prev.start + 6  # "The treaty was signed in 1990, and came …"
                            or (  # "Signed in 1987, the treaty was ratified in 1988 and came …"
                                m.end <= prev.end
                                and re.match(r"\s+(?:was|were|is|has|had)\b", sent[m.end : m.end + 8])
                            )
                        )
                    ]
                )
            ):
                inst, how = opening[0].inst, f"the subject of the clause before: {opening[0].text!r}"
            elif not head.strip() and cl.kind == "resume" and (ante := _relative_antecedent(ctx, cls, cl)):
                inst, how = ante.inst, f"the subject before the relative clause: {ante.text!r}"
            elif (
                re.fullmatch(
                    r"\s*(?:it|which|that)?(?:\s+(?:officially|formally|finally|later|then))?\s*", head, re.I
                )
                or re.fullmatch(r"\s*(?:It|It\s+also)\s*", head)
            ) and (
                (cl.kind == "relative" and cl.opener in ("which", "that"))
                or head.strip().lower().startswith("it")
            ):
                prev = [m for m in ctx.insts if m.end <= cl.start]
                if prev and (cl.start - prev[-1].end) < 120:
                    inst, how = prev[-1].inst, f"{head.strip()!r} refers to {prev[-1].text!r}"
                elif (
                    head.strip().lower().startswith("it")
                    and ctx.context_inst
                    and not [x for x in ctx.states if not x.method.startswith("refers back")]
                ):  # "It entered into force in 1999": the treaty, though "it" may also stand for a state
                    inst, how = ctx.context_inst, f"'it': {ctx.context_inst}, named before"
            if inst is None:
                continue
            if verb != "adopted" and re.search(
                r"^.{0,3}?(?:\b(?:also|both)\s+(?:signed|ratified)|\bby\b(?!\s+all\s+(?:states|countries|nations)\b))",
                sent[e : e + 30],
                re.I,
            ):  # "was signed by Russia" is a state's act; "opened for signature by all states" is not
                continue
            date, _ = _pick_date(ctx, cl, s, e)
            if date is None or _in_quote(sent, s) or markers()["hypothetical"].search(sent[cl.start : e]):
                continue
            taken.append((s, e))
            out.append(
                Frame(
                    "treaty_" + verb,
                    "treaty_event",
                    s,
                    max(e, _date_end(ctx, date, e)),
                    [],
                    inst,
                    how,
                    date=date,
                    verb={
                        "entered_into_force": "entered into force",
                        "adopted": "adopted",
                        "expired": "expired",
                        "extended": "extended",
                    }.get(verb, "signed"),
                )
            )
    fronted = re.match(r"\s*(?:First\s+|Originally\s+)?Signed\b", sent)
    if fronted:  # "Signed in Washington by A and B on 8 December 1987, the treaty was …"
        for d in ctx.dates:
            im = next((m for m in ctx.insts if re.fullmatch(r"\s*,\s*", sent[d.end : m.start])), None)
            if im is None or ";" in sent[: d.start] or any(x.start < d.start for x in ctx.insts):
                continue
            if any(fronted.start() < te and ts < d.end for ts, te in taken) or d.date is None:
                break
            taken.append((fronted.end() - 6, d.end))
            out.append(
                Frame(
                    "treaty_signed",
                    "treaty_event",
                    fronted.end() - 6,
                    d.end,
                    [],
                    im.inst,
                    f"the subject the participle modifies: {im.text!r}",
                    date=d.date,
                    verb="signed",
                )
            )
            break
    attr = re.compile(r"\b(?:the|The|a|its|this)\s+(?P<y>(?:19|20)\d\d)\s+")
    for mt in attr.finditer(sent):
        im = next(
            (m for m in ctx.insts if m.start == mt.end() or (m.start == mt.start() and m.end > mt.end())),
            None,
        )
        if im is None or re.match(r"\s*(?:amended|adapted|protocol|amendment)", sent[mt.end() :], re.I):
            continue
        if any(mt.start() < te and ts < im.end for ts, te in taken):
            continue
        y = int(mt.group("y"))
        from datetime import date as _d

        spec = DateSpec(mt.group("y"), _d(y, 1, 1), _d(y, 12, 31), "year")
        taken.append((mt.start(), im.end))
        out.append(
            Frame(
                "treaty_signed",
                "treaty_event",
                mt.start(),
                im.end,
                [],
                im.inst,
                im.how,
                date=spec,
                verb="signed",
                extra={"attributive": "1"},
            )
        )
    return out


def _date_end(ctx: SentenceContext, date: DateSpec, default: int) -> int:
    return next((d.end for d in ctx.dates if d.date is date), default)


# ---- counts: "NATO's 31 allies", "the 19-member NATO", "164 states have ratified the convention" ----
_VAGUE = re.compile(
    r"\b(other|more\s+than|over|about|some|nearly|almost|at\s+least|up\s+to|around|roughly|fewer\s+than|"
    r"less\s+than|than|approximately|under|only|remaining|another|additional|those|these)\s+$",
    re.I,
)


#: A qualifier written before a count ("more than 160", "some 165"); what each means is in
#: lexicon.yaml's count_qualifiers.
_QUALIFIER = r"(?P<q>more\s+than|over|about|some|nearly|almost|at\s+least|around|roughly|approximately)"


@lru_cache(maxsize=1)
def _count_rxs() -> tuple[re.Pattern[str], ...]:
    pats = [
        expand(
            r"(?:(?P<all>all)\s+(?:of\s+)?)?(?:(?:the|its)\s+|(?P<pre><INST>)(?:'s)?\s+)?(?P<num><NUM>)\s+"
            r"(?:(?:existing|current|present)\s+)?(?:(?P<mid><INST>)\s+)?(?P<noun>allies|members|member\s+states|member\s+countries|member\s+nations|party\s+(?:nations|states|countries)|"
            r"states\s+parties|state\s+parties|parties|signatories|nations|countries|states)\b"
            r"(?:\s+(?:of|to|in)\s+(?P<post><INST>))?"
            r"(?:\s+(?:that|which)\s+(?:have|had|has)\s+(?:already\s+)?(?P<verb>ratified|signed|joined|accepted|acceded\s+to)"
            r"(?:\s+(?P<obj><INST>))?)?"
        ),
        expand(
            r"(?:the\s+)?(?P<num><NUM>)\s*-\s*(?P<noun>member|nation|country|state|strong)\s+"
            r"(?:(?:[Ww]estern|military|defen[cs]e|security|transatlantic|strong|political)\s+){0,3}"
            r"(?:(?P<mid><INST>)|(?P<al>alliance|bloc|organi[sz]ation)\b)"
        ),
        # "NATO has 32 members", "the convention, which now has 112 states parties"
        expand(
            r"(?P<pre><INST>)(?:\s*,\s*(?:which|that)|\s+(?:now|currently|still|today))?\s+(?:now\s+|currently\s+)?"
            r"(?:has|had|have|counts|counted|comprises|comprised|numbers|numbered|brings\s+together|"
            r"consists\s+of|consisted\s+of|is\s+made\s+up\s+of|unites|united)\s+(?:now\s+)?"
            r"(?:" + _QUALIFIER + r"\s+)?"
            r"(?P<num><NUM>)\s+"
            r"(?:(?:full|existing|current|so-called)\s+)?(?P<noun>allies|members|member\s+states|member\s+countries|"
            r"member\s+nations|states\s+parties|state\s+parties|parties|signatories|nations|countries|states)\b"
        ),
        # founders: "founded in 1949 by 12 countries", "with twelve founding members"
        expand(
            r"(?:(?:founded|created|established|formed|formation|founding|creation)\s+(?:in\s+\d{4}\s+)?"
            r"(?:by|with)\s+(?P<num><NUM>)\s+(?:founding\s+|original\s+)?"
            r"(?P<noun>members|nations|countries|states|allies|signatories)"
            r"|(?P<num2><NUM>)\s+(?P<noun2>founding\s+members|original\s+members|founding\s+nations|"
            r"founding\s+states|founders|original\s+signatories|founding\s+allies))\b"
            r"(?:\s+(?:of|in)\s+(?P<post><INST>))?"
        ),
        # "12 nations formed the North Atlantic Treaty Organization in 1949"
        expand(
            r"(?P<num><NUM>)\s+(?P<noun>nations|countries|states)\s+(?:formed|founded|created|established)\s+"
            r"(?P<post><INST>)"
        ),
        # "the Convention, which took effect in 1997 and was joined by 193 countries"
        expand(
            r"(?P<pre><INST>)\s*,\s*which\s+[^,;]{0,60}?\s+and\s+(?:was|has\s+been|had\s+been)\s+(?:now\s+)?"
            r"(?P<verb>signed|ratified|joined|accepted)\s+by\s+(?:"
            + _QUALIFIER
            + r"\s+)?(?P<num><NUM>)\s+(?P<noun>states|countries|nations)"
        ),
        expand(
            r"(?P<num><NUM>)\s+(?P<noun>states|countries|nations)\s+(?:have|had|has)\s+(?:already\s+|now\s+)?"
            r"(?P<verb>ratified|signed|joined|acceded\s+to)(?:\s+(?:or|and)\s+(?:ratified|acceded\s+to|joined))?"
            r"\s+(?P<obj><INST>)"
        ),
        expand(  # "the 1997 treaty, signed by 133 countries, …"
            r"(?P<pre><INST>)\s*,\s*(?:which\s+was\s+|first\s+)?(?P<verb>signed|ratified|joined)\s+by\s+(?:"
            + _QUALIFIER
            + r"\s+)?"
            r"(?P<num><NUM>)\s+(?P<noun>states|countries|nations)"
        ),
        expand(
            r"(?P<pre><INST>)(?:\s*,[^,;]{1,80},)?\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:now\s+)?"
            r"(?P<verb>signed|ratified|joined|accepted)\s+by\s+(?:"
            + _QUALIFIER
            + r"\s+)?(?P<num><NUM>)\s+(?P<noun>states|countries|nations)"
        ),
        expand(
            r"(?:take|takes|took|taking|bring|brings|brought|bringing|raise|raises|raised|raising|grow|grows|grew|"
            r"growing|grown|expand|expands|expanded|expanding|increase|increases|increased|increasing)\s+"
            r"(?:(?P<mid><INST>)(?=\s)|it\s+|the\s+)?(?:its\s+|the\s+)?(?:total\s+)?"
            r"(?:number\s+of\s+)?(?P<noun>member\s+(?:nations|states|countries)|members|membership|allies|nations|parties)?"
            r"(?:\s+of\s+(?P<post><INST>))?(?:\s+from\s+<NUM>)?\s+to\s+(?P<num><NUM>)(?P<ctx>)(?:\s+(?:members|allies|nations|states|countries))?\b"
        ),
    ]
    return tuple(compile_many([(p, re.I) for p in pats]))  # compiled once per interpreter, then cached


#: A growth said to come: the count it names is the next one, not the day's.
_WILL_BEFORE = re.compile(
    r"\b(?:will|would|shall|(?:is|are)\s+(?:set|expected|due)\s+to|(?:is|are)\s+to)\s+$", re.I
)


def _counts(ctx: SentenceContext, taken) -> list[Frame]:
    sent = ctx.sent
    out: list[Frame] = []
    if not re.search(
        r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
        r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
        r"ninety|hundred)",
        ctx.view,
        re.I,
    ):
        return out
    counted: list[tuple[int, int]] = []  # a count may share words with a frame of another kind
    for rx in _count_rxs():
        for mt in rx.finditer(ctx.view):
            s, e = mt.start(), mt.end()
            gd = {k: v for k, v in mt.groupdict().items() if v}
            if "num2" in gd:
                gd["num"], gd["noun"] = gd.pop("num2"), gd.pop("noun2")
            founders = bool(re.search(r"found|formation|creat|establish|formed|original", mt.group(), re.I))
            if any(s < te and ts < e for ts, te in counted) or _in_quote(sent, s):
                continue
            if re.search(
                r"\b(?:including|among\s+them|of\s+which|of\s+whom)\s+$", sent[max(0, s - 20) : s], re.I
            ) or (
                re.match(
                    r"\s+in\s+(?:Europe|Africa|Asia|Latin\s+America|the\s+Americas|the\s+EU)\b", sent[e:]
                )
            ):
                continue  # "including 42 States Parties in Europe": a part, not the whole
            # a qualifier counts only just before the number ("more than 160"), not before a
            # treaty's name the pattern starts with ("under the Chemical Weapons Convention, … 193")
            starts_with_number = not mt.group("pre") if "pre" in rx.groupindex else True
            vague = _VAGUE.search(sent[max(0, s - 20) : s]) if starts_with_number else None
            qualifiers = raw()["count_qualifiers"]  # "more than 160": a floor; "some 165": about
            bound = qualifiers.get(re.sub(r"\s+", " ", vague.group(1).lower())) if vague else None
            if "q" in gd:  # "the convention has some 165 states parties"
                bound = qualifiers.get(re.sub(r"\s+", " ", gd["q"].lower()))
            unit = re.match(r"\s*(?:%|per\s*cent|percent|km|years?|months?)", sent[e:])
            if (vague and bound is None) or unit:
                continue
            if (
                re.match(r"(?:the|these|those|both)\s", mt.group(), re.I)
                and "mid" in gd
                and ((number_value(gd["num"]) or 99) <= 10)
            ):
                continue  # "the four NATO states": a few of the members, named before, not a count
            if vague:
                s = max(0, s - 20) + vague.start()
            if re.search(r"\d[.,]$", sent[max(0, s - 2) : s]) or re.match(
                r"[.,]\d", sent[mt.end("num") : mt.end("num") + 2]
            ):
                continue
            im = None
            for k in ("pre", "mid", "post", "obj"):
                if k in gd:
                    im = _inst_in(ctx, mt.start(k), mt.end(k))
                    if im is None:
                        break
            noun = gd.get("noun", "").lower()
            growth = "ctx" in mt.groupdict() and mt.group("ctx") is not None  # "raising its members to 28"
            if ("al" in gd or founders) and im is None:  # "the 30-member alliance", "12 founding members"
                near = [m for m in ctx.insts if m.inst in alliance_ids()]
                cand = near[-1].inst if near else (ctx.context_alliance or (alliance_ids() or [None])[0])
                if cand is None or (founders and not near and not ctx.context_alliance):
                    continue
                im = Mention("inst", s, s, "", inst=cand, how=f"the alliance ({cand})")
                noun = "founders" if founders else "members"
            if growth and im is None:
                near = [m for m in ctx.insts if m.end <= s]
                cand = near[-1].inst if near else (ctx.context_alliance or ctx.context_inst)
                if cand not in alliance_ids():
                    continue
                inst, how = cand, (near[-1].how if near else f"the alliance named before ({cand})")
                noun = "members"
            elif im is None:
                its = re.match(
                    r"(?:all\s+(?:of\s+)?)?(?:its|the\s+treaty's|the\s+convention's)\s", mt.group(), re.I
                )
                if noun == "allies" and ctx.context_inst in alliance_ids():
                    inst, how = ctx.context_inst, f"'allies': {ctx.context_inst}"
                elif noun == "allies" and alliance_ids():
                    inst, how = alliance_ids()[0], "'allies': the alliance"
                elif (
                    its
                    and ctx.context_inst
                    and noun in ("members", "parties", "signatories", "states parties")
                ):
                    inst, how = ctx.context_inst, f"{its.group().strip()!r}: {ctx.context_inst}, named before"
                elif (noun.startswith("part") or noun in ("states parties", "signatories")) and (
                    near_inst := [m for m in ctx.insts if m.end <= s and s - m.end <= 60]
                ):  # "The Open Skies Treaty allows the 34 party nations to …"
                    inst, how = near_inst[-1].inst, near_inst[-1].how
                elif noun in ("members", "member states", "member countries", "member nations") and (
                    ctx.context_latest in alliance_ids() and not ctx.insts
                ):  # "all 29 current members", the alliance being the instrument named last
                    inst, how = ctx.context_latest, f"'members': {ctx.context_latest}, named last"
                else:
                    continue
            else:
                inst, how = im.inst, im.how
                if growth:
                    noun = "members"
            if founders:
                noun = "founders"
            if growth:
                gd["pre"] = "growth"
            if noun in ("nations", "countries", "states") and not ({"pre", "mid", "post", "obj"} & set(gd)):
                continue
            cl_text = sent[max(0, s - 50) : s]
            if markers()["hypothetical"].search(cl_text[-30:]):
                continue
            counted.append((s, e))
            extra = {"bound": bound} if bound else {}
            if growth and _WILL_BEFORE.search(sent[max(0, s - 30) : s]):
                extra["future"] = "1"  # "their admission will take the alliance to 26 members"
            out.append(
                Frame(
                    "count",
                    "count",
                    s,
                    e,
                    [],
                    inst,
                    how,
                    date=_count_date(ctx, s),
                    num=gd["num"],
                    verb=(gd.get("verb") or "").lower(),
                    rel=noun,
                    universal=bool(gd.get("all")),
                    extra=extra,
                )
            )
            if founders:
                out += _named_founders(ctx, e, inst, how)
    return out


_INCLUDING = re.compile(r"\s*,?\s*(?:including|among\s+them|such\s+as|namely)\s+(?:the\s+)?", re.I)


def _named_founders(ctx: SentenceContext, e: int, inst: str, how: str) -> list[Frame]:
    """ "founded in 1949 by 12 nations, including A, B and C": each named state a founder."""
    mt = _INCLUDING.match(ctx.sent, e)
    if mt is None:
        return []
    lists = _lists([m for m in ctx.states if m.start >= mt.end()], ctx.sent)
    if not lists or lists[0][0].start != mt.end():
        return []
    run = lists[0]
    return [Frame("member", "founder", run[0].start, run[-1].end, run, inst, how)]


def _count_date(ctx: SentenceContext, s: int) -> DateSpec | None:
    """The day a count holds on: the sentence's one date when it comes first ("On March 29, 2004,
    seven states joined, increasing its membership to 26"), else the article's day."""
    ds = [m.date for m in ctx.dates if m.date is not None]
    if len(ds) != 1 or ctx.dates[0].start > s:
        return None
    between = ctx.sent[ctx.dates[0].end : s]
    if re.search(
        r"\b(?:now|today|currently|at\s+present|presently|has|have)\b|,\s+and\s+(?:the|it|its|this)\b|;",
        between,
        re.I,
    ):
        return None  # "adopted in 2008, the convention now has 112 parties": the article's day
    acts = (
        r"\b(?:signed|concluded|founded|created|established|formed|had|was|were|counted|numbered|comprised|"
        r"joined|admitted|taking|took|bringing|brought|raising|raised)\b"
    )
    if ds[0].precision == "year" and not re.search(
        acts, ctx.sent[max(0, ctx.dates[0].start - 40) : s + 40], re.I
    ):
        return None  # a year before a count dates the count only when it dates the act the count did
    return ds[0]
