"""The CLI meets a hostile environment with one line and exit code 2, never a traceback: closed
stdin, unwritable or missing folders, bad database URLs, a read-only data directory, Rich markup
and terminal escape codes in user text."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from foederis.interfaces.cli.main import app

runner = CliRunner()


def _unwritable_dir(tmp_path: Path) -> Path:
    """A folder no file can be created in (root ignores modes, but not sysfs)."""
    if os.geteuid() == 0:
        return Path("/sys")
    d = tmp_path / "ro"
    d.mkdir()
    d.chmod(0o500)
    return d


def _cli(
    *args: str, env: dict[str, str] | None = None, close_stdin: bool = False
) -> subprocess.CompletedProcess:
    from foederis.engine.cache import cache_dir

    full_env = {**os.environ, "FOEDERIS_CACHE_DIR": str(cache_dir()), **(env or {})}
    full_env.pop("FOEDERIS_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "foederis.interfaces.cli.main", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=None if close_stdin else subprocess.DEVNULL,
        preexec_fn=(lambda: os.close(0)) if close_stdin else None,
    )


def _one_line_exit_2(res: subprocess.CompletedProcess) -> str:
    assert res.returncode == 2, (res.returncode, res.stdout, res.stderr)
    assert "Traceback" not in res.stderr
    lines = [line for line in res.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), res.stderr
    return lines[0]


def test_check_with_stdin_closed() -> None:
    assert "standard input is closed" in _one_line_exit_2(_cli("check", "-", close_stdin=True))


def test_matrix_out_into_an_unwritable_folder(tmp_path: Path) -> None:
    out = _unwritable_dir(tmp_path) / "m.png"
    line = _one_line_exit_2(
        _cli("matrix", "--weapon", "cluster_munitions", "--on", "2025-01-01", "--out", str(out))
    )
    assert "out:" in line


def test_matrix_out_creates_no_missing_folders(tmp_path: Path) -> None:
    out = tmp_path / "a" / "b" / "m.png"
    res = runner.invoke(
        app, ["matrix", "--weapon", "cluster_munitions", "--on", "2025-01-01", "--out", str(out)]
    )
    assert res.exit_code == 2 and "does not exist" in res.stderr
    assert not (tmp_path / "a").exists()


@pytest.mark.parametrize(
    "db", ["notaurl://x", "sqlite:////sys/foederis.sqlite3", "postgresql://u@127.0.0.1:1/x", ":"]
)
@pytest.mark.parametrize(
    "command", [("token", "create", "--name", "x"), ("token", "list"), ("serve", "--port", "1")]
)
def test_bad_database_url(command: tuple[str, ...], db: str) -> None:
    _one_line_exit_2(_cli(*command, "--db", db))


@pytest.mark.parametrize("command", [("token", "create", "--name", "x"), ("serve", "--port", "1")])
def test_read_only_data_directory(command: tuple[str, ...], tmp_path: Path) -> None:
    data = _unwritable_dir(tmp_path) / "foederis-data"
    _one_line_exit_2(_cli(*command, env={"XDG_DATA_HOME": str(data), "HOME": str(tmp_path)}))


def test_overlong_token_name_is_one_line(tmp_path: Path) -> None:
    line = _one_line_exit_2(
        _cli("token", "create", "--name", "x" * 250, "--db", f"sqlite:///{tmp_path / 't.db'}")
    )
    assert "at most 100" in line


def test_token_list_and_revoke(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 't.db'}"
    assert (
        _cli("token", "create", "--name", "ops", "--admin", "--expires-days", "30", "--db", db).returncode
        == 0
    )
    listed = _cli("token", "list", "--db", db)
    assert listed.returncode == 0 and "ops  admin  active" in listed.stdout and "fdr_" not in listed.stdout
    assert _cli("token", "revoke", "ops", "--db", db).returncode == 0
    assert "ops  admin  revoked" in _cli("token", "list", "--db", db).stdout
    assert "no active token" in _one_line_exit_2(_cli("token", "revoke", "ops", "--db", db))


def test_rich_markup_in_a_scenario_title_and_report_name(tmp_path: Path) -> None:
    sc = tmp_path / "s.yaml"
    sc.write_text('title: "[bold red]x[/ [link=http://evil]y"\nstart: 2027-01-01\nend: 2027-02-01\n')
    report = tmp_path / "[red]r[/.html"
    res = runner.invoke(app, ["scenario", "run", str(sc), "--report", str(report)])
    assert res.exit_code == 0, res.output
    assert "[bold red]x[/ [link=http://evil]y" in res.stdout
    assert report.exists()


#: A few escape codes (an article with more than 8 control characters is refused as binary).
ESCAPES = "\x1b[31mred\x1b[0m \x1b]0;owned\x07 \x1b]8;;http://evil\x1b\\link \x9b1m \u202e"


def test_check_strips_terminal_control_sequences(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        f"Finland joined NATO in 2023.{ESCAPES} Sweden joined NATO in 2024.\n", encoding="utf-8"
    )
    res = runner.invoke(app, ["check", str(article), "--as-of", "2025-01-01"])
    assert res.exit_code == 0, res.output
    assert "\x1b" not in res.stdout and "\x9b" not in res.stdout and "\u202e" not in res.stdout
    assert "Finland" in res.stdout


def test_scenario_title_escape_codes_are_refused_at_the_loader(tmp_path: Path) -> None:
    sc = tmp_path / "s.yaml"
    sc.write_text('title: "\\e]0;owned\\a"\nstart: 2027-01-01\nend: 2027-02-01\n')
    res = runner.invoke(app, ["scenario", "run", str(sc)])
    assert res.exit_code == 2 and "title" in res.stderr and "\x1b" not in res.stdout + res.stderr
