"""The CLI's JSON contract and its errors (through Typer's runner and one real process)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from foederis.interfaces.cli.main import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    res = runner.invoke(app, list(args))
    return res.exit_code, res.stdout, res.stderr


def test_status_json_contract():
    code, out, _ = run("status", "LTU", "ccm", "--on", "2025-03-06", "--json")
    assert code == 0
    ans = json.loads(out)
    assert ans["state"] == "LTU" and ans["instrument"] == "ccm" and ans["date"] == "2025-03-06"
    assert ans["status"] == "withdrawn" and ans["bound"] is False
    assert ans["since"] == "2025-03-06" and ans["until"] is None
    assert {r["provision"] for r in ans["reasons"]} >= {"ccm/art_20__para_3"}
    reason = next(r for r in ans["reasons"] if r["provision"] == "ccm/art_20__para_3")
    assert "six months after the receipt" in reason["text"]
    assert all({"action", "date", "source"} <= set(e) for r in ans["reasons"] for e in r["events"])
    assert ans["options"]["month_overflow"]["value"] == "clip"


def test_status_by_other_names():
    code, out, _ = run(
        "status", "republic of moldova", "Cluster Munitions Convention", "--on", "2020-01-01", "--json"
    )
    assert code == 0 and json.loads(out)["state"] == "MDA"


def test_members_json_contract():
    code, out, _ = run("members", "nato", "--on", "2024-03-07", "--json")
    ans = json.loads(out)
    assert code == 0 and ans["instrument"] == "nato" and len(ans["parties"]) == 32 and "SWE" in ans["parties"]


def test_timeline_and_explain():
    code, out, _ = run("timeline", "RUS", "inf", "--json")
    ans = json.loads(out)
    assert code == 0 and [iv["status"] for iv in ans["intervals"]][-1] == "terminated"
    code, out, _ = run("explain", "LTU", "ccm", "--on", "2025-03-06")
    assert code == 0 and "Such withdrawal shall only take effect" in " ".join(out.split())


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("status", "Nrway", "ccm", "--on", "2020-01-01"), "Norway (NOR)"),
        (("status", "NOR", "ccmx", "--on", "2020-01-01"), "apmbt, ccm, cfe"),
        (("status", "NOR", "ccm", "--on", "2020-02-30"), "not a valid date"),
        (("status", "NOR", "ccm", "--on", "1930-01-01"), "before 1945"),
        (("withdrawal", "NOR", "ccm", "--notice", "2026-01-01", "--conflict", "2026-05"), "START..END"),
        (("matrix", "--weapon", "nukes"), "cluster_munitions"),
    ],
)
def test_bad_input_one_line_exit_2(args, needle):
    code, out, err = run(*args)
    assert code == 2
    assert needle in err and "Traceback" not in err + out
    assert len(err.strip().splitlines()) == 1


def test_json_stdout_is_one_object_in_a_real_process():
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "foederis.interfaces.cli.main",
            "status",
            "LTU",
            "ccm",
            "--on",
            "2025-03-06",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(proc.stdout)["status"] == "withdrawn"


def test_data_check_passes():
    code, out, _ = run("data", "check")
    assert code == 0 and "clean" in out
