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
        (
            ("status", "NOR", "ccmx", "--on", "2020-01-01"),
            "apmbt, att, ccm, ccw, ccw_art1_amended, ccw_p1, ccw_p2, ccw_p2_amended, ccw_p3, ccw_p4, "
            "ccw_p5, cfe",
        ),
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


@pytest.mark.parametrize(
    ("args", "field", "choice"),
    [
        (("status", "NOR", "ccmx", "--on", "2020-01-01", "--json"), "instrument", "ccm"),
        (("status", "Nrway", "ccm", "--on", "2020-01-01", "--json"), "state", "Norway (NOR)"),
        (("status", "NOR", "ccm", "--on", "2020-02-30", "--json"), "on", None),
        (("matrix", "--weapon", "nukes", "--json"), "weapon", "cluster_munitions"),
        (("--engaged", "everyone", "status", "NOR", "ccm", "--json"), "engaged", "party_to_hostilities"),
        (("status", "NOR", "--json"), "instrument", None),
        (("status", "NOR", "ccm", "--json", "--bogus"), "command", None),
    ],
)
def test_json_errors_are_one_object_on_stdout(args, field, choice):
    """Under --json an error is the HTTP API's error object on stdout, exit code 2, nothing on stderr."""
    proc = subprocess.run(
        [sys.executable, "-m", "foederis.interfaces.cli.main", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode == 2
    body = json.loads(proc.stdout)
    assert set(body) >= {"error", "field", "message", "choices"}
    assert body["field"] == field and body["message"]
    if choice:
        assert choice in body["choices"]
    assert "Traceback" not in proc.stderr


def test_bad_scenario_under_json_lists_every_problem(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: t\nstart: 2026-13-01\nend: 2026-01-01\nevents: []\n", encoding="utf-8")
    code, out, _ = run("scenario", "run", str(bad), "--json")
    body = json.loads(out)
    assert code == 2 and body["error"] == "bad_scenario" and body["errors"]
    assert all({"line", "field", "message"} <= set(e) for e in body["errors"])


def test_version():
    from foederis import __version__

    code, out, _ = run("--version")
    assert code == 0 and out.strip() == f"foederis {__version__}"


COMMANDS = [
    ["status"],
    ["members"],
    ["timeline"],
    ["explain"],
    ["withdrawal"],
    ["free-by"],
    ["may"],
    ["matrix"],
    ["check"],
    ["export"],
    ["scenario", "run"],
    ["data", "check"],
    ["serve"],
    ["accession"],
    ["exclusion"],
    ["history"],
    ["presence"],
    ["commitments"],
    ["deployments"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_gives_an_example_and_points_to_no_file_outside_the_package(command):
    code, out, _ = run(*command, "--help")
    text = " ".join(out.split())
    assert code == 0 and "Example:" in text
    assert "docs/" not in text and "examples/" not in text


def test_help_lists_the_valid_choices():
    from foederis.rules.obligations import ACTIVITIES, WEAPONS
    from foederis.rules.registry import INSTRUMENTS

    status_help = " ".join(run("status", "--help")[1].split())
    assert all(i in status_help for i in INSTRUMENTS)
    may_help = " ".join(run("may", "--help")[1].split())
    assert all(a in may_help for a in ACTIVITIES) and all(w in may_help for w in WEAPONS)


def test_today_is_a_date():
    import datetime

    code, out, _ = run("status", "NOR", "nato", "--on", "today", "--json")
    assert code == 0 and json.loads(out)["date"] == datetime.date.today().isoformat()
