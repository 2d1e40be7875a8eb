"""A real `foederis serve` in a subprocess on a free port (shared by the HTTP, web and crash tests),
and the check that a fresh install serves the web UI on the embedded record with no setup."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(home: Path) -> dict[str, str]:
    """A fresh user (own HOME and data dir), sharing only the compiled-record cache."""
    from foederis.engine.cache import cache_dir

    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    env["FOEDERIS_CACHE_DIR"] = str(cache_dir())
    env.pop("FOEDERIS_DB", None)
    return env


class Server:
    """One `foederis serve` process; `url` is its base URL."""

    def __init__(self, db: str | None, home: Path, workers: int = 1) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = _env(home)
        cmd = [sys.executable, "-m", "foederis.interfaces.cli.main", "serve", "--port", str(self.port)]
        cmd += ["--workers", str(workers), "--log-level", "warning"]
        if db:
            cmd += ["--db", db]
        self.log = home / f"server-{self.port}.log"
        self.proc = subprocess.Popen(cmd, env=env, stdout=self.log.open("wb"), stderr=subprocess.STDOUT)
        self._wait()

    def _wait(self, timeout: float = 90) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url + "/v1/instruments", timeout=2).status_code == 200:
                    return
            time.sleep(0.2)
        raise RuntimeError(f"server did not start: {self.log.read_text()}")

    def kill(self) -> None:
        """SIGKILL: no chance to clean up."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


@contextlib.contextmanager
def running(db: str | None, home: Path, workers: int = 1) -> Iterator[Server]:
    server = Server(db, home, workers)
    try:
        yield server
    finally:
        server.stop()


def make_token(db: str, home: Path) -> str:
    env = _env(home)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "foederis.interfaces.cli.main",
            "token",
            "create",
            "--name",
            "tests",
            "--db",
            db,
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.strip()


def test_fresh_install_serves_the_web_ui_with_no_setup(tmp_path: Path) -> None:
    """No --db, no env: SQLite is created in the per-user data dir, the pages and API answer."""
    with running(None, tmp_path) as server:
        home = httpx.get(server.url + "/")
        assert home.status_code == 200
        assert "Who is bound by what" in home.text
        status = httpx.get(
            server.url + "/v1/status", params={"state": "LTU", "instrument": "ccm", "on": "2025-03-06"}
        )
        assert status.json()["status"] == "withdrawn"
        assert httpx.get(server.url + "/v1/scenarios").json() == {"count": 0, "scenarios": []}
    assert list((tmp_path / "data").rglob("foederis.sqlite3")), "the default database is in the user data dir"


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("live")
    with running(f"sqlite:///{home / 'live.sqlite3'}", home) as server:
        yield server.url
