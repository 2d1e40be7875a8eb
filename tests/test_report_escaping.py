"""Every HTML page is built from one Jinja2 environment with autoescape on: text from a scenario
file or an article can never become markup in a report."""

from __future__ import annotations

from datetime import date

from foederis.claims.check import check
from foederis.engine.compile import Compiled
from foederis.interfaces.reports.claim_check import report_html as check_html
from foederis.interfaces.reports.scenario import report_html as scenario_html
from foederis.interfaces.templating import ENV
from foederis.interfaces.web.pages import templates
from foederis.record.loader import Record
from foederis.scenarios.run import load_scenario, run_scenario

HOSTILE = "<img src=x onerror=alert(1)>"

SCENARIO = f"""
name: hostile
title: "{HOSTILE} title"
description: "{HOSTILE} description"
start: 2027-01-01
end: 2027-12-31
events:
  - type: withdrawal_notice
    date: 2027-02-01
    state: NOR
    instrument: ccm
    note: "{HOSTILE} note"
"""


def test_web_pages_and_reports_share_one_autoescaping_environment() -> None:
    assert templates.env is ENV
    assert ENV.autoescape is True


def test_scenario_report_escapes_every_text_from_the_file(record: Record) -> None:
    result = run_scenario(load_scenario(SCENARIO, "hostile.yaml", record.states), record=record)
    page = scenario_html(result)
    assert HOSTILE not in page
    assert page.count("&lt;img src=x onerror=alert(1)&gt;") >= 4  # <title>, <h1>, description, note
    assert 'data-instrument="ccm"' in page  # the run itself was drawn


def test_claim_report_escapes_the_article(compiled: Compiled) -> None:
    text = f"Norway {HOSTILE} joined NATO in 1949. Lithuania left the CCM in 2025."
    page = check_html(check(compiled, text, today=date(2026, 12, 1)))
    assert HOSTILE not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<mark class=" in page  # claims are still highlighted
