"""Entry point of the `foederis` command: registers every command module, then runs."""

from __future__ import annotations

from foederis.interfaces.cli import core, whatif  # noqa: F401  (registers commands)
from foederis.interfaces.cli import scenario  # noqa: F401  (scenario run)
from foederis.interfaces.cli import serve  # noqa: F401  (serve, token create)
from foederis.interfaces.cli import check  # noqa: F401  (check: claims in an article)
from foederis.interfaces.cli.app import app

# Command modules register themselves on import; add new ones here.
COMMAND_MODULES = ("core", "whatif")


def run() -> None:
    app()


if __name__ == "__main__":
    run()
