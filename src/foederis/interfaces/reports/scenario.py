"""`report_html`: one self-contained HTML page for a scenario run (inline CSS, JS and SVG), from the
`scenario_report.html` template.

This module only lays the answer out (chart geometry, headline sentences, table rows); the markup
is the template's. Every coloured band also carries its status as text (inside the band when it
fits, and in a tooltip), and the legend names each colour, so the page reads without colour.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from foederis.interfaces.templating import render
from foederis.questions.obligations import ACTIVITIES, WEAPONS
from foederis.rules.registry import INSTRUMENTS
from foederis.scenarios.result import ScenarioResult, Segment, StateTimeline

CHART_W, LABEL_W, ROW_H = 980, 170, 22
THROUGHOUT = "not in the window (bound throughout)"
#: The scenario event fields shown in the events table's detail column, in this order.
EVENT_DETAILS = ("instrument", "place", "by", "opponent", "basis")


@cache
def style() -> dict[str, Any]:
    """Status colours, labels and short labels, verdict symbols and conflict colours (data file)."""
    path = Path(__file__).with_name("scenario_style.yaml")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@dataclass
class Chart:
    """One instrument's timeline: a row per state, bands and conflict bars in SVG coordinates."""

    instrument: str
    title: str
    height: int
    ticks: list[dict[str, Any]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)


def _title(instrument: str) -> str:
    return INSTRUMENTS[instrument].short if instrument in INSTRUMENTS else instrument


def _x(day: date, start: date, days: int) -> float:
    return LABEL_W + (day - start).days / days * (CHART_W - LABEL_W)


def _band(
    seg: Segment, y: float, start: date, days: int, frozen: tuple[date, date, str] | None
) -> dict[str, Any]:
    """A status band, with its hatched frozen part and the short label when they fit."""
    status = style()["status"].get(seg.status, {"colour": "#fff", "label": seg.status, "short": seg.status})
    x0, x1 = _x(seg.start, start, days), _x(seg.end or seg.start, start, days)
    w = max(x1 - x0, 0.5)
    band: dict[str, Any] = {
        "x": x0,
        "y": y,
        "w": w,
        "colour": status["colour"],
        "status": seg.status,
        "title": f"{status['label']}: {seg.status} {'bound' if seg.bound else 'not bound'} "
        f"{seg.start} – {seg.end}",
        "frozen": None,
        "label": None,
    }
    if frozen and seg.status == "withdrawal_pending":
        f0 = _x(max(frozen[0], seg.start), start, days)
        f1 = _x(min(frozen[1], seg.end or frozen[1]), start, days)
        if f1 > f0:
            band["frozen"] = {
                "x": f0,
                "w": f1 - f0,
                "since": frozen[0],
                "provision": frozen[2],
                "labelled": f1 - f0 > 45,
            }
            w = min(w, f0 - x0)
    if w > 7 * len(status["short"]):
        band["label"] = status["short"]
    return band


def _chart(result: ScenarioResult, instrument: str, rows: list[StateTimeline]) -> Chart:
    sc = result.scenario
    start, days = sc.start, (sc.end - sc.start).days + 1
    frozen = {
        (f.state, f.instrument): (f.expiry, f.effective or date.max, f.provision) for f in result.frozen
    }
    conflicts: dict[str, list[tuple[date, date | None, str]]] = {}
    for origin, periods in (("scenario", result.conflicts), ("record", result.record_conflicts)):
        for c in periods:
            conflicts.setdefault(c.state, []).append((c.start, c.end, origin))
    chart = Chart(instrument, _title(instrument), 28 + ROW_H * len(rows))
    for year in range(start.year, sc.end.year + 1):
        for month in (1, 4, 7, 10):
            d = date(year, month, 1)
            if start <= d <= sc.end:
                chart.ticks.append({"x": _x(d, start, days), "label": f"{d:%Y-%m}"})
    for i, tl in enumerate(rows):
        y = 20 + i * ROW_H
        bands = [
            _band(seg, y, start, days, frozen.get((tl.state, instrument)))
            for seg in tl.segments
            if seg.instrument == instrument
        ]
        bars = []
        for c0, c1, origin in conflicts.get(tl.state, []):
            x0 = _x(max(c0, start), start, days)
            x1 = _x(min(c1 or sc.end, sc.end), start, days)
            bars.append(
                {
                    "x": x0,
                    "y": y + ROW_H - 6,
                    "w": max(x1 - x0, 1),
                    "colour": style()["conflict_colour"][origin],
                    "origin": origin,
                    "start": c0,
                    "end": c1 or "open",
                }
            )
        name = f"{tl.state} {tl.state_name}"[:26] + ("" if tl.ally else " *")
        chart.rows.append({"state": tl.state, "name": name, "y": y, "bands": bands, "conflicts": bars})
    return chart


