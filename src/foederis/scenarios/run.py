"""Scenarios replayed day by day: hypothetical events laid over the real record.

The scenario layer's entry points in one import; the work is done in its modules (schema, YAML
loader with line numbers, replay against the engine); the HTML report is rendered by
`foederis.interfaces.reports.scenario`.
"""

from __future__ import annotations

from foederis.scenarios.replay import run_scenario, scenario_facts
from foederis.scenarios.result import ScenarioResult
from foederis.scenarios.schema import Scenario, ScenarioError, ScenarioIssue
from foederis.scenarios.validate import load_scenario

__all__ = [
    "Scenario",
    "ScenarioError",
    "ScenarioIssue",
    "ScenarioResult",
    "load_scenario",
    "run_scenario",
    "scenario_facts",
]
