"""Rendering a CheckAnswer: the article with claims highlighted (Rich terminal, self-contained HTML
page from the `claim_check.html` template)."""

from __future__ import annotations

from typing import Any

from foederis.interfaces.templating import render

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
    segments = _segments(ans)
    return render(
        "claim_check.html",
        ans=ans,
        colours=HTML_COLOURS,
        segments=segments,
        claims=[tag for _, tag in segments if tag is not None],
        describe=_ev,
    )


def _ev(e: dict[str, Any]) -> str:
    if e.get("type") == "provision":
        return f"{e['id']}: {(e.get('text') or '(no text in record)')[:400]}"
    if e.get("type") == "event":
        return f"{e['state']} {e['action']} {e['instrument']} {e['date']} — {e['source']}"
    if e.get("type") == "status":
        return f"{e['state']} {e['instrument']} on {e['date']}: {e['status']} (since {e['since']}, until {e['until']})"  # noqa: E501
    return ", ".join(f"{k}={v}" for k, v in e.items() if k != "members")
