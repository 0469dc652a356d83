"""Browser journey: open a client from the grid's cell list, add an event and a person, reload, see them."""

from __future__ import annotations

from datetime import date

import pytest
from browser import chromium, open_app, running_app, wait_idle

from core.dossier import events, people
from core.store import Store
from tests.test_grid import load, steady

pytestmark = pytest.mark.browser

HEADER_HEIGHT, ROW_HEIGHT = 36, 35  # Streamlit's data grid, in CSS pixels


def click_link_cell(page, table, row: int = 0, x: float = 28):
    """Click the link drawn in the first column of ``row`` (the grid is a canvas: hover first, then click)."""
    box = table.bounding_box()
    at_x, at_y = box["x"] + x, box["y"] + HEADER_HEIGHT + ROW_HEIGHT * row + ROW_HEIGHT / 2
    page.mouse.move(at_x - 5, at_y)
    page.wait_for_timeout(250)
    page.mouse.move(at_x, at_y)
    page.wait_for_timeout(250)
    page.mouse.click(at_x, at_y)


def open_link(page, table, row: int):
    """Click the row's link until the new tab opens (a busy machine may draw the canvas late)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(5):
        try:
            with page.context.expect_page(timeout=10_000) as opened:
                click_link_cell(page, table, row=row)
            return opened.value
        except PlaywrightTimeout:
            page.wait_for_timeout(1_000)
    raise AssertionError("the client's link in the cell list did not open its dossier")


def visible(page, role: str, name: str):
    return page.get_by_role(role, name=name, exact=True).locator("visible=true").first


def open_tab(page, tab: str, shows) -> None:
    """Click a tab until ``shows`` (a locator inside it) is visible: a rerun still drawing the page on a
    busy machine can put the first tab back after the click."""
    for _ in range(4):
        visible(page, "tab", tab).click()
        wait_idle(page)
        try:
            shows.wait_for(state="visible", timeout=10_000)
            return
        except Exception:  # noqa: BLE001 - Playwright's TimeoutError: click again
            continue
    shows.wait_for(state="visible", timeout=10_000)


def test_open_a_client_from_the_grid_add_an_event_and_a_person_and_see_them_after_a_reload(tmp_path):
    db = tmp_path / "dossier.duckdb"
    months = [f"2024-{m:02d}-10" for m in range(1, 7)]
    with Store(db) as store:
        load(
            store,
            steady("k1", 50, months) + steady("k2", 35, months) + steady("k3", 10, months) + steady("k4", 5, months),
        )
    with running_app(db) as url, chromium() as browser:
        grid = open_app(browser, url, "grid?grid_cell=AX", height=1800)
        grid.get_by_text("Clients in AX: 2").wait_for(timeout=30_000)
        table = grid.locator("[data-testid='stDataFrame']").first
        table.scroll_into_view_if_needed()
        page = open_link(grid, table, row=0)  # k1, the first of the cell
        page.set_viewport_size({"width": 1400, "height": 1800})
        page.wait_for_load_state()
        wait_idle(page)
        assert "client=k1" in page.url
        page.get_by_text("Name of k1 · k1").wait_for(timeout=30_000)

        open_tab(page, "Relationship history", visible(page, "textbox", "What happened"))
        # the date of a new event starts at today
        visible(page, "textbox", "What happened").fill("Quarterly review with the buyer")
        visible(page, "textbox", "Why").fill("prices held")
        visible(page, "button", "Save").click()
        wait_idle(page)
        page.get_by_text("Saved by team.").wait_for(timeout=30_000)

        open_tab(page, "Decision-making map", visible(page, "textbox", "Name"))
        visible(page, "textbox", "Name").fill("Levan Beridze")
        visible(page, "textbox", "Role").fill("Chief buyer")
        visible(page, "button", "Save").click()
        wait_idle(page)
        page.get_by_text("Saved by team.").wait_for(timeout=30_000)

        page.reload()
        wait_idle(page)
        page.get_by_text("Quarterly review with the buyer").first.wait_for(timeout=30_000)  # latest events
        open_tab(page, "Decision-making map", page.get_by_text("Levan Beridze").locator("visible=true").first)
        page.screenshot(path=str(tmp_path / "dossier.png"), full_page=True)

    with Store(db) as store:
        event = events(store, "k1").iloc[0]
        assert (event.event_date, event.what, event.why) == (
            date.today(),
            "Quarterly review with the buyer",
            "prices held",
        )
        assert people(store, "k1")[["name", "role"]].values.tolist() == [["Levan Beridze", "Chief buyer"]]
