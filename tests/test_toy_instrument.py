"""Adding a treaty is its data, one rules module built from the shared shapes and one registry
entry: a toy convention, kept in a temporary folder, answers every question with no other file
changed (the worked example of the README's "Adding a treaty")."""

from __future__ import annotations

import importlib.util
import json
import textwrap
from datetime import date
from pathlib import Path

import pytest

from foederis.engine.compile import compile_record
from foederis.questions.freeby import free_by
from foederis.questions.matrix import matrix
from foederis.questions.obligations import may
from foederis.questions.status import status
from foederis.questions.withdrawal import withdrawal_whatif
from foederis.record.loader import load_record
from foederis.record.models import InstrumentFiles
from foederis.rules.registry import REGISTRY
from foederis.rules.spec import InstrumentSpec

ROWS = """state,iso3,action,date,source,note,status,source_kind,known_from,derived_from
Lithuania,LTU,ratification,2030-01-10,https://treaties.un.org/toy,,sourced,depositary,2030-01-10,
Estonia,EST,accession,2030-02-20,https://treaties.un.org/toy,,sourced,depositary,2030-02-20,
Norway,NOR,ratification,2030-05-05,https://treaties.un.org/toy,,sourced,depositary,2030-05-05,
"""
PROVISIONS = {
    "toy/art_1__para_1__point_a": "Each State Party undertakes never to use toy weapons.",
    "toy/art_1__para_1__point_b": "Each State Party undertakes never to develop, produce, acquire, "
    "stockpile, retain or transfer toy weapons.",
    "toy/art_1__para_1__point_c": "Each State Party undertakes never to assist anyone to do so.",
    "toy/art_3": "A State Party may retain a limited number for training.",
    "toy/art_9__para_1": "This Convention enters into force on the first day of the sixth month "
    "after the month of the second instrument.",
    "toy/art_9__para_2": "For a later instrument, on the first day of the sixth month after it.",
    "toy/art_10": "This Convention is open for signature.",
    "toy/art_12__para_1": "Each State Party may withdraw.",
    "toy/art_12__para_2": "Withdrawal takes effect six months after receipt, not while the state "
    "is engaged in an armed conflict.",
}
RULES_MODULE = '''
"""Toy Convention: the ban-convention shape with a threshold of two instruments."""

from foederis.rules.ban_convention import BanConvention
from foederis.rules.spec import ActivityRule, Obligations

RULES = BanConvention(
    instrument="toy",
    threshold=2,
    eif_general="toy/art_9__para_1",
    eif_later="toy/art_9__para_2",
    withdrawal_right="toy/art_12__para_1",
    withdrawal_effect="toy/art_12__para_2",
    signature="toy/art_10",
)
_B = "toy/art_1__para_1__point_b"
OBLIGATIONS = Obligations(
    weapons=("toy_weapons",),
    activities={
        "use": ActivityRule("toy/art_1__para_1__point_a"),
        **{a: ActivityRule(_B) for a in ("develop", "produce", "acquire", "stockpile", "transfer")},
        "retain": ActivityRule(_B, "toy/art_3", "a limited number, for training"),
        "assist": ActivityRule("toy/art_1__para_1__point_c"),
    },
)
'''


@pytest.fixture(scope="module")
def toy(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder: Path = tmp_path_factory.mktemp("toy")
    (folder / "toy.csv").write_text(ROWS, encoding="utf-8")
    lines = [{"id": k, "heading": k, "text": v, "source": "toy text"} for k, v in PROVISIONS.items()]
    (folder / "toy.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    (folder / "toy_rules.py").write_text(textwrap.dedent(RULES_MODULE), encoding="utf-8")
    loader = importlib.util.spec_from_file_location("toy_rules", folder / "toy_rules.py")
    assert loader and loader.loader
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    spec = InstrumentSpec(
        id="toy",
        title="Toy Convention (2030)",
        short="Toy Convention",
        role="weapons_ban",
        compile=module.RULES.compile,
        aliases=("Toy",),
        depositary="Secretary-General of the United Nations",
        entry_into_force=module.RULES.eif_clause,
        withdrawal=module.RULES.withdrawal_clause,
        obligations=module.OBLIGATIONS,
        data=InstrumentFiles("toy", (str(folder / "toy.csv"),), (str(folder / "toy.jsonl"),)),
    )
    registry = REGISTRY.with_instruments(spec)
    record = load_record(extra=registry.files())
    return compile_record(record, registry=registry)


def test_status_follows_the_toy_entry_into_force_rule(toy) -> None:  # type: ignore[no-untyped-def]
    # the second instrument (EST, 20 Feb 2030): in force on the first day of the sixth month
    # after that month, 1 Aug 2030
    assert status(toy, "LTU", "toy", date(2030, 7, 31)).status == "consented"
    ans = status(toy, "LTU", "toy", date(2030, 8, 1))
    assert (ans.status, ans.bound) == ("party", True)
    assert ans.reasons[0].provision == "toy/art_9__para_1"
    assert status(toy, "NOR", "toy", date(2030, 11, 1)).status == "party"  # 1 Nov 2030, Art. 9(2)


def test_withdrawal_and_free_by_read_the_toy_clause(toy) -> None:  # type: ignore[no-untyped-def]
    ans = withdrawal_whatif(toy, "LTU", "toy", date(2031, 1, 15), [])
    assert (ans.outcome, ans.effective) == ("effective", date(2031, 7, 15))
    frozen = withdrawal_whatif(toy, "LTU", "toy", date(2031, 1, 15), [(date(2031, 6, 1), None)])
    assert frozen.outcome == "pending"
    free = free_by(toy, "LTU", "toy", date(2032, 1, 1), as_of=date(2031, 1, 1))
    assert free.latest_notice == date(2031, 7, 1)
    assert free.reasons[0].provision == "toy/art_12__para_2"


def test_may_and_matrix_cover_the_toy_weapon(toy) -> None:  # type: ignore[no-untyped-def]
    day = date(2031, 1, 1)
    assert may(toy, "LTU", "use", "toy_weapons", day).verdict == "prohibited"
    assert may(toy, "LTU", "retain", "toy_weapons", day).verdict == "permitted_with_limits"
    assert may(toy, "USA", "use", "toy_weapons", day).verdict == "permitted"
    grid = matrix(toy, "nato", "toy_weapons", day)
    assert "LTU" in grid.prohibited["use"] and "USA" in grid.free["use"]


def test_the_built_in_registry_is_untouched(toy) -> None:  # type: ignore[no-untyped-def]
    assert "toy" in toy.registry and "toy" not in REGISTRY
