"""Open the database: SQLite in the per-user data dir by default, or any SQLAlchemy URL; migrate
to the newest schema on open, so `foederis serve` needs no setup."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

HERE = Path(__file__).resolve().parent


def default_url() -> str:
    """`FOEDERIS_DB` if set, else a SQLite file in the per-user data directory."""
    env = os.environ.get("FOEDERIS_DB")
    if env:
        return env
    from platformdirs import user_data_dir

    path = Path(user_data_dir("foederis")) / "foederis.sqlite3"
    return f"sqlite:///{path}"


def normalise_url(url: str) -> str:
    """`postgresql://` means psycopg 3 (the driver we ship), not psycopg2."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _sqlite_begin)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # a killed writer leaves the last commit intact
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    """Take the write lock at BEGIN, so two saves queue (busy_timeout) instead of failing."""
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str | None = None) -> Engine:
    """An engine for `url` (default: `default_url()`), creating the SQLite file's folder."""
    url = normalise_url(url or default_url())
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision shipped in the package."""
    from alembic import command
    from alembic.config import Config

    cfg = Config(str(HERE / "alembic.ini"))
    cfg.set_main_option("script_location", str(HERE / "migrations"))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def open_database(url: str | None = None) -> Engine:
    """Engine for `url`, migrated to the newest schema."""
    engine = make_engine(url)
    migrate(engine)
    return engine
