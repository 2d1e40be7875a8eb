"""Web pages on the record: home, a state, an instrument, the provisions, one provision, history."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from foederis.interfaces.web.render import (
    alliance_of_registry,
    count_chart,
    known_on_param,
    member_counts,
    provisions_by_article,
    query_param,
    record_for,
    render_page,
    timeline_rows,
    year_ticks,
)
from foederis.questions.inputs import InputError, parse_date, parse_instrument, parse_state
from foederis.rules.registry import INSTRUMENTS

router = APIRouter(include_in_schema=False)


@router.get("/")
def home(request: Request) -> HTMLResponse:
    return render_page(request, "home.html")


@router.get("/state")
def state_page(request: Request) -> HTMLResponse:
    from foederis.questions.timeline import timeline

    c, q = record_for(request), query_param(request, "q")
    if not q:
        return render_page(request, "home.html")
    try:
        c = record_for(request, known_on_param(request))
        iso3 = parse_state(c.record.states, q, "q")
    except InputError as exc:
        return render_page(request, "home.html", 400, error=exc, q=q)
    from foederis.questions.status import status

    try:
        day = parse_date(query_param(request, "on") or None, "on")
    except InputError as exc:
        return render_page(request, "home.html", 400, error=exc, q=q)
    tl = timeline(c, iso3)
    rows, lo, hi = timeline_rows(tl)
    on_day = [status(c, iso3, inst, day) for inst in tl.instruments]
    return render_page(
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


@router.get("/provisions")
def provisions_page(request: Request) -> HTMLResponse:
    grouped = provisions_by_article(record_for(request).record.provisions.values())
    return render_page(request, "provisions.html", grouped=grouped)


@router.get("/instruments/{instrument}")
def instrument_page(request: Request, instrument: str) -> HTMLResponse:
    from foederis.questions.members import members

    c = record_for(request)
    try:
        inst = parse_instrument(instrument[:200])
        day = parse_date(query_param(request, "on") or None, "on")
    except InputError as exc:
        return render_page(request, "home.html", 404 if exc.field == "instrument" else 400, error=exc)
    grouped = provisions_by_article(p for p in c.record.provisions.values() if p.instrument == inst)
    return render_page(
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


@router.get("/history")
def history_page(request: Request) -> HTMLResponse:
    from foederis.questions.history import history

    c = record_for(request)
    ans = history(c, alliance_of_registry())
    return render_page(request, "history.html", ans=ans)


@router.get("/favicon.ico")
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg", status_code=308)


@router.get("/provisions/{pid:path}")
def provision_page(request: Request, pid: str) -> HTMLResponse:
    from foederis.questions.provision import provision_answer

    ans = provision_answer(record_for(request), pid[:200])
    if ans is None:
        err = InputError("provision", f"no provision {pid[:200]!r} in the record")
        grouped = provisions_by_article(record_for(request).record.provisions.values())
        return render_page(request, "provisions.html", 404, error=err, grouped=grouped)
    return render_page(request, "provision.html", p=ans)
