"""The web pages in process: bad input gives the page back with the field and choices, never a 500."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from foederis.interfaces.http.limits import DEFAULT_LIMITS
from foederis.interfaces.server import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("pages") / "pages.sqlite3"
    with TestClient(create_app(f"sqlite:///{db}"), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize(
    ("url", "status", "needle"),
    [
        ("/state?q=Nrway", 400, "NOR"),
        ("/matrix?weapon=nukes", 400, "cluster_munitions"),
        ("/matrix?alliance=warsaw", 400, "nato"),
        ("/matrix?on=2025-02-30", 400, "not a valid date"),
        ("/withdrawal?state=NOR&instrument=ccm&notice=soon", 400, "notice"),
        ("/withdrawal?state=NOR&instrument=ccm&notice=2026-12-01&conflict=2027", 400, "START..END"),
        ("/withdrawal?state=NOR&instrument=ctbt&notice=2026-12-01", 400, "ccm"),
        ("/provisions/ccm/art_999", 404, "no provision"),
        ("/scenarios/new?name=..%2Fx", 400, "letters, digits"),
    ],
)
def test_bad_input_pages(client: TestClient, url: str, status: int, needle: str) -> None:
    res = client.get(url)
    assert res.status_code == status and needle in res.text


def test_pages_render(client: TestClient) -> None:
    for url in (
        "/",
        "/state?q=Finland",
        "/matrix?weapon=anti_personnel_mines&on=2026-01-01",
        "/withdrawal",
        "/provisions",
        "/provisions/nato/art_13",
        "/scenarios",
        "/scenarios/new-one",
    ):
        res = client.get(url)
        assert res.status_code == 200, url
        assert res.headers["content-type"].startswith("text/html")


def test_scenario_run_fragment_limits(client: TestClient) -> None:
    big = "x" * (DEFAULT_LIMITS.max_scenario_chars + 1)
    res = client.post("/web/scenario-run", content=big)
    assert res.status_code == 400 and "characters" in res.text
    res = client.post("/web/scenario-run", content=b"\xff\xfe not yaml: [")
    assert res.status_code == 400 and "scenario-errors" in res.text
