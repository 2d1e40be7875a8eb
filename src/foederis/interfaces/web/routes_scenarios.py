"""Web pages for scenarios: the bundled examples, the editor, a run, a saved scenario."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from foederis.interfaces.web.render import query_param, render_page, templates
from foederis.questions.inputs import InputError

router = APIRouter(include_in_schema=False)


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


@router.get("/scenarios")
def scenarios_page(request: Request) -> HTMLResponse:
    return render_page(
        request,
        "scenarios.html",
        takes_options=False,
        scenarios=request.app.state.repository.list(),
        examples=_examples(),
    )


@router.get("/scenarios/examples/{name}")
def example_page(request: Request, name: str) -> HTMLResponse:
    from foederis.scenarios.bundled import example_names, example_path

    path = example_path(name[:100])
    if path is None:
        err = InputError("name", f"no bundled example {name[:100]!r}", example_names())
        return render_page(
            request,
            "scenarios.html",
            404,
            takes_options=False,
            error=err,
            scenarios=request.app.state.repository.list(),
            examples=_examples(),
        )
    return render_page(
        request,
        "scenario.html",
        takes_options=False,
        name=path.stem,
        saved=None,
        example=path.read_text(encoding="utf-8"),
        readonly=True,
    )


@router.get("/scenarios/new")
def scenario_new(request: Request) -> Any:
    from foederis.interfaces.http.limits import NAME_PATTERN

    name = query_param(request, "name")
    import re

    if not re.match(NAME_PATTERN, name):
        err = InputError("name", "a name of letters, digits, _ . - (at most 100)")
        return render_page(
            request,
            "scenarios.html",
            400,
            takes_options=False,
            error=err,
            scenarios=request.app.state.repository.list(),
            examples=_examples(),
        )
    return RedirectResponse(f"/scenarios/{name}", status_code=303)


@router.post("/web/scenario-run")
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


@router.get("/scenarios/{name}")
def scenario_page(request: Request, name: str) -> HTMLResponse:
    from foederis.store.repository import NotFound

    try:
        saved = request.app.state.repository.get(name[:100])
    except NotFound:
        saved = None
    return render_page(
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
