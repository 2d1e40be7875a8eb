"""`foederis export panel|intervals|events`: the record's answers as tables for research tools."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from foederis.interfaces.cli.app import app, compiled, emit_json, fail, handles_input_errors
from foederis.interfaces.cli.core import JsonFlag
from foederis.interfaces.cli.options import takes_options
from foederis.questions.inputs import InputError, parse_date, parse_instrument, parse_state

EPILOG = (
    "Example: foederis export panel --unit year --format parquet --out panel.parquet\n\n"
    "Example: foederis export intervals --out foederis.sqlite (then events, panel into the same file)\n\n"
    "Panel columns: iso3, cow, gw, instrument, date, status, bound, interval_id, state_exists; "
    "status not_a_state marks days on which the state did not exist."
)


def _one_of(field: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise InputError(
            field, f"unknown {field} {value!r}; valid choices: {', '.join(choices)}", list(choices)
        )


def _reference(text: str) -> tuple[int, int]:
    try:
        month, day = (int(x) for x in text.split("-"))
        date(2000, month, day)  # a leap year accepts 02-29
    except ValueError:
        raise InputError("reference-day", f"{text!r} is not a month and day; use MM-DD, e.g. 12-31") from None
    return month, day


@app.command(epilog=EPILOG)
@takes_options
@handles_input_errors
def export(
    kind: Annotated[
        str, typer.Argument(help="panel (state × instrument × day or year), intervals or events.")
    ],
    out: Annotated[Path, typer.Option("--out", help="File to write; its suffix can set the format.")],
    fmt: Annotated[
        str | None, typer.Option("--format", help="csv, parquet or sqlite (default: from --out's suffix).")
    ] = None,
    instrument: Annotated[
        list[str] | None,
        typer.Option("--instrument", help="Only this instrument; repeatable (default: all)."),
    ] = None,
    state: Annotated[
        list[str] | None, typer.Option("--state", help="Only this state; repeatable (default: every state).")
    ] = None,
    start: Annotated[str, typer.Option("--from", help="Panel: first day (YYYY-MM-DD).")] = "1945-01-01",
    end: Annotated[
        str | None, typer.Option("--to", help="Panel: last day (YYYY-MM-DD; default today).")
    ] = None,
    unit: Annotated[
        str, typer.Option("--unit", help="Panel: day, or year (observed on --reference-day).")
    ] = "day",
    reference_day: Annotated[
        str,
        typer.Option("--reference-day", help="Panel with --unit year: the day observed each year, MM-DD."),
    ] = "12-31",
    json: JsonFlag = False,
) -> None:
    """Write the panel, the status intervals or the sourced events as CSV, Parquet or SQLite."""
    from foederis.interfaces import export_writers as w
    from foederis.questions import export as ex

    _one_of("kind", kind, ex.KINDS)
    _one_of("unit", unit, ex.UNITS)
    chosen = w.format_of(out, fmt)
    _one_of("format", chosen or fmt or out.suffix or "(no suffix)", w.FORMATS)
    if not out.parent.is_dir():
        fail(f"--out: the folder {str(out.parent)!r} does not exist", field="out")
    c = compiled()
    instruments = tuple(parse_instrument(i) for i in instrument) if instrument else tuple(c.instruments)
    states = tuple(parse_state(c.record.states, s) for s in state) if state else ex.listed_states(c)
    first, last = parse_date(start, "from"), parse_date(end, "to")
    if last < first:
        raise InputError("to", f"{last} is before --from {first}")

    if kind == "panel":
        spec = ex.PanelSpec(instruments, states, first, last, unit, _reference(reference_day))  # type: ignore[arg-type]
        schema, batches, total = ex.PANEL_SCHEMA, ex.panel_batches(c, spec), ex.panel_rows(spec)
    else:
        one = (ex.intervals_batch if kind == "intervals" else ex.events_batch)(c, instruments, states)
        schema, batches, total = one.schema, iter([one]), one.num_rows

    try:
        with _progress(total, f"{kind} → {out.name}") as advance:
            if chosen == "parquet":
                w.write_parquet(out, schema, batches, advance)
            elif chosen == "csv":
                w.write_csv(out, schema, batches, advance)
            else:
                lookups = {"states": ex.state_rows(states, c), "instruments": _instrument_rows(instruments)}
                w.write_sqlite(out, kind, schema, batches, advance, lookups)
    except OSError as exc:
        fail(f"--out: cannot write {str(out)!r}: {exc.strerror or exc}", field="out")
    if json:
        emit_json({"kind": kind, "format": chosen, "out": str(out), "rows": total})
    else:
        typer.echo(f"wrote {total:,} rows of {kind} to {out} ({chosen})", err=True)


def _instrument_rows(instruments: tuple[str, ...]):  # type: ignore[no-untyped-def]
    import pyarrow as pa

    from foederis.rules.registry import INSTRUMENTS

    return pa.RecordBatch.from_pydict(
        {
            "id": list(instruments),
            "title": [INSTRUMENTS[i].title for i in instruments],
            "short": [INSTRUMENTS[i].short for i in instruments],
        }
    )


class _progress:
    """A Rich progress bar on stderr for long exports; silent when stderr is not a terminal."""

    def __init__(self, total: int, label: str) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
            disable=not sys.stderr.isatty(),
        )
        self.task = self.bar.add_task(label, total=total)

    def __enter__(self):  # type: ignore[no-untyped-def]
        self.bar.start()
        return lambda n: self.bar.advance(self.task, n)

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()
