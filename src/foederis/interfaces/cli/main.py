"""Entry point of the `foederis` command: registers every command module, then runs."""

from __future__ import annotations

import os

# The CLI uses no pydantic plugins; skipping their discovery saves a scan of every installed package.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from foederis.interfaces.cli import (  # noqa: F401  (registers commands)
    check,
    core,
    scenario,
    serve,
    whatif,
)
from foederis.interfaces.cli.app import app

# Command modules register themselves on import; add new ones here.
COMMAND_MODULES = ("core", "whatif", "check", "scenario", "serve")


def run() -> None:
    app()


if __name__ == "__main__":
    run()
