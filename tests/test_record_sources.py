"""Source quality as data: kinds on every row, the refused list, the state-media rule."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from foederis.record.loader import DATA_DIR, EVENT_FILES, load_record
from foederis.record.sources import (
    PRIMARY_KINDS,
    SOURCE_KINDS,
    classify,
    load_tables,
    refused_hosts,
    state_media_of,
)

TABLES = load_tables(DATA_DIR)
#: Every file of sourced rows: the events, the curated conflict periods, presence, successions.
ROW_FILES = sorted(
    [*EVENT_FILES, "events/conflicts.csv", "events/forward_presence.csv", "project/successions.csv"]
)
ALL_CSV = sorted(str(p.relative_to(DATA_DIR)) for p in DATA_DIR.rglob("*.csv") if p.parent.name != "sources")


def _rows(rel: str) -> list[tuple[int, dict[str, str]]]:
    with (DATA_DIR / rel).open(newline="", encoding="utf-8") as fh:
        return list(enumerate(csv.DictReader(fh), start=2))


def test_the_refused_list_names_the_audited_aggregators() -> None:
    for host in ("news-pravda.com", "sputnikglobe.com", "windowstorussia.com", "blogspot.com"):
        assert host in TABLES.refused


def test_refused_hosts_are_found_in_subdomains_and_bare_mentions() -> None:
    assert refused_hosts("https://estonia.news-pravda.com/world/1.html", TABLES) == [
        "estonia.news-pravda.com"
    ]
    assert refused_hosts("as reported by milizona.blogspot.com (Europe)", TABLES) == ["milizona.blogspot.com"]
    assert refused_hosts("https://www.pravda.com.ua/eng/news/2023/06/2/7404922/", TABLES) == []
    assert state_media_of("https://tass.com/world/1767987", TABLES) == "RUS"
    assert state_media_of("https://kyivindependent.com/x", TABLES) is None


@pytest.mark.parametrize("rel", ALL_CSV)
def test_no_row_cites_a_refused_source(rel: str) -> None:
    bad = [
        f"{rel}:{i}: {refused_hosts(text, TABLES)}"
        for i, row in _rows(rel)
        for text in (row.get("source", ""), row.get("note", ""))
        if refused_hosts(text, TABLES)
    ]
    assert bad == []


def test_no_provision_text_cites_a_refused_source() -> None:
    rec = load_record()
    assert [p.id for p in rec.provisions.values() if refused_hosts(p.source + " " + p.note, TABLES)] == []


@pytest.mark.parametrize("rel", ROW_FILES)
def test_every_row_has_a_known_source_kind(rel: str) -> None:
    rows = _rows(rel)
    assert rows and all(row.get("source_kind") in SOURCE_KINDS for _, row in rows), rel


def test_state_media_sources_only_what_its_own_government_did() -> None:
    rec = load_record()
    bad = [
        f"{e.ref} ({e.state}) cites state media of {gov}"
        for e in rec.events
        if (gov := state_media_of(e.source, TABLES)) is not None and e.state != gov
    ]
    bad += [
        f"{c.file}:{c.row} ({c.state}) cites state media of {gov}"
        for c in rec.conflicts
        if (gov := state_media_of(c.source, TABLES)) is not None and c.state != gov
    ]
    bad += [
        f"events/forward_presence.csv:{p.row} cites state media of {gov}"
        for p in rec.presence
        if (gov := state_media_of(p.source, TABLES)) is not None and gov not in (p.host, p.lead)
    ]
    bad += [
        f"project/successions.csv:{lk.row} cites state media of {gov}"
        for lk in rec.successions
        if (gov := state_media_of(lk.source, TABLES)) is not None
        and gov not in (lk.predecessor, lk.successor)
    ]
    assert bad == []


def test_lithuania_ccm_withdrawal_rests_on_an_intergovernmental_source() -> None:
    rec = load_record()
    rows = [e for e in rec.events_for("ccm") if e.state == "LTU" and e.action.startswith("withdrawal")]
    assert {e.action for e in rows} == {"withdrawal_deposited", "withdrawal_effective"}
    for e in rows:
        assert e.source_kind in PRIMARY_KINDS
        assert classify(e.source, TABLES) in PRIMARY_KINDS


def test_the_derived_receipt_date_says_what_it_was_derived_from() -> None:
    rec = load_record()
    dep = next(e for e in rec.events_for("ccm") if e.state == "LTU" and e.action == "withdrawal_deposited")
    eff = next(e for e in rec.events_for("ccm") if e.state == "LTU" and e.action == "withdrawal_effective")
    assert dep.status == "derived"
    assert dep.derived_from.split()[0] == eff.ref


def test_a_row_with_an_unknown_source_kind_is_rejected(tmp_path: Path) -> None:
    import shutil

    from foederis.record.errors import RecordError

    root = tmp_path / "data"
    shutil.copytree(DATA_DIR, root)
    path = root / "participation" / "ccm.csv"
    text = path.read_text(encoding="utf-8").replace(",reference,", ",blog,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RecordError, match="source_kind"):
        load_record(root)


def test_source_tables_name_each_domain_once_and_use_known_kinds():
    for name in ("kinds.csv", "refused.csv", "state_media.csv"):
        with (DATA_DIR / "sources" / name).open(newline="", encoding="utf-8") as fh:
            domains = [r["domain"].lower() for r in csv.DictReader(fh)]
        assert len(domains) == len(set(domains)), name
    assert set(TABLES.kinds.values()) <= set(SOURCE_KINDS)
    assert not set(TABLES.kinds) & set(TABLES.refused)


#: Tables whose `source` column is the provenance of codes or texts, not a fact about a state's acts.
CODE_TABLES = {"project/state_codes.csv", "project/state_codes_overrides.csv"}


@pytest.mark.parametrize("rel", [r for r in ALL_CSV if r not in CODE_TABLES])
def test_every_sourced_row_names_its_source_kind(rel: str) -> None:
    """Every file of sourced facts (the alliance tables too) carries a valid kind beside the source."""
    rows = _rows(rel)
    if not rows or "source" not in rows[0][1]:
        pytest.skip(f"{rel} has no source column")
    assert "source_kind" in rows[0][1], f"{rel} has sources but no source_kind column"
    bad = [
        f"{rel}:{i}: {row['source_kind']!r}"
        for i, row in rows
        if row["source"].strip() and row["source_kind"] not in SOURCE_KINDS
    ]
    assert bad == []
