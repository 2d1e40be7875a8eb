"""Commands `serve` (the HTTP API and web pages) and `token create` (a write token)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from foederis.interfaces.cli.app import app, epilog

token_app = typer.Typer(
    help="Write tokens for the HTTP API (only their hash is stored).", no_args_is_help=True
)
app.add_typer(token_app, name="token")

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL (sqlite:///path or postgresql://...); default: SQLite in the user data dir.",
    ),
]


@app.command(epilog=epilog("foederis serve --port 8080 --workers 2", choices=()))
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    db: DbOption = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Worker processes.")] = 1,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "info",
) -> None:
    """Serve the HTTP API (/v1, /openapi.json) and the web pages (/) on the embedded record."""
    import uvicorn

    from foederis.engine.cache import load_compiled
    from foederis.rules.options import DEFAULT_OPTIONS
    from foederis.store.db import default_url, open_database

    url = db or default_url()
    open_database(url).dispose()  # migrate once, before any worker starts
    load_compiled(DEFAULT_OPTIONS)  # compile (or read the disk cache) once, so workers start warm
    os.environ["FOEDERIS_DB"] = url
    typer.echo(f"foederis: http://{host}:{port}/  (database: {_redact(url)})", err=True)
    uvicorn.run(
        "foederis.interfaces.http.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        access_log=log_level == "debug",
    )


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    from foederis.store.db import normalise_url

    return make_url(normalise_url(url)).render_as_string(hide_password=True)


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Option("--name", help="Who or what the token is for.")] = "",
    db: DbOption = None,
) -> None:
    """Make a write token, print it once, and store only its sha256."""
    from foederis.store.db import open_database
    from foederis.store.tokens import create_token

    engine = open_database(db)
    typer.echo(create_token(engine, name))
    engine.dispose()
