"""`foederis export`: the panel, intervals and events as Parquet, CSV and SQLite, opened by the tools
researchers use (Polars, pandas, SQLite), checked against the engine's own answers."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
from typer.testing import CliRunner

from foederis.interfaces.cli.main import app
from foederis.interfaces.export_writers import write_parquet
from foederis.questions.export import PANEL_SCHEMA, PanelSpec, listed_states, panel_batches
from foederis.questions.status import status

ROOT = Path(__file__).resolve().parents[1]
PANEL_COLUMNS = ["iso3", "cow", "gw", "instrument", "date", "status", "bound", "interval_id", "state_exists"]
runner = CliRunner()


def export(*args: str) -> None:
    res = runner.invoke(app, ["export", *args])
    assert res.exit_code == 0, res.stderr


def test_year_panel_parquet_opens_in_polars_and_pandas(tmp_path, compiled):
    pl = pytest.importorskip("polars")
    pd = pytest.importorskip("pandas")
    out = tmp_path / "p.parquet"
    export("panel", "--unit", "year", "--format", "parquet", "--out", str(out), "--to", "2025-12-31")
    df = pl.read_parquet(out)
    assert df.columns == PANEL_COLUMNS
    assert set(pd.read_parquet(out).columns) == set(PANEL_COLUMNS)
    assert df.height == len(listed_states(compiled)) * len(compiled.instruments) * (2025 - 1945 + 1)
    row = df.filter(
        (pl.col("iso3") == "LTU") & (pl.col("instrument") == "ccm") & (pl.col("date") == date(2025, 12, 31))
    )
    assert row["status"].to_list() == ["withdrawn"] and row["bound"].to_list() == [False]
    assert row["cow"].to_list() == [368] and row["gw"].to_list() == [368]
    nato = df.filter(
        (pl.col("instrument") == "nato") & (pl.col("date") == date(2024, 12, 31)) & pl.col("bound")
    )
    assert nato.height == 32


def test_panel_agrees_with_status_and_marks_states_that_did_not_exist(compiled):
    spec = PanelSpec(("nato", "ccm"), ("CZE", "LTU", "SUN"), date(1992, 12, 30), date(1993, 1, 2))
    table = pa.Table.from_batches(list(panel_batches(compiled, spec))).to_pylist()
    for row in table:
        if row["state_exists"]:
            ans = status(compiled, row["iso3"], row["instrument"], row["date"])
            assert (row["status"], row["bound"]) == (ans.status, ans.bound)
        else:
            assert row["status"] == "not_a_state" and row["bound"] is False
    cze = {r["date"]: r["state_exists"] for r in table if r["iso3"] == "CZE" and r["instrument"] == "nato"}
    assert cze[date(1992, 12, 31)] is False and cze[date(1993, 1, 1)] is True
    sun = {r["date"]: r["state_exists"] for r in table if r["iso3"] == "SUN" and r["instrument"] == "ccm"}
    assert all(v is False for v in sun.values())  # the USSR ceased on 26 Dec 1991


def test_state_list_has_states_not_territories(compiled):
    states = set(listed_states(compiled))
    assert {"ATA", "BVT", "PRI", "GRL"}.isdisjoint(states)
    assert {"LTU", "CZE", "VAT", "PSE", "COK", "NIU", "SUN", "CSK", "DDR"} <= states


def test_sqlite_export_keeps_other_tables_and_declares_keys(tmp_path):
    db = tmp_path / "foederis.sqlite"
    export("events", "--instrument", "ccm", "--out", str(db))
    export("intervals", "--instrument", "ccm", "--state", "LTU", "--out", str(db))
    export(
        "panel",
        "--instrument",
        "ccm",
        "--state",
        "LTU",
        "--from",
        "2025-03-05",
        "--to",
        "2025-03-06",
        "--out",
        str(db),
    )
    con = sqlite3.connect(db)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"events", "intervals", "panel", "states", "instruments"}
    rows = con.execute(
        "SELECT p.date, p.status, s.name, i.status FROM panel p JOIN states s USING (iso3) "
        "JOIN intervals i ON i.interval_id = p.interval_id ORDER BY p.date"
    ).fetchall()
    assert rows == [
        ("2025-03-05", "withdrawal_pending", "Lithuania", "withdrawal_pending"),
        ("2025-03-06", "withdrawn", "Lithuania", "withdrawn"),
    ]
    fks = {r[3]: r[2] for r in con.execute("PRAGMA foreign_key_list(panel)")}
    assert fks == {"iso3": "states", "instrument": "instruments"}
    (provisions,) = con.execute(
        "SELECT provisions FROM intervals WHERE iso3='LTU' AND status='withdrawn'"
    ).fetchone()
    assert "ccm/art_20__para_3" in provisions.split(";")
    src = con.execute(
        "SELECT source FROM events WHERE iso3='LTU' AND action='withdrawal_effective'"
    ).fetchone()
    assert src and src[0]


def test_csv_export_decodes_categories(tmp_path):
    out = tmp_path / "iv.csv"
    export("intervals", "--state", "LTU", "--out", str(out))
    with out.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["instrument"] for r in rows} >= {"ccm", "nato", "apmbt"}
    withdrawn = [r for r in rows if r["instrument"] == "ccm" and r["status"] == "withdrawn"]
    assert withdrawn[0]["start"] == "2025-03-06" and withdrawn[0]["bound"] == "false"


def test_failed_export_keeps_the_previous_file(tmp_path, compiled):
    out = tmp_path / "p.parquet"
    out.write_bytes(b"previous")
    spec = PanelSpec(("ccm",), ("LTU", "NOR"), date(2025, 1, 1), date(2025, 1, 31))

    def broken():
        yield from panel_batches(compiled, spec, chunk_states=1)
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        write_parquet(out, PANEL_SCHEMA, broken(), lambda n: None)
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["p.parquet"]


@pytest.mark.parametrize(
    ("args", "field", "choice"),
    [
        (("export", "everything", "--out", "x.csv"), "kind", "panel"),
        (("export", "panel", "--out", "x.xlsx"), "format", "parquet"),
        (("export", "panel", "--unit", "month", "--out", "x.csv"), "unit", "year"),
        (("export", "panel", "--out", "/no/such/folder/x.csv"), "out", None),
    ],
)
def test_bad_export_names_the_field(args, field, choice, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "foederis.interfaces.cli.main", *args, "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
    )
    body = json.loads(proc.stdout)
    assert proc.returncode == 2 and body["field"] == field
    if choice:
        assert choice in body["choices"]
    assert list(tmp_path.iterdir()) == []


def test_state_codes_table_is_current():
    """data/project/state_codes.csv is what scripts/state_codes.py makes from the crosswalk libraries."""
    pytest.importorskip("country_converter")
    pytest.importorskip("countrycode")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts/state_codes.py"), "--check"])
    assert proc.returncode == 0, "run: python scripts/state_codes.py"


def test_panel_run_expansion_matches_the_engine_lookup_row_for_row(compiled):
    """The panel expands each key's intervals into runs of days; the batch lookup must agree."""
    import numpy as np

    from foederis.engine.compile import day_number
    from foederis.engine.lookup import lookup

    states = listed_states(compiled)[::7]
    spec = PanelSpec(tuple(compiled.instruments), states, date(1989, 6, 1), date(1994, 6, 1))
    table = pa.Table.from_batches(list(panel_batches(compiled, spec, chunk_states=5)))
    s_idx = np.array([compiled.state_index[s] for s in table["iso3"].to_pylist()])
    i_idx = np.array([compiled.instrument_index[i] for i in table["instrument"].to_pylist()])
    days = np.array([day_number(d) for d in table["date"].to_pylist()])
    res = lookup(compiled, s_idx, i_idx, days)
    exists = np.array(table["state_exists"].to_pylist())
    got = np.array([-1 if v is None else v for v in table["interval_id"].to_pylist()])
    assert np.array_equal(got[exists], res.interval[exists])
    assert np.array_equal(np.array(table["bound"].to_pylist())[exists], res.bound[exists])
    assert (got[~exists] == -1).all()


def test_state_codes_agree_with_the_conflict_crosswalk():
    """The GW numbers the export gives agree with the GW → state mapping the conflict data uses,
    for every current state that mapping names (an explicit override may say otherwise: Serbia)."""
    from foederis.record.codes import state_codes

    codes = state_codes()
    project = ROOT / "src/foederis/data/project"
    with (project / "state_codes_overrides.csv").open(newline="", encoding="utf-8") as fh:
        explicit = {r["iso3"] for r in csv.DictReader(fh) if r["gw"]}
    with (project / "gw_overrides.csv").open(newline="", encoding="utf-8") as fh:
        current = [r for r in csv.DictReader(fh) if r["iso3"] and not r["until"]]
    assert current
    for row in current:
        if row["iso3"] in codes and row["iso3"] not in explicit:
            assert codes[row["iso3"]].gw == int(row["gwno"]), row
