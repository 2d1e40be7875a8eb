"""A party count read from a partial record says so: "it holds N of the M parties published (as
of D, source)", or that the depositary's count is unknown; a complete record says nothing more."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from foederis.engine.compile import Compiled, compile_record
from foederis.interfaces.server import create_app
from foederis.questions.members import members
from foederis.record.loader import Record
from foederis.rules.registry import BUILT_IN, Registry
from foederis.rules.spec import RecordCoverage

PARTIAL = RecordCoverage("partial", 125, date(2031, 3, 1), "UNTC XXVI-6 status page")
UNKNOWN = RecordCoverage("partial")


def _with_ccm_coverage(record: Record, cover: RecordCoverage) -> Compiled:
    specs = [replace(s, record_coverage=cover) if s.id == "ccm" else s for s in BUILT_IN]
    return compile_record(record, registry=Registry(specs), instruments=["ccm"])


def test_a_complete_record_adds_no_statement(compiled: Compiled) -> None:
    ans = members(compiled, "ccm", date(2024, 3, 7))
    assert ans.coverage is not None and ans.coverage.extent == "complete"
    assert ans.coverage.statement is None


def test_a_partial_record_names_the_depositary_count_its_day_and_source(record: Record) -> None:
    ans = members(_with_ccm_coverage(record, PARTIAL), "ccm", date(2024, 3, 7))
    assert ans.coverage is not None
    assert ans.coverage.statement == (
        f"The record is partial: it holds {ans.count} of the 125 parties published "
        "(as of 2031-03-01, UNTC XXVI-6 status page)."
    )
    assert ans.model_dump(mode="json")["coverage"]["published_parties"] == 125


def test_a_partial_record_without_a_published_figure_says_the_count_is_unknown(record: Record) -> None:
    ans = members(_with_ccm_coverage(record, UNKNOWN), "ccm", date(2024, 3, 7))
    assert ans.coverage is not None and ans.coverage.published_parties is None
    assert "depositary's party count is unknown" in (ans.coverage.statement or "")


@pytest.mark.parametrize("held", [0, 64])
def test_an_undated_figure_is_called_undated(held: int) -> None:
    cover = RecordCoverage("partial", 116, None, "ATT Secretariat")
    assert cover.statement(held) == (
        f"The record is partial: it holds {held} of the 116 parties published (undated, ATT Secretariat)."
    )


def test_the_instrument_page_says_the_record_is_partial(tmp_path: Path) -> None:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'p.sqlite3'}")) as client:
        partial = client.get("/instruments/att?on=2026-12-01")
        complete = client.get("/instruments/cwc?on=2026-12-01")
    assert partial.status_code == complete.status_code == 200
    assert 'id="record-coverage"' in partial.text and "of the 116 parties published" in partial.text
    assert 'id="record-coverage"' not in complete.text
