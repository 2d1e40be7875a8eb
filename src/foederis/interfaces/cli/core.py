"""Foundation commands: status, members, timeline, explain, data check."""

from __future__ import annotations

from typing import Annotated

import typer

from foederis.interfaces.cli.app import app, compiled, data_app, emit_json, epilog, fail, handles_input_errors
from foederis.interfaces.cli.options import takes_options
from foederis.questions.inputs import parse_date, parse_instrument, parse_state

JsonFlag = Annotated[bool, typer.Option("--json", help="One JSON object on stdout, nothing else.")]
OnOption = Annotated[str | None, typer.Option("--on", help="The day (YYYY-MM-DD); default today.")]
KnownOnOption = Annotated[
    str | None,
    typer.Option(
        "--known-on", help="Answer as the record stood on this day (YYYY-MM-DD): only facts public by then."
    ),
]


@app.command(epilog=epilog("foederis status LTU ccm --on 2025-03-06"))
@takes_options
@handles_input_errors
def status(
    state: str, instrument: str, on: OnOption = None, known_on: KnownOnOption = None, json: JsonFlag = False
) -> None:
    """Is STATE bound by INSTRUMENT on a day, and why."""
    from foederis.interfaces.cli.quick import answer_status, show_status

    show_status(answer_status(compiled(known_on), state, instrument, on), json)


@app.command(epilog=epilog("foederis members nato --on 2024-03-07 --json"))
@takes_options
@handles_input_errors
def members(
    instrument: str, on: OnOption = None, known_on: KnownOnOption = None, json: JsonFlag = False
) -> None:
    """The states bound by INSTRUMENT on a day."""
    from foederis.questions.members import members as ask

    c = compiled(known_on)
    ans = ask(c, parse_instrument(instrument), parse_date(on))
    if json:
        emit_json(ans)
    else:
        from foederis.interfaces.cli.render import render_members

        render_members(ans)


@app.command(epilog=epilog("foederis timeline LTU", "foederis timeline RUS inf"))
@takes_options
@handles_input_errors
def timeline(
    state: str,
    instrument: Annotated[str | None, typer.Argument()] = None,
    known_on: KnownOnOption = None,
    json: JsonFlag = False,
) -> None:
    """Every status interval of STATE (under one INSTRUMENT or all), with reasons."""
    from foederis.questions.timeline import timeline as ask

    c = compiled(known_on)
    ans = ask(c, parse_state(c.record.states, state), parse_instrument(instrument) if instrument else None)
    if json:
        emit_json(ans)
    else:
        from foederis.interfaces.cli.render import render_timeline

        render_timeline(ans)


@app.command(epilog=epilog("foederis explain LTU ccm --on 2025-03-06"))
@takes_options
@handles_input_errors
def explain(
    state: str, instrument: str, on: OnOption = None, known_on: KnownOnOption = None, json: JsonFlag = False
) -> None:
    """The full chain of reasons, as prose quoting the provisions."""
    from foederis.questions.explain import explain as ask

    c = compiled(known_on)
    ans = ask(c, parse_state(c.record.states, state), parse_instrument(instrument), parse_date(on))
    if json:
        emit_json(ans)
    else:
        from foederis.interfaces.cli.render import render_explain

        render_explain(ans)


@data_app.command("check", epilog=epilog("foederis data check --json", choices=()))
@takes_options
@handles_input_errors
def data_check(json: JsonFlag = False) -> None:
    """Validate the record and compare every recorded result date with the rules."""
    from foederis.engine.compile import compile_record
    from foederis.questions.datacheck import data_check as ask
    from foederis.record.errors import RecordError
    from foederis.record.loader import load_record

    try:
        c = compile_record(load_record(), compiled().options)
    except RecordError as exc:
        fail(f"the record is invalid: {exc}", code=1, field="record")
    rep = ask(c)
    if json:
        emit_json(rep)
    else:
        from foederis.interfaces.cli.render import render_datacheck

        render_datacheck(rep)
    raise typer.Exit(0 if rep.ok else 1)
