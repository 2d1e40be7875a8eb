"""Shape of the CWC, BWC and NPT data files: columns, codes, dates, sources, counts, texts."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import pycountry
import pytest

from foederis.record.loader import DATA_DIR
from foederis.record.sources import SOURCE_KINDS, classify, load_tables, refused_hosts

PART = DATA_DIR / "pending"
#: files that moved into the record once their rules existed
MOVED = {"cwc": DATA_DIR / "participation"}
TEXTS = DATA_DIR / "texts"
README = PART / "README-cwc-bwc-npt.md"
FILES = ("cwc", "bwc", "npt")
COLUMNS = [
    "state", "iso3", "action", "date", "source", "note",
    "source_kind", "known_from", "derived_from", "depositary",
]
ACTIONS = {
    "signature", "ratification", "accession", "acceptance", "approval", "succession",
    "withdrawal_notice", "withdrawal_effective", "statement",
}
CONSENT = {"ratification", "accession", "acceptance", "approval", "succession"}
DEPOSITARIES = {"London", "Moscow", "Washington"}
TABLES = load_tables(DATA_DIR)


def _file(stem: str) -> Path:
    return MOVED.get(stem, PART) / f"{stem}.csv"


def _rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _known_iso3() -> set[str]:
    with (DATA_DIR / "project" / "state_codes.csv").open(newline="", encoding="utf-8") as fh:
        project = {row["iso3"] for row in csv.DictReader(fh)}
    return project | {c.alpha_3 for c in pycountry.countries}


def _parties(rows: list[dict[str, str]]) -> set[str]:
    joined = {r["iso3"] for r in rows if r["action"] in CONSENT}
    return joined - {r["iso3"] for r in rows if r["action"] == "withdrawal_effective"}


def _readme_table() -> dict[str, tuple[int, int, int]]:
    """file stem -> (rows, states, parties) as the README's first table states them."""
    found: dict[str, tuple[int, int, int]] = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\| `(\w+)\.csv` \|.*\| (\d+) \| (\d+) \| (\d+|—) \|$", line)
        if m and m.group(1) in FILES:
            found[m.group(1)] = (int(m.group(2)), int(m.group(3)), int(m.group(4)))
    return found


@pytest.mark.parametrize("stem", FILES)
def test_columns_codes_actions_and_dates(stem: str) -> None:
    cols, rows = _rows(_file(stem))
    assert cols == COLUMNS
    known = _known_iso3()
    for i, row in enumerate(rows, start=2):
        where = f"{stem}.csv:{i}"
        assert row["iso3"] in known, where
        assert row["state"].strip(), where
        assert row["action"] in ACTIONS, where
        day = date.fromisoformat(row["date"])
        assert date(1968, 1, 1) <= day <= date.today(), where
        assert date.fromisoformat(row["known_from"]) >= day, where
        assert row["note"].strip(), where


@pytest.mark.parametrize("stem", FILES)
def test_every_row_has_a_source_of_a_known_kind_and_none_refused(stem: str) -> None:
    _, rows = _rows(_file(stem))
    for i, row in enumerate(rows, start=2):
        where = f"{stem}.csv:{i}"
        assert row["source"].strip(), where
        assert row["source_kind"] in SOURCE_KINDS, where
        # The kind column is the kind the domain table gives the source column.
        assert classify(row["source"], TABLES) == row["source_kind"], where
        assert refused_hosts(row["source"] + " " + row["note"], TABLES) == [], where


def test_cwc_has_no_depositary_column_values() -> None:
    _, rows = _rows(_file("cwc"))
    assert {r["depositary"] for r in rows} == {""}


@pytest.mark.parametrize("stem", ("bwc", "npt"))
def test_depositary_is_named_or_its_absence_explained(stem: str) -> None:
    _, rows = _rows(_file(stem))
    for i, row in enumerate(rows, start=2):
        if row["depositary"]:
            assert row["depositary"] in DEPOSITARIES, f"{stem}.csv:{i}"
        else:
            assert "depositary" in row["note"].lower(), f"{stem}.csv:{i}"


@pytest.mark.parametrize("stem", FILES)
def test_no_duplicate_events(stem: str) -> None:
    _, rows = _rows(_file(stem))
    keys = [(r["iso3"], r["action"], r["date"], r["depositary"]) for r in rows]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("stem", FILES)
def test_counts_equal_those_the_readme_states(stem: str) -> None:
    _, rows = _rows(_file(stem))
    stated = _readme_table()[stem]
    assert (len(rows), len({r["iso3"] for r in rows}), len(_parties(rows))) == stated


def test_cwc_party_count_is_the_depositary_figure() -> None:
    _, rows = _rows(_file("cwc"))
    assert len(_parties(rows)) == 193
    assert len({r["iso3"] for r in rows if r["action"] == "signature"}) == 165
    assert "Parties 193" in README.read_text(encoding="utf-8")


def test_dprk_npt_events_are_recorded_without_an_effective_withdrawal() -> None:
    _, rows = _rows(PART / "npt.csv")
    prk = sorted((r["date"], r["action"]) for r in rows if r["iso3"] == "PRK")
    assert prk == [
        ("1985-12-12", "accession"),
        ("1993-03-12", "withdrawal_notice"),
        ("1993-06-11", "statement"),
        ("2003-01-10", "withdrawal_notice"),
    ]


def test_nuclear_weapon_states_tested_before_1967() -> None:
    cols, rows = _rows(PART / "npt_nuclear_weapon_states.csv")
    assert cols == ["iso3", "first_test", "source", "source_kind", "note"]
    assert {r["iso3"] for r in rows} == {"USA", "RUS", "GBR", "FRA", "CHN"}
    for row in rows:
        assert date.fromisoformat(row["first_test"]) < date(1967, 1, 1)
        assert classify(row["source"], TABLES) == row["source_kind"]
        assert refused_hosts(row["source"] + " " + row["note"], TABLES) == []


REQUIRED_PROVISIONS = {
    "cwc": [
        "cwc/art_1__para_5", "cwc/art_2__para_1", "cwc/art_2__para_7", "cwc/art_2__para_9",
        "cwc/art_16__para_1", "cwc/art_16__para_2", "cwc/art_21__para_1", "cwc/art_21__para_2",
        "cwc/art_23",
    ],
    "bwc": [
        "bwc/art_1", "bwc/art_3", "bwc/art_13__para_1", "bwc/art_13__para_2",
        "bwc/art_14__para_2", "bwc/art_14__para_3", "bwc/art_14__para_4", "bwc/art_15",
    ],
    "npt": [
        "npt/art_1", "npt/art_2", "npt/art_3__para_1", "npt/art_9__para_2", "npt/art_9__para_3",
        "npt/art_9__para_4", "npt/art_10__para_1", "npt/art_10__para_2",
    ],
}


@pytest.mark.parametrize("stem", FILES)
def test_provision_texts_have_the_required_articles(stem: str) -> None:
    lines = (TEXTS / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(f"{stem}/") for i in ids)
    assert all(item["text"].strip() and item["source"] and item["heading"] for item in items)
    assert [p for p in REQUIRED_PROVISIONS[stem] if p not in ids] == []
