"""`foederis matrix --all-weapons`: the allies × weapons map in the terminal (80 columns, symbols
as well as colours), as JSON, and as an image."""

from __future__ import annotations

from datetime import date

from foederis.engine.compile import Compiled

#: The mark of each verdict: a symbol that reads without colour, and its colour.
MARK = {
    "prohibited": ("✗", "red"),
    "permitted": ("✓", "green"),
    "permitted_with_limits": ("◐", "yellow"),
    "contested": ("?", "magenta"),
}
#: The terminal width the table must fit, and the widest a weapon's column header may be.
WIDTH, HEADER_WIDTH = 80, 11
LEGEND = {
    "prohibited": "bound by a ban on the weapon: at least one activity is prohibited",
    "permitted_with_limits": "allowed only within an exception's limits",
    "contested": "the record holds no reading; contested",
    "permitted": "no instrument binding the ally bans the weapon",
}


def print_weapons_map(
    c: Compiled, alliance: str, day: date, out: str | None, reasons: bool, as_json: bool
) -> None:
    """Answer, then write the image if asked, then print (JSON, or the table and its legend)."""
    from foederis.interfaces.cli.app import emit_json
    from foederis.questions.weapons_map import weapons_map

    ans = weapons_map(c, alliance, day)
    if out:
        from foederis.interfaces.charts.matrix import write_weapons_map_image

        write_weapons_map_image(ans, out)
    if as_json:
        emit_json(ans)
        return
    from rich.table import Table

    from foederis.interfaces.cli.render import console, reasons_table

    table = Table(title=f"{ans.alliance} · all weapons · {ans.date}", caption=f"{len(ans.rows)} allies")
    table.add_column("ally", no_wrap=True)
    numbered = len(ans.weapons) * (HEADER_WIDTH + 3) + 8 > WIDTH  # names too wide: number the columns
    for k, w in enumerate(ans.weapons, 1):
        table.add_column(
            str(k) if numbered else w.replace("_", " "), justify="center", max_width=HEADER_WIDTH
        )
    for row in ans.rows:
        marks = (MARK[row.cells[w].verdict] for w in ans.weapons)
        table.add_row(row.state, *(f"[{colour}]{symbol}[/]" for symbol, colour in marks))
    console.print(table)
    for verdict, (symbol, _) in MARK.items():
        console.print(f"{symbol} {verdict.replace('_', ' ')}: {LEGEND[verdict]}")
    for k, w in enumerate(ans.weapons, 1):
        counts = ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in ans.counts[w].items() if n)
        label = f"{k} {w.replace('_', ' ')}" if numbered else w.replace("_", " ")
        console.print(f"{label} (banned by {', '.join(ans.banned_by[w])}): {counts}")
    if reasons:
        for row in ans.rows:
            for w in ans.weapons:
                cell = row.cells[w]
                what = f"{w.replace('_', ' ')}: {cell.verdict} ({cell.activity})"
                console.print(f"\n[bold]{row.state_name} ({row.state}) · {what}[/bold]")
                console.print(reasons_table(cell.reasons))
    if out:
        console.print(f"image written to {out}")
