"""The web pages in a real Chromium (Playwright), against a real `foederis serve` on localhost:
click through each flow and check what the page shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_http_live_server import make_token, running

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    home = tmp_path_factory.mktemp("web")
    db = f"sqlite:///{home / 'web.sqlite3'}"
    token = make_token(db, home)
    with running(db, home) as server:
        yield server.url, token


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield b
        b.close()


@pytest.fixture
def page(browser, live):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1366, "height": 900}, base_url=live[0])
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


def test_search_a_state_and_read_its_timeline(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.fill("#home-q", "lithuania")
    page.press("#home-q", "Enter")
    assert page.inner_text("#state-title").startswith("Lithuania")
    labels = page.locator(".chart-label").all_inner_texts()
    assert {"North Atlantic Treaty", "Convention on Cluster Munitions"} <= set(labels)
    ccm = page.locator("#inst-ccm")
    rows = ccm.locator("tbody tr")
    assert rows.count() >= 4
    last = rows.last
    assert "withdrawn" in last.inner_text() and "2025-03-06" in last.inner_text()
    last.locator("summary").click()
    assert last.locator("a.prov", has_text="ccm/art_20__para_3").first.is_visible()
    assert "source:" in last.locator("ul.events").first.inner_text()
    last.locator("a.prov", has_text="ccm/art_20__para_3").first.click()
    assert page.inner_text("#provision-id") == "ccm/art_20__para_3"


def test_unknown_state_shows_the_field_and_nearest_matches(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.fill("#home-q", "Nrway")
    page.press("#home-q", "Enter")
    err = page.inner_text("#error")
    assert "unknown state 'Nrway'" in err and "NOR" in err


def test_matrix_grid_readable_without_colour_and_cells_give_reasons(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/matrix")
    page.select_option("select[name=alliance]", "nato")
    page.select_option("select[name=weapon]", "cluster_munitions")
    page.fill("input[name=on]", "2025-03-06")
    page.click("#matrix-form button[type=submit]")
    assert "NATO · cluster munitions · 2025-03-06 · 32 allies" in page.inner_text("#matrix-caption")
    rows = page.locator("#matrix tbody tr")
    assert rows.count() == 32
    cells = page.locator("#matrix button.cell")
    assert cells.count() == 32 * 8
    labels = set(cells.all_inner_texts())
    assert labels <= {"✗ prohibited", "✓ permitted", "◐ with limits"} and "✗ prohibited" in labels
    norway = page.locator("button.cell[data-state=NOR][data-activity=use]")
    assert norway.inner_text() == "✗ prohibited"
    norway.click()
    panel = page.locator("#cell-reasons")
    assert page.inner_text("#cell-title") == "NOR · use: prohibited"
    assert panel.locator("a.prov").count() >= 1 and "Convention on Cluster Munitions" in panel.inner_text()
    lithuania = page.locator("button.cell[data-state=LTU][data-activity=use]")
    assert lithuania.inner_text() == "✓ permitted"  # withdrawn from the CCM on that very day
    lithuania.click()
    assert page.inner_text("#cell-title") == "LTU · use: permitted"
    usa = page.locator("button.cell[data-state=USA][data-activity=use]")
    assert usa.inner_text() == "✓ permitted"
    norway.click()
    shot = _shot(page, "matrix", tmp_path)  # into docs/img only with FOEDERIS_SCREENSHOTS=1
    assert shot.stat().st_size > 10_000


def test_withdrawal_what_if_with_a_conflict(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/withdrawal")
    page.fill("input[name=state]", "Norway")
    page.select_option("select[name=instrument]", "ccm")
    page.fill("input[name=notice]", "2026-12-01")
    page.click("#add-conflict")
    inputs = page.locator("#conflicts input[name=conflict]")
    assert inputs.count() == 2
    inputs.nth(0).fill("2027-05-01..")
    page.click("#withdrawal-form button[type=submit]")
    result = page.inner_text("#withdrawal-result")
    assert "NOR" in result and "pending" in result
    assert "ccm/art_20__para_3" in result
    # the same notice without a conflict takes effect six months after receipt
    page.goto("/withdrawal?state=Norway&instrument=ccm&notice=2026-12-01")
    assert page.inner_text("#effective") == "2027-06-01"


def test_scenario_open_edit_run_save(page, live) -> None:  # type: ignore[no-untyped-def]
    _, token = live
    page.goto("/scenarios")
    page.fill("#new-scenario input[name=name]", "nor-ccm")
    page.click("#new-scenario button[type=submit]")
    assert page.inner_text("#scenario-name") == "nor-ccm"
    assert "withdrawal_notice" in page.input_value("#scenario-text")
    page.click("#run")
    changes = page.locator("#scenario-changes tbody tr")
    changes.first.wait_for()
    assert changes.count() == 3
    assert "withdrawal_pending → withdrawn" in changes.last.inner_text()
    assert "2028-07-01" in page.inner_text("#scenario-frozen")
    report = page.frame_locator("#scenario-report")
    assert report.locator("svg").first.is_visible()  # the timeline chart
    # saving needs the token
    page.fill("#token", "wrong")
    page.click("#save")
    page.locator("#scenario-status.error").wait_for()
    assert "Not saved" in page.inner_text("#scenario-status")
    page.fill("#token", token)
    page.fill("#message", "first version")
    page.click("#save")
    page.wait_for_function("document.querySelector('#scenario-status').textContent.startsWith('Saved')")
    assert page.inner_text("#scenario-status") == "Saved revision 1."
    text = page.input_value("#scenario-text").replace("date: 2028-07-01", "date: 2028-03-01")
    page.fill("#scenario-text", text)
    page.fill("#message", "conflict ends earlier")
    page.click("#save")
    page.wait_for_function("document.querySelector('#scenario-status').textContent === 'Saved revision 2.'")
    log = page.locator("#changelog li").all_inner_texts()
    assert len(log) == 2 and "conflict ends earlier" in log[0] and "first version" in log[1]
    # the token lives in the page's memory only: no script can read it back from storage later
    storage = page.evaluate("() => JSON.stringify([{...localStorage}, {...sessionStorage}])")
    assert token not in storage and "foederis-token" not in storage
    page.reload()
    assert page.input_value("#token") == ""
    assert "date: 2028-03-01" in page.input_value("#scenario-text")
    assert page.inner_text("#revision") == "2"
    page.click("#run")
    page.locator("#scenario-changes").wait_for()
    assert "2028-03-01" in page.inner_text("#scenario-frozen")
    page.goto("/scenarios")
    assert "nor-ccm" in page.inner_text("#scenario-list")


def test_scenario_errors_name_line_and_field(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/scenarios/broken")
    page.fill("#scenario-text", "name: x\nstart: 2027-01-01\nend: 2028-01-01\nevents:\n  - type: bogus\n")
    page.click("#run")
    err = page.locator("#scenario-errors")
    err.wait_for()
    assert "line 5" in err.inner_text() and "events[0].type" in err.inner_text()


def test_provision_text_with_rules_and_citing_answers(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/provisions")
    page.click("a[href='/provisions/ccm/art_20__para_3']")
    assert "six months after the receipt" in page.inner_text("#provision-text")
    assert "foederis.rules.ccm" in page.inner_text("#provision-rules")
    cites = page.locator("#provision-cites a", has_text="Lithuania")
    assert cites.count() >= 1
    cites.first.click()
    assert page.inner_text("#state-title").startswith("Lithuania")


@pytest.mark.parametrize(("path", "ready"), [("/docs", ".opblock"), ("/redoc", "[data-section-id]")])
def test_api_docs_render_with_the_network_blocked(browser, live, path, ready) -> None:  # type: ignore[no-untyped-def]
    """Swagger UI and ReDoc come from the package: with every request off this machine refused, the
    operation list still renders. Swagger UI never tries to leave; ReDoc's bundle asks only for its
    own footer logo, which is cosmetic."""
    from urllib.parse import urlsplit

    context = browser.new_context(viewport={"width": 1366, "height": 900}, base_url=live[0])
    local = urlsplit(live[0]).netloc
    outbound: list[str] = []

    def gate(route) -> None:  # type: ignore[no-untyped-def]
        if urlsplit(route.request.url).netloc == local:
            route.continue_()
        else:
            outbound.append(route.request.url)
            route.abort()

    context.route("**/*", gate)
    pg = context.new_page()
    pg.goto(path)
    pg.wait_for_selector(ready, timeout=20_000)
    assert pg.locator(ready).count() >= 5
    if path == "/docs":
        assert "/v1/status" in pg.inner_text(".swagger-ui")
    context.close()
    if path == "/redoc":
        outbound = [u for u in outbound if not u.endswith("/logo-mini.svg")]
    assert outbound == []


def _shot(page, name: str, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A screenshot: into docs/img with FOEDERIS_SCREENSHOTS=1 (for the README), else a temp dir."""
    import os

    folder = ROOT / "docs" / "img" if os.environ.get("FOEDERIS_SCREENSHOTS") == "1" else tmp_path
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    assert path.stat().st_size > 5_000
    return path


