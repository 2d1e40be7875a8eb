"""`foederis scenario run`: the JSON answer, the HTML report file, and malformed files (exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from foederis.interfaces.cli.main import app
from foederis.scenarios.bundled import EXAMPLES_DIR

EXAMPLES = EXAMPLES_DIR
runner = CliRunner()


def test_run_json_and_report(tmp_path: Path) -> None:
    out = tmp_path / "r" / "estonia.html"
    res = runner.invoke(
        app, ["scenario", "run", str(EXAMPLES / "estonia-2027.yaml"), "--json", "--report", str(out)]
    )
    assert res.exit_code == 0, res.stderr
    ans = json.loads(res.stdout)
    assert {f["state"] for f in ans["frozen"]} == {"NOR", "DEU", "FRA"}
    assert ans["scenario"]["name"] == "estonia-2027"
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>") and "Armed attack on Estonia, 2027" in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "") and "https://" not in html


def test_global_option_overrides_the_file(tmp_path: Path) -> None:
    res = runner.invoke(
        app,
        [
            "--engaged",
            "article5_participant",
            "scenario",
            "run",
            str(EXAMPLES / "estonia-2027.yaml"),
            "--json",
        ],
    )
    assert res.exit_code == 0, res.stderr
    ans = json.loads(res.stdout)
    assert "NLD" in {f["state"] for f in ans["frozen"]}
    assert ans["options"]["engaged"]["value"] == "article5_participant"


def test_malformed_file_prints_every_error_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "start: 2027-01-01\nend: 2027-12-31\nevents:\n"
        "  - {type: invasion, date: 2027-02-01, state: EST}\n"
        "  - {type: withdrawal_notice, date: 2027-02-01, state: Narnia, instrument: ccm}\n"
        "  - {type: accession, date: 2027-13-01, state: UKR, instrument: nato}\n"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "foederis.interfaces.cli.main", "scenario", "run", str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    err = proc.stderr
    assert "3 problem(s)" in err
    assert "bad.yaml:4: events[0].type: unknown event type 'invasion'" in err
    assert "valid types: accession, armed_attack" in err
    assert "bad.yaml:5: events[1].state: unknown state 'Narnia'" in err
    assert "bad.yaml:6: events[2].date" in err and "2027-13-01" in err
    assert "Traceback" not in err


def test_missing_file_exits_2(tmp_path: Path) -> None:
    res = runner.invoke(app, ["scenario", "run", str(tmp_path / "nope.yaml")])
    assert res.exit_code == 2 and "cannot read" in res.stderr
