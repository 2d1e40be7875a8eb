"""The interpretation options are declared once, in rules/options.py: no other module names an option
or one of its choices by hand, and the CLI, the HTTP API and the web pages all take them from the model."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from foederis.interfaces.cli.main import app
from foederis.interfaces.server import create_app
from foederis.rules.options import Options, choices

SRC = Path(__file__).resolve().parents[1] / "src" / "foederis"
NAMES = set(Options.model_fields)
FLAGS = {"--" + n.replace("_", "-") for n in NAMES}
CHOICES = {c for n in NAMES for c in choices(n)}
#: Tokens no other text would use: searched inside every string. The plain words among the names and
#: choices ("engaged", "clip", "broad", ...) count only as a whole string.
DISTINCT = {t for t in NAMES | CHOICES if "_" in t} | FLAGS
#: Where an option's meaning is executed, its name and choices must appear, and do:
ALLOWED: dict[str, set[str] | None] = {
    # the declaration itself
    "rules/options.py": None,
    # every rule module compares its option's value with a choice and names the option in its Reason
    "rules/": None,
    # the vectorised what-if kernel executes month_overflow as rules/calendar.py does, on arrays
    "engine/whatif_kernel.py": {"month_overflow", "next_day"},
    # assist_reading is reading-only (options.READING_ONLY): questions apply it to the compiled record
    "questions/obligations.py": None,
    # the English word in claim text ("... while engaged in an armed conflict"), not the option
    "claims/matching.py": {"engaged"},
}


def _allowed(rel: str, token: str) -> bool:
    for prefix, tokens in ALLOWED.items():
        if (rel == prefix or (prefix.endswith("/") and rel.startswith(prefix))) and (
            tokens is None or token in tokens
        ):
            return True
    return False


def _skipped_strings(tree: ast.AST) -> set[int]:
    """Docstrings and the examples of a command's help (`epilog(...)`): documentation, not declarations."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "epilog":
            skip |= {id(n) for arg in node.args for n in ast.walk(arg)}
    return skip


