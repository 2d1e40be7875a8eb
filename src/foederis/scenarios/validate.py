"""`load_scenario`: YAML text → a validated `Scenario`, or a `ScenarioError` listing every problem
with its line and field (unknown states get nearest matches, unknown event types the valid ones).
"""

from __future__ import annotations

import difflib
from pathlib import PurePath
from typing import Any

from pydantic import ValidationError

from foederis.questions.inputs import InputError, check_text, shown
from foederis.record.states import StateRegistry
from foederis.scenarios.limits import MAX_EVENTS, MAX_TEXT_CHARS
from foederis.scenarios.loader import Path, YamlError, line_of, read_yaml
from foederis.scenarios.schema import (
    EVENT_TYPES,
    ArmedAttack,
    ConflictEnd,
    ConflictStart,
    Scenario,
    ScenarioError,
    ScenarioHead,
    ScenarioIssue,
)


def field_name(loc: Path) -> str:
    """("events", 2, "state") → "events[2].state"."""
    out = ""
    for part in loc:
        if isinstance(part, str) and (len(part) > 40 or not part.isprintable()):
            part = ascii(part[:40])[1:-1]  # a key that is itself bad input: shown escaped and short
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(file)"


def _issues(exc: ValidationError, prefix: Path, lines: dict[Path, int], model: Any) -> list[ScenarioIssue]:
    out: list[ScenarioIssue] = []
    for err in exc.errors():
        loc = (*prefix, *err["loc"])
        message = err["msg"].removeprefix("Value error, ")
        choices: list[str] = []
        cause = (err.get("ctx") or {}).get("error")
        if isinstance(cause, InputError):
            message, choices = cause.message, cause.choices
        elif err["type"] == "extra_forbidden":
            fields = [f for f in model.model_fields if f != "line"]
            message = f"unknown field {err['loc'][-1]!r}; valid fields: {', '.join(fields)}"
            choices = fields
        elif err["type"].startswith("date"):
            message = f"{shown(err['input'])} is not a valid date (YYYY-MM-DD): {message}"
        elif err["type"] == "missing":
            message = "this field is required"
        elif err["type"] == "literal_error":
            choices = [c.strip(" '") for c in str(err.get("ctx", {}).get("expected", "")).split(" or ")]
            choices = [p.strip(" '") for c in choices for p in c.split(",") if p.strip(" '")]
            message = f"{shown(err['input'])} is not allowed; valid choices: {', '.join(choices)}"
        out.append(
            ScenarioIssue(line=line_of(lines, loc), field=field_name(loc), message=message, choices=choices)
        )
    return out


def _default_registry() -> StateRegistry:
    from foederis.engine.cache import load_compiled

    return load_compiled().record.states


def load_scenario(text: str, name: str = "scenario.yaml", registry: StateRegistry | None = None) -> Scenario:
    """Parse and validate a scenario; raise `ScenarioError` with all problems found at once."""
    try:
        data, lines = read_yaml(text)
    except YamlError as exc:
        raise ScenarioError(
            name, [ScenarioIssue(line=exc.line, field="(file)", message=exc.message)]
        ) from None
    if not isinstance(data, dict):
        raise ScenarioError(
            name,
            [
                ScenarioIssue(
                    line=1, field="(file)", message="a scenario is a mapping with start, end, events"
                )
            ],
        )
    issues = _text_issues(data, (), lines)
    if issues:  # refuse bad text before any matching or validation looks at it
        raise ScenarioError(name, issues)
    registry = registry or _default_registry()
    head: ScenarioHead | None = None
    try:
        head = ScenarioHead.model_validate(data)
    except ValidationError as exc:
        issues.extend(_issues(exc, (), lines, ScenarioHead))
    raw_events = data.get("events") or []
    if not isinstance(raw_events, list):
        raw_events = []  # reported by the head validation
    if len(raw_events) > MAX_EVENTS:
        issues.append(
            ScenarioIssue(
                line=line_of(lines, ("events",)),
                field="events",
                message=f"{len(raw_events)} events; at most {MAX_EVENTS} are allowed in one scenario",
            )
        )
        raise ScenarioError(name, issues)
    events = []
    for i, raw in enumerate(raw_events):
        ev = _event(raw, i, lines, registry, issues)
        if ev is not None:
            events.append(ev)
    start, end = _window(data, head)
    if start and end and end < start:
        issues.append(
            ScenarioIssue(
                line=line_of(lines, ("end",)), field="end", message=f"end {end} is before start {start}"
            )
        )
    if start and end and start <= end:
        for ev in events:
            if not start <= ev.date <= end:
                issues.append(
                    ScenarioIssue(
                        line=ev.line,
                        field=f"events[{_index(lines, ev.line)}].date",
                        message=f"{ev.date} is outside the scenario window [{start}, {end}]",
                    )
                )
    issues.extend(_conflict_order(events, lines))
    if issues or head is None:
        raise ScenarioError(name, issues)
    return Scenario(
        name=head.name or PurePath(name).stem,
        title=head.title,
        description=head.description,
        start=head.start,
        end=head.end,
        options=head.options,
        events=sorted(events, key=lambda e: (e.date, e.line)),
    )


