"""A real server under hostile requests: alias bombs, giant names, out-of-range dates and bad text
get a 4xx naming the field (never a 500, also on the saved-then-run path); oversized bodies get
413 whether announced or chunked; a stalled body gets 408. Timings: benchmarks/bench_hostile.py."""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Iterator

import httpx
import pytest
from test_hostile_scenarios import alias_bomb
from test_http_live_server import make_token, running

HEAD = "start: 2025-01-01\nend: 2025-12-31\n"
HOSTILE = {
    "alias bomb": alias_bomb(),
    "giant state": HEAD + "events:\n- {type: armed_attack, date: 2025-02-01, state: " + "x" * 100_000 + "}\n",
    "end 9999": "start: 2025-01-01\nend: 9999-12-31\n",
    "notice 9999": HEAD.replace("2025-12-31", "2100-12-31")
    + "events:\n- {type: withdrawal_notice, date: 9999-07-01, state: FRA, instrument: ccm}\n",
    "accession 0001": HEAD + "events:\n- {type: accession, date: 0001-01-01, state: FRA, instrument: ccm}\n",
    "type list": HEAD + "events:\n- {type: [a], date: 2025-02-01, state: FRA}\n",
    "lone surrogate": 'name: "\\ud800"\n' + HEAD,
    "NUL": 'title: "\\0"\n' + HEAD,
    "after 2158": "start: 2025-01-01\nend: 2160-01-01\n",
    "before 1800": "start: 1700-01-01\nend: 2025-01-01\n",
    "ISO week": "start: 2025-W10-4\nend: 2025-12-31\n",
    "key list": "? [a]\n: 1\n" + HEAD,
}


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    home = tmp_path_factory.mktemp("hostile")
    db = f"sqlite:///{home / 'hostile.sqlite3'}"
    token = make_token(db, home)
    old = os.environ.get("FOEDERIS_BODY_TIMEOUT")
    os.environ["FOEDERIS_BODY_TIMEOUT"] = "2"
    try:
        with running(db, home) as server:
            yield server.url, token
    finally:
        if old is None:
            os.environ.pop("FOEDERIS_BODY_TIMEOUT", None)
        else:
            os.environ["FOEDERIS_BODY_TIMEOUT"] = old


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_scenarios_get_a_4xx_on_every_path(case: str, live: tuple[str, str]) -> None:
    url, token = live
    text = HOSTILE[case]
    auth = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=url, timeout=30) as http:
        for res in (
            http.post("/v1/scenarios/run", json={"text": text}),
            http.put("/v1/scenarios/hostile", json={"text": text}, headers=auth),
            http.post(
                "/web/scenario-run",
                content=text.encode("utf-8", "surrogatepass"),
                headers={"Content-Type": "text/plain"},
            ),
        ):
            assert 400 <= res.status_code < 500, (case, res.request.url, res.status_code, res.text[:300])
            assert "Node(" not in res.text
            assert len(res.content) < 20_000  # the answer does not echo a giant input
        assert http.get("/v1/scenarios/hostile").status_code == 404  # PUT saved nothing


def test_chunked_body_over_the_limit_gets_413(live: tuple[str, str]) -> None:
    url, _ = live

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(120):
            yield b"x" * 10_000
        yield b'"}'

    res = httpx.post(
        url + "/v1/scenarios/run", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert res.status_code == 413 and res.json()["field"] == "body"


def test_announced_body_over_the_limit_gets_413(live: tuple[str, str]) -> None:
    url, _ = live
    res = httpx.post(url + "/v1/scenarios/run", content=b"x" * 1_100_000)
    assert res.status_code == 413


def test_stalled_body_gets_408_and_the_connection_is_closed(live: tuple[str, str]) -> None:
    url, _ = live
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=15) as sock:
        sock.sendall(
            b"POST /v1/scenarios/run HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n" + b'{"text": "'
        )
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    assert data.startswith(b"HTTP/1.1 408"), data[:200]
    assert json.loads(data.split(b"\r\n\r\n", 1)[1])["error"] == "timeout"


def test_the_server_still_answers_after_the_hostile_requests(live: tuple[str, str]) -> None:
    url, _ = live
    res = httpx.get(url + "/v1/status", params={"state": "FIN", "instrument": "nato", "on": "2024-01-01"})
    assert res.status_code == 200


def test_giant_state_in_a_query_gets_a_short_4xx(live: tuple[str, str]) -> None:
    url, _ = live
    res = httpx.get(
        url + "/v1/status", params={"state": "x" * 7_000, "instrument": "nato", "on": "2024-01-01"}
    )
    assert 400 <= res.status_code < 500 and len(res.content) < 5_000
