"""What every web page shares: the options in the query string, the compiled record for them, the
one template environment, and the layout helpers the templates draw with."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from foederis.engine.compile import Compiled
from foederis.interfaces.http.deps import compiled_for
from foederis.interfaces.templating import ENV
from foederis.questions.inputs import InputError, parse_date, parse_options
from foederis.record.codes import is_state
from foederis.rules.options import DEFAULT_OPTIONS, Options, choices, describe_options
from foederis.rules.registry import INSTRUMENTS

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(env=ENV)  # the one environment, shared with the reports

STATUS_LABEL = {
    "none": "no status",
    "signatory": "signatory",
    "consented": "consented (not yet in force)",
    "party": "party",
    "withdrawal_pending": "withdrawal pending",
    "withdrawn": "withdrawn",
    "suspended": "suspended",
    "terminated": "terminated",
}
VERDICT = {
    "prohibited": ("✗", "prohibited"),
    "permitted": ("✓", "permitted"),
    "permitted_with_limits": ("◐", "with limits"),
    "contested": ("?", "contested"),
}


class OptionError(InputError):
    """A page's query string gives an interpretation option a value that is not one of its choices."""


def _options(request: Request) -> Options:
    """The interpretation options in the page's query string (the others at their defaults)."""
    try:
        return parse_options(request.query_params)
    except InputError as exc:
        raise OptionError(exc.field, exc.message, exc.choices) from None


def record_for(request: Request, known_on: date | None = None) -> Compiled:
    """The compiled record under the page's options (as known on a day, if given)."""
    return compiled_for(_options(request), known_on)


def known_on_param(request: Request) -> date | None:
    """The `known_on` query parameter (the record as it stood on that day), or None."""
    text = query_param(request, "known_on")
    return parse_date(text, "known_on") if text else None


def render_page(
    request: Request,
    template: str,
    status_code: int = 200,
    *,
    options: Options | None = None,
    takes_options: bool = True,
    **ctx: Any,
) -> HTMLResponse:
    """Render `template`; a page that `takes_options` shows the options in force and keeps them in
    its links and forms (a scenario page runs under its file's options instead)."""
    options = options or (_options(request) if takes_options else DEFAULT_OPTIONS)
    c = compiled_for(options)
    changed = {k: v for k, v in options.model_dump().items() if v != getattr(DEFAULT_OPTIONS, k)}
    base = {
        "instruments": INSTRUMENTS,
        "state_names": sorted((c.record.states.name(s), s) for s in c.states if is_state(s)),
        "status_label": STATUS_LABEL,
        "today": date.today().isoformat(),
        "options": describe_options(options) if takes_options else {},
        "option_choices": {name: choices(name) for name in Options.model_fields},
        "options_changed": changed if takes_options else {},
        "options_query": urlencode(changed) if takes_options else "",
    }
    return templates.TemplateResponse(request, template, {**base, **ctx}, status_code=status_code)


def query_param(request: Request, key: str, default: str = "") -> str:
    return request.query_params.get(key, default)[:200]


def timeline_rows(tl: Any) -> tuple[list[dict[str, Any]], int, int]:
    """The timeline as bars per instrument, as percentages of the span from first start to today+5y."""
    starts = [iv.start for iv in tl.intervals]
    lo = min(starts).year if starts else 1949
    hi = max([date.today().year + 5, *[iv.end.year + 1 for iv in tl.intervals if iv.end]])
    span = (date(hi, 1, 1) - date(lo, 1, 1)).days
    rows: dict[str, list[dict[str, Any]]] = {}
    for k, iv in enumerate(tl.intervals):
        end = iv.end or date(hi, 1, 1)
        rows.setdefault(iv.instrument, []).append(
            {
                "left": 100 * (iv.start - date(lo, 1, 1)).days / span,
                "width": max(100 * (end - iv.start).days / span, 0.4),
                "status": iv.status,
                "start": iv.start,
                "end": iv.end,
                "index": k,
            }
        )
    return [{"instrument": i, "bars": b} for i, b in rows.items()], lo, hi