@pytest.fixture
def narrow(browser, live):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 400, "height": 860}, base_url=live[0])
    pg = context.new_page()
    yield pg
    context.close()


def _no_sideways_scroll(page) -> None:  # type: ignore[no-untyped-def]
    """The page itself fits the viewport; only tables marked to scroll may be wider."""
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1


def test_state_page_answers_on_a_date(page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/state?q=Lithuania")
    page.fill("#on", "2025-03-06")
    page.press("#on", "Enter")
    ccm = page.locator("#on-day tr[data-instrument=ccm]")
    assert "withdrawn" in ccm.inner_text() and "2025-03-06" in ccm.inner_text()
    assert "bound" in page.locator("#on-day tr[data-instrument=nato]").inner_text()
    ticks = page.locator(".axis .tick").all_inner_texts()
    assert len(ticks) >= 3 and all(t.isdigit() and len(t) == 4 for t in ticks)
    assert page.title() == "Lithuania · foederis"
    page.set_viewport_size({"width": 1400, "height": 900})
    _shot(page, "state-1400", tmp_path)


def test_pages_fit_400_px(narrow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for path in (
        "/",
        "/state?q=LTU&on=2025-03-06",
        "/matrix?on=2025-03-06",
        "/instruments/ccm",
        "/provisions",
        "/scenarios",
        "/withdrawal",
    ):
        narrow.goto(path)
        _no_sideways_scroll(narrow)
    narrow.goto("/state?q=LTU&on=2025-03-06")
    _shot(narrow, "state-400", tmp_path)
    narrow.goto("/matrix?on=2025-03-06")
    _shot(narrow, "matrix-400", tmp_path)


def test_instrument_page_counts_members_and_groups_provisions(page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.click("#instrument-list a[href='/instruments/nato']")
    assert page.inner_text("#instrument-title").startswith("North Atlantic Treaty")
    page.fill("#members-form input[name=on]", "2024-03-07")
    page.press("#members-form input[name=on]", "Enter")
    assert page.inner_text("#member-count") == "32"
    assert "Sweden" in page.inner_text("#members")
    assert page.locator("#count-chart polyline").count() == 1
    assert page.locator("#count-chart text.year").count() >= 3
    page.goto("/instruments/ccm")
    arts = page.locator("#instrument-provisions details[data-article='ccm/art_20']")
    assert arts.count() == 1 and "ccm/art_20__para_3" in arts.text_content()
    assert page.title() == "Convention on Cluster Munitions · foederis"
    page.set_viewport_size({"width": 1400, "height": 900})
    _shot(page, "instrument-1400", tmp_path)


def test_provisions_index_is_grouped_by_instrument_and_article(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/provisions")
    assert page.locator("section#prov-ccm details[data-article='ccm/art_20'] a").count() >= 3
    assert page.locator("section#prov-apmbt").count() == 1


def test_matrix_by_keyboard_permalink_citation_and_csv(page, live) -> None:  # type: ignore[no-untyped-def]
    page.goto("/matrix?weapon=cluster_munitions&on=2025-03-06")
    assert page.get_attribute("input[name=on]", "value") == "2025-03-06"
    first = page.locator("button.cell").first
    first.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.id")
    page.keyboard.press("Enter")
    state, activity = page.evaluate(
        "[document.activeElement.dataset.state, document.activeElement.dataset.activity]"
    )
    assert focused == f"cell-{state}-{activity}" and activity == "develop"
    assert page.inner_text("#cell-title").startswith(f"{state} · develop")
    link = page.get_attribute("#cell-permalink", "href")
    assert link.endswith(f"#cell-{state}-develop") and "on=2025-03-06" in link
    assert "ccm/" in page.inner_text("#citation")
    page.goto(link)  # the permalink opens with the cell's reasons shown
    assert page.inner_text("#cell-title").startswith(f"{state} · develop")
    header = page.locator("table.matrix thead th").first
    assert header.evaluate("e => getComputedStyle(e).position") == "sticky"
    with page.expect_download() as dl:
        page.click("#matrix-csv")
    text = Path(dl.value.path()).read_text(encoding="utf-8")
    assert text.startswith("iso3,state,date,weapon,use,") and "\nLTU,Lithuania,2025-03-06," in text


def test_example_scenarios_listed_read_only(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/scenarios")
    page.click("#example-list a[href='/scenarios/examples/estonia-2027']")
    assert page.locator("#readonly").count() == 1 and page.locator("#save").count() == 0
    page.click("#run")
    page.wait_for_selector(
        "#scenario-result iframe, #scenario-result .report, #scenario-result *", timeout=30_000
    )
    assert page.locator("link[rel=icon]").count() == 1


def test_accession_page_shows_holdouts_longest_last(page, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.click("a.card[href='/accession']")
    page.fill("#accession-form input[name=q]", "Sweden")
    page.fill("#accession-form input[name=on]", "2023-12-01")
    page.press("#accession-form input[name=on]", "Enter")
    assert page.inner_text("#holdouts") == "HUN, TUR"
    allies = page.locator("#accession-bars tbody tr").evaluate_all("rs => rs.map(r => r.dataset.ally)")
    assert set(allies[-2:]) == {"HUN", "TUR"}  # the holdouts come last
    assert "holding out" in page.locator("#accession-bars tr[data-ally=HUN]").inner_text()
    page.set_viewport_size({"width": 1400, "height": 900})
    _shot(page, "accession-1400", tmp_path)


def test_presence_exclusion_and_history_pages(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/presence?on=2022-01-10")
    assert "host_forces_v1" in page.inner_text("#tier-rule")
    for state in ("EST", "LVA", "LTU", "POL"):
        row = page.locator(f"#presence tr[data-state={state}]")
        assert row.get_attribute("data-tier") == "1" and "battlegroup" in row.inner_text().lower()
    page.goto("/exclusion?instrument=nato")
    assert "vclt/art_60__para_2" in page.inner_text("main")
    page.goto("/history")
    assert page.locator("#occasions tr[data-article='4']").count() >= 5
    assert "such action as it deems necessary" in page.inner_text("#art5-text")
