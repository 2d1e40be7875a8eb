"""What-if commands: withdrawal, free-by, may, matrix."""

from __future__ import annotations

from typing import Annotated

import typer

from foederis.interfaces.cli.app import CommandFailed, app, compiled, emit_json, epilog, handles_input_errors
from foederis.interfaces.cli.core import JsonFlag, KnownOnOption, OnOption
from foederis.interfaces.cli.options import takes_options
from foederis.questions.inputs import parse_date, parse_instrument, parse_state


@app.command(epilog=epilog("foederis withdrawal NOR ccm --notice 2026-12-01 --conflict 2027-05-01.."))
@takes_options
@handles_input_errors
def withdrawal(
    state: str,
    instrument: str,
    notice: Annotated[str, typer.Option("--notice", help="Day the notice is received (YYYY-MM-DD).")],
    conflict: Annotated[
        list[str] | None,
        typer.Option(
            "--conflict", help="Assumed armed conflict START..END or START.. (ongoing); repeatable."
        ),
    ] = None,
    known_on: KnownOnOption = None,
    json: JsonFlag = False,
) -> None:
    """If STATE gives notice on a day, when does its withdrawal from INSTRUMENT take effect?"""
    from foederis.questions.withdrawal import parse_conflict, withdrawal_whatif

    c = compiled(known_on)
    ans = withdrawal_whatif(
        c,
        parse_state(c.record.states, state),
        parse_instrument(instrument),
        parse_date(notice, "notice"),
        [parse_conflict(t) for t in conflict or []],
    )
    if json:
        emit_json(ans)
        return
    from foederis.interfaces.cli.render import console, options_line, reasons_table

    style = {"effective": "bold green", "pending": "bold yellow", "not_permitted": "bold red"}[ans.outcome]
    line = f"[{style}]{ans.outcome}[/{style}]"
    if ans.effective:
        line += f": takes effect on [bold]{ans.effective}[/bold]"
    elif ans.pending_until:
        line += f": frozen until {ans.pending_until}"
    console.print(f"{ans.state} · {ans.instrument} · notice {ans.notice} → {line}")
    console.print(reasons_table(ans.reasons))
    console.print(options_line(ans.options))


@app.command("free-by", epilog=epilog("foederis free-by NOR ccm --by 2027-12-01"))
@takes_options
@handles_input_errors
def free_by(
    state: str,
    instrument: str,
    by: Annotated[str, typer.Option("--by", help="Day by which the state wants to be free (YYYY-MM-DD).")],
    on: Annotated[
        str | None, typer.Option("--on", help="Ask as on this day (YYYY-MM-DD); default today.")
    ] = None,
    known_on: KnownOnOption = None,
    json: JsonFlag = False,
) -> None:
    """The latest notice day that frees STATE from INSTRUMENT by a day, and on what condition."""
    from foederis.questions.freeby import free_by as ask

    c = compiled(known_on)
    ans = ask(
        c,
        parse_state(c.record.states, state),
        parse_instrument(instrument),
        parse_date(by, "by"),
        parse_date(on, "on"),
    )
    if json:
        emit_json(ans)
        return
    from foederis.interfaces.cli.render import console, reasons_table

    if ans.latest_notice:
        console.print(
            f"Latest notice: [bold]{ans.latest_notice}[/bold] (takes effect {ans.effective}), "
            f"on condition: {ans.condition}."
        )
        if ans.condition_met_in_record is False:
            console.print("[bold yellow]The record shows such a conflict on that day[/]: see the reasons.")
        if ans.notice_in_past:
            later = (
                f" A notice given then takes effect on [bold]{ans.earliest_free}[/bold]."
                if ans.earliest_free
                else ""
            )
            console.print(f"[bold red]That day is before {ans.as_of}[/]: too late.{later}")
    else:
        console.print("[bold red]No notice can free the state[/bold red]: see the reasons.")
    console.print(reasons_table(ans.reasons))