def _mentions(path: Path) -> Iterator[tuple[int, str]]:
    """(line, token) for each option name or choice written in the module: in a string, as an
    attribute, a keyword argument or a parameter name."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _skipped_strings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if node.value in NAMES | FLAGS | CHOICES:
                yield node.lineno, node.value
            for token in DISTINCT:
                if node.value != token and re.search(rf"(?<![\w-]){re.escape(token)}(?![\w-])", node.value):
                    yield node.lineno, token
        elif isinstance(node, ast.Attribute) and node.attr in NAMES:
            yield node.lineno, node.attr
        elif isinstance(node, ast.keyword | ast.arg) and (name := getattr(node, "arg", None)) in NAMES:
            yield getattr(node, "lineno", 0), str(name)


def test_no_module_repeats_an_option_name_or_choice() -> None:
    found = [
        f"{rel}:{line}: {token}"
        for path in sorted(SRC.rglob("*.py"))
        for line, token in _mentions(path)
        if not _allowed(rel := path.relative_to(SRC).as_posix(), token)
    ]
    assert not found, "declare options only in rules/options.py:\n" + "\n".join(found)


def test_the_scan_sees_a_repeated_option(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        '"""Docstrings may say engaged and primary_party."""\n'
        'X = ("clip", "next_day")\n'
        'HELP = "who counts: primary_party"\n'
        "def f(o): return o.engaged\n"
        "Options(assist_reading=1)\n",
        encoding="utf-8",
    )
    assert sorted(t for _, t in _mentions(bad)) == sorted(
        ["clip", "next_day", "primary_party", "engaged", "assist_reading"]
    )


runner = CliRunner()
STATUS = ["status", "NOR", "ccm", "--on", "2025-01-01", "--json"]


def _cli(*args: str) -> dict:
    res = runner.invoke(app, list(args))
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


def test_a_flag_after_the_command_is_the_flag_before_it() -> None:
    before = _cli("--engaged", "primary_party", *STATUS)
    after = _cli(*STATUS, "--engaged", "primary_party")
    assert before == after and after["options"]["engaged"]["value"] == "primary_party"
    assert _cli(*STATUS)["options"]["engaged"]["value"] == "party_to_hostilities"
    # the one after the command wins; the others keep what was given before it
    both = _cli(
        "--engaged",
        "article5_participant",
        "--month-overflow",
        "next_day",
        *STATUS,
        "--engaged",
        "primary_party",
    )
    assert {k: v["value"] for k, v in both["options"].items()} == {
        "month_overflow": "next_day",
        "claimed_suspension": "no_legal_effect",
        "engaged": "primary_party",
        "freeze_scope": "overlapping",
        "assist_reading": "state_declared",
    }


def test_the_option_flags_change_the_answer_after_the_command() -> None:
    """Germany letting the USA move cluster munitions through: each reading its own verdict."""
    args = [
        "may",
        "DEU",
        "permit_transit",
        "cluster_munitions",
        "--with",
        "USA",
        "--on",
        "2023-07-15",
        "--json",
    ]
    broad = _cli(*args, "--assist-reading", "broad")
    assert broad == _cli("--assist-reading", "broad", *args)
    assert broad["verdict"] == "prohibited" and broad["reading"] == "broad"
    default = _cli(*args)
    assert default["reading"] == "state_declared" and default["verdict"] != broad["verdict"]


def test_a_bad_option_after_the_command_names_the_choices() -> None:
    res = runner.invoke(app, [*STATUS, "--engaged", "everyone"])
    assert res.exit_code == 2 and all(c in res.stderr for c in choices("engaged"))


@pytest.mark.parametrize("command", [[], ["status"], ["scenario", "run"]])
def test_help_lists_every_option_with_its_choices(command: list[str]) -> None:
    res = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    text = " ".join(res.stdout.split())
    for name in NAMES:
        assert "--" + name.replace("_", "-") in text
        assert all(c in text for c in choices(name))
        assert " ".join(Options.model_fields[name].description.split()[:4]) in text


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("options") / "options.sqlite3"
    with TestClient(create_app(f"sqlite:///{db}"), raise_server_exceptions=False) as c:
        yield c


def test_the_matrix_page_uses_the_option_in_its_query(client: TestClient) -> None:
    res = client.get(
        "/matrix", params={"weapon": "cluster_munitions", "on": "2025-03-06", "engaged": "primary_party"}
    )
    assert res.status_code == 200
    used = re.search(r'id="options-used">(.*?)</p>', res.text, re.S)
    assert used and "engaged=primary_party" in used.group(1) and "month_overflow=clip" in used.group(1)
    select = re.search(r'<select name="engaged".*?</select>', res.text, re.S)
    assert select and re.search(r'value="primary_party"\s+selected', select.group(0))
    assert all(f'value="{c}"' in select.group(0) for c in choices("engaged"))
    assert "engaged=primary_party" in re.search(r'id="matrix-csv"[^>]*', res.text).group(0)  # type: ignore[union-attr]


def test_a_page_refuses_a_bad_option_naming_the_choices(client: TestClient) -> None:
    res = client.get("/matrix", params={"assist_reading": "wide"})
    assert res.status_code == 400 and "assist_reading" in res.text
    assert all(f"<code>{c}</code>" in res.text for c in choices("assist_reading"))


def test_the_api_takes_every_option_and_refuses_a_bad_one(client: TestClient) -> None:
    base = {"state": "NOR", "instrument": "ccm", "on": "2025-01-01"}
    for name in NAMES:
        for value in choices(name):
            ans = client.get("/v1/status", params={**base, name: value})
            assert ans.status_code == 200 and ans.json()["options"][name]["value"] == value
        bad = client.get("/v1/status", params={**base, name: "nonsense"})
        assert bad.status_code == 422 and bad.json()["field"] == name
        assert bad.json()["choices"] == list(choices(name))
    params = {
        p["name"]: p["schema"]
        for p in client.get("/openapi.json").json()["paths"]["/v1/status"]["get"]["parameters"]
    }
    assert all(params[n]["enum"] == list(choices(n)) for n in NAMES)
