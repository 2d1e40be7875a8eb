"""The record loads, every fact has a source, bad data fails naming file and row, names resolve."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from foederis.record.errors import RecordError
from foederis.record.loader import DATA_DIR, load_record
from foederis.record.states import UnknownState


def test_every_event_has_a_source_and_a_known_state(record):
    assert len(record.events) > 700
    for ev in record.events:
        assert ev.source.strip(), ev.ref
        assert ev.state in record.states.states or ev.state in ("*", ""), ev.ref


def test_derived_and_unverified_facts_are_marked(record):
    derived = {(e.instrument, e.state) for e in record.events if e.status == "derived"}
    assert ("nato", "FRA") in derived  # founders' deposits are derived from the entry into force
    assert ("ccm", "LTU") in derived  # receipt date of Lithuania's CCM withdrawal
    assert ("nato", "USA") not in derived  # the only sourced founder deposit
    assert any(e.status == "unverified" for e in record.events)


@pytest.mark.parametrize("name", ["Moldova", "Republic of Moldova", "MDA", "md", "moldova, republic of"])
def test_moldova_by_any_name(record, name):
    assert record.states.resolve(name) == "MDA"


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("USSR", "SUN"),
        ("Czechoslovakia", "CSK"),
        ("United States of America", "USA"),
        ("UK", "GBR"),
        ("Holy See", "VAT"),
        ("Czech Republic", "CZE"),
    ],
)
def test_aliases_and_former_states(record, name, iso3):
    assert record.states.resolve(name) == iso3


def test_unknown_state_names_nearest_matches(record):
    with pytest.raises(UnknownState) as exc:
        record.states.resolve("Nrway")
    assert any("NOR" in s for s in exc.value.suggestions)


def _copy_data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(DATA_DIR, root)
    return root


def test_bad_date_names_file_and_row(tmp_path):
    root = _copy_data(tmp_path)
    path = root / "participation" / "ccm.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = lines[2].replace("2011-09-08", "2011-13-08")
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(RecordError) as exc:
        load_record(root)
    assert exc.value.file == "participation/ccm.csv" and exc.value.row == 3
    assert "2011-13-08" in str(exc.value)


def test_missing_source_fails(tmp_path):
    root = _copy_data(tmp_path)
    path = root / "events" / "nato.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "nato,Norway,NOR,art4_consultation_request,2030-01-01,,no source\n", encoding="utf-8"
    )
    with pytest.raises(RecordError, match="source"):
        load_record(root)


def test_unknown_action_fails(tmp_path):
    root = _copy_data(tmp_path)
    path = root / "project" / "additions.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text + "nato,Norway,NOR,expelled,2030-01-01,http://example.org,x,sourced\n", encoding="utf-8"
    )
    with pytest.raises(RecordError, match="unknown action 'expelled'"):
        load_record(root)


def test_conflict_periods_and_presence_load(record):
    ukr = [c for c in record.conflicts if c.state == "UKR" and c.end is None]
    assert ukr and ukr[0].start.isoformat() == "2022-02-24"
    assert len(record.presence) == 25
