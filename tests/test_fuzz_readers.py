"""Fuzz targets for the two readers of untrusted text: the scenario loader (YAML → Scenario or a
ScenarioError) and the article reader (bytes → text → judged claims). Any other exception is a
crash. CI runs a bounded number of examples; the long run sets FOEDERIS_FUZZ_EXAMPLES (see
docs/scenarios.md, "Hostile input")."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foederis.claims.check import check
from foederis.claims.text import ArticleError, read_article
from foederis.engine.compile import Compiled
from foederis.record.loader import Record
from foederis.scenarios.bundled import EXAMPLES_DIR
from foederis.scenarios.run import ScenarioError, load_scenario, run_scenario

EXAMPLES = int(os.environ.get("FOEDERIS_FUZZ_EXAMPLES", "300"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    derandomize=EXAMPLES <= 300,  # CI: the same cases every run; the long run explores
)
ROOT = Path(__file__).resolve().parent.parent
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES_DIR.glob("*.yaml"))]
ARTICLES = [p.read_bytes() for p in sorted((ROOT / "examples" / "articles").glob("*"))[:6] if p.is_file()]
HOSTILE_TEXT = st.sampled_from(
    ["\x00", "\ud800", "\x1b[31m", "\u202e", "&a", "*a", "[", "{", ":", "- ", "\n", "\t", "'", '"', "x" * 200]
)
TYPES = [
    "armed_attack",
    "conflict_start",
    "conflict_end",
    "art4_consultations",
    "art5_invocation",
    "withdrawal_notice",
    "accession",
    "ratification",
]
DAYS = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.dates(min_value=date(1940, 1, 1), max_value=date(2105, 12, 31)),
    st.sampled_from(["2025-W10-4", "2025-02-30", "20250306", "2025-03-06T10:00", ""]),
    st.integers(-(10**20), 10**20),
)
SCALARS = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20) | HOSTILE_TEXT,
    st.integers(),
    st.floats(),
    st.booleans(),
    st.none(),
    DAYS,
    st.sampled_from(["Estonia", "FRA", "NOR", "Ukraine", "ccm", "apmbt", "nato", "Estnia", "cmm"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
EVENT = st.fixed_dictionaries(
    {"type": st.sampled_from(TYPES) | SCALARS, "date": DAYS},
    optional={
        "state": SCALARS,
        "states": VALUES,
        "participants": VALUES,
        "instrument": SCALARS,
        "note": SCALARS,
        "place": SCALARS,
        "by": SCALARS,
        "line": SCALARS,
        "colour": SCALARS,
    },
)
DOCUMENT = st.fixed_dictionaries(
    {"start": DAYS, "end": DAYS, "events": st.lists(EVENT, max_size=6)},
    optional={"name": SCALARS, "title": SCALARS, "options": VALUES, "extra": VALUES},
)


def _dump(doc: dict) -> str:
    try:
        return yaml.safe_dump(doc, allow_unicode=True)
    except (yaml.YAMLError, UnicodeError):
        return str(doc)


def _mutate(text: str, data: st.DataObject) -> str:
    """A few random insertions, deletions and duplications of a real scenario file."""
    for _ in range(data.draw(st.integers(1, 6))):
        i = data.draw(st.integers(0, len(text)))
        op = data.draw(st.sampled_from(["insert", "delete", "repeat"]))
        if op == "insert":
            text = text[:i] + data.draw(HOSTILE_TEXT | st.text(max_size=5)) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + data.draw(st.integers(1, 20)) :]
        else:
            text = text[:i] + text[i : i + 40] * data.draw(st.integers(2, 5)) + text[i:]
    return text


def _load_or_refuse(text: str, record: Record, replay: bool) -> None:
    try:
        scenario = load_scenario(text, "fuzz.yaml", record.states)
    except ScenarioError as exc:
        for issue in exc.errors:
            issue.model_dump_json()  # every message serialises
            assert "Node(" not in issue.message
        return
    if replay:
        run_scenario(scenario, scenario.options, record).model_dump_json()


@FUZZ
@given(doc=DOCUMENT)
def test_scenario_loader_structured(doc: dict, record: Record) -> None:
    _load_or_refuse(_dump(doc), record, replay=True)


@FUZZ
@given(data=st.data(), seed=st.sampled_from(range(len(SEEDS))))
def test_scenario_loader_mutated_examples(data: st.DataObject, seed: int, record: Record) -> None:
    _load_or_refuse(_mutate(SEEDS[seed], data), record, replay=False)


@FUZZ
@given(text=st.text(max_size=400))
def test_scenario_loader_any_text(text: str, record: Record) -> None:
    _load_or_refuse(text, record, replay=False)


@FUZZ
@given(data=st.binary(max_size=600) | st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_article_reader_any_bytes(data: bytes, compiled: Compiled) -> None:
    try:
        text = read_article(data, "fuzz")
    except ArticleError:
        return
    check(compiled, text, date(2025, 1, 1)).model_dump_json()


@FUZZ
@given(data=st.data())
def test_article_reader_mutated_articles(data: st.DataObject, compiled: Compiled) -> None:
    if not ARTICLES:
        return
    raw = ARTICLES[data.draw(st.integers(0, len(ARTICLES) - 1))].decode("utf-8", "replace")[:3000]
    text = _mutate(raw, data)
    try:
        text = read_article(text.encode("utf-8", "surrogatepass"), "fuzz")
    except ArticleError:
        return
    check(compiled, text, date(2025, 1, 1)).model_dump_json()


VALID_EVENT = st.fixed_dictionaries(
    {
        "type": st.sampled_from(["armed_attack", "conflict_start", "withdrawal_notice", "accession"]),
        "date": st.dates(min_value=date(2026, 1, 1), max_value=date(2027, 12, 31)),
        "state": st.sampled_from(["Estonia", "FRA", "NOR", "Ukraine", "LTU", "POL"]),
        "instrument": st.sampled_from(["ccm", "apmbt", "nato"]),
    }
)


@settings(FUZZ, max_examples=min(EXAMPLES, 40))
@given(events=st.lists(VALID_EVENT, max_size=5), overflow=st.sampled_from(["clip", "next_day"]))
def test_valid_scenarios_replay_without_crashing(events: list[dict], overflow: str, record: Record) -> None:
    for ev in events:
        if ev["type"] in ("armed_attack", "conflict_start"):
            ev.pop("instrument")
    doc = {"start": date(2026, 1, 1), "end": date(2027, 12, 31), "options": {"month_overflow": overflow}}
    _load_or_refuse(_dump({**doc, "events": events}), record, replay=True)
