"""Shape of the CCW, TPNW and ATT participation and text files (the ATT's is loaded; the others
wait in `pending/`)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re

import pytest

from foederis.record.loader import DATA_DIR
from foederis.record.sources import SOURCE_KINDS, load_tables, refused_hosts

PART = DATA_DIR / "pending"
#: files that moved to `participation/` with their rules module
MOVED = {"att", "ccw", "ccw_art1_amended", "ccw_p1", "ccw_p2", "ccw_p2_amended", "ccw_p3", "ccw_p4", "ccw_p5"}
IDS = (
    "ccw", "ccw_art1_amended", "ccw_p1", "ccw_p2", "ccw_p2_amended",
    "ccw_p3", "ccw_p4", "ccw_p5", "tpnw", "att",
)
COLUMNS = ["state", "iso3", "action", "date", "source", "note", "source_kind", "known_from", "derived_from"]
CONSENT = {"ratification", "accession", "acceptance", "approval", "succession", "consent"}
ACTIONS = CONSENT | {
    "signature", "withdrawal_deposited", "withdrawal_effective", "intention_not_to_become_party",
}
TABLES = load_tables(DATA_DIR)


def _path(inst: str):  # type: ignore[no-untyped-def]
    return (DATA_DIR / "participation" if inst in MOVED else PART) / f"{inst}.csv"


def _rows(inst: str) -> list[dict[str, str]]:
    with _path(inst).open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == COLUMNS, inst
        return list(reader)


def _known_iso3() -> set[str]:
    with (DATA_DIR / "project" / "state_codes.csv").open(newline="", encoding="utf-8") as fh:
        return {r["iso3"] for r in csv.DictReader(fh)}


def _readme_table() -> dict[str, tuple[int, int, int]]:
    """`file -> (rows, parties, signatories)` as the README's count table states them."""
    text = (PART / "README-ccw-tpnw-att.md").read_text(encoding="utf-8")
    found = {}
    for m in re.finditer(r"^\| `(\w+)\.csv` \|[^|]*\|[^|]*\| (\d+) \| (\d+) \| (\d+) \|", text, re.M):
        found[m.group(1)] = (int(m.group(2)), int(m.group(3)), int(m.group(4)))
    return found


@pytest.mark.parametrize("inst", IDS)
def test_rows_have_known_states_actions_dates_and_sources(inst: str) -> None:
    known = _known_iso3()
    for i, row in enumerate(_rows(inst), start=2):
        where = f"{inst}.csv:{i}"
        assert row["iso3"] in known, where
        assert row["action"] in ACTIONS, where
        dt.date.fromisoformat(row["date"])
        dt.date.fromisoformat(row["known_from"])
        assert row["source"].strip(), where
        assert row["source_kind"] in SOURCE_KINDS, where
        assert not refused_hosts(row["source"] + " " + row["note"], TABLES), where


@pytest.mark.parametrize("inst", IDS)
def test_no_state_has_two_rows_of_one_action(inst: str) -> None:
    keys = [(r["iso3"], r["action"]) for r in _rows(inst)]
    assert len(keys) == len(set(keys)), inst


@pytest.mark.parametrize("inst", IDS)
def test_counts_match_the_readme(inst: str) -> None:
    rows = _rows(inst)
    parties = {r["iso3"] for r in rows if r["action"] in CONSENT}
    parties -= {r["iso3"] for r in rows if r["action"] == "withdrawal_effective"}
    signatories = {r["iso3"] for r in rows if r["action"] == "signature"}
    assert _readme_table()[inst] == (len(rows), len(parties), len(signatories))


def test_the_att_records_the_united_states_notice() -> None:
    rows = [r for r in _rows("att") if r["action"] == "intention_not_to_become_party"]
    assert [(r["iso3"], r["date"]) for r in rows] == [("USA", "2019-07-18")]


def test_tpnw_fiftieth_instrument_gives_entry_into_force() -> None:
    deposits = sorted(r["date"] for r in _rows("tpnw") if r["action"] in CONSENT)
    honduras = next(r for r in _rows("tpnw") if r["iso3"] == "HND" and r["action"] == "ratification")
    eif = dt.date.fromisoformat(honduras["date"]) + dt.timedelta(days=90)
    assert eif == dt.date(2021, 1, 22) and deposits[-1] == honduras["date"]


@pytest.mark.parametrize("name", ["ccw", "tpnw", "att"])
def test_text_files_have_unique_ids_and_sources(name: str) -> None:
    lines = (DATA_DIR / "texts" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids))
    for it in items:
        assert set(it) >= {"id", "heading", "text", "source"}, it["id"]
        assert it["source"] and (it["text"] is None or it["text"].strip()), it["id"]
        assert not refused_hosts(it["source"] + " " + it.get("note", ""), TABLES), it["id"]


def test_required_provisions_are_present() -> None:
    ids = {
        json.loads(line)["id"]
        for name in ("ccw", "tpnw", "att")
        for line in (DATA_DIR / "texts" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    for pid in ("ccw/art_5__para_1", "ccw/art_9__para_2", "ccw/art_4__para_3", "ccw/art_10__para_1",
                "ccw_art1_amended/art_1__para_2", "ccw_p1/art_1", "ccw_p3/art_1__para_1",
                "ccw_p3/art_2__para_2", "ccw_p4/art_1", "ccw_p5/art_3__para_1", "ccw_p5/art_4__para_1",
                "ccw_p2_amended/art_3__para_2", "att/art_6__para_1", "att/art_7__para_1",
                "att/art_22__para_1", "att/art_24__para_2", "att/art_27", "tpnw/art_15__para_1",
                "tpnw/art_17__para_2"):
        assert pid in ids, pid


def test_every_instrument_has_a_file_and_a_readme_row() -> None:
    assert sorted(_readme_table()) == sorted(IDS)
    assert all(_path(inst).is_file() for inst in IDS)
    assert not any((PART / f"{inst}.csv").exists() for inst in MOVED)
