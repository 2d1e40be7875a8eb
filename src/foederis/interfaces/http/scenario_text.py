"""Loading a scenario's text for the API: the scenario loader's issues become one 400 answer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from foederis.interfaces.http.errors import ApiError
from foederis.interfaces.http.limits import DEFAULT_LIMITS

if TYPE_CHECKING:
    from foederis.scenarios.run import Scenario


def load(text: str, name: str = "scenario.yaml") -> Scenario:
    """The validated scenario, or ApiError(400) naming each problem's line, field and choices."""
    from foederis.scenarios.run import ScenarioError, load_scenario

    try:
        scenario = load_scenario(text, name)
    except ScenarioError as exc:
        issues = [
            {"line": e.line, "field": e.field, "message": e.message, "choices": e.choices} for e in exc.errors
        ]
        first = exc.errors[0] if exc.errors else None
        raise ApiError(
            400,
            "bad_scenario",
            f"line {first.line}: {first.field}" if first else "text",
            "; ".join(f"line {e.line}: {e.field}: {e.message}" for e in exc.errors) or "invalid scenario",
            first.choices if first else [],
            issues,
        ) from None
    except RecursionError:
        raise ApiError(400, "bad_scenario", "text", "the YAML is nested too deeply") from None
    if len(scenario.events) > DEFAULT_LIMITS.max_scenario_events:
        raise ApiError(
            400, "bad_scenario", "events", f"at most {DEFAULT_LIMITS.max_scenario_events} events per scenario"
        )
    return scenario
