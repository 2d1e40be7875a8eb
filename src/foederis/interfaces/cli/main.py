"""Entry point of the `foederis` command: registers every command module, then runs."""

from __future__ import annotations

import os
import sys

# The CLI uses no pydantic plugins; skipping their discovery saves a scan of every installed package.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer

from foederis.interfaces.cli import (  # noqa: F401  (registers commands)
    alliance,
    check,
    core,
    export,
    scenario,
    serve,
    whatif,
)
from foederis.interfaces.cli.app import UsageError, app, usage_failure


def run() -> None:
    """Run the CLI. Under --json even a parse error (bad option value, missing argument) is one JSON
    object on stdout with exit code 2, as the README promises; otherwise Typer reports it as usual."""
    if "--json" not in sys.argv[1:]:
        app()
        return
    try:
        code = app(standalone_mode=False)
    except UsageError as exc:
        usage_failure(exc).report(as_json=True)
        code = getattr(exc, "exit_code", 2)
    except typer.Abort:
        code = 1
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    run()
