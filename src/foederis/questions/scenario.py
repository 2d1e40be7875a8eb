"""Scenarios replayed day by day: hypothetical events laid over the real record (issue 4, part 4).

The question's entry points; the work is done in `foederis.scenarios` (schema, YAML loader with
line numbers, replay against the engine, HTML report).
"""

from __future__ import annotations

from foederis.scenarios.replay import run_scenario, scenario_facts
from foederis.scenarios.report import report_html
from foederis.scenarios.result import ScenarioResult
from foederis.scenarios.schema import Scenario, ScenarioError, ScenarioIssue
from foederis.scenarios.validate import load_scenario

__all__ = [
    "Scenario",
    "ScenarioError",
    "ScenarioIssue",
    "ScenarioResult",
    "load_scenario",
    "report_html",
    "run_scenario",
    "scenario_facts",
]
