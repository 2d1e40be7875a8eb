"""The judge registry: every relation the claim reader can hand to the judge has a registered
judge, and a relation without one fails loudly, naming the known relations."""

from __future__ import annotations

import ast
import inspect
import re
from datetime import date

import pytest

from foederis.claims import frames, reader
from foederis.claims.extract import Draft
from foederis.claims.judge import Judge, UnknownRelation
from foederis.claims.judges import known_relations
from foederis.claims.lexicon import predicates, provision_patterns, raw
from foederis.engine.compile import Compiled


def _frame_relations() -> set[str]:
    """Relations a Frame can carry: those of the lexicon's predicates, and the literals frames.py
    writes itself (`Frame(lemma, "relation", ...)` and `f.relation = "..."`)."""
    found = {p.relation for p in predicates()}
    for node in ast.walk(ast.parse(inspect.getsource(frames))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Frame" and len(node.args) > 1:
            found |= {n.value for n in ast.walk(node.args[1]) if isinstance(n, ast.Constant)}
        if isinstance(node, ast.Assign) and any(getattr(t, "attr", None) == "relation" for t in node.targets):
            found |= {n.value for n in ast.walk(node.value) if isinstance(n, ast.Constant)}
    return {r for r in found if isinstance(r, str)}


def _passive_verbs() -> list[str]:
    """The verbs the lexicon's passive predicate reads ("was denounced by ...")."""
    pattern = next(p["pattern"] for p in raw()["predicates"] if p["lemma"] == "passive")
    m = re.search(r"\(\?P<verb>([^)]*)\)", pattern)
    assert m, pattern
    return m.group(1).split("|")


def _judged_relations() -> set[str]:
    """Every relation the reader can put in a Draft: mapped frame relations, the frame relations
    it passes through (counts, treaty events), the provision relations, and 'joined' ("since")."""
    out = {r for r, _ in provision_patterns()} | {"count", "treaty_event", "joined"}
    for rel in _frame_relations():
        for lemma, verbs in ((rel, [""]), ("passive", _passive_verbs())):
            for verb in verbs:
                for positive in (True, False):
                    for noun in ("", "party", "signatory"):
                        for extra in ({}, {"never": "1"}):
                            f = frames.Frame(lemma, rel, 0, 0, [], None, "", positive, verb=verb, rel=noun)
                            f.extra = dict(extra)
                            got, _ = reader._relation(f)
                            out.add(got)
    out.discard("")
    return out


def test_every_relation_the_reader_produces_has_a_judge() -> None:
    produced = _judged_relations()
    assert {"member", "not_member", "withdrew", "notice", "count", "accession"} <= produced  # sanity
    missing = produced - set(known_relations())
    assert not missing, f"relations without a registered judge: {sorted(missing)}"


def test_unknown_relation_fails_naming_the_known_ones(compiled: Compiled) -> None:
    judge = Judge(compiled, date(2025, 6, 1), date(2026, 12, 1))
    d = Draft("status", "member", "no_such_relation", 0, 0, "", {}, [], "nato", "named")
    with pytest.raises(UnknownRelation) as err:
        judge.judge(d)
    message = str(err.value)
    assert "no_such_relation" in message
    assert all(r in message for r in known_relations())
