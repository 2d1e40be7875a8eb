"""Web page routes: parse the form, call the same question functions as the API, render a template."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from foederis.engine.compile import Compiled
from foederis.interfaces.http.deps import compiled_for
from foederis.interfaces.templating import ENV
from foederis.questions.inputs import InputError, parse_date, parse_instrument, parse_options, parse_state
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


def _c(request: Request, known_on: date | None = None) -> Compiled:
    """The compiled record under the page's options (as known on a day, if given)."""
    return compiled_for(_options(request), known_on)


def _known_on(request: Request) -> date | None:
    """The `known_on` query parameter (the record as it stood on that day), or None."""
    text = _q(request, "known_on")
    return parse_date(text, "known_on") if text else None


def _page(
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


def _q(request: Request, key: str, default: str = "") -> str:
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


def install(app: FastAPI) -> None:
    """Mount the static files and register the page routes (left out of the OpenAPI spec)."""
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.exception_handler(OptionError)
    async def bad_option(request: Request, exc: OptionError) -> HTMLResponse:
        """An option value not among its choices: the home page naming the field and the choices."""
        return _page(request, "home.html", 400, options=DEFAULT_OPTIONS, error=exc)

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        return _page(request, "home.html")

    @app.get("/state", include_in_schema=False)
    def state_page(request: Request) -> HTMLResponse:
        from foederis.questions.timeline import timeline

        c, q = _c(request), _q(request, "q")
        if not q:
            return _page(request, "home.html")
        try:
            c = _c(request, _known_on(request))
            iso3 = parse_state(c.record.states, q, "q")
        except InputError as exc:
            return _page(request, "home.html", 400, error=exc, q=q)
        from foederis.questions.status import status

        try:
            day = parse_date(_q(request, "on") or None, "on")
        except InputError as exc:
            return _page(request, "home.html", 400, error=exc, q=q)
        tl = timeline(c, iso3)
        rows, lo, hi = timeline_rows(tl)
        on_day = [status(c, iso3, inst, day) for inst in tl.instruments]
        return _page(
            request,
            "state.html",
            tl=tl,
            rows=rows,
            lo=lo,
            hi=hi,
            ticks=year_ticks(lo, hi),
            q=q,
            day=day,
            on_day=on_day,
        )

    @app.get("/matrix", include_in_schema=False)
    def matrix_page(request: Request) -> HTMLResponse:
        from foederis.questions.matrix import ALLIANCES, matrix, parse_alliance
        from foederis.questions.obligations import ACTIVITIES, ISSUES, WEAPONS, parse_weapon

        c = _c(request)
        form = {
            "alliance": _q(request, "alliance", "nato"),
            "weapon": _q(request, "weapon", "cluster_munitions"),
            "on": _q(request, "on", date.today().isoformat()),
        }
        ctx: dict[str, Any] = {
            "form": form,
            "alliances": ALLIANCES,
            "weapons": list(WEAPONS),
            "activities": ACTIVITIES,
            "issues": ISSUES,
            "verdict": VERDICT,
        }
        try:
            ans = matrix(
                c, parse_alliance(form["alliance"]), parse_weapon(form["weapon"]), parse_date(form["on"])
            )
        except InputError as exc:
            return _page(request, "matrix.html", 400, error=exc, **ctx)
        cells = {
            row.state: {
                a: [
                    {
                        "provision": r.provision,
                        "heading": r.heading,
                        "summary": r.summary,
                        "events": [
                            {"action": e.action, "date": str(e.date), "source": e.source} for e in r.events
                        ],
                    }
                    for r in rs
                ]
                for a, rs in row.reasons.items()
            }
            for row in ans.rows
        }
        return _page(request, "matrix.html", ans=ans, cells=cells, **ctx)

    @app.get("/weapons", include_in_schema=False)
    def weapons_page(request: Request) -> HTMLResponse:
        """Every ally × every weapon the record's treaties ban: the strictest verdict per cell,
        each cell linking to that weapon's matrix, where its reasons are."""
        from foederis.questions.matrix import ALLIANCES, parse_alliance
        from foederis.questions.weapons_map import weapons_map

        c = _c(request)
        form = {
            "alliance": _q(request, "alliance", "nato"),
            "on": _q(request, "on", date.today().isoformat()),
        }
        ctx: dict[str, Any] = {"form": form, "alliances": ALLIANCES, "verdict": VERDICT}
        try:
            ans = weapons_map(c, parse_alliance(form["alliance"]), parse_date(form["on"]))
        except InputError as exc:
            return _page(request, "weapons.html", 400, error=exc, **ctx)
        return _page(request, "weapons.html", ans=ans, **ctx)

    @app.get("/matrix.csv", include_in_schema=False)
    def matrix_csv(request: Request) -> Any:
        """The matrix as CSV: one row per ally, one column per activity, the provisions behind each."""
        import csv
        import io

        from fastapi.responses import Response

        from foederis.questions.matrix import matrix, parse_alliance
        from foederis.questions.obligations import ALL_ACTIVITIES as ACTIVITIES
        from foederis.questions.obligations import parse_weapon

        c = _c(request)
        try:
            alliance = parse_alliance(_q(request, "alliance", "nato"))
            weapon = parse_weapon(_q(request, "weapon", "cluster_munitions"))
            day = parse_date(_q(request, "on") or None)
        except InputError as exc:
            from foederis.interfaces.http.errors import input_error_response

            return input_error_response(exc)
        ans = matrix(c, alliance, weapon, day)
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            ["iso3", "state", "date", "weapon", *ACTIVITIES, *(f"{a}_provisions" for a in ACTIVITIES)]
        )
        for row in ans.rows:
            provs = [";".join(r.provision for r in row.reasons[a] if r.provision) for a in ACTIVITIES]
            writer.writerow(
                [
                    row.state,
                    row.state_name,
                    ans.date,
                    weapon,
                    *(row.activities[a] for a in ACTIVITIES),
                    *provs,
                ]
            )
        name = f"foederis-{alliance}-{weapon}-{ans.date}.csv"
        return Response(
            out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    @app.get("/withdrawal", include_in_schema=False)
    def withdrawal_page(request: Request) -> HTMLResponse:
        from foederis.questions.withdrawal import parse_conflict, withdrawal_whatif

        c = _c(request)
        conflicts = [t[:100] for t in request.query_params.getlist("conflict")[:20] if t.strip()]
        form = {
            "state": _q(request, "state"),
            "instrument": _q(request, "instrument", "ccm"),
            "notice": _q(request, "notice"),
            "conflicts": conflicts,
            "known_on": _q(request, "known_on"),
        }
        ctx: dict[str, Any] = {"form": form, "withdrawable": sorted(INSTRUMENTS.withdrawable())}
        if not form["state"]:
            return _page(request, "withdrawal.html", **ctx)
        try:
            c = _c(request, _known_on(request))
            ans = withdrawal_whatif(
                c,
                parse_state(c.record.states, form["state"]),
                parse_instrument(form["instrument"]),
                parse_date(form["notice"], "notice"),
                [parse_conflict(t) for t in conflicts],
            )
        except InputError as exc:
            return _page(request, "withdrawal.html", 400, error=exc, **ctx)
        return _page(request, "withdrawal.html", ans=ans, **ctx)

    @app.get("/provisions", include_in_schema=False)
    def provisions_page(request: Request) -> HTMLResponse:
        grouped = provisions_by_article(_c(request).record.provisions.values())
        return _page(request, "provisions.html", grouped=grouped)

    @app.get("/instruments/{instrument}", include_in_schema=False)
    def instrument_page(request: Request, instrument: str) -> HTMLResponse:
        from foederis.questions.members import members

        c = _c(request)
        try:
            inst = parse_instrument(instrument[:200])
            day = parse_date(_q(request, "on") or None, "on")
        except InputError as exc:
            return _page(request, "home.html", 404 if exc.field == "instrument" else 400, error=exc)
        grouped = provisions_by_article(p for p in c.record.provisions.values() if p.instrument == inst)
        return _page(
            request,
            "instrument.html",
            spec=INSTRUMENTS[inst],
            inst=inst,
            day=day,
            members=(m := members(c, inst, day)),
            ordered=sorted(m.parties, key=lambda s: m.names[s]),
            chart=count_chart(member_counts(c, inst)),
            grouped=grouped.get(inst, {}),
        )

    @app.get("/accession", include_in_schema=False)
    def accession_page(request: Request) -> HTMLResponse:
        """A candidate's protocol: each ally's ratification on a timeline, the holdouts and how long."""
        from foederis.questions.accession import accession

        c = _c(request)
        q = _q(request, "q", "Sweden")
        try:
            iso3 = parse_state(c.record.states, q, "q")
            day = parse_date(_q(request, "on") or None, "on")
            ans = accession(c, iso3, day)
        except InputError as exc:
            return _page(request, "accession.html", 400, error=exc, q=q)
        return _page(request, "accession.html", ans=ans, q=q, bars=accession_bars(ans))

    @app.get("/presence", include_in_schema=False)
    def presence_page(request: Request) -> HTMLResponse:
        from foederis.questions.presence import presence

        c = _c(request)
        try:
            day = parse_date(_q(request, "on") or None, "on")
        except InputError as exc:
            return _page(request, "presence.html", 400, error=exc)
        return _page(request, "presence.html", ans=presence(c, day))

    @app.get("/exclusion", include_in_schema=False)
    def exclusion_page(request: Request) -> HTMLResponse:
        from foederis.questions.exclusion import exclusion

        c = _c(request)
        try:
            inst = parse_instrument(_q(request, "instrument", "nato"))
        except InputError as exc:
            return _page(request, "exclusion.html", 400, error=exc)
        return _page(request, "exclusion.html", ans=exclusion(c, inst))

    @app.get("/history", include_in_schema=False)
    def history_page(request: Request) -> HTMLResponse:
        from foederis.questions.history import history

        c = _c(request)
        ans = history(c, alliance_of_registry())
        return _page(request, "history.html", ans=ans)

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> RedirectResponse:
        return RedirectResponse("/static/favicon.svg", status_code=308)

    @app.get("/provisions/{pid:path}", include_in_schema=False)
    def provision_page(request: Request, pid: str) -> HTMLResponse:
        from foederis.questions.provision import provision_answer

        ans = provision_answer(_c(request), pid[:200])
        if ans is None:
            err = InputError("provision", f"no provision {pid[:200]!r} in the record")
            grouped = provisions_by_article(_c(request).record.provisions.values())
            return _page(request, "provisions.html", 404, error=err, grouped=grouped)
        return _page(request, "provision.html", p=ans)

    def _examples() -> list[dict[str, str]]:
        import yaml

        from foederis.scenarios.bundled import example_names, example_path

        out = []
        for n in example_names():
            path = example_path(n)
            meta = yaml.safe_load(path.read_text(encoding="utf-8")) if path else {}
            out.append(
                {
                    "name": n,
                    "title": str(meta.get("title", "")),
                    "description": str(meta.get("description", "")),
                }
            )
        return out

    @app.get("/scenarios", include_in_schema=False)
    def scenarios_page(request: Request) -> HTMLResponse:
        return _page(
            request,
            "scenarios.html",
            takes_options=False,
            scenarios=request.app.state.repository.list(),
            examples=_examples(),
        )

    @app.get("/scenarios/examples/{name}", include_in_schema=False)
    def example_page(request: Request, name: str) -> HTMLResponse:
        from foederis.scenarios.bundled import example_names, example_path

        path = example_path(name[:100])
        if path is None:
            err = InputError("name", f"no bundled example {name[:100]!r}", example_names())
            return _page(
                request,
                "scenarios.html",
                404,
                takes_options=False,
                error=err,
                scenarios=request.app.state.repository.list(),
                examples=_examples(),
            )
        return _page(
            request,
            "scenario.html",
            takes_options=False,
            name=path.stem,
            saved=None,
            example=path.read_text(encoding="utf-8"),
            readonly=True,
        )

    @app.get("/scenarios/new", include_in_schema=False)
    def scenario_new(request: Request) -> Any:
        from foederis.interfaces.http.limits import NAME_PATTERN

        name = _q(request, "name")
        import re

        if not re.match(NAME_PATTERN, name):
            err = InputError("name", "a name of letters, digits, _ . - (at most 100)")
            return _page(
                request,
                "scenarios.html",
                400,
                takes_options=False,
                error=err,
                scenarios=request.app.state.repository.list(),
                examples=_examples(),
            )
        return RedirectResponse(f"/scenarios/{name}", status_code=303)

    @app.post("/web/scenario-run", include_in_schema=False)
    async def scenario_run_fragment(request: Request) -> HTMLResponse:
        """Run the posted YAML; answer an HTML fragment: the problems, or the report in a frame."""
        from foederis.interfaces.http.errors import ApiError
        from foederis.interfaces.http.limits import DEFAULT_LIMITS
        from foederis.interfaces.http.scenario_text import load
        from foederis.interfaces.reports.scenario import report_html
        from foederis.scenarios.run import run_scenario

        raw = await request.body()
        text = raw.decode("utf-8", errors="replace")
        if len(text) > DEFAULT_LIMITS.max_scenario_chars:
            err = {"field": "text", "message": f"over {DEFAULT_LIMITS.max_scenario_chars} characters"}
            return templates.TemplateResponse(request, "_scenario_errors.html", {"issues": [err]}, 400)
        try:
            scenario = load(text)
        except ApiError as exc:
            issues = exc.body.get("errors") or [exc.body]
            return templates.TemplateResponse(request, "_scenario_errors.html", {"issues": issues}, 400)
        result = run_scenario(scenario, scenario.options)
        ctx = {"result": result, "report": report_html(result)}
        return templates.TemplateResponse(request, "_scenario_result.html", ctx)

    @app.get("/scenarios/{name}", include_in_schema=False)
    def scenario_page(request: Request, name: str) -> HTMLResponse:
        from foederis.store.repository import NotFound

        try:
            saved = request.app.state.repository.get(name[:100])
        except NotFound:
            saved = None
        return _page(
            request,
            "scenario.html",
            takes_options=False,
            name=name[:100],
            saved=saved,
            example=EXAMPLE_SCENARIO,
        )


EXAMPLE_SCENARIO = """# A what-if: extra facts laid over the real record. Nothing here happened.
name: norway-ccm-2027
title: Norway leaves the CCM while engaged in a conflict
start: 2027-01-01
end: 2028-12-31
events:
  - type: conflict_start
    date: 2027-03-05
    state: Norway
    basis: assumed armed conflict (scenario)
  - type: withdrawal_notice
    date: 2027-04-02
    state: Norway
    instrument: ccm
  - type: conflict_end
    date: 2028-07-01
    state: Norway
"""
