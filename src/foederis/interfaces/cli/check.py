"""`foederis check FILE`: the claims of an article, each judged against the record."""

from __future__ import annotations

from typing import Annotated

import typer

from foederis.interfaces.cli.app import app, compiled, emit_json, epilog, fail, handles_input_errors
from foederis.interfaces.cli.options import takes_options
from foederis.questions.inputs import parse_date


@app.command(epilog=epilog("foederis check article.md --as-of 2025-03-06 --report r.html", choices=()))
@takes_options
@handles_input_errors
def check(
    file: Annotated[str, typer.Argument(help="A plain-text or Markdown article (UTF-8); '-' for stdin.")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Judge as of this day (YYYY-MM-DD).")] = None,
    known_on: Annotated[
        str | None,
        typer.Option(
            "--known-on",
            help="Judge against the record as it stood on this day (YYYY-MM-DD, or 'article' for the "
            "article's date); each claim says if facts known later change it.",
        ),
    ] = None,
    json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout, nothing else.")] = False,
    report: Annotated[
        str | None, typer.Option("--report", help="Also write a self-contained HTML page.")
    ] = None,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when a claim is contradicted or partly true.")
    ] = False,
) -> None:
    """Find membership, status, count, date, quote and provision claims in an article and judge each.

    Exits 1 when any claim is contradicted or partly true (as a linter does), 0 otherwise.
    """
    from foederis.claims.check import check as ask
    from foederis.claims.text import ArticleError, read_path

    day = parse_date(as_of, "--as-of") if as_of else None
    try:
        text = read_path(file)
    except ArticleError as exc:
        fail(str(exc), field="file")
    if known_on is None:
        ans = ask(compiled(), text, day)
    else:
        from foederis.claims.check import check_as_known, known_on_day

        then_day = known_on_day(text, known_on)
        now = compiled()
        ans = check_as_known(compiled(str(then_day)), now, text, day) if then_day else ask(now, text, day)
    if report:
        from pathlib import Path

        from foederis.interfaces.reports.claim_check import report_html

        try:
            Path(report).write_text(report_html(ans), encoding="utf-8")
        except OSError as exc:
            fail(f"--report: cannot write {report!r}: {exc.strerror}", field="report")
    if json:
        emit_json(ans)
    else:
        from foederis.interfaces.reports.claim_check import render_terminal

        render_terminal(ans)
        if ans.known_on is not None:
            print(f"judged as the record stood on {ans.known_on}")
            for claim in ans.claims:
                if claim.changed_later:
                    print(f"  {claim.text.strip()[:60]!r}: {claim.changed_later}")
    if not exit_zero and (ans.summary["contradicted"] or ans.summary["partly"]):
        raise typer.Exit(1)
