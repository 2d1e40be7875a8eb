"""The Typer application, global options, and the shared error and output handling."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

import typer

from foederis.questions.inputs import InputError

app = typer.Typer(
    name="foederis",
    help="Alliances and arms-control treaties as one computable legal machine: who is bound by "
    "what, on which day, and why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
data_app = typer.Typer(help="The record itself: validation and cross-checks.", no_args_is_help=True)
app.add_typer(data_app, name="data")


@dataclass
class Globals:
    month_overflow: str = "clip"
    claimed_suspension: str = "no_legal_effect"
    engaged: str = "party_to_hostilities"

    def options(self) -> Any:
        from foederis.rules.options import Options

        return Options(
            month_overflow=self.month_overflow,  # type: ignore[arg-type]
            claimed_suspension=self.claimed_suspension,  # type: ignore[arg-type]
            engaged=self.engaged,
        )  # type: ignore[arg-type]


GLOBALS = Globals()


def _choice(name: str, value: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise typer.BadParameter(f"{value!r}; valid choices: {', '.join(choices)}", param_hint=name)
    return value


@app.callback()
def main(
    month_overflow: str = typer.Option(
        "clip", help="Month arithmetic for days a month lacks: clip | next_day."
    ),
    claimed_suspension: str = typer.Option(
        "no_legal_effect", help="A suspension the treaty does not provide for: no_legal_effect | releases."
    ),
    engaged: str = typer.Option(
        "party_to_hostilities",
        help="Who is 'engaged in an armed conflict': party_to_hostilities | article5_participant.",
    ),
) -> None:
    """Interpretation options apply to every command; answers report the ones they used."""
    GLOBALS.month_overflow = _choice("--month-overflow", month_overflow, ("clip", "next_day"))
    GLOBALS.claimed_suspension = _choice(
        "--claimed-suspension", claimed_suspension, ("no_legal_effect", "releases")
    )
    GLOBALS.engaged = _choice("--engaged", engaged, ("party_to_hostilities", "article5_participant"))


def compiled() -> Any:
    """The compiled real record under the global options (cached on disk)."""
    from foederis.engine.cache import load_compiled

    return load_compiled(GLOBALS.options())


def fail(message: str, code: int = 2) -> None:
    """One line on stderr, no traceback, exit code 2 for bad input."""
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


F = TypeVar("F", bound=Callable[..., Any])


def handles_input_errors(fn: F) -> F:
    """Turn InputError (and other bad-input errors) into a one-line message with exit code 2."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except InputError as exc:
            fail(str(exc))
        except BrokenPipeError:
            sys.stderr.close()
        except Exception as exc:
            from foederis.interfaces.cli.faults import describe_fault

            message = describe_fault(exc)
            if message is None:
                raise
            fail(message)

    return wrapper  # type: ignore[return-value]


def emit_json(model: Any) -> None:
    """One JSON object on stdout, and nothing else."""
    if hasattr(model, "model_dump"):
        sys.stdout.write(model.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(json.dumps(model, indent=2, default=str) + "\n")
