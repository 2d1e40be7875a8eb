"""Saved scenarios survive a server killed with SIGKILL in the middle of writes: every save the
server acknowledged is there, whole, and no scenario is left half-saved (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import re
import threading
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text
from test_http_live_server import make_token, running
from test_store_repository import fresh_pg

from foederis.interfaces.web.pages import EXAMPLE_SCENARIO
from foederis.store.db import open_database
from foederis.store.repository import ScenarioRepository

PG_URL = os.environ.get("FOEDERIS_TEST_PG_URL")
PAD = 120_000  # large bodies, so the kill is likely to land while one is being written
#: Acknowledged saves to wait for before the kill (a soak run sets more, up to 3 x 200 revisions).
SAVES = int(os.environ.get("FOEDERIS_CRASH_SAVES", "30"))


def scenario_text(writer: int, k: int) -> str:
    """A valid scenario, padded to PAD characters, that says who wrote it and when."""
    return f"# writer {writer} save {k}\n{EXAMPLE_SCENARIO}description: {'y' * PAD} {writer}-{k}\n"


def db_url(kind: str, tmp_path: Path) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'crash.sqlite3'}"
    if not PG_URL:
        pytest.skip("FOEDERIS_TEST_PG_URL is not set")
    fresh_pg(PG_URL)
    return PG_URL


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_sigkill_mid_write_loses_nothing_acknowledged(kind: str, tmp_path: Path) -> None:
    url = db_url(kind, tmp_path)
    token = make_token(url, tmp_path)
    acked: list[tuple[str, int, str]] = []
    stop = threading.Event()
    lock = threading.Lock()

    with running(url, tmp_path) as server:

        def writer(w: int) -> None:
            k = 0
            with httpx.Client(base_url=server.url, timeout=10) as http:
                while not stop.is_set():
                    k += 1
                    body = scenario_text(w, k)
                    try:
                        res = http.put(
                            f"/v1/scenarios/crash-{w}",
                            json={"text": body, "message": f"save {k}"},
                            headers={"Authorization": f"Bearer {token}"},
                        )
                    except httpx.HTTPError:
                        return  # the server is gone
                    assert res.status_code == 200, res.text
                    with lock:
                        acked.append((f"crash-{w}", res.json()["revision"], body))

        threads = [threading.Thread(target=writer, args=(w,)) for w in range(3)]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 60 + SAVES * 0.5
        while len(acked) < SAVES and time.monotonic() < deadline:
            time.sleep(0.02)
        server.kill()  # SIGKILL while the writers are still sending
        stop.set()
        for t in threads:
            t.join(15)
    assert len(acked) >= min(SAVES, 30), "the server acknowledged too few saves before the kill"

    engine = open_database(url)
    repo = ScenarioRepository(engine)
    for name, revision, body in acked:
        assert repo.revision_text(name, revision) == body, (name, revision)
    with engine.connect() as conn:
        orphans = conn.execute(
            text(
                "SELECT count(*) FROM scenarios s WHERE NOT EXISTS "
                "(SELECT 1 FROM scenario_revisions r WHERE r.scenario_id = s.id)"
            )
        ).scalar()
        assert orphans == 0, "a scenario without any revision is a half-saved scenario"
        for name, number, body in conn.execute(
            text(
                "SELECT s.name, r.number, r.text FROM scenario_revisions r "
                "JOIN scenarios s ON s.id = r.scenario_id"
            )
        ):
            m = re.match(r"# writer (\d+) save (\d+)\n", body)
            assert m and body == scenario_text(int(m[1]), int(m[2])), f"{name} r{number} is not whole"
    engine.dispose()

    with running(url, tmp_path) as again:  # and the restarted server serves them
        for name in {a[0] for a in acked}:
            newest = max(r for n, r, _ in acked if n == name)
            assert httpx.get(f"{again.url}/v1/scenarios/{name}").json()["revision"] >= newest
