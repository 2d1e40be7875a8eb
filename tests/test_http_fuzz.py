"""Schemathesis against the live OpenAPI spec of a real server: no input a client can send gets a
5xx, and every answer matches its documented schema (a bounded number of cases per operation)."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from test_http_live_server import free_port, make_token, running  # noqa: F401


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    home = tmp_path_factory.mktemp("fuzz")
    db = f"sqlite:///{home / 'fuzz.sqlite3'}"
    token = make_token(db, home)
    with running(db, home, workers=2) as server:
        yield server.url, token


@pytest.fixture(scope="module")
def api_schema(live):  # type: ignore[no-untyped-def]
    return schemathesis.openapi.from_url(live[0] + "/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case, live) -> None:  # type: ignore[no-untyped-def]
    url, token = live
    headers = {"Authorization": f"Bearer {token}"} if case.method in ("PUT", "DELETE") else None
    case.call_and_validate(
        base_url=url, headers=headers, checks=[not_a_server_error, response_schema_conformance], timeout=30
    )
