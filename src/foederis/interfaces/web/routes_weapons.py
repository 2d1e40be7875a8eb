"""Web pages on weapons: the matrix (and its CSV), the all-weapons map, the withdrawal what-if."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from foederis.interfaces.web.render import VERDICT, known_on_param, query_param, record_for, render_page
from foederis.questions.inputs import InputError, parse_date, parse_instrument, parse_state
from foederis.rules.registry import INSTRUMENTS

router = APIRouter(include_in_schema=False)


@router.get("/matrix")
def matrix_page(request: Request) -> HTMLResponse:
    from foederis.questions.matrix import ALLIANCES, matrix, parse_alliance
    from foederis.questions.obligations import ACTIVITIES, ISSUES, WEAPONS, parse_weapon

    c = record_for(request)
    form = {
        "alliance": query_param(request, "alliance", "nato"),
        "weapon": query_param(request, "weapon", "cluster_munitions"),
        "on": query_param(request, "on", date.today().isoformat()),
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
        return render_page(request, "matrix.html", 400, error=exc, **ctx)
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
    return render_page(request, "matrix.html", ans=ans, cells=cells, **ctx)


@router.get("/weapons")
def weapons_page(request: Request) -> HTMLResponse:
    """Every ally × every weapon the record's treaties ban: the strictest verdict per cell,
    each cell linking to that weapon's matrix, where its reasons are."""
    from foederis.questions.matrix import ALLIANCES, parse_alliance
    from foederis.questions.weapons_map import weapons_map

    c = record_for(request)
    form = {
        "alliance": query_param(request, "alliance", "nato"),
        "on": query_param(request, "on", date.today().isoformat()),
    }
    ctx: dict[str, Any] = {"form": form, "alliances": ALLIANCES, "verdict": VERDICT}
    try:
        ans = weapons_map(c, parse_alliance(form["alliance"]), parse_date(form["on"]))
    except InputError as exc:
        return render_page(request, "weapons.html", 400, error=exc, **ctx)
    return render_page(request, "weapons.html", ans=ans, **ctx)


@router.get("/matrix.csv")
def matrix_csv(request: Request) -> Any:
    """The matrix as CSV: one row per ally, one column per activity, the provisions behind each."""
    import csv
    import io

    from fastapi.responses import Response

    from foederis.questions.matrix import matrix, parse_alliance
    from foederis.questions.obligations import ALL_ACTIVITIES as ACTIVITIES
    from foederis.questions.obligations import parse_weapon

    c = record_for(request)
    try:
        alliance = parse_alliance(query_param(request, "alliance", "nato"))
        weapon = parse_weapon(query_param(request, "weapon", "cluster_munitions"))
        day = parse_date(query_param(request, "on") or None)
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


@router.get("/withdrawal")
def withdrawal_page(request: Request) -> HTMLResponse:
    from foederis.questions.withdrawal import parse_conflict, withdrawal_whatif

    c = record_for(request)
    conflicts = [t[:100] for t in request.query_params.getlist("conflict")[:20] if t.strip()]
    form = {
        "state": query_param(request, "state"),
        "instrument": query_param(request, "instrument", "ccm"),
        "notice": query_param(request, "notice"),
        "conflicts": conflicts,
        "known_on": query_param(request, "known_on"),
    }
    ctx: dict[str, Any] = {"form": form, "withdrawable": sorted(INSTRUMENTS.withdrawable())}
    if not form["state"]:
        return render_page(request, "withdrawal.html", **ctx)
    try:
        c = record_for(request, known_on_param(request))
        ans = withdrawal_whatif(
            c,
            parse_state(c.record.states, form["state"]),
            parse_instrument(form["instrument"]),
            parse_date(form["notice"], "notice"),
            [parse_conflict(t) for t in conflicts],
        )
    except InputError as exc:
        return render_page(request, "withdrawal.html", 400, error=exc, **ctx)
    return render_page(request, "withdrawal.html", ans=ans, **ctx)
