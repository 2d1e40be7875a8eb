"""The depositary actions of the CCW Protocols (`consent`) and the ATT
(`intention_not_to_become_party`) load as typed events; a word outside the vocabulary fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foederis.record.errors import RecordError
from foederis.record.loader import ACTIONS, load_record
from foederis.record.models import CONSENT_ACTIONS, InstrumentFiles

HEADER = "state,iso3,action,date,source,note,source_kind,known_from,derived_from\n"
ROWS = (
    "Malta,MLT,consent,2031-02-03,https://treaties.un.org/toy,,depositary,2031-02-03,\n"
    "Malta,MLT,signature,2031-01-05,https://treaties.un.org/toy,,depositary,2031-01-05,\n"
    "Malta,MLT,intention_not_to_become_party,2031-06-01,https://treaties.un.org/toy,,depositary,2031-06-01,\n"
)


def _files(folder: Path, rows: str) -> InstrumentFiles:
    (folder / "toy_p.csv").write_text(HEADER + rows, encoding="utf-8")
    text = {"id": "toy_p/art_1", "heading": "Article 1", "text": "A toy provision.", "source": "toy text"}
    (folder / "toy_p.jsonl").write_text(json.dumps(text), encoding="utf-8")
    return InstrumentFiles("toy_p", (str(folder / "toy_p.csv"),), (str(folder / "toy_p.jsonl"),))


def test_consent_and_intention_not_to_become_party_load(tmp_path: Path) -> None:
    record = load_record(extra=(_files(tmp_path, ROWS),))
    actions = [(e.state, e.action, e.date.isoformat()) for e in record.events_for("toy_p")]
    assert ("MLT", "consent", "2031-02-03") in actions
    assert ("MLT", "intention_not_to_become_party", "2031-06-01") in actions


def test_consent_counts_as_a_consent_and_the_notice_does_not() -> None:
    assert {"consent", "intention_not_to_become_party"} <= ACTIONS
    assert "consent" in CONSENT_ACTIONS
    assert "intention_not_to_become_party" not in CONSENT_ACTIONS


def test_a_near_miss_of_the_new_words_is_refused(tmp_path: Path) -> None:
    bad = "Malta,MLT,intention_not_to_be_party,2031-06-01,https://treaties.un.org/toy,,depositary,2031-06-01,\n"
    with pytest.raises(RecordError, match="unknown action 'intention_not_to_be_party'"):
        load_record(extra=(_files(tmp_path, bad),))
