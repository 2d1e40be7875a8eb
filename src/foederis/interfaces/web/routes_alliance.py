"""Web pages on the alliance's own machinery: accession, presence, exclusion."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from foederis.interfaces.web.render import accession_bars, query_param, record_for, render_page
from foederis.questions.inputs import InputError, parse_date, parse_instrument, parse_state

router = APIRouter(include_in_schema=False)


@router.get("/accession")
def accession_page(request: Request) -> HTMLResponse:
    """A candidate's protocol: each ally's ratification on a timeline, the holdouts and how long."""
    from foederis.questions.accession import accession

    c = record_for(request)
    q = query_param(request, "q", "Sweden")
    try:
        iso3 = parse_state(c.record.states, q, "q")
        day = parse_date(query_param(request, "on") or None, "on")
        ans = accession(c, iso3, day)
    except InputError as exc:
        return render_page(request, "accession.html", 400, error=exc, q=q)
    return render_page(request, "accession.html", ans=ans, q=q, bars=accession_bars(ans))


@router.get("/presence")
def presence_page(request: Request) -> HTMLResponse:
    from foederis.questions.presence import presence

    c = record_for(request)
    try:
        day = parse_date(query_param(request, "on") or None, "on")
    except InputError as exc:
        return render_page(request, "presence.html", 400, error=exc)
    return render_page(request, "presence.html", ans=presence(c, day))


@router.get("/exclusion")
def exclusion_page(request: Request) -> HTMLResponse:
    from foederis.questions.exclusion import exclusion

    c = record_for(request)
    try:
        inst = parse_instrument(query_param(request, "instrument", "nato"))
    except InputError as exc:
        return render_page(request, "exclusion.html", 400, error=exc)
    return render_page(request, "exclusion.html", ans=exclusion(c, inst))
