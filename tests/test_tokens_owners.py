"""Tokens scoped to their owner, admin scope, expiry and revocation; the same answers for the same
hostile input on SQLite and PostgreSQL (FOEDERIS_TEST_PG_URL), with time-zone-aware timestamps."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from test_store_repository import database_url, engine  # noqa: F401  (fixture on both databases)

from foederis.interfaces.server import create_app
from foederis.questions.inputs import InputError
from foederis.store import repository as repo_module
from foederis.store.models import TokenRow
from foederis.store.repository import NotOwner, RevisionLimit, ScenarioRepository
from foederis.store.tokens import create_token, identify, list_tokens, revoke_tokens

SCENARIO = "start: 2027-01-01\nend: 2027-12-31\nevents: []\n"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(database_url(request.param, tmp_path), warm=False)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    app.state.engine.dispose()


def _auth(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def test_only_the_owner_or_an_admin_may_change_a_scenario(client: TestClient) -> None:
    eng = client.app.state.engine  # type: ignore[attr-defined]
    ann, bob = create_token(eng, "ann"), create_token(eng, "bob")
    ann2 = create_token(eng, "ann")  # a second token of the same owner (key rotation)
    root = create_token(eng, "operator", scope="admin")
    body = {"text": SCENARIO, "message": "first"}
    assert client.put("/v1/scenarios/s1", json=body, headers=_auth(ann)).status_code == 200
    res = client.put("/v1/scenarios/s1", json={**body, "message": "hijack"}, headers=_auth(bob))
    assert res.status_code == 403 and res.json()["field"] == "authorization"
    assert client.delete("/v1/scenarios/s1", headers=_auth(bob)).status_code == 403
    saved = client.get("/v1/scenarios/s1").json()
    assert saved["revision"] == 1 and saved["owner"] == "ann"  # bob changed nothing
    assert client.put("/v1/scenarios/s1", json=body, headers=_auth(ann2)).status_code == 200
    assert client.put("/v1/scenarios/s1", json=body, headers=_auth(root)).status_code == 200
    assert client.delete("/v1/scenarios/s1", headers=_auth(root)).status_code == 200
    assert client.put("/v1/scenarios/s2", json=body, headers=_auth(bob)).status_code == 200
    assert client.delete("/v1/scenarios/s2", headers=_auth(bob)).status_code == 200


def test_revoked_and_expired_tokens_are_refused(client: TestClient) -> None:
    eng = client.app.state.engine  # type: ignore[attr-defined]
    live = create_token(eng, "carol")
    body = {"text": SCENARIO}
    assert client.put("/v1/scenarios/c1", json=body, headers=_auth(live)).status_code == 200
    assert revoke_tokens(eng, "carol") == 1
    assert client.put("/v1/scenarios/c1", json=body, headers=_auth(live)).status_code == 403
    soon = create_token(eng, "dave", expires_at=datetime.now(UTC) + timedelta(days=1))
    assert identify(eng, soon) is not None
    with eng.begin() as conn:  # let it run out
        conn.execute(
            TokenRow.__table__.update()
            .where(TokenRow.name == "dave")
            .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    assert client.put("/v1/scenarios/d1", json=body, headers=_auth(soon)).status_code == 403
    listed = {t.name: t for t in list_tokens(eng)}
    assert not listed["carol"].active and listed["carol"].revoked_at is not None
    assert not listed["dave"].active and listed["dave"].revoked_at is None


def test_bad_text_gets_the_same_4xx_on_both_databases(client: TestClient) -> None:
    eng = client.app.state.engine  # type: ignore[attr-defined]
    secret = create_token(eng, "erin")
    for message in ("a\x00b", "lone \ud800 surrogate", "bell\x07"):
        res = client.put(  # JSON escapes (\u0000, \ud800), as a client would send them
            "/v1/scenarios/e1",
            content=json.dumps({"text": SCENARIO, "message": message}),
            headers={**_auth(secret), "Content-Type": "application/json"},
        )
        assert res.status_code in (400, 422), res.text
        assert res.json()["field"] == "message"
    res = client.put("/v1/scenarios/e1", json={"text": SCENARIO + "# \x00\n"}, headers=_auth(secret))
    assert res.status_code == 400
    assert client.get("/v1/scenarios/e1").status_code == 404  # nothing was saved


def test_timestamps_are_time_zone_aware(client: TestClient) -> None:
    eng = client.app.state.engine  # type: ignore[attr-defined]
    secret = create_token(eng, "fay")
    saved = client.put("/v1/scenarios/f1", json={"text": SCENARIO}, headers=_auth(secret)).json()
    listed = client.get("/v1/scenarios").json()["scenarios"][0]
    for stamp in (
        saved["created_at"],
        saved["updated_at"],
        saved["changelog"][0]["created_at"],
        listed["updated_at"],
    ):
        assert datetime.fromisoformat(stamp).tzinfo is not None, stamp
    assert all(t.created_at.tzinfo is not None for t in list_tokens(eng))


def test_token_names_are_checked_the_same_on_both_databases(engine: Engine) -> None:  # noqa: F811
    for bad in ("x" * 101, "x" * 250, "nul\x00name", "new\nline", "\ud800"):
        with pytest.raises(InputError):
            create_token(engine, bad)
    secret = create_token(engine, "y" * 100)
    assert identify(engine, secret).name == "y" * 100  # type: ignore[union-attr]


def test_revision_cap(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setattr(repo_module, "MAX_REVISIONS", 3)
    repo = ScenarioRepository(engine)
    for _ in range(3):
        repo.save("capped", SCENARIO, "", "ann", admin=False)
    with pytest.raises(RevisionLimit):
        repo.save("capped", SCENARIO, "", "ann", admin=False)
    assert repo.get("capped").revision == 3
    with pytest.raises(NotOwner):
        repo.save("capped", SCENARIO, "", "bob", admin=False)


def test_revision_cap_over_http(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repo_module, "MAX_REVISIONS", 2)
    import foederis.interfaces.http.routes_scenarios as routes

    monkeypatch.setattr(routes, "MAX_REVISIONS", 2)
    secret = create_token(client.app.state.engine, "gus")  # type: ignore[attr-defined]
    for _ in range(2):
        assert (
            client.put("/v1/scenarios/g1", json={"text": SCENARIO}, headers=_auth(secret)).status_code == 200
        )
    res = client.put("/v1/scenarios/g1", json={"text": SCENARIO}, headers=_auth(secret))
    assert res.status_code == 409 and res.json()["error"] == "revision_limit"


def test_migration_backfills_owners_from_the_first_author(engine: Engine) -> None:  # noqa: F811
    """A database made before owners existed: each scenario belongs to its first revision's author."""
    from alembic import command
    from alembic.config import Config

    from foederis.store.db import HERE

    cfg = Config(str(HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(HERE / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO scenarios (id, name, created_at, updated_at) VALUES (1, 'old', :t, :t)"),
            {"t": now},
        )
        for number, author in ((1, "ann"), (2, "bob")):
            conn.execute(
                text(
                    "INSERT INTO scenario_revisions (scenario_id, number, text, message, author, created_at)"
                    " VALUES (1, :n, 'x', '', :a, :t)"
                ),
                {"n": number, "a": author, "t": now},
            )
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    assert ScenarioRepository(engine).get("old").owner == "ann"