@app.command(
    epilog=epilog(
        "foederis may DEU use cluster_munitions --on 2023-07-15",
        "foederis may DEU permit_transit cluster_munitions --with USA --on 2023-07-15 --assist-reading broad",
        choices=("activities", "weapons"),
    )
)
@takes_options
@handles_input_errors
def may(
    state: str,
    activity: str,
    weapon: str,
    on: OnOption = None,
    with_: Annotated[
        str | None,
        typer.Option(
            "--with", help="The partner (a non-party ally) for transit, stockpiles, joint operations."
        ),
    ] = None,
    known_on: KnownOnOption = None,
    json: JsonFlag = False,
) -> None:
    """May STATE do ACTIVITY (use, transfer, permit_transit, ...) with WEAPON on a day?"""
    from foederis.questions.obligations import may as ask
    from foederis.questions.obligations import parse_activity, parse_weapon

    c = compiled(known_on)
    states = c.record.states
    ans = ask(
        c,
        parse_state(states, state),
        parse_activity(activity),
        parse_weapon(weapon),
        parse_date(on),
        parse_state(states, with_, "with") if with_ else None,
    )
    if json:
        emit_json(ans)
        return
    from foederis.interfaces.cli.render import console, options_line, reasons_table

    style = {
        "prohibited": "bold red",
        "permitted": "bold green",
        "permitted_with_limits": "bold yellow",
        "contested": "bold magenta",
    }
    partner = f" with {ans.ally}" if ans.ally else ""
    console.print(
        f"{ans.state_name} ({ans.state}) · {ans.activity} {ans.weapon}{partner} · {ans.date}: "
        f"[{style[ans.verdict]}]{ans.verdict}[/]"
    )
    if ans.reading:
        view = ans.declared.view if ans.declared else "none recorded"
        console.print(f"reading: {ans.reading} · declared view: {view}")
    console.print(reasons_table(ans.reasons))
    console.print(options_line(ans.options))


@app.command(
    epilog=epilog(
        "foederis matrix --weapon cluster_munitions --on 2025-03-06 --reasons",
        "foederis matrix --all-weapons --on 2026-12-01 --out map.png",
        choices=("weapons", "activities"),
    )
)
@takes_options
@handles_input_errors
def matrix(
    weapon: Annotated[
        str | None, typer.Option("--weapon", help="One weapon (see the list below); or --all-weapons.")
    ] = None,
    all_weapons: Annotated[
        bool, typer.Option("--all-weapons", help="Every weapon the record's treaties ban, one column each.")
    ] = False,
    alliance: Annotated[str, typer.Option("--alliance", help="The alliance (nato).")] = "nato",
    on: OnOption = None,
    out: Annotated[
        str | None, typer.Option("--out", help="Also write the matrix as PNG, SVG or PDF.")
    ] = None,
    reasons: Annotated[bool, typer.Option("--reasons", help="List the reasons behind every cell.")] = False,
    known_on: KnownOnOption = None,
    json: JsonFlag = False,
) -> None:
    """Every ally on a day × every activity with a weapon: prohibited, permitted, or with limits.
    With --all-weapons, every ally × every weapon: the strictest verdict over its activities."""
    from foederis.interfaces.charts.matrix import write_matrix_image
    from foederis.questions.matrix import matrix as ask
    from foederis.questions.matrix import parse_alliance
    from foederis.questions.obligations import ACTIVITIES, ALL_ACTIVITIES, ISSUES, WEAPONS, parse_weapon
    from foederis.rules.options import DEFAULT_OPTIONS, READING_ONLY

    if all_weapons == (weapon is not None):
        raise CommandFailed(
            "weapon",
            "give one of --weapon W or --all-weapons" + (", not both" if all_weapons else ""),
            choices=[*WEAPONS, "--all-weapons"],
        )
    c = compiled(known_on)
    if all_weapons:
        from foederis.interfaces.cli.render_weapons import print_weapons_map

        print_weapons_map(c, parse_alliance(alliance), parse_date(on), out, reasons, json)
        return
    ans = ask(c, parse_alliance(alliance), parse_weapon(weapon or ""), parse_date(on))
    if out:
        write_matrix_image(ans, out)
    if json:
        emit_json(ans)
        return
    from rich.table import Table

    from foederis.interfaces.cli.render import console

    default_reading = ", ".join(str(getattr(DEFAULT_OPTIONS, k)) for k in sorted(READING_ONLY))
    mark = {
        "prohibited": "[red]✗[/]",
        "permitted": "[green]✓[/]",
        "permitted_with_limits": "[yellow]◐[/]",
        "contested": "[magenta]?[/]",
    }
    title = f"{ans.alliance} · {ans.weapon} · {ans.date} ({len(ans.rows)} allies)"
    table = Table(title=title)
    table.add_column("state")
    for a in ACTIVITIES:
        table.add_column(a)
    reading = ", ".join(ans.options[k]["value"] for k in sorted(READING_ONLY))
    interop = Table(title=f"interoperability · reading: {reading}")
    interop.add_column("state")
    for a in ISSUES:
        interop.add_column(a.replace("_", " "))
    for row in ans.rows:
        table.add_row(row.state, *(mark[row.activities[a]] for a in ACTIVITIES))
        interop.add_row(row.state, *(mark[row.activities[a]] for a in ISSUES))
    console.print(table)
    console.print(interop)
    console.print(
        "✗ prohibited: an instrument binding the state forbids it\n"
        "✓ permitted: no instrument in the record that binds the state forbids it\n"
        "◐ permitted with limits: allowed by an exception, within its limits (see --reasons)\n"
        f"? contested: the state has no recorded declared view (reading: {default_reading})"
    )
    console.print(f"free to use: {', '.join(ans.free['use']) or 'none'}")
    if reasons:
        from foederis.interfaces.cli.render import reasons_table

        for row in ans.rows:
            for a in ALL_ACTIVITIES:
                verdict = row.activities[a].replace("_", " ")
                console.print(f"\n[bold]{row.state_name} ({row.state}) · {a}: {verdict}[/bold]")
                console.print(reasons_table(row.reasons[a]))
    if out:
        console.print(f"image written to {out}")


