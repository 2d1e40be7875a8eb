"""Saved scenarios and tokens against real databases: a SQLite file and a PostgreSQL server
(FOEDERIS_TEST_PG_URL; skipped only when it is unset)."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, inspect, text

from foederis.store.db import make_engine, migrate, open_database
from foederis.store.models import RevisionRow
from foederis.store.repository import NotFound, ScenarioRepository
from foederis.store.tokens import check_token, create_token

PG_URL = os.environ.get("FOEDERIS_TEST_PG_URL")
#: The newest migration shipped (0002: token scope, expiry, revocation; scenario owners).
HEAD = "0002"


def fresh_pg(url: str) -> None:
    """Empty the test database: drop and recreate the public schema."""
    eng = make_engine(url)
    with eng.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    eng.dispose()


def database_url(kind: str, tmp_path: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    if not PG_URL:
        pytest.skip("FOEDERIS_TEST_PG_URL is not set")
    fresh_pg(PG_URL)
    return PG_URL


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    eng = open_database(database_url(request.param, tmp_path))
    yield eng
    eng.dispose()


def test_migrations_reach_head_and_are_idempotent(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert {"scenarios", "scenario_revisions", "api_tokens", "alembic_version"} <= tables
    migrate(engine)  # again: nothing to do
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [HEAD]


def test_save_get_list_delete(engine: Engine) -> None:
    repo = ScenarioRepository(engine)
    first = repo.save("nor-2027", "name: a\n", "first", "ann")
    assert first.revision == 1 and first.text == "name: a\n"
    second = repo.save("nor-2027", "name: b\n", "second", "bob")
    assert second.revision == 2
    got = repo.get("nor-2027")
    assert got.text == "name: b\n" and [r.number for r in got.changelog] == [2, 1]
    assert [(r.message, r.author) for r in got.changelog] == [("second", "bob"), ("first", "ann")]
    assert repo.revision_text("nor-2027", 1) == "name: a\n"
    repo.save("another", "x: 1\n")
    assert [(s.name, s.revision) for s in repo.list()] == [("another", 1), ("nor-2027", 2)]
    repo.delete("nor-2027")
    with pytest.raises(NotFound):
        repo.get("nor-2027")
    with pytest.raises(NotFound):
        repo.delete("nor-2027")
    with pytest.raises(NotFound):
        repo.revision_text("nor-2027", 1)
    assert [s.name for s in repo.list()] == ["another"]


def test_a_failed_save_leaves_no_half_saved_scenario(engine: Engine) -> None:
    """The scenario row is flushed before the revision; a failure at the revision undoes both."""
    repo = ScenarioRepository(engine)
    repo.save("kept", "v: 1\n")

    def boom(*_args: object) -> None:
        raise RuntimeError("disk gone")

    event.listen(RevisionRow, "before_insert", boom)
    try:
        with pytest.raises(RuntimeError):
            repo.save("half", "v: 1\n")
        with pytest.raises(RuntimeError):
            repo.save("kept", "v: 2\n")
    finally:
        event.remove(RevisionRow, "before_insert", boom)
    with pytest.raises(NotFound):
        repo.get("half")
    assert repo.get("kept").revision == 1 and repo.get("kept").text == "v: 1\n"
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM scenarios WHERE name = 'half'")).scalar() == 0


def test_concurrent_saves_get_distinct_consecutive_revisions(engine: Engine) -> None:
    repo = ScenarioRepository(engine)
    numbers: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def writer(w: int) -> None:
        try:
            for k in range(5):
                saved = repo.save("shared", f"writer: {w}\nk: {k}\n")
                with lock:
                    numbers.append(saved.revision)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert sorted(numbers) == list(range(1, 21))
    assert repo.get("shared").revision == 20


def test_tokens_store_only_the_hash(engine: Engine) -> None:
    secret = create_token(engine, "ci")
    assert check_token(engine, secret) == "ci"
    assert check_token(engine, secret + "x") is None and check_token(engine, "") is None
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT name, sha256 FROM api_tokens")).all()
    assert rows == [("ci", hashlib.sha256(secret.encode()).hexdigest())]
    assert all(secret not in str(v) for row in rows for v in row)