def _instruments(rows: list[StateTimeline]) -> list[str]:
    """The instruments the timelines touch: weapons bans first, then alliances, then the rest."""
    present = {s.instrument for t in rows for s in t.segments}
    bans = [i for i in INSTRUMENTS if i in present and INSTRUMENTS[i].role == "weapons_ban"]
    alliances = [i for i in INSTRUMENTS.alliances() if i in present]
    return bans + alliances + sorted(present - set(bans) - set(alliances))


def _event_rows(result: ScenarioResult) -> list[dict[str, Any]]:
    rows = []
    for ev in result.scenario.events:
        who = getattr(ev, "state", "") or ", ".join(getattr(ev, "states", []))
        detail = [f"{k}: {getattr(ev, k)}" for k in EVENT_DETAILS if getattr(ev, k, "")]
        if getattr(ev, "participants", None):
            detail.append("participants: " + ", ".join(ev.participants))  # type: ignore[union-attr]
        if ev.note:
            detail.append(ev.note)
        rows.append(
            {"date": ev.date, "type": ev.type, "who": who, "detail": "; ".join(detail), "line": ev.line}
        )
    return rows


def _change_rows(result: ScenarioResult) -> list[dict[str, Any]]:
    rows = []
    for ch in result.changes:
        if ch.kind == "position":
            what = f"{ch.before} → {ch.after}"
        elif ch.after == "withdrawal_pending":
            what = f"stays {ch.after} (new grounds: frozen)"
        else:
            what = f"stays {ch.after} (new grounds)"
        bound = ("bound" if ch.bound_after else "not bound") + (
            "" if ch.bound_after == ch.bound_before else " (changed)"
        )
        rows.append({"change": ch, "what": what, "bound": bound})
    return rows


def _headline(result: ScenarioResult) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The answers a reader wants first: who the scenario leaves bound by what, until when, and
    the earliest lawful use per weapon for the allies whose use changes in the window."""
    frozen = {(f.state, f.instrument): f for f in result.frozen}
    released: dict[tuple[str, str], date] = {}
    names: dict[str, str] = {}
    for ch in result.changes:
        names[ch.state] = ch.state_name
        if ch.origin == "scenario" and ch.bound_before and not ch.bound_after:
            released.setdefault((ch.state, ch.instrument), ch.date)
    touched = sorted({(ch.state, ch.instrument) for ch in result.changes if ch.origin == "scenario"})
    bound = [
        {
            "state": state,
            "name": names.get(state, state),
            "instrument": inst,
            "title": _title(inst),
            "until": released.get((state, inst)),
            "frozen": frozen.get((state, inst)),
        }
        for state, inst in touched
    ]
    uses = [e for e in result.earliest_use if e.date is not None and e.date != result.scenario.start]
    return bound, uses


def _earliest(result: ScenarioResult) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Earliest lawful use per ally and weapon, and the allies bound throughout (folded away)."""
    by_state: dict[str, dict[str, str]] = {}
    for e in result.earliest_use:
        if e.date is None:
            txt = THROUGHOUT
        elif e.date == result.scenario.start:
            txt = f"from the start ({e.date})"
        else:
            txt = str(e.date)
        by_state.setdefault(e.state, {})[e.weapon] = txt
    folded = sorted(s for s, v in by_state.items() if all(x == THROUGHOUT for x in v.values()))
    return {s: v for s, v in by_state.items() if s not in folded}, folded


def _matrices(result: ScenarioResult) -> list[dict[str, Any]]:
    out = []
    for m in result.matrices:
        states = sorted({s for cells in m.cells.values() for s in cells})
        rows = [(s, [m.cells[w].get(s, {}).get(a, "") for w in m.cells for a in ACTIVITIES]) for s in states]
        out.append({"matrix": m, "weapons": list(m.cells), "rows": rows})
    return out


def report_html(result: ScenarioResult) -> str:
    """The whole report as one HTML string with no external assets."""
    rows = result.timelines
    bound, uses = _headline(result)
    earliest, folded = _earliest(result)
    return render(
        "scenario_report.html",
        result=result,
        sc=result.scenario,
        style=style(),
        charts=[_chart(result, i, rows) for i in _instruments(rows)],
        chart_width=CHART_W,
        row_height=ROW_H,
        options=", ".join(f"{k}={v['value']}" for k, v in result.options.items()),
        others=any(not t.ally for t in rows),
        n_scenario=sum(1 for c in result.changes if c.origin == "scenario"),
        bound=bound,
        uses=uses,
        events=_event_rows(result),
        changes=_change_rows(result),
        weapons=WEAPONS,
        activities=ACTIVITIES,
        earliest=earliest,
        folded=folded,
        matrices=_matrices(result),
    )
