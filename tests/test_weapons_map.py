"""The alliance's whole weapons-ban map: every ally × every weapon the registry's instruments ban,
the strictest verdict per cell, with the reasons; in the terminal at 80 columns, as JSON, as an
image, on the web and in the API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from foederis.engine.compile import Compiled
from foederis.interfaces.cli.main import app
from foederis.interfaces.server import create_app
from foederis.questions.obligations import ACTIVITIES, STRICTNESS, may
from foederis.questions.weapons_map import weapons_map

DAY = date(2026, 12, 1)


def test_one_column_per_banned_weapon_and_one_row_per_ally(compiled: Compiled) -> None:
    ans = weapons_map(compiled, "nato", DAY)
    assert ans.weapons == list(compiled.registry.weapons())
    assert len(ans.rows) == 32
    assert all(set(r.cells) == set(ans.weapons) for r in ans.rows)
    for w in ans.weapons:
        assert sum(ans.counts[w].values()) == 32


def test_each_cell_is_the_strictest_verdict_that_may_gives(compiled: Compiled) -> None:
    ans = weapons_map(compiled, "nato", DAY)
    for row in ans.rows[::5]:
        for w, cell in row.cells.items():
            verdicts = [may(compiled, row.state, a, w, DAY).verdict for a in ACTIVITIES]
            assert STRICTNESS[cell.verdict] == max(STRICTNESS[v] for v in verdicts)
            assert may(compiled, row.state, cell.activity, w, DAY).verdict == cell.verdict
            assert cell.reasons and all(r.summary for r in cell.reasons)


def test_lithuania_leaves_the_cluster_munitions_column_on_6_march_2025(compiled: Compiled) -> None:
    """LTU's CCM withdrawal took effect on 6 Mar 2025: bound the day before, free that day."""

    def cell(day: date):  # type: ignore[no-untyped-def]
        row = next(r for r in weapons_map(compiled, "nato", day).rows if r.state == "LTU")
        return row.cells["cluster_munitions"]

    before, after = cell(date(2025, 3, 5)), cell(date(2025, 3, 6))
    assert (before.verdict, before.bound_by) == ("prohibited", ["ccm"])
    assert (after.verdict, after.bound_by) == ("permitted", [])


def test_terminal_table_fits_80_columns_and_marks_verdicts_with_symbols() -> None:
    res = CliRunner().invoke(
        app, ["matrix", "--all-weapons", "--on", "2026-12-01"], env={"COLUMNS": "80"}, terminal_width=80
    )
    assert res.exit_code == 0, res.output
    assert max(len(line) for line in res.output.splitlines()) <= 80
    assert "✗" in res.output and "✓" in res.output
    assert "✗ prohibited:" in res.output  # the legend reads as words


def test_json_and_choice_errors() -> None:
    res = CliRunner().invoke(app, ["matrix", "--all-weapons", "--on", "2026-12-01", "--json"])
    assert res.exit_code == 0
    body = json.loads(res.output)
    assert body["weapons"] and body["rows"][0]["cells"]
    res = CliRunner().invoke(app, ["matrix", "--on", "2026-12-01", "--json"])
    assert res.exit_code == 2
    err = json.loads(res.output)
    assert err["field"] == "weapon" and "--all-weapons" in err["choices"]


def test_image(tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    res = CliRunner().invoke(app, ["matrix", "--all-weapons", "--on", "2026-12-01", "--out", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("weapons") / "w.sqlite3"
    with TestClient(create_app(f"sqlite:///{db}"), raise_server_exceptions=False) as c:
        yield c


def test_web_page_cells_link_to_their_reasons(client: TestClient) -> None:
    res = client.get("/weapons?on=2026-12-01")
    assert res.status_code == 200
    assert 'id="cell-LTU-cluster_munitions"' in res.text
    assert "/matrix?alliance=nato&amp;weapon=cluster_munitions&amp;on=2026-12-01#cell-NOR-use" in res.text
    assert client.get("/weapons?on=2026-02-30").status_code == 400


def test_api(client: TestClient) -> None:
    res = client.get("/v1/matrix/all", params={"on": "2026-12-01"})
    assert res.status_code == 200
    body = res.json()
    assert body["date"] == "2026-12-01" and len(body["rows"]) == 32
    assert client.get("/v1/matrix/all", params={"alliance": "warsaw"}).status_code == 400
