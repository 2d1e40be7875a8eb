"""`foederis scenario run FILE` replays a scenario over the real record; `scenario examples`
lists and prints the bundled examples."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from foederis.interfaces.cli.app import (
    CommandFailed,
    app,
    emit_json,
    epilog,
    fail,
    handles_input_errors,
)
from foederis.interfaces.cli.core import JsonFlag
from foederis.interfaces.cli.options import current_options, takes_options
from foederis.questions.inputs import InputError

if TYPE_CHECKING:
    from foederis.rules.options import Options
    from foederis.scenarios.result import ScenarioResult

scenario_app = typer.Typer(
    help="Scenarios: hypothetical events laid over the real record.", no_args_is_help=True
)
app.add_typer(scenario_app, name="scenario")


def _options(file_options: Options) -> Options:
    """The file's options, overridden by any option flag set away from its default."""
    from foederis.rules.options import DEFAULT_OPTIONS

    given = current_options()
    changed = {
        k: getattr(given, k)
        for k in type(given).model_fields
        if getattr(given, k) != getattr(DEFAULT_OPTIONS, k)
    }
    return file_options.model_copy(update=changed)


@scenario_app.command(
    "run", epilog=epilog("foederis scenario run estonia-2027 --report r.html", "foederis scenario examples")
)
@takes_options
@handles_input_errors
def run(
    file: Annotated[
        Path,
        typer.Argument(
            help="The scenario, as a YAML file, or the name of a bundled example "
            "(`foederis scenario examples` lists them and prints one to start from)."
        ),
    ],
    report: Annotated[
        Path | None, typer.Option("--report", help="Write a self-contained HTML report to this file.")
    ] = None,
    json: JsonFlag = False,
) -> None:
    """Replay FILE day by day: changes, frozen withdrawals, earliest lawful use, diff."""
    from foederis.interfaces.reports.scenario import report_html
    from foederis.scenarios.bundled import example_path
    from foederis.scenarios.run import ScenarioError, load_scenario, run_scenario

    if not file.exists() and (bundled := example_path(str(file))) is not None:
        file = bundled
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"file: cannot read {file}: {exc}", field="file")
    try:
        scenario = load_scenario(text, file.name)
    except ScenarioError as exc:
        lines = [f"  {file.name}:{e.line}: {e.field}: {e.message}" for e in exc.errors]
        first = exc.errors[0] if exc.errors else None
        raise CommandFailed(
            f"line {first.line}: {first.field}" if first else "file",
            "; ".join(f"line {e.line}: {e.field}: {e.message}" for e in exc.errors) or "invalid scenario",
            choices=first.choices if first else [],
            error="bad_scenario",
            errors=[
                {"line": e.line, "field": e.field, "message": e.message, "choices": e.choices}
                for e in exc.errors
            ],
            text="\n".join([f"{file}: {len(exc.errors)} problem(s) in the scenario:", *lines]),
        ) from None
    result = run_scenario(scenario, _options(scenario.options))
    if report is not None:
        try:
            report.parent.mkdir(parents=True, exist_ok=True)
            report.write_text(report_html(result), encoding="utf-8")
        except OSError as exc:
            fail(f"report: cannot write {report}: {exc.strerror or exc}", field="report")
    if json:
        emit_json(result)
        return
    _render(result, report)


def _render(r: ScenarioResult, report: Path | None) -> None:
    from rich.markup import escape
    from rich.table import Table

    from foederis.interfaces.cli.render import console, options_line
    from foederis.questions.inputs import printable

    sc = r.scenario
    title = escape(printable(sc.title or sc.name))
    console.print(f"[bold]{title}[/bold]  {sc.start} – {sc.end}  ({len(sc.events)} events)")
    table = Table(title="changes in the window")
    for col in ("date", "state", "instrument", "change", "bound", "origin"):
        table.add_column(col, no_wrap=col != "change", min_width=3 if col == "bound" else None)
    for ch in r.changes:
        what = f"{ch.before} → {ch.after}" if ch.kind == "position" else f"stays {ch.after} (new grounds)"
        table.add_row(
            str(ch.date), ch.state, ch.instrument, what, "yes" if ch.bound_after else "no", ch.origin
        )
    console.print(table)
    for f in r.frozen:
        console.print(
            f"frozen: {f.state} {f.instrument} notice {f.notice}, period expires {f.expiry}, "
            f"takes effect {f.effective or 'not before the conflict ends'} ({f.provision})"
        )
    late = [e for e in r.earliest_use if e.date is not None and e.date != sc.start]
    never = sum(1 for e in r.earliest_use if e.date is None)
    free = len(r.earliest_use) - len(late) - never
    if late:
        use = Table(title="earliest lawful use, for allies bound at the start")
        for col in ("ally", "weapon", "from"):
            use.add_column(col, no_wrap=True)
        for e in late:
            use.add_row(e.state, e.weapon, str(e.date))
        console.print(use)
    console.print(
        f"use of banned weapons: {free} (ally, weapon) pair(s) free from the start, {never} bound "
        f"throughout the window, {len(late)} freed during it"
    )
    console.print(f"difference from the real record: {len(r.diff)} (state, instrument) pair(s)")
    for d in r.diff:
        console.print(f"  {d.state} {d.instrument} from {d.first_difference}")
    if report is not None:
        console.print(f"report written to {escape(printable(str(report)))}", highlight=False)
    console.print(options_line(r.options))


@scenario_app.command("examples")
@handles_input_errors
def examples(
    name: Annotated[str | None, typer.Argument(help="Print this example's YAML (to copy and edit).")] = None,
) -> None:
    """List the bundled example scenarios, or print one."""
    import yaml

    from foederis.scenarios.bundled import example_names, example_path

    if name is None:
        for n in example_names():
            path = example_path(n)
            title = yaml.safe_load(path.read_text(encoding="utf-8")).get("title", "") if path else ""
            typer.echo(f"{n:<28} {title}")
        return
    path = example_path(name)
    if path is None:
        names = example_names()
        raise InputError("name", f"no bundled example {name!r}; valid choices: {', '.join(names)}", names)
    typer.echo(path.read_text(encoding="utf-8"), nl=False)
