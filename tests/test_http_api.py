"""The HTTP API in process: the same JSON as the CLI's --json, the same errors, the batch path,
limits, and writes that need a token (SQLite here; PostgreSQL in test_store_repository.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from foederis.interfaces.cli.main import app as cli_app
from foederis.interfaces.http.limits import DEFAULT_LIMITS
from foederis.interfaces.server import create_app
from foederis.store.tokens import create_token


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("api") / "api.sqlite3"
    with TestClient(create_app(f"sqlite:///{db}"), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def token(client: TestClient) -> str:
    return create_token(client.app.state.engine, "api tests")  # type: ignore[attr-defined]


def cli_json(*args: str) -> dict:
    res = CliRunner().invoke(cli_app, [*args, "--json"])
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)


@pytest.mark.parametrize(
    ("path", "params", "cli"),
    [
        (
            "/v1/status",
            {"state": "LTU", "instrument": "ccm", "on": "2025-03-06"},
            ("status", "LTU", "ccm", "--on", "2025-03-06"),
        ),
        (
            "/v1/status",
            {
                "state": "republic of moldova",
                "instrument": "Cluster Munitions Convention",
                "on": "2020-01-01",
            },
            ("status", "republic of moldova", "Cluster Munitions Convention", "--on", "2020-01-01"),
        ),
        (
            "/v1/members",
            {"instrument": "nato", "on": "2024-03-07"},
            ("members", "nato", "--on", "2024-03-07"),
        ),
        ("/v1/timeline", {"state": "RUS", "instrument": "inf"}, ("timeline", "RUS", "inf")),
        (
            "/v1/explain",
            {"state": "LTU", "instrument": "ccm", "on": "2025-03-06"},
            ("explain", "LTU", "ccm", "--on", "2025-03-06"),
        ),
        (
            "/v1/withdrawal",
            {"state": "NOR", "instrument": "ccm", "notice": "2026-12-01", "conflict": "2027-05-01.."},
            ("withdrawal", "NOR", "ccm", "--notice", "2026-12-01", "--conflict", "2027-05-01.."),
        ),
        (
            "/v1/free-by",
            {"state": "NOR", "instrument": "ccm", "by": "2027-06-01"},
            ("free-by", "NOR", "ccm", "--by", "2027-06-01"),
        ),
        (
            "/v1/may",
            {"state": "POL", "activity": "use", "weapon": "anti_personnel_mines", "on": "2026-06-01"},
            ("may", "POL", "use", "anti_personnel_mines", "--on", "2026-06-01"),
        ),
        (
            "/v1/matrix",
            {"weapon": "cluster_munitions", "on": "2025-03-06"},
            ("matrix", "--weapon", "cluster_munitions", "--on", "2025-03-06"),
        ),
    ],
)
def test_same_json_as_the_cli(client: TestClient, path: str, params: dict, cli: tuple[str, ...]) -> None:
    res = client.get(path, params=params)
    assert res.status_code == 200, res.text
    assert res.headers["content-type"] == "application/json"
    assert res.json() == cli_json(*cli)


def test_status_answer_carries_reasons_and_sources(client: TestClient) -> None:
    ans = client.get(
        "/v1/status", params={"state": "Lithuania", "instrument": "ccm", "on": "2025-03-06"}
    ).json()
    assert ans["status"] == "withdrawn" and ans["bound"] is False and ans["since"] == "2025-03-06"
    reason = next(r for r in ans["reasons"] if r["provision"] == "ccm/art_20__para_3")
    assert "six months after the receipt" in reason["text"]
    assert all(e["source"] for r in ans["reasons"] for e in r["events"])


def test_interpretation_options_as_query_parameters(client: TestClient) -> None:
    ans = client.get(
        "/v1/status",
        params={"state": "LTU", "instrument": "ccm", "on": "2025-03-06", "month_overflow": "next_day"},
    ).json()
    assert ans["options"]["month_overflow"]["value"] == "next_day"


@pytest.mark.parametrize(
    ("params", "field", "choice"),
    [
        ({"state": "LTU", "instrument": "ccmx"}, "instrument", "ccm"),
        ({"state": "Nrway", "instrument": "ccm"}, "state", "NOR"),
        ({"state": "LTU", "instrument": "ccm", "on": "2025-13-01"}, "on", None),
        ({"state": "LTU", "instrument": "ccm", "on": "1900-01-01"}, "on", None),
        ({"state": "LTU", "instrument": "ccm", "engaged": "everyone"}, "engaged", "party_to_hostilities"),
        ({"instrument": "ccm"}, "state", None),
    ],
)
def test_bad_input_is_a_4xx_naming_the_field_and_choices(
    client: TestClient, params: dict, field: str, choice: str | None
) -> None:
    res = client.get("/v1/status", params=params)
    assert 400 <= res.status_code < 500
    body = res.json()
    assert body["field"] == field and body["message"]
    if choice:
        assert any(choice in c for c in body["choices"]), body


def test_withdrawal_bad_conflict_and_unknown_routes(client: TestClient) -> None:
    res = client.get(
        "/v1/withdrawal",
        params={"state": "NOR", "instrument": "ccm", "notice": "2026-12-01", "conflict": "2027-05-01"},
    )
    assert res.status_code == 400 and res.json()["field"] == "conflict"
    res = client.get(
        "/v1/withdrawal",
        params={
            "state": "NOR",
            "instrument": "ccm",
            "notice": "2026-12-01",
            "conflict": ["2027-05-01.."] * (DEFAULT_LIMITS.max_conflicts + 1),
        },
    )
    assert res.status_code == 400 and res.json()["field"] == "conflict"
    assert client.get("/v1/nothing").status_code == 404
    assert client.get("/v1/provisions/ccm/art_999").json()["field"] == "provision_id"


def test_batch_agrees_with_single_status(client: TestClient) -> None:
    queries = [
        {"state": s, "instrument": i, "on": d}
        for s in ("LTU", "Norway", "RUS", "USA", "FIN")
        for i in ("ccm", "apmbt", "nato", "inf")
        for d in ("1990-01-01", "2010-06-01", "2025-03-06", "2026-01-01")
    ]
    res = client.post("/v1/status/batch", json={"queries": queries})
    assert res.status_code == 200, res.text
    batch = res.json()
    assert batch["count"] == len(queries)
    for q, got in zip(queries, batch["results"], strict=True):
        one = client.get("/v1/status", params=q).json()
        assert (got["state"], got["status"], got["bound"], got["since"], got["until"]) == (
            one["state"],
            one["status"],
            one["bound"],
            one["since"],
            one["until"],
        ), q


def test_batch_errors_name_the_item_and_limits_hold(client: TestClient) -> None:
    res = client.post(
        "/v1/status/batch",
        json={"queries": [{"state": "LTU", "instrument": "ccm"}, {"state": "LTU", "instrument": "zzz"}]},
    )
    assert res.status_code == 400 and res.json()["field"] == "queries[1].instrument"
    too_many = [{"state": "LTU", "instrument": "ccm"}] * (DEFAULT_LIMITS.max_batch + 1)
    assert client.post("/v1/status/batch", json={"queries": too_many}).status_code in (413, 422)
    big = "x" * (DEFAULT_LIMITS.max_body_bytes + 10)
    res = client.post("/v1/status/batch", content=big, headers={"content-type": "application/json"})
    assert res.status_code == 413 and res.json()["field"] == "body"
    assert (
        client.post(
            "/v1/status/batch", content=b"{not json", headers={"content-type": "application/json"}
        ).status_code
        == 422
    )


def test_batch_with_a_bare_list_shows_the_body_shape(client: TestClient) -> None:
    res = client.post("/v1/status/batch", json=[{"state": "LTU", "instrument": "ccm"}])
    assert res.status_code == 422
    assert '{"queries": [{' in res.json()["message"]


def test_state_list_has_no_territories(client: TestClient) -> None:
    listed = {s["iso3"] for s in client.get("/v1/states").json()["states"]}
    assert "LTU" in listed and "COK" in listed and {"ATA", "BVT"}.isdisjoint(listed)


def test_catalog(client: TestClient) -> None:
    states = client.get("/v1/states").json()
    assert any(s["iso3"] == "LTU" and "ccm" in s["instruments"] for s in states["states"])
    assert {i["id"] for i in client.get("/v1/instruments").json()["instruments"]} >= {"nato", "ccm", "apmbt"}
    prov = client.get("/v1/provisions/ccm/art_20__para_3").json()
    assert "six months after the receipt" in prov["text"]
    assert any(r["module"] == "foederis.rules.ccm" for r in prov["rules"])
    assert any(a["state"] == "LTU" for a in prov["cited_by"])


def test_writing_needs_a_token_reading_does_not(client: TestClient, token: str) -> None:
    from foederis.interfaces.web.pages import EXAMPLE_SCENARIO as one

    two = one.replace("title: Norway", "title: Still Norway")
    body = {"text": one, "message": "first"}
    assert client.put("/v1/scenarios/t1", json=body).status_code == 401
    assert (
        client.put("/v1/scenarios/t1", json=body, headers={"Authorization": "Bearer nope"}).status_code == 403
    )
    res = client.put("/v1/scenarios/t1", json=body, headers={"Authorization": f"Bearer {token}"})
    assert res.status_code == 200 and res.json()["revision"] == 1
    res = client.put(
        "/v1/scenarios/t1",
        json={"text": two, "message": "second"},
        headers={"Authorization": f"Bearer {token}"},
    )
    saved = res.json()
    assert saved["revision"] == 2 and [r["message"] for r in saved["changelog"]] == ["second", "first"]
    assert saved["changelog"][0]["author"] == "api tests"
    assert client.get("/v1/scenarios/t1").json()["text"] == two
    assert any(s["name"] == "t1" for s in client.get("/v1/scenarios").json()["scenarios"])
    assert client.delete("/v1/scenarios/t1").status_code == 401
    assert client.delete("/v1/scenarios/t1", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert client.get("/v1/scenarios/t1").status_code == 404


def test_scenario_input_is_validated(client: TestClient, token: str) -> None:
    auth = {"Authorization": f"Bearer {token}"}
    assert client.put("/v1/scenarios/bad name!", json={"text": "a: 1"}, headers=auth).status_code in (
        404,
        422,
    )
    res = client.put("/v1/scenarios/t2", json={"text": "a: [1,"}, headers=auth)
    assert res.status_code == 400 and res.json()["field"].startswith("line")
    long = {"text": "a: " + "x" * DEFAULT_LIMITS.max_scenario_chars}
    assert client.put("/v1/scenarios/t2", json=long, headers=auth).status_code == 422
    assert client.get("/v1/scenarios/t2").status_code == 404, "a refused save stores nothing"


def test_openapi_lists_every_route(client: TestClient) -> None:
    paths = set(client.get("/openapi.json").json()["paths"])
    assert {
        "/v1/status",
        "/v1/members",
        "/v1/timeline",
        "/v1/withdrawal",
        "/v1/may",
        "/v1/matrix",
        "/v1/free-by",
        "/v1/status/batch",
        "/v1/states",
        "/v1/instruments",
        "/v1/scenarios",
        "/v1/scenarios/{name}",
        "/v1/provisions/{provision_id}",
    } <= paths


def test_sqlite_file_was_used(client: TestClient) -> None:
    url = str(client.app.state.engine.url)  # type: ignore[attr-defined]
    assert url.startswith("sqlite:///") and Path(url.removeprefix("sqlite:///")).exists()


def test_scenarios_run_from_text_and_saved(client: TestClient, token: str) -> None:
    from foederis.interfaces.web.pages import EXAMPLE_SCENARIO

    res = client.post("/v1/scenarios/run", json={"text": EXAMPLE_SCENARIO})
    assert res.status_code == 200, res.text
    ran = res.json()
    assert [(c["date"], c["state"], c["after"]) for c in ran["changes"]][-1] == (
        "2028-07-01",
        "NOR",
        "withdrawn",
    )
    assert ran["frozen"][0]["provision"] == "ccm/art_20__para_3"
    auth = {"Authorization": f"Bearer {token}"}
    assert client.put("/v1/scenarios/nor", json={"text": EXAMPLE_SCENARIO}, headers=auth).status_code == 200
    assert client.post("/v1/scenarios/nor/run").json()["changes"] == ran["changes"]
    assert client.get("/v1/scenarios/nor/revisions/1").json()["text"] == EXAMPLE_SCENARIO
    assert client.get("/v1/scenarios/nor/revisions/2").status_code == 404
    assert client.post("/v1/scenarios/none-such/run").status_code == 404


def test_a_bad_scenario_names_line_and_field_and_is_not_saved(client: TestClient, token: str) -> None:
    text = "name: x\nstart: 2027-01-01\nend: 2028-01-01\nevents:\n  - type: bogus\n    date: 2027-02-01\n"
    res = client.post("/v1/scenarios/run", json={"text": text})
    body = res.json()
    assert res.status_code == 400 and body["field"] == "line 5: events[0].type"
    assert "withdrawal_notice" in body["choices"]
    auth = {"Authorization": f"Bearer {token}"}
    assert client.put("/v1/scenarios/bad", json={"text": text}, headers=auth).status_code == 400
    assert client.get("/v1/scenarios/bad").status_code == 404
