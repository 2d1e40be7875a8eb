"""Alliance machinery commands: accession, exclusion, history, presence."""

from __future__ import annotations

from typing import Annotated

import typer

from foederis.interfaces.cli.app import app, compiled, emit_json, epilog, handles_input_errors
from foederis.interfaces.cli.options import takes_options
from foederis.questions.inputs import parse_date, parse_state

JsonFlag = Annotated[bool, typer.Option("--json", help="One JSON object on stdout, nothing else.")]
OnOption = Annotated[str | None, typer.Option("--on", help="The day (YYYY-MM-DD); default today.")]


@app.command(epilog=epilog("foederis accession SWE --on 2023-12-01", choices=()))
@takes_options
@handles_input_errors
def accession(state: str, on: OnOption = None, json: JsonFlag = False) -> None:
    """STATE's accession protocol on a day: which Allies have ratified, who can still block it."""
    from foederis.questions.accession import accession as ask

    c = compiled()
    ans = ask(c, parse_state(c.record.states, state), parse_date(on))
    if json:
        emit_json(ans)
    else:
        from foederis.interfaces.cli.render_alliance import render_accession

        render_accession(ans)


@app.command(epilog=epilog("foederis exclusion nato"))
@takes_options
@handles_input_errors
def exclusion(instrument: str, json: JsonFlag = False) -> None:
    """Can a Party to INSTRUMENT be expelled or suspended? Quoted from the texts."""
    from foederis.questions.exclusion import exclusion as ask
    from foederis.questions.inputs import parse_instrument

    ans = ask(compiled(), parse_instrument(instrument))
    if json:
        emit_json(ans)
    else:
        from foederis.interfaces.cli.render_alliance import render_exclusion

        render_exclusion(ans)


@app.command(epilog=epilog("foederis history nato --article 4", choices=()))
@takes_options
@handles_input_errors
def history(
    instrument: str,
    article: Annotated[int | None, typer.Option("--article", help="4 or 5; default both.")] = None,
    json: JsonFlag = False,
) -> None:
    """Every recorded Art. 4 request and Art. 5 invocation, and what Art. 5 obliges."""
    from foederis.questions.history import history as ask
    from foederis.questions.inputs import parse_instrument

    if article not in (None, 4, 5):
        from foederis.interfaces.cli.app import CommandFailed

        raise CommandFailed("article", f"--article {article}: valid choices: 4, 5", choices=["4", "5"])
    from foederis.questions.alliance import require_alliance

    inst = require_alliance(parse_instrument(instrument))
    ans = ask(compiled(), inst, article)
    if json:
        emit_json(ans)
    else:
        from foederis.interfaces.cli.render_alliance import render_history

        render_history(ans)


@app.command(epilog=epilog("foederis presence --on 2022-01-10 --out presence.png", choices=()))
@takes_options
@handles_input_errors
def presence(
    on: OnOption = None,
    state: Annotated[str | None, typer.Option("--state", help="Only this Ally.")] = None,
    out: Annotated[str | None, typer.Option("--out", help="Also write a chart (PNG or SVG).")] = None,
    json: JsonFlag = False,
) -> None:
    """For every Ally on a day: the allied forces it hosts, and its tier under the named rule."""
    from foederis.interfaces.cli.app import fail
    from foederis.questions.presence import presence as ask

    c = compiled()
    if out and not out.lower().endswith((".png", ".svg")):
        fail(f"--out {out!r}: the chart is written as .png or .svg", field="out")
    ans = ask(c, parse_date(on), parse_state(c.record.states, state) if state else None)
    if out:
        from foederis.interfaces.charts.presence import write_presence_chart

        write_presence_chart(ans, out)
    if json:
        emit_json(ans)
    else:
        from foederis.interfaces.cli.render_alliance import render_presence

        render_presence(ans)
        if out:
            from foederis.interfaces.cli.render import console

            console.print(f"chart written to {out}")


@app.command(epilog=epilog("foederis commitments --json", choices=()))
@takes_options
@handles_input_errors
def commitments(on: OnOption = None, json: JsonFlag = False) -> None:
    """Political commitments and proposals beside the treaties: politically committed, never bound."""
    from foederis.questions.commitments import commitments as ask

    ans = ask(compiled(), parse_date(on))
    if json:
        emit_json(ans)
    else:
        from foederis.interfaces.cli.render_alliance import render_commitments

        render_commitments(ans)


@app.command(epilog=epilog("foederis deployments nato_russia_founding_act --on 2022-01-10", choices=()))
@takes_options
@handles_input_errors
def deployments(commitment: str, on: OnOption = None, json: JsonFlag = False) -> None:
    """Which Allies' current allied forces COMMITMENT (a 1997-based clause) would have reached."""
    from foederis.questions.commitments import deployments as ask

    ans = ask(compiled(), commitment, parse_date(on))
    if json:
        emit_json(ans)
    else:
        from foederis.interfaces.cli.render_alliance import render_deployments

        render_deployments(ans)
