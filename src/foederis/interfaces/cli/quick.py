"""`foederis status` answered without Typer when its command line is plain: STATE, INSTRUMENT and
only `--on DAY` and `--json`. Anything else (help, interpretation options, `--known-on`, an input
the answer refuses) goes through the Typer application, which then reports it as always."""

from __future__ import annotations

import gc
import sys
from typing import Any

#: The options the quick path reads: each one's name, and whether it takes a value.
_OPTIONS = {"--on": True, "--json": False}


def plain_status(argv: list[str]) -> tuple[str, str, str | None, bool] | None:
    """(STATE, INSTRUMENT, --on, --json) from a plain `status` command line, else None."""
    if not argv or argv[0] != "status":
        return None
    positional: list[str] = []
    given: dict[str, str | None] = {}
    args = iter(argv[1:])
    for arg in args:
        if not arg.startswith("-"):
            positional.append(arg)
            continue
        name, eq, value = arg.partition("=")
        if name not in _OPTIONS or name in given or (eq and not _OPTIONS[name]):
            return None
        if _OPTIONS[name] and not eq:
            value = next(args, "")
        if _OPTIONS[name] and (not value or value.startswith("-")):
            return None
        given[name] = value if _OPTIONS[name] else None
    if len(positional) != 2:
        return None
    return positional[0], positional[1], given.get("--on"), "--json" in given


def run_quick(argv: list[str]) -> int | None:
    """Answer a plain `status` command line and return its exit code; None when the Typer
    application must take it (nothing has been printed then)."""
    parsed = plain_status(argv)
    if parsed is None:
        return None
    state, instrument, on, as_json = parsed
    # one answer, then exit: what is imported and loaded lives to the end and holds no cycles, so
    # the cyclic collector's passes over it (64 of them, 0.01-0.015 s) would find nothing
    gc.disable()
    try:
        from foederis.interfaces.cli.loading import load
        from foederis.rules.options import DEFAULT_OPTIONS

        ans = answer_status(load(DEFAULT_OPTIONS), state, instrument, on)
    except Exception:  # bad input or a fault: Typer's path reports it, as it does for every command
        gc.enable()
        return None
    try:
        show_status(ans, as_json)
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except Exception as exc:
        from foederis.interfaces.cli.app import CommandFailed
        from foederis.interfaces.cli.faults import describe_fault

        message = describe_fault(exc)
        if message is None:
            raise
        CommandFailed("environment", message, 2).report(as_json)
        return 2
    return 0


def answer_status(c: Any, state: str, instrument: str, on: str | None) -> Any:
    """The status answer for the command's raw arguments (the inputs parsed at the boundary)."""
    from foederis.questions.inputs import parse_date, parse_instrument, parse_state
    from foederis.questions.status import status as ask

    return ask(c, parse_state(c.record.states, state), parse_instrument(instrument), parse_date(on))


def show_status(ans: Any, as_json: bool) -> None:
    """The status answer on stdout: one JSON object, or the terminal rendering."""
    if as_json:
        from foederis.interfaces.cli.loading import emit_json

        emit_json(ans)
    else:
        from foederis.interfaces.cli.render import render_status

        render_status(ans)
