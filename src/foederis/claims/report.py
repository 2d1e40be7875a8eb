"""Rendering a CheckAnswer: the article with claims highlighted (Rich terminal, self-contained HTML)."""

from __future__ import annotations

import html
from typing import Any

COLOURS = {"supported": "green", "contradicted": "red", "partly": "yellow", "unverifiable": "grey50"}
#: Verdict marks that read without colour (a pipe, a monochrome terminal, a screen reader).
SYMBOLS = {"supported": "✓", "contradicted": "✗", "partly": "◐", "unverifiable": "?"}
#: Terminal output is wrapped to at most this many columns.
WIDTH = 80
HTML_COLOURS = {
    "supported": "#c8f2c8",
    "contradicted": "#f7c4c4",
    "partly": "#f9e7a6",
    "unverifiable": "#dddddd",
}


def _segments(ans: Any) -> list[tuple[str, Any]]:
    """The article split into plain text and claim spans (overlaps: the earlier claim wins)."""
    out: list[tuple[str, Any]] = []
    pos = 0
    for i, cl in enumerate(sorted(ans.claims, key=lambda x: x.start)):
        if cl.start < pos:
            continue
        out.append((ans.text[pos : cl.start], None))
        out.append((ans.text[cl.start : cl.end], (i + 1, cl)))
        pos = cl.end
    out.append((ans.text[pos:], None))
    return out


def render_terminal(ans: Any) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.text import Text

    from foederis.questions.inputs import printable

    console = Console(width=min(Console().width, WIDTH))
    body = Text()
    numbered = []
    for chunk, tag in _segments(ans):
        if tag is None:
            body.append(printable(chunk))
        else:
            n, cl = tag
            body.append(printable(chunk), style=f"bold {COLOURS[cl.verdict]} underline")
            body.append(f"[{n}{SYMBOLS[cl.verdict]}]", style=COLOURS[cl.verdict])
            numbered.append((n, cl))
    console.print(body)
    console.rule(f"Claims as of {ans.as_of} ({ans.as_of_reason})")
    if ans.damaged_pair:
        pair = escape(printable(str(ans.damaged_pair)))
        console.print(
            f"[yellow]Damaged text: letter pair(s) {pair} missing throughout; "
            f"{len(ans.repairs)} repair(s).[/yellow]"
        )
    for n, cl in numbered:
        subj = escape(printable(", ".join(cl.subjects)))
        quote = escape(printable(cl.text[:100]))
        console.print(
            f"[{COLOURS[cl.verdict]}]\\[{n}] {SYMBOLS[cl.verdict]} {cl.verdict.upper()}[/] {cl.kind}"
            f"{' ' + subj if subj else ''} · {cl.instrument or '?'}: [italic]{quote}[/italic]"
        )
        for r in cl.reasons:
            console.print(f"    - {escape(printable(r))}", highlight=False)
        for r in cl.repairs:
            console.print(f"    ~ repair: {escape(printable(r['message']))}", style="cyan", highlight=False)
    s = ans.summary
    console.print(
        f"{SYMBOLS['supported']} supported {s['supported']} · {SYMBOLS['contradicted']} contradicted "
        f"{s['contradicted']} · {SYMBOLS['partly']} partly {s['partly']} · {SYMBOLS['unverifiable']} "
        f"unverifiable {s['unverifiable']}"
    )


def report_html(ans: Any) -> str:
    """One self-contained page: the article with highlights, then each claim with its evidence."""
    parts = []
    items = []
    for chunk, tag in _segments(ans):
        if tag is None:
            parts.append(html.escape(chunk))
            continue
        n, cl = tag
        parts.append(
            f'<mark class="{cl.verdict}" title="{cl.verdict}"><a href="#c{n}">{html.escape(chunk)}</a>'
            f"<sup>{n}</sup></mark>"
        )
        reasons = "".join(f"<li>{html.escape(r)}</li>" for r in cl.reasons)
        repairs = "".join(f"<li class=rep>{html.escape(r['message'])}</li>" for r in cl.repairs)
        changes = "".join(
            f"<li>stored <del>{html.escape(c['stored'])}</del> quoted <ins>{html.escape(c['quoted'])}"
            f"</ins> ({html.escape(c['provision'])})</li>"
            for c in cl.changes
        )
        ev = "".join(f"<li><code>{html.escape(_ev(e))}</code></li>" for e in cl.evidence[:12])
        items.append(
            f'<section id="c{n}" class="{cl.verdict}"><h3>[{n}] {cl.verdict} · {cl.kind} · '
            f"{html.escape(', '.join(cl.subjects))} {html.escape(cl.instrument or '')}</h3>"
            f"<blockquote>{html.escape(cl.text)}</blockquote><ul>{reasons}{changes}{repairs}</ul>"
            f"<details><summary>evidence</summary><ul>{ev}</ul></details></section>"
        )
    style = "".join(f"mark.{k},section.{k}{{background:{v}}}" for k, v in HTML_COLOURS.items())
    s = ans.summary
    return (
        "<!doctype html><html><head><meta charset=utf-8><title>foederis check</title><style>"
        "body{font-family:sans-serif;max-width:60em;margin:2em auto}pre.article{white-space:pre-wrap;"
        "font-family:serif;font-size:1.1em;line-height:1.6}section{padding:.5em 1em;margin:.5em 0}"
        f"del{{color:#900}}ins{{color:#060}}.rep{{color:#066}}{style}</style></head><body>"
        f"<h1>Claim check</h1><p>As of {ans.as_of} ({html.escape(ans.as_of_reason)}). Supported {s['supported']},"  # noqa: E501
        f" contradicted {s['contradicted']}, partly {s['partly']}, unverifiable {s['unverifiable']}."
        + (
            f" Damaged text: letter pair(s) <b>{html.escape(ans.damaged_pair)}</b> missing throughout."
            if ans.damaged_pair
            else ""
        )
        + f"</p><pre class=article>{''.join(parts)}</pre><h2>Claims</h2>{''.join(items)}</body></html>\n"
    )


def _ev(e: dict[str, Any]) -> str:
    if e.get("type") == "provision":
        return f"{e['id']}: {(e.get('text') or '(no text in record)')[:400]}"
    if e.get("type") == "event":
        return f"{e['state']} {e['action']} {e['instrument']} {e['date']} — {e['source']}"
    if e.get("type") == "status":
        return f"{e['state']} {e['instrument']} on {e['date']}: {e['status']} (since {e['since']}, until {e['until']})"  # noqa: E501
    return ", ".join(f"{k}={v}" for k, v in e.items() if k != "members")
