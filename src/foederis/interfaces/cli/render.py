"""Rich renderings of answers for the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

console = Console()

STATUS_STYLE = {
    "party": "bold green",
    "withdrawal_pending": "bold yellow",
    "suspended": "bold magenta",
    "consented": "cyan",
    "signatory": "blue",
    "withdrawn": "bold red",
    "terminated": "red",
    "none": "dim",
}


def status_text(status: str) -> Text:
    return Text(status, style=STATUS_STYLE.get(status, ""))


def reasons_table(reasons: list[Any]) -> Table:
    table = Table(show_header=True, header_style="bold", expand=True, show_lines=True)
    table.add_column("provision", no_wrap=True, min_width=22)
    table.add_column("why", ratio=4)
    table.add_column("recorded events (sources)", ratio=3)
    for r in reasons:
        events = "\n".join(
            f"{e.action} {e.state} {e.date}"
            + ("" if e.status == "sourced" else f" [{e.status.upper()}]")
            + f"\n  {e.source}"
            for e in r.events
        )
        why = r.summary
        if r.text:
            why += f"\n[dim]\u201c{_short(r.text)}\u201d[/dim]"
        table.add_row(r.provision or "(record)", why, events)
    return table


def _short(text: str, n: int = 300) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def render_status(ans: Any) -> None:
    head = Text.assemble(
        (f"{ans.state_name} ({ans.state})", "bold"),
        " \u00b7 ",
        (ans.instrument, "bold"),
        " \u00b7 ",
        str(ans.date),
        "\n",
        "status: ",
        status_text(ans.status),
        "   bound: ",
        ("yes" if ans.bound else "no", "bold green" if ans.bound else "bold red"),
        f"   since: {ans.since or '-'}   until: {ans.until or 'open'}",
    )
    console.print(Panel(head, expand=False))
    console.print(reasons_table(ans.reasons))
    console.print(options_line(ans.options))


def options_line(options: dict[str, Any]) -> Text:
    return Text("options: " + ", ".join(f"{k}={v['value']}" for k, v in options.items()), style="dim")


def render_members(ans: Any) -> None:
    table = Table(title=f"{ans.instrument}: {ans.count} states bound on {ans.date}")
    table.add_column("ISO3")
    table.add_column("state")
    for iso3 in ans.parties:
        table.add_row(iso3, ans.names[iso3])
    console.print(table)


def render_timeline(ans: Any) -> None:
    table = Table(title=f"{ans.state_name} ({ans.state})", show_lines=True, expand=True)
    table.add_column("instrument", no_wrap=True)
    table.add_column("from", no_wrap=True)
    table.add_column("until", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("bound", no_wrap=True)
    table.add_column("reasons")
    for iv in ans.intervals:
        why = "\n".join(f"{r.provision or '(record)'}: {r.summary}" for r in iv.reasons)
        table.add_row(
            iv.instrument,
            str(iv.start),
            str(iv.end or "open"),
            status_text(iv.status),
            "yes" if iv.bound else "no",
            why,
        )
    if not ans.intervals:
        under = ", ".join(ans.instruments) or "any instrument"
        console.print(f"{ans.state_name} ({ans.state}): no recorded act under {under}.")
        return
    console.print(table)


def render_explain(ans: Any) -> None:
    console.print(Text(ans.prose[0], style="bold"))
    for line in ans.prose[1:]:
        console.print(Text(line), soft_wrap=False)
        console.print()


def render_datacheck(rep: Any) -> None:
    table = Table(title=f"record {rep.digest}: events per instrument and action")
    table.add_column("instrument")
    table.add_column("bound today", justify="right")
    table.add_column("events by action")
    for inst, counts in rep.counts.items():
        table.add_row(
            inst,
            str(rep.parties_today.get(inst, 0)),
            ", ".join(f"{a} {n}" for a, n in sorted(counts.items())),
        )
    console.print(table)
    console.print(
        f"cross-checks: {rep.checks} recorded dates compared with the rules: {rep.independent} "
        f"independent, {len(rep.dependent)} not independent; {len(rep.disagreements)} independent "
        "ones disagree."
    )
    by_why: dict[str, int] = {}
    for d in rep.dependent:
        if d.kind == "rule":
            by_why[d.why] = by_why.get(d.why, 0) + 1
        else:
            console.print(f"  [yellow]NOT INDEPENDENT[/yellow] {d.instrument} {d.state} {d.what}: {d.why}")
    for why, n in by_why.items():
        console.print(f"  [yellow]NOT INDEPENDENT[/yellow] {n} checks: {why}")
    for d in rep.disagreements:
        console.print(
            f"  [red]DISAGREES[/red] {d.instrument} {d.state} {d.what}: recorded "
            f"{d.recorded}, rule {d.computed} ({d.ref})"
        )
    console.print(
        "curated rows per source kind: " + ", ".join(f"{k} {n}" for k, n in rep.source_kinds.items())
    )
    console.print(
        "conflict periods: " + ", ".join(f"{k} {n}" for k, n in sorted(rep.conflict_sources.items()))
    )
    console.print(f"facts resting only on 'other' or on a single non-primary source: {len(rep.weak)}")
    for w in rep.weak:
        console.print(f"  [WEAK] {w.what} ({w.ref}; {', '.join(w.kinds)})")
    console.print(f"derived facts: {len(rep.derived)}; unverified facts: {len(rep.unverified)}")
    for e in rep.derived + rep.unverified:
        console.print(f"  [{e.status.upper()}] {e.instrument} {e.state} {e.action} {e.date} ({e.ref})")
    if rep.missing_texts:
        console.print(
            "provisions cited by rules whose text is not in the record: " + ", ".join(rep.missing_texts)
        )
    for n in rep.notes:
        console.print(f"note: {n}")
    for e in rep.errors:
        console.print(f"[red]error:[/red] {e}")
    console.print("[bold green]clean[/bold green]" if rep.ok else "[bold red]problems found[/bold red]")
