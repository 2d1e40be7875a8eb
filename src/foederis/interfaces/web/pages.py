"""The web pages: parse the form, call the same question functions as the API, render a template.

The routes live in one module per subject (`routes_record`, `routes_weapons`, `routes_alliance`,
`routes_scenarios`); what they share is in `render`. `install` puts them on an app.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from foederis.interfaces.web import routes_alliance, routes_record, routes_scenarios, routes_weapons
from foederis.interfaces.web.render import HERE, OptionError, render_page, templates
from foederis.interfaces.web.routes_scenarios import EXAMPLE_SCENARIO
from foederis.rules.options import DEFAULT_OPTIONS

__all__ = ["EXAMPLE_SCENARIO", "install", "templates"]


def install(app: FastAPI) -> None:
    """Mount the static files and register the page routes (left out of the OpenAPI spec)."""
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.exception_handler(OptionError)
    async def bad_option(request: Request, exc: OptionError) -> HTMLResponse:
        """An option value not among its choices: the home page naming the field and the choices."""
        return render_page(request, "home.html", 400, options=DEFAULT_OPTIONS, error=exc)

    for module in (routes_record, routes_weapons, routes_alliance, routes_scenarios):
        app.include_router(module.router)
