"""The Typer application, its root callback, and the shared error and output handling.

`emit_json` (from `loading.py`) is re-exported here for the command modules."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, NoReturn, TypeVar

import typer

from foederis.interfaces.cli import loading
from foederis.interfaces.cli.loading import emit_json as emit_json
from foederis.interfaces.cli.options import current_options, takes_options
from foederis.questions.inputs import InputError

app = typer.Typer(
    name="foederis",
    help="Alliances and arms-control treaties as one computable legal machine: who is bound by "
    "what, on which day, and why.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


def epilog(*examples: str, choices: tuple[str, ...] = ("instruments",)) -> str:
    """A command's help footer: the valid choices (read from the registry and the obligations
    table, so they never go stale) and one or more examples."""
    from foederis.rules.obligations import ACTIVITIES
    from foederis.rules.registry import INSTRUMENTS

    lists = {
        "instruments": ("Instruments", list(INSTRUMENTS)),
        "weapons": ("Weapons", list(INSTRUMENTS.weapons())),
        "activities": ("Activities", list(ACTIVITIES)),
    }
    lines = [f"{lists[c][0]}: {', '.join(lists[c][1])}." for c in choices]
    lines.append("Dates are YYYY-MM-DD or 'today'.")
    lines += [f"Example: {e}" for e in examples]
    return "\n\n".join(lines)


data_app = typer.Typer(help="The record itself: validation and cross-checks.", no_args_is_help=True)
app.add_typer(data_app, name="data")


def _print_version(value: bool) -> None:
    if value:
        from foederis import __version__

        typer.echo(f"foederis {__version__}")
        raise typer.Exit(0)


@app.callback()
@takes_options
def main(
    version: bool = typer.Option(
        False, "--version", is_eager=True, callback=_print_version, help="Print the version and exit."
    ),
) -> None:
    """Interpretation options apply to every command, given before it or after it (after wins);
    answers report the ones they used."""


def compiled(known_on: str | None = None) -> Any:
    """The compiled real record under the options in force (cached on disk); with `known_on`
    (YYYY-MM-DD), the record as it stood on that day."""
    return loading.load(current_options(), known_on)


class CommandFailed(Exception):
    """A command that cannot answer: rendered as one stderr line, or under --json as one JSON object
    on stdout in the HTTP API's error shape ({"error", "field", "message", "choices"})."""

    def __init__(
        self,
        field: str,
        message: str,
        code: int = 2,
        choices: list[str] | None = None,
        error: str = "bad_input",
        errors: list[dict[str, Any]] | None = None,
        text: str | None = None,
    ) -> None:
        super().__init__(message)
        self.field, self.message, self.code, self.error = field, message, code, error
        self.choices = choices or []
        self.errors = errors or []
        self.text = text if text is not None else message

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "error": self.error,
            "field": self.field,
            "message": self.message,
            "choices": self.choices,
        }
        if self.errors:
            body["errors"] = self.errors
        return body

    def report(self, as_json: bool) -> None:
        """Print the failure the way the command's caller asked for (never a traceback)."""
        if as_json:
            sys.stdout.write(json.dumps(self.body(), indent=2, ensure_ascii=False) + "\n")
        else:
            typer.echo(f"Error: {self.text}", err=True)


def fail(message: str, code: int = 2, field: str = "request") -> NoReturn:
    """Stop the command with one message (exit code 2 for bad input); `field` names what was wrong."""
    raise CommandFailed(field, message, code)


F = TypeVar("F", bound=Callable[..., Any])


def handles_input_errors(fn: F) -> F:
    """Turn InputError and `fail()` into one line on stderr, or one JSON object on stdout under --json."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            failure = CommandFailed(exc.field, exc.message, 2, exc.choices, text=str(exc))
        except CommandFailed as exc:
            failure = exc
        except BrokenPipeError:
            sys.stderr.close()
            return None
        except Exception as exc:
            from foederis.interfaces.cli.faults import describe_fault

            message = describe_fault(exc)
            if message is None:
                raise
            failure = CommandFailed("environment", message, 2)
        failure.report(bool(kwargs.get("json")))
        raise typer.Exit(failure.code)

    return wrapper  # type: ignore[return-value]


# Click's UsageError, whether Typer uses the click package or its own vendored copy (Typer >= 0.20).
UsageError: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")


def usage_failure(exc: Any) -> CommandFailed:
    """A parse error Click found before the command ran (unknown option, bad value, missing argument)."""
    param = getattr(exc, "param", None)
    hint = getattr(exc, "param_hint", None)
    if param is not None:
        field = param.name or ""
    else:
        field = hint.lstrip("-").replace("-", "_") if isinstance(hint, str) else ""
    declared = (
        getattr(exc, "choices", None)
        or getattr(getattr(param, "type", None), "choices", None)  # a click.Choice
        or getattr(getattr(param, "type_descriptor", None), "choices", None)  # Typer's Literal or Enum
    )
    choices = [str(c) for c in declared or ()]
    return CommandFailed(field or "command", exc.format_message(), exc.exit_code, choices, error="usage")
