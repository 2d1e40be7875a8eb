"""Entry point of the `foederis` command: registers the command modules, then runs.

A plain `foederis status` is answered without Typer (`quick.py`). Any other run that names a
command imports only the module that defines it (a cold `foederis check` then builds one command
instead of twenty); `--help`, completion, an unknown command or a command missing from
`COMMAND_MODULES` import them all. `app` (as tests import it) has every command.
"""

from __future__ import annotations

import os
import sys
from importlib import import_module
from typing import TYPE_CHECKING, Any

# The CLI uses no pydantic plugins; skipping their discovery saves a scan of every installed package.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
# Nor linear algebra: one OpenBLAS thread spares NumPy's import a thread pool per core (0.05-0.1 s).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

if TYPE_CHECKING:
    import typer

#: Every command module, in the order that gives `foederis --help` its order of commands.
MODULES = ("alliance", "check", "core", "export", "scenario", "serve", "whatif")
#: The module that registers each top-level command or group (a name not here loads them all).
COMMAND_MODULES = {
    **dict.fromkeys(
        ("accession", "exclusion", "history", "presence", "commitments", "deployments"), "alliance"
    ),
    "check": "check",
    **dict.fromkeys(("status", "members", "timeline", "explain", "data"), "core"),
    "export": "export",
    "scenario": "scenario",
    **dict.fromkeys(("serve", "token"), "serve"),
    **dict.fromkeys(("withdrawal", "free-by", "may", "matrix", "fault-lines"), "whatif"),
}


def register(argv: list[str] | None = None) -> typer.Typer:
    """The application with its commands registered: with `argv`, only the module of the command
    it names when that is known and defines it; otherwise (and as a fallback) every module."""
    from foederis.interfaces.cli import app as _app

    name = next((a for a in argv or () if not a.startswith("-")), None)
    module = COMMAND_MODULES.get(name or "")
    if module is not None:
        import_module(f"foederis.interfaces.cli.{module}")
        if name in _registered():
            return _app.app
    for m in MODULES:
        import_module(f"foederis.interfaces.cli.{m}")
    return _app.app


def _registered() -> set[str]:
    """The names of the top-level commands and groups registered so far (as Typer names them)."""
    from foederis.interfaces.cli.app import app

    names = {c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands}
    names = {n.lower().replace("_", "-") for n in names}
    return names | {g.name or "" for g in app.registered_groups}


def __getattr__(name: str) -> Any:
    if name == "app":  # `from foederis.interfaces.cli.main import app`: every command
        return register()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run() -> None:
    """Run the CLI. Under --json even a parse error (bad option value, missing argument) is one JSON
    object on stdout with exit code 2, as the README promises; otherwise Typer reports it as usual."""
    from foederis.interfaces.cli import loading
    from foederis.interfaces.cli.quick import run_quick

    loading.SINGLE_COMMAND = True
    quick = run_quick(sys.argv[1:])
    if quick is not None:
        sys.exit(quick)
    import typer

    from foederis.interfaces.cli.app import UsageError, usage_failure

    app = register(sys.argv[1:])
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