def _event(
    raw: Any, i: int, lines: dict[Path, int], registry: StateRegistry, issues: list[ScenarioIssue]
) -> Any:
    loc: Path = ("events", i)
    types = sorted(EVENT_TYPES)
    if not isinstance(raw, dict):
        issues.append(
            ScenarioIssue(line=line_of(lines, loc), field=field_name(loc), message="an event is a mapping")
        )
        return None
    kind = raw.get("type")
    if not isinstance(kind, str) or kind not in EVENT_TYPES:
        plausible = isinstance(kind, str) and len(kind) <= 40
        near = difflib.get_close_matches(kind, types, n=3, cutoff=0.5) if plausible else []
        what = "missing 'type'" if kind is None else f"unknown event type {shown(kind)}"
        hint = f" (nearest: {', '.join(near)})" if near else ""
        issues.append(
            ScenarioIssue(
                line=line_of(lines, (*loc, "type")),
                field=field_name((*loc, "type")),
                message=f"{what}{hint}; valid types: {', '.join(types)}",
                choices=types,
            )
        )
        return None
    model = EVENT_TYPES[kind]
    if "line" in raw:
        issues.append(
            ScenarioIssue(
                line=line_of(lines, (*loc, "line")),
                field=field_name((*loc, "line")),
                message="'line' is set by the loader, not by the file",
            )
        )
        return None
    try:
        ev = model.model_validate(raw, context={"registry": registry})
    except ValidationError as exc:
        issues.extend(_issues(exc, loc, lines, model))
        return None
    return ev.model_copy(update={"line": line_of(lines, loc)})


def _text_issues(data: Any, path: Path, lines: dict[Path, int]) -> list[ScenarioIssue]:
    """Every string (key or value) that holds NUL, controls or lone surrogates (lengths per field
    are the schema's: 100 for names, 10,000 for short text, the whole text for `description`)."""
    out: list[ScenarioIssue] = []
    items: list[tuple[Path, Any]] = [(path, data)]
    while items:
        loc, value = items.pop()
        if isinstance(value, dict):
            for key, sub in value.items():
                items.append(((*loc, key), key if isinstance(key, str) else ""))
                items.append(((*loc, key), sub))
        elif isinstance(value, list):
            items.extend(((*loc, i), sub) for i, sub in enumerate(value))
        elif isinstance(value, str):
            try:
                check_text(value, field_name(loc), MAX_TEXT_CHARS)
            except InputError as exc:
                out.append(ScenarioIssue(line=line_of(lines, loc), field=exc.field, message=exc.message))
    return out


def _window(data: dict[str, Any], head: ScenarioHead | None) -> tuple[Any, Any]:
    if head is not None:
        return head.start, head.end
    from datetime import date

    start, end = data.get("start"), data.get("end")
    return (start if type(start) is date else None, end if type(end) is date else None)


def _index(lines: dict[Path, int], line: int) -> int:
    for path, n in lines.items():
        if len(path) == 2 and path[0] == "events" and n == line:
            return int(path[1])
    return -1


def _conflict_order(events: list[Any], lines: dict[Path, int]) -> list[ScenarioIssue]:
    """A conflict_end must close a conflict that the scenario started for that state before."""
    open_: dict[str, int] = {}
    out: list[ScenarioIssue] = []
    for ev in sorted(events, key=lambda e: (e.date, e.line)):
        if isinstance(ev, ArmedAttack | ConflictStart):
            open_[ev.state] = open_.get(ev.state, 0) + 1
        elif isinstance(ev, ConflictEnd):
            if not open_.get(ev.state):
                out.append(
                    ScenarioIssue(
                        line=ev.line,
                        field=f"events[{_index(lines, ev.line)}].state",
                        message=f"conflict_end for {ev.state} on {ev.date}, but the scenario started no "
                        "conflict for it before that day (an armed_attack or conflict_start); a scenario "
                        "adds facts to the record and cannot end a conflict the record holds",
                    )
                )
            else:
                open_[ev.state] -= 1
    return out
