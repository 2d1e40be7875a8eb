"""Entry point of the `foederis` command: registers every command module, then runs."""

from __future__ import annotations

from foederis.interfaces.cli import (  # noqa: F401  (registers commands)
    check,
    core,
    scenario,
    serve,
    whatif,
)
from foederis.interfaces.cli.app import app

# Command modules register themselves on import; add new ones here.
COMMAND_MODULES = ("core", "whatif")


def run() -> None:
    app()


if __name__ == "__main__":
    run()