@app.command(
    "fault-lines",
    epilog=epilog(
        "foederis fault-lines --weapon cluster_munitions --on 2025-01-01",
        "foederis fault-lines --weapon cluster_munitions --issue invest --json",
        choices=("weapons",),
    ),
)
@takes_options
@handles_input_errors
def fault_lines(
    weapon: Annotated[str, typer.Option("--weapon", help="cluster_munitions | anti_personnel_mines")],
    alliance: Annotated[str, typer.Option("--alliance", help="The alliance (nato).")] = "nato",
    issue: Annotated[
        str | None,
        typer.Option(
            "--issue",
            help="permit_transit | host_foreign_stockpile | joint_operations | invest (default: all)",
        ),
    ] = None,
    on: OnOption = None,
    json: JsonFlag = False,
) -> None:
    """Allies bound by the ban whose declared views conflict on transit, foreign stockpiles,
    joint operations and investment: the interoperability fault lines of the alliance."""
    from foederis.questions.faultlines import fault_lines as ask
    from foederis.questions.faultlines import parse_issue
    from foederis.questions.matrix import parse_alliance
    from foederis.questions.obligations import parse_weapon

    c = compiled()
    ans = ask(
        c,
        parse_alliance(alliance),
        parse_weapon(weapon),
        parse_date(on),
        parse_issue(issue) if issue else None,
    )
    if json:
        emit_json(ans)
        return
    from foederis.interfaces.cli.render import console

    console.print(
        f"[bold]{ans.alliance} · {ans.weapon} ({ans.instrument}) · {ans.date}[/bold]: "
        f"{len(ans.allies_bound)} allies bound, {len(ans.allies_not_bound)} not"
    )
    for line in ans.issues:
        head = "[bold red]fault line[/]" if line.conflict else "no conflict recorded"
        console.print(f"\n[bold]{line.issue}[/bold] — {head}")
        for label, states in (
            ("prohibited", line.prohibited),
            ("permitted", line.permitted),
            ("declared no view", line.no_view),
            ("no view recorded", line.not_recorded),
        ):
            console.print(f"  {label}: {', '.join(states) or 'none'}", soft_wrap=False)
        for d in line.declared:
            console.print(f"    {d.state} {d.view} ({d.basis or 'basis not stated'}): {d.source_url}")
