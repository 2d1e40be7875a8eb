"""Web page routes: parse the form, call the same question functions as the API, render a template."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from foederis.interfaces.http.deps import compiled_for
from foederis.questions.inputs import InputError, parse_date, parse_instrument, parse_state
from foederis.rules.options import DEFAULT_OPTIONS
from foederis.rules.registry import INSTRUMENTS

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))

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
}


def _c(known_on: date | None = None):  # type: ignore[no-untyped-def]
    return compiled_for(DEFAULT_OPTIONS, known_on)


def _known_on(request: Request) -> date | None:
    """The `known_on` query parameter (the record as it stood on that day), or None."""
    text = _q(request, "known_on")
    return parse_date(text, "known_on") if text else None


def _page(request: Request, template: str, status_code: int = 200, **ctx: Any) -> HTMLResponse:
    c = _c()
    base = {
        "instruments": INSTRUMENTS,
        "state_names": sorted((c.record.states.name(s), s) for s in c.states),
        "status_label": STATUS_LABEL,
        "today": date.today().isoformat(),
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


def install(app: FastAPI) -> None:
    """Mount the static files and register the page routes (left out of the OpenAPI spec)."""
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/", include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        return _page(request, "home.html")

    @app.get("/state", include_in_schema=False)
    def state_page(request: Request) -> HTMLResponse:
        from foederis.questions.timeline import timeline

        c, q = _c(), _q(request, "q")
        if not q:
            return _page(request, "home.html")
        try:
            c = _c(_known_on(request))
            iso3 = parse_state(c.record.states, q, "q")
        except InputError as exc:
            return _page(request, "home.html", 400, error=exc, q=q)
        tl = timeline(c, iso3)
        rows, lo, hi = timeline_rows(tl)
        return _page(request, "state.html", tl=tl, rows=rows, lo=lo, hi=hi, q=q)

    @app.get("/matrix", include_in_schema=False)
    def matrix_page(request: Request) -> HTMLResponse:
        from foederis.questions.matrix import ALLIANCES, matrix, parse_alliance
        from foederis.questions.obligations import ACTIVITIES, WEAPONS, parse_weapon

        c = _c()
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

    @app.get("/withdrawal", include_in_schema=False)
    def withdrawal_page(request: Request) -> HTMLResponse:
        from foederis.questions.withdrawal import NOTICE_ACTION, parse_conflict, withdrawal_whatif

        c = _c()
        conflicts = [t[:100] for t in request.query_params.getlist("conflict")[:20] if t.strip()]
        form = {
            "state": _q(request, "state"),
            "instrument": _q(request, "instrument", "ccm"),
            "notice": _q(request, "notice"),
            "conflicts": conflicts,
            "known_on": _q(request, "known_on"),
        }
        ctx: dict[str, Any] = {"form": form, "withdrawable": sorted(NOTICE_ACTION)}
        if not form["state"]:
            return _page(request, "withdrawal.html", **ctx)
        try:
            c = _c(_known_on(request))
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
        return _page(request, "provisions.html", provisions=list(_c().record.provisions.values()))

    @app.get("/provisions/{pid:path}", include_in_schema=False)
    def provision_page(request: Request, pid: str) -> HTMLResponse:
        from foederis.interfaces.http.citations import provision_answer

        ans = provision_answer(_c(), pid[:200])
        if ans is None:
            err = InputError("provision", f"no provision {pid[:200]!r} in the record")
            return _page(
                request, "provisions.html", 404, error=err, provisions=list(_c().record.provisions.values())
            )
        return _page(request, "provision.html", p=ans)

    @app.get("/scenarios", include_in_schema=False)
    def scenarios_page(request: Request) -> HTMLResponse:
        return _page(request, "scenarios.html", scenarios=request.app.state.repository.list())

    @app.get("/scenarios/new", include_in_schema=False)
    def scenario_new(request: Request) -> Any:
        from foederis.interfaces.http.limits import NAME_PATTERN

        name = _q(request, "name")
        import re

        if not re.match(NAME_PATTERN, name):
            err = InputError("name", "a name of letters, digits, _ . - (at most 100)")
            return _page(
                request, "scenarios.html", 400, error=err, scenarios=request.app.state.repository.list()
            )
        return RedirectResponse(f"/scenarios/{name}", status_code=303)

    @app.post("/web/scenario-run", include_in_schema=False)
    async def scenario_run_fragment(request: Request) -> HTMLResponse:
        """Run the posted YAML; answer an HTML fragment: the problems, or the report in a frame."""
        from foederis.interfaces.http.errors import ApiError
        from foederis.interfaces.http.limits import DEFAULT_LIMITS
        from foederis.interfaces.http.scenario_text import load
        from foederis.questions.scenario import report_html, run_scenario

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
        return _page(request, "scenario.html", name=name[:100], saved=saved, example=EXAMPLE_SCENARIO)


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
