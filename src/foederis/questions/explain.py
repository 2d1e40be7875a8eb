"""The full chain of reasons for a status, as readable prose quoting the provisions."""

from __future__ import annotations

from datetime import date

from foederis.engine.compile import Compiled
from foederis.questions.models import ExplainAnswer
from foederis.questions.status import status
from foederis.rules.registry import INSTRUMENTS


def explain(c: Compiled, state: str, instrument: str, day: date) -> ExplainAnswer:
    ans = status(c, state, instrument, day)
    title = INSTRUMENTS[instrument].short
    verdict = "is bound by" if ans.bound else "is not bound by"
    span = f" since {ans.since}" if ans.since else ""
    span += f", until {ans.until}" if ans.until else ""
    prose = [
        f"On {day}, {ans.state_name} ({state}) {verdict} the {title}: its status is '{ans.status}'{span}."
    ]
    for n, r in enumerate(ans.reasons, start=1):
        line = f"{n}. {r.summary}"
        if r.provision and r.text:
            line += f" {r.provision} ({r.heading}) reads: \u201c{r.text}\u201d"
        for ev in r.events:
            flag = "" if ev.status == "sourced" else f" [{ev.status.upper()}]"
            line += f" Recorded: {ev.action} by {ev.state} on {ev.date}{flag} (source: {ev.source})."
        prose.append(line)
    used = [f"{k}={v['value']}" for k, v in ans.options.items()]
    prose.append("Interpretation options in force: " + ", ".join(used) + ".")
    return ExplainAnswer(
        state=state,
        instrument=instrument,
        date=day,
        status=ans.status,
        bound=ans.bound,
        prose=prose,
        answer=ans,
    )
