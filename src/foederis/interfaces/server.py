"""The served application: the JSON API with the web pages on top of it.

The composition root of the HTTP side, so that the API never imports the pages built on it.
"""

from __future__ import annotations

from fastapi import FastAPI

from foederis.interfaces.http.app import create_api
from foederis.interfaces.web.pages import install as install_web


def create_app(db_url: str | None = None, *, warm: bool = True) -> FastAPI:
    """The API and the web pages in one app. `db_url` defaults to $FOEDERIS_DB, else SQLite in the
    user data dir; `warm` compiles the default record before the first request."""
    app = create_api(db_url, warm=warm)
    install_web(app)
    return app
