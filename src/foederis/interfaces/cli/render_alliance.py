"""Rich renderings of the alliance answers (accession, exclusion, history, presence)."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlparse

from rich.markup import escape
from rich.table import Table
from rich.text import Text

from foederis.interfaces.cli.render import console, options_line, reasons_table


def host(source: str) -> str:
    """The site of the first URL a source names (the full source is in the --json answer)."""
    match = re.search(r"https?://\S+", source)
    if not match:
        return source[:40] or "no source"
    return urlparse(match.group(0)).netloc.removeprefix("www.")


STATE_STYLE = {"ratified": "green", "not_ratified": "bold red", "unknown": "yellow"}


def render_accession(ans: Any) -> None:
    console.print(
        Text.assemble(
            (f"{ans.state_name} ({ans.state})", "bold"),
            " \u00b7 accession \u00b7 ",
            str(ans.date),
            "\nstage: ",
            (ans.stage, "bold"),
            f"   protocol: {ans.protocol or '-'}",
        )
    )
    if ans.protocol:
        eif = ans.entry_into_force
        when = "-" if not eif or not eif.date else f"{eif.date}" + ("" if eif.exact else " (no later than)")
        console.print(
            f"signed {ans.protocol_signed or '-'} \u00b7 in force {when} \u00b7 "
            f"member since {ans.member_since or '-'}"
        )
        console.print(
            f"ratified {len(ans.ratified)} \u00b7 not ratified {len(ans.not_ratified)} \u00b7 "
            f"unknown {len(ans.unknown)}"
        )
    if ans.allies:
        table = Table(show_header=True, header_style="bold", expand=True)
        table.add_column("ally", no_wrap=True)
        table.add_column("state", no_wrap=True)
        table.add_column("deposit / by", no_wrap=True)
        table.add_column("holding out", no_wrap=True)
        table.add_column("source (site)", overflow="fold")
        for a in ans.allies:
            dep = str(a.deposited) if a.deposited else (f"by {a.ratified_by}" if a.ratified_by else "-")
            hold = f"since {a.holding_out_since} ({a.days_holding_out} d)" if a.holding_out_since else ""
            src = host(a.events[0].source if a.events else a.steps[0].source if a.steps else "")
            table.add_row(a.ally, Text(a.state, style=STATE_STYLE.get(a.state, "")), dep, hold, escape(src))
        console.print(table)
    console.print(reasons_table(ans.reasons))
    if ans.practice:
        console.print(
            f"[bold]Consensus[/bold] ({escape(ans.practice.statement)}): "
            f"\u201c{escape(ans.practice.quote)}\u201d {escape(ans.practice.source)}"
        )
    console.print(options_line(ans.options))


def _quoted(reasons: list[Any]) -> None:
    for r in reasons:
        text = r.text if r.text else "[text not in the record]"
        console.print(f"  [bold]{escape(r.provision or '')}[/bold] {escape(text)}")


def render_exclusion(ans: Any) -> None:
    console.print(Text(ans.title, style="bold"))
    console.print(escape(ans.finding))
    console.print("[bold]Leaving by choice[/bold]")
    _quoted(ans.leaving)
    if ans.compliance:
        console.print("[bold]Compliance articles[/bold]")
        _quoted(ans.compliance)
    for route in ans.vclt_routes:
        console.print(f"[bold]{escape(route.label)}[/bold] (who must agree: {escape(route.who_must_agree)})")
        _quoted(route.provisions + route.conditions)
    console.print("[bold]Procedure (VCLT Arts. 65-68)[/bold]")
    _quoted(ans.procedure)
    for caveat in ans.caveats[:1]:
        console.print(f"[dim]{escape(caveat)}[/dim]")


def render_history(ans: Any) -> None:
    table = Table(show_header=True, header_style="bold", expand=True)
    table.add_column("art.", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("what", no_wrap=True)
    table.add_column("Allies", overflow="fold")
    table.add_column("source (site)", overflow="fold")
    for o in ans.occasions:
        what = {"art4_consultation_request": "request", "art5_invocation": "invoked"}.get(o.kind, "confirmed")
        table.add_row(str(o.article), str(o.date), what, " ".join(o.states), escape(host(o.events[0].source)))
    console.print(table)
    console.print(" \u00b7 ".join(f"{k}: {v}" for k, v in ans.counts.items()))
    if ans.obligation:
        ob = ans.obligation
        console.print(
            f"[bold]{escape(ob.provision)}[/bold]: each Party \u201c{escape(ob.duty)}\u201d "
            f"\u201c{escape(ob.means)}\u201d."
        )
        console.print(escape(ob.reading))
    console.print(f"[dim]{escape(ans.note)}[/dim]")


def render_presence(ans: Any) -> None:
    console.print(Text.assemble(("Allied forces hosted", "bold"), f" \u00b7 {ans.date}"))
    console.print(f"[bold]tier rule {escape(ans.rule.id)}[/bold]: {escape(ans.rule.description)}")
    table = Table(show_header=True, header_style="bold", expand=True)
    table.add_column("ally", no_wrap=True)
    table.add_column("tier", no_wrap=True)
    table.add_column("forces (lead, kind, since)", overflow="fold")
    for a in ans.allies:
        lines = [
            f"{f.force} ({f.lead}, {f.kind}, since {f.start_as_given}) [{host(f.source)}]" for f in a.forces
        ]
        lines += [
            f"[uncertain] {f.force} ({f.lead}, since {f.start_as_given or 'start not looked up'})"
            f" [{host(f.source)}]"
            for f in a.uncertain
        ]
        table.add_row(a.state, str(a.tier), escape("\n".join(lines) or "none recorded"))
    console.print(table)
    console.print(" \u00b7 ".join(f"{k}: {v}" for k, v in ans.counts.items()))
    console.print(f"[dim]{escape(ans.note)}[/dim]")


def render_commitments(ans: Any) -> None:
    for cm in ans.commitments:
        console.print(
            f"[bold]{escape(cm.title)}[/bold] ({cm.date}) \u00b7 {escape(cm.standing)} \u00b7 bound: no"
        )
        _quoted(cm.clauses)
        console.print(f"  [dim]{escape(host(cm.source))}[/dim]")


def render_deployments(ans: Any) -> None:
    console.print(Text.assemble((ans.commitment, "bold"), f" \u00b7 {ans.date} \u00b7 cut-off {ans.cutoff}"))
    console.print(escape(ans.rule))
    table = Table(show_header=True, header_style="bold", expand=True)
    table.add_column("ally", no_wrap=True)
    table.add_column("joined", no_wrap=True)
    table.add_column("allied forces present (lead, since)", overflow="fold")
    for h in ans.hosts:
        lines = [f"{f.force} ({f.lead}, {f.start_as_given})" for f in h.forces]
        lines += [f"[uncertain] {f.force} ({f.lead}, {f.start_as_given or '?'})" for f in h.uncertain]
        table.add_row(h.state, str(h.joined or "-"), escape("\n".join(lines)))
    console.print(table)
    console.print(f"would restrict: {' '.join(ans.restricted) or 'none'}")
    for caveat in ans.caveats:
        console.print(f"[dim]{escape(caveat)}[/dim]")
