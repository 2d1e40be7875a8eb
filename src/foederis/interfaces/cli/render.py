"""Rich renderings of answers for the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from foederis.rules.registry import INSTRUMENTS

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
    """A status in its colour; accepts the id (`withdrawal_pending`) or its words, padded or not."""
    key = status.strip().replace(" ", "_")
    return Text(status, style=STATUS_STYLE.get(key, ""))


def reasons_table(reasons: list[Any]) -> Group:
    """The reasons as wrapped prose, one block each: the whole provision id and heading, what the
    rule found, the quoted text, and each event with its full source (never cut to a column)."""
    blocks: list[Any] = []
    missing: list[str] = []
    for r in reasons:
        head = Text(r.provision or "(record fact)", style="bold")
        if getattr(r, "heading", None):
            head.append(f"  {r.heading}", style="dim")
        blocks.append(head)
        blocks.append(Padding(Text(r.summary), (0, 0, 0, 2)))
        if r.text:
            blocks.append(Padding(Text(f"\u201c{_short(r.text)}\u201d", style="dim italic"), (0, 0, 0, 2)))
        elif r.provision and not getattr(r, "text_in_record", True):
            missing.append(r.provision)
        for e in r.events:
            tag = "" if e.status == "sourced" else f" [{e.status.upper()}]"
            line = Text(f"{e.action} {e.state} {e.date}{tag}", style="cyan")
            blocks.append(Padding(line, (0, 0, 0, 2)))
            blocks.append(Padding(Text(f"source: {e.source}", overflow="fold"), (0, 0, 0, 4)))
    if missing:
        ids = ", ".join(dict.fromkeys(missing))
        blocks.append(Text(f"Text not in the record for: {ids} (the answer does not quote it).", style="dim"))
    return Group(*blocks)


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
    if ans.coverage is not None and ans.coverage.statement:
        console.print(Text(ans.coverage.statement, style="yellow"))


def timeline_view(ans: Any) -> Group:
    """Each instrument's intervals, one line each, with its new reasons wrapped beneath it; a reason
    the interval shares with the one before is not printed again."""
    if not ans.intervals:
        under = ", ".join(ans.instruments) or "any instrument"
        return Group(Text(f"{ans.state_name} ({ans.state}): no recorded act under {under}."))
    out: list[Any] = [
        Text(f"{ans.state_name} ({ans.state}): {len(ans.intervals)} status intervals", style="bold"),
        Text('"until" is exclusive: the first day on which the status no longer holds.', style="dim"),
    ]
    previous: dict[str, set[tuple[str | None, str]]] = {}
    for iv in ans.intervals:
        seen = previous.setdefault(iv.instrument, set())
        if not seen:
            title = INSTRUMENTS[iv.instrument].short if iv.instrument in INSTRUMENTS else ""
            out.append(Text.assemble("\n", (iv.instrument, "bold underline"), f"  {title}"))
        line = Text("  ")
        line.append(f"{iv.start} until {iv.end or 'open'!s:<10}  ")
        line.append_text(status_text(f"{iv.status.replace('_', ' '):<19}"))
        line.append("bound" if iv.bound else "not bound", style="bold green" if iv.bound else "dim")
        out.append(line)
        keys = {(r.provision, r.summary) for r in iv.reasons}
        for r in iv.reasons:
            if (r.provision, r.summary) in seen:
                continue
            reason = Table.grid(padding=(0, 1))
            reason.add_column(no_wrap=True)
            reason.add_column(ratio=1)
            reason.add_row(Text(r.provision or "(record)", style="bold"), Text(r.summary))
            out.append(Padding(reason, (0, 0, 0, 4)))
        previous[iv.instrument] = keys
    return Group(*out)


def render_timeline(ans: Any) -> None:
    console.print(timeline_view(ans))
    console.print(options_line(ans.options))


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
