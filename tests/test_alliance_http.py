"""The alliance routes give the same JSON as the CLI, and reject bad input with 4xx."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from foederis.interfaces.cli.main import app as cli_app
from foederis.interfaces.server import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("alliance") / "api.sqlite3"
    with TestClient(create_app(f"sqlite:///{db}"), raise_server_exceptions=False) as c:
        yield c


def cli_json(*args: str) -> dict:
    res = CliRunner().invoke(cli_app, [*args, "--json"])
    assert res.exit_code == 0, res.stdout
    return json.loads(res.stdout)


@pytest.mark.parametrize(
    ("path", "params", "cli"),
    [
        ("/v1/accession", {"state": "SWE", "on": "2023-12-01"}, ("accession", "SWE", "--on", "2023-12-01")),
        ("/v1/exclusion", {"instrument": "nato"}, ("exclusion", "nato")),
        ("/v1/history", {"instrument": "nato", "article": 4}, ("history", "nato", "--article", "4")),
        ("/v1/presence", {"on": "2022-01-10"}, ("presence", "--on", "2022-01-10")),
        ("/v1/commitments", {"on": "2026-01-01"}, ("commitments", "--on", "2026-01-01")),
        (
            "/v1/deployments",
            {"commitment": "ru_draft_nato_2021", "on": "2022-01-10"},
            ("deployments", "ru_draft_nato_2021", "--on", "2022-01-10"),
        ),
    ],
)
def test_same_json_as_the_cli(client: TestClient, path: str, params: dict, cli: tuple[str, ...]) -> None:
    res = client.get(path, params=params)
    assert res.status_code == 200
    assert res.json() == cli_json(*cli)


def test_bad_input(client: TestClient) -> None:
    res = client.get("/v1/accession", params={"state": "Atlantis"})
    assert res.status_code == 400 and res.json()["field"] == "state"
    res = client.get("/v1/history", params={"instrument": "ccm"})
    assert res.status_code == 400 and res.json()["choices"] == ["nato"]
    assert client.get("/v1/history", params={"article": 6}).status_code == 422
    assert client.get("/v1/presence", params={"on": "1900-01-01"}).status_code == 400
    res = client.get("/v1/deployments", params={"commitment": "nothing"})
    assert res.status_code == 400 and res.json()["field"] == "commitment"
