"""Answers that schemathesis checks against the OpenAPI document: a 405 lists every documented
method of its path in `Allow`, and limits the loader enforces are in the schema."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from foederis.interfaces.server import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("conformance") / "c.sqlite3"
    return TestClient(create_app(f"sqlite:///{db}", warm=False), raise_server_exceptions=False)


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PATCH", "/v1/scenarios/x", "DELETE, GET, PUT"),
        ("OPTIONS", "/v1/scenarios/run", "POST"),
        ("DELETE", "/v1/status", "GET"),
        ("POST", "/v1/provisions/ccm/art_1", "GET"),
    ],
)
def test_405_allow_header_lists_the_documented_methods(
    client: TestClient, method: str, path: str, allow: str
) -> None:
    res = client.request(method, path)
    assert res.status_code == 405 and res.headers["allow"] == allow


def test_name_lengths_are_in_the_schema(client: TestClient) -> None:
    params = {
        p["name"]: p for p in client.get("/openapi.json").json()["paths"]["/v1/status"]["get"]["parameters"]
    }
    assert (
        params["state"]["schema"]["maxLength"] == 100 and params["instrument"]["schema"]["maxLength"] == 100
    )


def test_404s_are_documented(client: TestClient, tmp_path: Path) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert "404" in paths["/v1/scenarios/{name}"]["get"]["responses"]
    assert "404" in paths["/v1/provisions/{provision_id}"]["get"]["responses"]
