"""`report_html`: one self-contained HTML page for a scenario run (inline CSS, JS and SVG).

Every coloured band also carries its status as text (inside the band when it fits, and in a
tooltip), and the legend names each colour, so the page reads without colour.
"""

from __future__ import annotations

from datetime import date
from html import escape

from foederis.questions.obligations import ACTIVITIES, WEAPONS
from foederis.rules.registry import INSTRUMENTS
from foederis.scenarios.result import ScenarioResult, Segment, StateTimeline

STATUS_COLOUR = {
    "none": "#eeeeee",
    "signatory": "#cfe2f3",
    "consented": "#9fc5e8",
    "party": "#3d85c6",
    "withdrawal_pending": "#f1c232",
    "withdrawn": "#e06666",
    "suspended": "#b4a7d6",
    "terminated": "#999999",
}
STATUS_LABEL = {
    "none": "not party",
    "signatory": "signatory",
    "consented": "consented",
    "party": "party (bound)",
    "withdrawal_pending": "withdrawal pending (bound)",
    "withdrawn": "withdrawn",
    "suspended": "suspended",
    "terminated": "terminated",
}
SHORT = {"withdrawal_pending": "pending", "none": "—", "party": "party"}
VERDICT_SYMBOL = {"prohibited": "✗", "permitted": "✓", "permitted_with_limits": "◐"}
INSTRUMENT_TITLE = {
    "nato": "North Atlantic Treaty",
    "ccm": "Cluster Munitions (CCM)",
    "apmbt": "Mine Ban (APMBT)",
}

CONFLICT_COLOUR = {"scenario": "#990000", "record": "#444444"}
CHART_W, LABEL_W, ROW_H = 980, 170, 22

CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:1.5rem;color:#222;max-width:1200px}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0}
th,td{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f4}.muted{color:#666}.scenario{font-weight:600}
.legend span{display:inline-block;margin-right:1rem;font-size:.85rem}
.sw{display:inline-block;width:14px;height:14px;border:1px solid #555;vertical-align:middle;margin-right:4px}
td.prohibited{background:#f4cccc}td.permitted{background:#d9ead3}td.permitted_with_limits{background:#fff2cc}
td.cell{text-align:center;font-weight:600}svg text{font-size:11px;font-family:inherit}
details{margin:.4rem 0}summary{cursor:pointer;font-weight:600}
.reason{font-size:.78rem;color:#444}
"""

JS = """
function filterChanges(){
  const q=document.getElementById('change-filter').value.toLowerCase();
  const only=document.getElementById('only-scenario').checked;
  let shown=0;
  document.querySelectorAll('#changes tbody tr').forEach(tr=>{
    const ok=tr.textContent.toLowerCase().includes(q)&&(!only||tr.dataset.origin==='scenario');
    tr.style.display=ok?'':'none'; if(ok) shown++;
  });
  document.getElementById('change-count').textContent=shown+' shown';
}
"""


def _e(x: object) -> str:
    return escape(str(x))


def _x(day: date, start: date, days: int) -> float:
    return LABEL_W + (day - start).days / days * (CHART_W - LABEL_W)


def _band(seg: Segment, y: float, start: date, days: int, frozen: tuple[date, date] | None) -> str:
    x0, x1 = _x(seg.start, start, days), _x(seg.end or seg.start, start, days)
    w = max(x1 - x0, 0.5)
    label = STATUS_LABEL.get(seg.status, seg.status)
    text = f"{seg.status} {'bound' if seg.bound else 'not bound'} {seg.start} – {seg.end}"
    out = [
        f'<rect x="{x0:.1f}" y="{y:.1f}" width="{w:.1f}" height="{ROW_H - 6}" '
        f'fill="{STATUS_COLOUR.get(seg.status, "#fff")}" stroke="#fff" data-status="{_e(seg.status)}">'
        f"<title>{_e(label)}: {_e(text)}</title></rect>"
    ]
    if frozen and seg.status == "withdrawal_pending":
        f0 = _x(max(frozen[0], seg.start), start, days)
        f1 = _x(min(frozen[1], seg.end or frozen[1]), start, days)
        if f1 > f0:
            out.append(
                f'<rect x="{f0:.1f}" y="{y:.1f}" width="{f1 - f0:.1f}" height="{ROW_H - 6}" '
                f'fill="url(#hatch)"><title>frozen by Art. 20(3) from {frozen[0]}</title></rect>'
            )
            if f1 - f0 > 45:
                out.append(
                    f'<text x="{f0 + 3:.1f}" y="{y + ROW_H - 10:.1f}" font-weight="bold" '
                    'paint-order="stroke" stroke="#fff" stroke-width="3">frozen</text>'
                )
            w = min(w, f0 - x0)
    short = SHORT.get(seg.status, seg.status)
    if w > 7 * len(short):
        out.append(f'<text x="{x0 + 3:.1f}" y="{y + ROW_H - 10:.1f}">{_e(short)}</text>')
    return "".join(out)


def _chart(result: ScenarioResult, instrument: str, rows: list[StateTimeline]) -> str:
    sc = result.scenario
    start, days = sc.start, (sc.end - sc.start).days + 1
    frozen = {(f.state, f.instrument): (f.expiry, f.effective or date.max) for f in result.frozen}
    conflicts: dict[str, list[tuple[date, date | None, str]]] = {}
    for origin, periods in (("scenario", result.conflicts), ("record", result.record_conflicts)):
        for c in periods:
            conflicts.setdefault(c.state, []).append((c.start, c.end, origin))
    height = 28 + ROW_H * len(rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{CHART_W}" height="{height}" role="img" '
        f'data-instrument="{instrument}" '
        f'aria-label="{_e(INSTRUMENT_TITLE.get(instrument, instrument))} timeline">',
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#7f6000" '
        'stroke-width="2"/></pattern></defs>',
    ]
    for year in range(start.year, sc.end.year + 1):
        for month in (1, 4, 7, 10):
            d = date(year, month, 1)
            if start <= d <= sc.end:
                x = _x(d, start, days)
                parts.append(f'<line x1="{x:.1f}" y1="14" x2="{x:.1f}" y2="{height}" stroke="#ddd"/>')
                parts.append(f'<text x="{x + 2:.1f}" y="12">{d:%Y-%m}</text>')
    for i, tl in enumerate(rows):
        y = 20 + i * ROW_H
        name = f"{tl.state} {tl.state_name}"[:26]
        parts.append(
            f'<text x="2" y="{y + ROW_H - 10}" data-row="{tl.state}">'
            f"{_e(name)}{'' if tl.ally else ' *'}</text>"
        )
        for seg in tl.segments:
            if seg.instrument == instrument:
                parts.append(_band(seg, y, start, days, frozen.get((tl.state, instrument))))
        for c0, c1, origin in conflicts.get(tl.state, []):
            x0 = _x(max(c0, start), start, days)
            x1 = _x(min(c1 or sc.end, sc.end), start, days)
            parts.append(
                f'<rect x="{x0:.1f}" y="{y + ROW_H - 6:.1f}" width="{max(x1 - x0, 1):.1f}" height="3" '
                f'fill="{CONFLICT_COLOUR[origin]}" data-conflict="{origin}"><title>engaged in an armed '
                f"conflict ({origin}) {c0} – {c1 or 'open'}</title></rect>"
            )
    parts.append("</svg>")
    return "".join(parts)


def _legend() -> str:
    items = "".join(
        f'<span><i class="sw" style="background:{c}"></i>{_e(STATUS_LABEL[s])}</span>'
        for s, c in STATUS_COLOUR.items()
    )
    items += (
        '<span><svg width="14" height="14"><rect width="14" height="14" fill="#f1c232"/>'
        '<line x1="0" y1="14" x2="14" y2="0" stroke="#7f6000" stroke-width="2"/></svg> '
        "hatched: notice period over, frozen by Art. 20(3)</span>"
        '<span><i class="sw" style="background:#990000;height:4px"></i>thin dark-red bar: '
        "engaged in an armed conflict (scenario)</span>"
        '<span><i class="sw" style="background:#444444;height:4px"></i>thin grey bar: '
        "engaged in an armed conflict (record)</span><span>* not a NATO ally</span>"
    )
    return f'<p class="legend" data-testid="legend">{items}</p>'


def _reasons(reasons: list) -> str:
    return "".join(
        f'<div class="reason">{_e(r.provision or "(record)")}: {_e(r.summary)}'
        + "".join(f" <span class='muted'>[{_e(ev.source)}]</span>" for ev in r.events[:2])
        + "</div>"
        for r in reasons
    )


def _events(result: ScenarioResult) -> str:
    rows = []
    for ev in result.scenario.events:
        who = getattr(ev, "state", "") or ", ".join(getattr(ev, "states", []))
        detail = []
        for key in ("instrument", "place", "by", "opponent", "basis"):
            if getattr(ev, key, ""):
                detail.append(f"{key}: {getattr(ev, key)}")
        if getattr(ev, "participants", None):
            detail.append("participants: " + ", ".join(ev.participants))  # type: ignore[union-attr]
        if ev.note:
            detail.append(ev.note)
        rows.append(
            f"<tr><td>{ev.date}</td><td>{_e(ev.type)}</td><td>{_e(who)}</td><td>{_e('; '.join(detail))}</td>"
            f"<td class='muted'>scenario:{_e(result.scenario.name)}:line {ev.line}</td></tr>"
        )
    return (
        '<table data-testid="events"><thead><tr><th>date</th><th>event</th><th>state</th><th>detail</th>'
        f"<th>source</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _changes(result: ScenarioResult) -> str:
    rows = []
    for ch in result.changes:
        what = (
            f"{ch.before} → {ch.after}"
            if ch.kind == "position"
            else f"stays {ch.after} (new grounds: frozen)"
            if ch.after == "withdrawal_pending"
            else f"stays {ch.after} (new grounds)"
        )
        bound = ("bound" if ch.bound_after else "not bound") + (
            "" if ch.bound_after == ch.bound_before else " (changed)"
        )
        rows.append(
            f'<tr data-origin="{ch.origin}" class="{ch.origin}"><td>{ch.date}</td><td>{ch.state}</td>'
            f"<td>{_e(ch.instrument)}</td><td>{_e(what)}</td><td>{bound}</td><td>{ch.origin}</td>"
            f"<td>{_reasons(ch.reasons)}</td></tr>"
        )
    return (
        '<p><label>Filter: <input id="change-filter" oninput="filterChanges()" '
        'placeholder="state, instrument…"></label> <label><input type="checkbox" id="only-scenario" '
        'onchange="filterChanges()"> only changes '
        f'the scenario makes</label> <span id="change-count">{len(result.changes)} shown</span></p>'
        '<table id="changes" data-testid="changes"><thead><tr><th>date</th><th>state</th><th>instrument</th>'
        "<th>change</th><th>bound</th><th>origin</th><th>reasons</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _frozen(result: ScenarioResult) -> str:
    if not result.frozen:
        return "<p data-testid='frozen'>No withdrawal in the scenario is frozen by an armed conflict.</p>"
    rows = "".join(
        f"<tr><td>{f.state} {_e(f.state_name)}</td><td>{f.instrument}</td><td>{f.notice}</td>"
        f"<td>{f.expiry}</td>"
        f"<td>{f.effective or 'not before the conflict ends (open)'}</td><td>{_e(f.provision)}</td></tr>"
        for f in result.frozen
    )
    return (
        '<table data-testid="frozen"><thead><tr><th>state</th><th>instrument</th><th>notice</th>'
        "<th>period expires</th><th>takes effect</th><th>provision</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _headline(result: ScenarioResult) -> str:
    """The answers a reader wants first: who the scenario leaves bound by what, until when, and
    the earliest lawful use per weapon for the allies whose use changes in the window."""
    sc = result.scenario
    frozen = {(f.state, f.instrument): f for f in result.frozen}
    released: dict[tuple[str, str], date] = {}
    names: dict[str, str] = {}
    for ch in result.changes:
        names[ch.state] = ch.state_name
        if ch.origin == "scenario" and ch.bound_before and not ch.bound_after:
            released.setdefault((ch.state, ch.instrument), ch.date)
    touched = sorted(
        {(ch.state, ch.instrument) for ch in result.changes if ch.origin == "scenario"}, key=lambda k: k
    )
    items = []
    for state, inst in touched:
        title = _e(INSTRUMENTS[inst].short if inst in INSTRUMENTS else inst)
        who = f"<b>{_e(names.get(state, state))} ({state})</b>"
        end = released.get((state, inst))
        if end is not None:
            line = f"{who} is bound by the {title} until {end} (exclusive: free from that day)"
        else:
            line = f"{who} stays bound by the {title} to the end of the window ({sc.end})"
        if (f := frozen.get((state, inst))) is not None:
            line += f"; its withdrawal is frozen from {f.expiry} by {_e(f.provision)}"
        items.append(f'<li data-state="{state}" data-instrument="{inst}">{line}.</li>')
    uses = []
    for e in result.earliest_use:
        if e.date is not None and e.date != sc.start:
            uses.append(
                f'<li data-state="{e.state}">{_e(e.state_name)} ({e.state}) may lawfully use '
                f"{_e(e.weapon.replace('_', ' '))} from {e.date}.</li>"
            )
    bound = "".join(items) or "<li>The scenario changes no one's legal position in the window.</li>"
    use = "".join(uses) or "<li>No ally's lawful use of a banned weapon begins in the window.</li>"
    return (
        f'<section data-testid="headline"><h2>Headline answers</h2><h3>Who is bound, and until when</h3>'
        f"<ul>{bound}</ul><h3>Earliest lawful use</h3><ul>{use}</ul></section>"
    )


def _earliest(result: ScenarioResult) -> str:
    by_state: dict[str, dict[str, str]] = {}
    for e in result.earliest_use:
        if e.date is None:
            txt = "not in the window (bound throughout)"
        elif e.date == result.scenario.start:
            txt = f"from the start ({e.date})"
        else:
            txt = str(e.date)
        by_state.setdefault(e.state, {})[e.weapon] = txt
    throughout = "not in the window (bound throughout)"
    folded = sorted(s for s, v in by_state.items() if all(x == throughout for x in v.values()))
    head = "".join(f"<th>{_e(w.replace('_', ' '))}</th>" for w in WEAPONS)
    rows = "".join(
        f'<tr data-state="{s}"><td>{s}</td>'
        + "".join(f"<td>{_e(v.get(w, ''))}</td>" for w in WEAPONS)
        + "</tr>"
        for s, v in by_state.items()
        if s not in folded
    )
    fold = (
        f'<details data-testid="bound-throughout"><summary>{len(folded)} allies bound throughout the '
        f"window by every weapons ban they are party to</summary><p>{', '.join(folded)}</p></details>"
        if folded
        else ""
    )
    return (
        f'<table data-testid="earliest"><thead><tr><th>ally</th>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>{fold}"
    )


def _diff(result: ScenarioResult) -> str:
    if not result.diff:
        return (
            "<p data-testid='diff'>No difference: the scenario changes no one's status under any "
            "instrument.</p>"
        )
    rows = "".join(
        f"<tr><td>{d.state} {_e(d.state_name)}</td><td>{d.instrument}</td><td>{d.first_difference}</td>"
        f"<td>{_e(' · '.join(f'{s.status} from {s.start}' for s in d.baseline[-3:]))}</td>"
        f"<td>{_e(' · '.join(f'{s.status} from {s.start}' for s in d.scenario[-3:]))}</td></tr>"
        for d in result.diff
    )
    return (
        '<table data-testid="diff"><thead><tr><th>state</th><th>instrument</th><th>first difference</th>'
        "<th>real record (last intervals)</th><th>with the scenario</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _matrices(result: ScenarioResult) -> str:
    out = []
    for k, m in enumerate(result.matrices):
        head1 = "".join(f'<th colspan="{len(ACTIVITIES)}">{_e(w.replace("_", " "))}</th>' for w in m.cells)
        head2 = "".join(f"<th>{a}</th>" for _ in m.cells for a in ACTIVITIES)
        states = sorted({s for cells in m.cells.values() for s in cells})
        body = "".join(
            f"<tr><td>{s}</td>"
            + "".join(
                f'<td class="cell {v}" title="{_e(v)}">{VERDICT_SYMBOL.get(v, "?")}</td>'
                for w in m.cells
                for v in (m.cells[w].get(s, {}).get(a, "") for a in ACTIVITIES)
            )
            + "</tr>"
            for s in states
        )
        out.append(
            f'<details {"open" if k == 0 else ""} data-testid="matrix" data-date="{m.date}">'
            f"<summary>{m.date} — {_e(m.why)}</summary><table><thead><tr><th rowspan=2>ally</th>{head1}</tr>"
            f"<tr>{head2}</tr></thead>"
            f"<tbody>{body}</tbody></table></details>"
        )
    key = " ".join(f"{sym} {v.replace('_', ' ')}" for v, sym in VERDICT_SYMBOL.items())
    return f"<p class='muted'>{key}</p>" + "".join(out)


def report_html(result: ScenarioResult) -> str:
    """The whole report as one HTML string with no external assets."""
    sc = result.scenario
    rows = result.timelines
    instruments = [
        i for i in ("ccm", "apmbt", "nato") if any(s.instrument == i for t in rows for s in t.segments)
    ]
    instruments += sorted({s.instrument for t in rows for s in t.segments} - set(instruments))
    charts = "".join(
        f"<h3>{_e(INSTRUMENT_TITLE.get(i, i))}</h3>{_chart(result, i, rows)}" for i in instruments
    )
    options = ", ".join(f"{k}={v['value']}" for k, v in result.options.items())
    others = ", and states the scenario names (*)" if any(not t.ally for t in rows) else ""
    n_scen = sum(1 for c in result.changes if c.origin == "scenario")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Scenario: {_e(sc.title or sc.name)}</title>
<style>{CSS}</style><script>{JS}</script></head><body>
<h1 data-testid="title">{_e(sc.title or sc.name)}</h1>
<p class="muted">scenario <code>{_e(sc.name)}</code> · window {sc.start} – {sc.end} ·
options: {_e(options)}</p>
<p>{_e(sc.description)}</p>
<p class="muted">Hypothetical: every scenario fact is marked with its source
<code>scenario:{_e(sc.name)}:line N</code> and laid over the real record; the rules run unchanged.
{n_scen} changes come from the scenario.</p>
{_headline(result)}
<h2>Scenario events</h2>{_events(result)}
<h2>Timelines (allies on {sc.start}{others})</h2>
{_legend()}{charts}
<h2>Frozen withdrawals</h2>{_frozen(result)}
<h2>Change log</h2>{_changes(result)}
<h2>Earliest lawful use in the window</h2>
<p class="muted">The first day on which each ally may use the weapon: not bound by the convention
that bans it.</p>
{_earliest(result)}
<h2>Difference from the real record</h2>{_diff(result)}
<h2>Weapons matrix on key dates</h2>{_matrices(result)}
</body></html>
"""
