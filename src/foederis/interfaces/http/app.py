"""The JSON API: routes, error handlers, limits and the database (the web pages are added on top of
it by `foederis.interfaces.server`)."""

from __future__ import annotations

import logging
import os

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from foederis.interfaces.http import errors
from foederis.interfaces.http.limits import DEFAULT_LIMITS, BodySizeLimit

log = logging.getLogger("foederis.http")


def create_api(db_url: str | None = None, *, warm: bool = True) -> FastAPI:
    """Build the API. `db_url` defaults to $FOEDERIS_DB, else SQLite in the user data dir."""
    from foederis.interfaces.http import (
        routes_alliance,
        routes_batch,
        routes_catalog,
        routes_questions,
        routes_scenarios,
    )
    from foederis.store.db import open_database
    from foederis.store.repository import ScenarioRepository

    # /docs and /redoc serve Swagger UI and ReDoc from files shipped in a package, not a CDN, so
    # they work offline.
    app = FastAPIOffline(
        title="foederis",
        version="1",
        description="Who is bound by which treaty on which day, and why: answers with reasons.",
    )
    engine = open_database(db_url or os.environ.get("FOEDERIS_DB"))
    app.state.engine = engine
    app.state.repository = ScenarioRepository(engine)
    errors.install(app)
    for module in (routes_questions, routes_batch, routes_catalog, routes_scenarios, routes_alliance):
        app.include_router(module.router)
    app.add_middleware(
        BodySizeLimit,
        max_bytes=DEFAULT_LIMITS.max_body_bytes,
        read_timeout=float(os.environ.get("FOEDERIS_BODY_TIMEOUT", DEFAULT_LIMITS.body_read_timeout)),
    )
    if warm:
        from foederis.interfaces.http.deps import compiled_for
        from foederis.rules.options import DEFAULT_OPTIONS

        compiled_for(DEFAULT_OPTIONS)
    return app
