"""The interpretation options as command-line flags, generated from `rules.options.Options`.

Each field becomes `--name-with-dashes`, its Literal the choices, its description the help. The
flags are taken before the command (`foederis --engaged primary_party status ...`) and after it
(`foederis status ... --engaged primary_party`); one given after the command wins. The options in
force live in the Click context of the invocation, never in module state.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from functools import wraps
from importlib import import_module
from typing import Annotated, Any, TypeVar

import typer

from foederis.rules.options import DEFAULT_OPTIONS, Options

#: Click's `get_current_context`, from the Click that Typer's Context is built on (the click package,
#: or the copy Typer >= 0.20 vendors as typer._click), like `app.UsageError`.
get_current_context: Callable[..., Any] = import_module(
    typer.Context.__mro__[1].__module__.rsplit(".", 1)[0] + ".globals"
).get_current_context

#: Where the options in force are kept in `Context.meta` (shared by every context of one invocation).
META_KEY = "foederis.options"
PANEL = "Interpretation options"
#: Where a flag's value came from when the user gave it (not a default).
_GIVEN = {"COMMANDLINE", "ENVIRONMENT", "PROMPT"}

F = TypeVar("F", bound=Callable[..., Any])


def option_parameters() -> list[inspect.Parameter]:
    """One keyword parameter per option, typed with the field's Literal so Typer offers and checks
    the choices, with the field's default and description."""
    return [
        inspect.Parameter(
            name,
            inspect.Parameter.KEYWORD_ONLY,
            default=field.default,
            annotation=Annotated[
                field.annotation, typer.Option(help=field.description, rich_help_panel=PANEL)
            ],
        )
        for name, field in Options.model_fields.items()
    ]


def current_options() -> Options:
    """The options in force for the running command (the defaults outside a command)."""
    ctx = get_current_context(silent=True)
    return ctx.meta.get(META_KEY, DEFAULT_OPTIONS) if ctx is not None else DEFAULT_OPTIONS


def takes_options(fn: F) -> F:
    """Give a command (or the root callback) the option flags: the values given on its part of
    the command line override those given before it; the result is kept for `current_options`."""
    signature = inspect.signature(fn, eval_str=True)  # as Typer reads it: real annotations

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in Options.model_fields}
        ctx = get_current_context()
        given = {k: v for k, v in values.items() if _source(ctx, k) in _GIVEN}
        ctx.meta[META_KEY] = current_options().model_copy(update=given)
        return fn(*args, **kwargs)

    params = [*signature.parameters.values(), *option_parameters()]
    wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def _source(ctx: Any, name: str) -> str:
    """Where the value of parameter `name` came from: COMMANDLINE, DEFAULT, ... (Click's names)."""
    source = ctx.get_parameter_source(name)
    return getattr(source, "name", "")
