"""The one Jinja2 environment for every HTML page foederis builds, web pages and standalone reports
alike, with autoescape on, so no page escapes by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader

HERE = Path(__file__).resolve().parent
TEMPLATE_DIRS = (HERE / "web" / "templates", HERE / "reports" / "templates")

ENV = Environment(loader=FileSystemLoader([str(d) for d in TEMPLATE_DIRS]), autoescape=True)


def render(template: str, **context: Any) -> str:
    """A template rendered to a string (reports written to a file)."""
    return ENV.get_template(template).render(**context)
