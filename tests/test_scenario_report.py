"""The scenario report in a real browser (Chromium through Playwright): what the page shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from foederis.interfaces.reports.scenario import report_html
from foederis.record.loader import Record
from foederis.scenarios.bundled import EXAMPLES_DIR
from foederis.scenarios.run import load_scenario, run_scenario

pytestmark = pytest.mark.browser

EXAMPLES = EXAMPLES_DIR
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


def _open(browser: object, record: Record, name: str, tmp_path: Path) -> tuple[object, list[str]]:
    text = (EXAMPLES / f"{name}.yaml").read_text()
    result = run_scenario(load_scenario(text, f"{name}.yaml", record.states), record=record)
    path = tmp_path / f"{name}.html"
    path.write_text(report_html(result), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    assert errors == []
    return page, requests


def _row_texts(page: object, selector: str) -> list[str]:
    return [t.strip() for t in page.locator(selector).all_inner_texts()]  # type: ignore[attr-defined]


def test_estonia_report_shows_frozen_notices(browser: object, record: Record, tmp_path: Path) -> None:
    page, requests = _open(browser, record, "estonia-2027", tmp_path)
    assert all(url.startswith("file://") for url in requests), requests  # self-contained
    assert page.locator("[data-testid=title]").inner_text() == "Armed attack on Estonia, 2027"  # type: ignore[attr-defined]
    frozen = _row_texts(page, "[data-testid=frozen] tbody tr")
    assert len(frozen) == 3
    deu = next(r for r in frozen if r.startswith("DEU"))
    assert "2027-10-02" in deu and "2028-01-15" in deu and "ccm/art_20__para_3" in deu
    assert not any(r.startswith("NLD") for r in frozen)
    # the CCM chart: one row per ally, Germany's band labelled 'frozen' in text, not only in colour
    chart = page.locator("svg[data-instrument=ccm]")  # type: ignore[attr-defined]
    assert chart.is_visible()
    labels = chart.locator("text").all_text_contents()  # SVG text has no innerText
    assert labels.count("frozen") == 3 and "pending" in labels and "withdrawn" in labels
    assert chart.locator("text[data-row]").count() == 32
    assert chart.locator("rect[data-status=withdrawal_pending]").count() == 4
    assert "withdrawal pending (bound)" in page.locator("[data-testid=legend]").inner_text()  # type: ignore[attr-defined]
    # the change log filter (inline JS) keeps only the rows that match
    page.fill("#change-filter", "NLD")  # type: ignore[attr-defined]
    visible = [r for r in page.locator("#changes tbody tr").all() if r.is_visible()]  # type: ignore[attr-defined]
    assert len(visible) == 2 and all("NLD" in r.inner_text() for r in visible)
    assert page.locator("#change-count").inner_text() == "2 shown"  # type: ignore[attr-defined]
    earliest = page.locator("[data-testid=earliest] tr[data-state=NOR]").inner_text()  # type: ignore[attr-defined]
    assert "2028-07-01" in earliest
    matrices = page.locator("[data-testid=matrix]")  # type: ignore[attr-defined]
    assert matrices.count() >= 5
    first = matrices.first
    assert first.locator("td.cell").first.is_visible()
    page.close()  # type: ignore[attr-defined]


def test_peacetime_report_shows_notices_effective(browser: object, record: Record, tmp_path: Path) -> None:
    page, _ = _open(browser, record, "peacetime-notices-2026", tmp_path)
    assert "No withdrawal in the scenario is frozen" in page.locator("[data-testid=frozen]").inner_text()  # type: ignore[attr-defined]
    for state in ("NOR", "DEU", "FRA", "NLD"):
        row = page.locator(f"[data-testid=earliest] tr[data-state={state}]").inner_text()  # type: ignore[attr-defined]
        assert "2026-10-02" in row
    page.check("#only-scenario")  # type: ignore[attr-defined]
    visible = [r.inner_text() for r in page.locator("#changes tbody tr").all() if r.is_visible()]  # type: ignore[attr-defined]
    assert len(visible) == 8
    assert sum("withdrawal_pending → withdrawn" in r and "2026-10-02" in r for r in visible) == 4
    assert "frozen" not in page.locator("svg[data-instrument=ccm]").locator("text").all_text_contents()  # type: ignore[attr-defined]
    diff = _row_texts(page, "[data-testid=diff] tbody tr")
    assert len(diff) == 4 and all("2026-04-02" in r for r in diff)
    page.close()  # type: ignore[attr-defined]


def test_ukraine_report_shows_open_freeze(browser: object, record: Record, tmp_path: Path) -> None:
    page, _ = _open(browser, record, "ukraine-apmbt-2025", tmp_path)
    (row,) = _row_texts(page, "[data-testid=frozen] tbody tr")
    assert row.startswith("UKR") and "2026-03-01" in row and "not before the conflict ends" in row
    chart = page.locator("svg[data-instrument=apmbt]")  # type: ignore[attr-defined]
    assert "UKR Ukraine *" in chart.locator("text[data-row]").all_text_contents()
    assert "frozen" in chart.locator("text").all_text_contents()
    ukr_war = chart.locator("rect[data-conflict=record]")
    assert ukr_war.count() >= 1 and "2022-02-24" in ukr_war.first.text_content()
    events = page.locator("[data-testid=events]").inner_text()  # type: ignore[attr-defined]
    assert "scenario:ukraine-apmbt-2025:line" in events
    page.close()  # type: ignore[attr-defined]


def test_report_opens_with_the_headline_answers(browser, record, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page, _requests = _open(browser, record, "estonia-2027", tmp_path)
    head = page.locator("[data-testid=headline]")  # type: ignore[attr-defined]
    deu = head.locator("li[data-state=DEU][data-instrument=ccm]").inner_text()
    assert (
        "bound by the Convention on Cluster Munitions until 2028-01-15" in deu
        and "frozen from 2027-10-02" in deu
    )
    nld = head.locator("li[data-state=NLD][data-instrument=ccm]").inner_text()
    assert "until 2027-10-02" in nld and "frozen" not in nld
    assert "may lawfully use cluster munitions from 2028-07-01" in head.inner_text()
    # allies bound throughout fold away under one line
    fold = page.locator("[data-testid=bound-throughout]")  # type: ignore[attr-defined]
    assert "allies bound throughout" in fold.inner_text()
    assert page.locator("[data-testid=earliest] tr[data-state=BEL]").count() == 0  # type: ignore[attr-defined]
