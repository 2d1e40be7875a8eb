"""Commands `serve` (the HTTP API and web pages) and `token create` (a write token)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from foederis.interfaces.cli.app import app, emit_json, epilog, handles_input_errors

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
@handles_input_errors
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
        "foederis.interfaces.server:create_app",
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
@handles_input_errors
def token_create(
    name: Annotated[
        str, typer.Option("--name", help="Who or what the token is for; tokens of one name share scenarios.")
    ] = "",
    admin: Annotated[
        bool, typer.Option("--admin", help="May change and delete every scenario (for the operator).")
    ] = False,
    expires_days: Annotated[
        int | None,
        typer.Option("--expires-days", min=1, max=36_500, help="Stop working after this many days."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Make a write token, print it once, and store only its sha256."""
    from datetime import UTC, datetime, timedelta

    from foederis.store.db import open_database
    from foederis.store.tokens import check_name, create_token

    check_name(name)  # before touching the database
    expires = datetime.now(UTC) + timedelta(days=expires_days) if expires_days else None
    engine = open_database(db)
    try:
        typer.echo(create_token(engine, name, scope="admin" if admin else "write", expires_at=expires))
    finally:
        engine.dispose()


@token_app.command("list")
@handles_input_errors
def token_list(
    db: DbOption = None,
    json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout, nothing else.")] = False,
) -> None:
    """Every token: name, scope, created, expires, revoked (never the secret)."""
    from rich.markup import escape

    from foederis.interfaces.cli.render import console
    from foederis.questions.inputs import printable
    from foederis.store.db import open_database
    from foederis.store.tokens import list_tokens

    engine = open_database(db)
    try:
        tokens = list_tokens(engine)
    finally:
        engine.dispose()
    if json:
        emit_json({"count": len(tokens), "tokens": [t.model_dump(mode="json") for t in tokens]})
        return
    if not tokens:
        console.print("no tokens; make one with `foederis token create --name NAME`")
        return
    for t in tokens:
        state = "active" if t.active else ("revoked" if t.revoked_at else "expired")
        expires = f"expires {t.expires_at:%Y-%m-%d}" if t.expires_at else "no expiry"
        console.print(
            f"{escape(printable(t.name))}  {t.scope}  {state}  created {t.created_at:%Y-%m-%d}  {expires}",
            highlight=False,
        )


@token_app.command("revoke")
@handles_input_errors
def token_revoke(
    name: Annotated[str, typer.Argument(help="The token name (as `token list` shows it).")],
    db: DbOption = None,
) -> None:
    """Revoke every token of NAME: they stop working at once."""
    from foederis.interfaces.cli.app import fail
    from foederis.store.db import open_database
    from foederis.store.tokens import revoke_tokens

    engine = open_database(db)
    try:
        n = revoke_tokens(engine, name)
    finally:
        engine.dispose()
    if not n:
        fail(f"name: no active token named {name!r}; see `foederis token list`")
    typer.echo(f"revoked {n} token(s) named {name}", err=True)
