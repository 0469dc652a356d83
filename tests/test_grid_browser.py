"""Browser journey: open the grid, click a cell on the chart, see its clients; the choice lands in the URL."""

from __future__ import annotations

import pytest
from browser import chromium, open_app, running_app, wait_idle

from core.store import Store
from tests.test_grid import load, steady

pytestmark = pytest.mark.browser

# The chart's axis ranges (pages/grid.py): X/Y/Z at x = 0, 1, 2; A/B/C at y = 2, 1, 0.
X_RANGE, Y_RANGE = (-0.52, 3.8), (-0.55, 2.55)


def click_cell(page, x: float, y: float) -> None:
    box = page.locator(".js-plotly-plot .nsewdrag").first.bounding_box()
    fx = (x - X_RANGE[0]) / (X_RANGE[1] - X_RANGE[0])
    fy = 1 - (y - Y_RANGE[0]) / (Y_RANGE[1] - Y_RANGE[0])
    page.mouse.click(box["x"] + fx * box["width"], box["y"] + fy * box["height"])


def test_click_a_cell_and_see_its_clients(tmp_path):
    db = tmp_path / "grid.duckdb"
    months = [f"2024-{m:02d}-10" for m in range(1, 7)]
    with Store(db) as store:
        load(
            store,
            steady("k1", 50, months) + steady("k2", 35, months) + steady("k3", 10, months) + steady("k4", 5, months),
        )
    with running_app(db) as url, chromium() as browser:
        page = open_app(browser, url, "grid", height=1800)
        page.get_by_text("Pick a cell to list its clients.").wait_for(timeout=30_000)
        click_cell(page, 0, 2)  # AX
        wait_idle(page)
        page.get_by_text("Clients in AX: 2").wait_for(timeout=30_000)
        assert "grid_cell=AX" in page.url
        page.screenshot(path=str(tmp_path / "grid_ax.png"), full_page=True)
        click_cell(page, 0, 0)  # CX
        wait_idle(page)
        page.get_by_text("Clients in CX: 1").wait_for(timeout=30_000)