def year_ticks(lo: int, hi: int, most: int = 9) -> list[dict[str, Any]]:
    """Round years along the chart's span (every 5, 10 or 20 years), as percentages from the left."""
    span = (date(hi, 1, 1) - date(lo, 1, 1)).days or 1
    step = next(s for s in (5, 10, 20, 25, 50) if (hi - lo) / s <= most)
    first = -(-lo // step) * step
    return [
        {"year": y, "left": 100 * (date(y, 1, 1) - date(lo, 1, 1)).days / span}
        for y in range(first, hi + 1, step)
    ]


def provisions_by_article(provisions: Any) -> dict[str, dict[str, list[Any]]]:
    """Provisions grouped by instrument, then by article (`ccm/art_20__para_3` is in `ccm/art_20`)."""
    out: dict[str, dict[str, list[Any]]] = {}
    for p in sorted(provisions, key=lambda p: _natural(p.id)):
        article = p.id.split("__", 1)[0]
        out.setdefault(p.instrument, {}).setdefault(article, []).append(p)
    return out


def _natural(pid: str) -> list[Any]:
    """Sort key that puts art_2 before art_10."""
    import re

    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", pid)]


def member_counts(c: Any, instrument: str) -> list[tuple[date, int]]:
    """How many states are bound on the first day of every month, from the first recorded event to
    two years from now (one vectorised lookup)."""
    import numpy as np

    from foederis.engine.compile import day_number
    from foederis.engine.lookup import lookup

    events = c.record.events_for(instrument)
    if not events:
        return []
    first, last = min(e.date for e in events), date(date.today().year + 2, 1, 1)
    months = [date(y, m, 1) for y in range(first.year, last.year + 1) for m in range(1, 13)]
    months = [d for d in months if date(first.year, first.month, 1) <= d <= last]
    days = np.array([day_number(d) for d in months], np.int64)
    res = lookup(c, np.arange(len(c.states))[:, None], c.instrument_index[instrument], days[None, :])
    return list(zip(months, res.bound.sum(axis=0).tolist(), strict=True))


def count_chart(counts: list[tuple[date, int]], width: int = 900, height: int = 180) -> dict[str, Any]:
    """Points and axis ticks for the member-count line chart (drawn as inline SVG by the template)."""
    if not counts:
        return {"points": "", "ticks": [], "ymax": 0, "width": width, "height": height}
    top = max(n for _, n in counts) or 1
    first, last = counts[0][0], counts[-1][0]
    span = (last - first).days or 1

    def x(d: date) -> float:
        return 40 + (width - 50) * (d - first).days / span

    def y(n: int) -> float:
        return height - 25 - (height - 40) * n / top

    points = " ".join(f"{x(d):.1f},{y(n):.1f}" for d, n in counts)
    ticks = [
        {"x": x(date(t["year"], 1, 1)), "year": t["year"]}
        for t in year_ticks(first.year, last.year)
        if date(t["year"], 1, 1) >= first
    ]
    return {
        "points": points,
        "ticks": ticks,
        "ymax": top,
        "ytop": y(top),
        "ybottom": y(0),
        "width": width,
        "height": height,
        "last": counts[-1],
    }


def alliance_of_registry() -> str:
    """The registry's alliance instrument (the pages name none)."""
    return next(i for i, spec in INSTRUMENTS.items() if spec.role == "alliance")


def accession_bars(ans: Any) -> dict[str, Any]:
    """Each ally's span from the protocol's signature to its ratification (or to the day asked, for
    a holdout), as percentages of the whole span, longest last: who was last, and for how long."""
    start = ans.protocol_signed
    if start is None:
        return {"rows": [], "start": None, "end": None}

    def done_by_then(a: Any) -> date | None:  # a deposit after the day asked is not known yet
        d = a.deposited or a.ratified_by
        return d if d is not None and d <= ans.date else None

    end = ans.date
    span = max((end - start).days, 1)
    rows = []
    for a in ans.allies:
        done = done_by_then(a)
        stop = done or ans.date
        rows.append(
            {
                "ally": a.ally,
                "name": a.name,
                "state": a.state,
                "width": max(100 * (stop - start).days / span, 0.6),
                "days": (stop - start).days,
                "done": done,
                "exact": done is not None and done == a.deposited,
            }
        )
    rows.sort(key=lambda r: (r["state"] == "not_ratified", r["days"]))
    return {"rows": rows, "start": start, "end": end}
