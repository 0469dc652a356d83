"""Browser journey: a warehouse-style export maps itself, and a second, later export shows on the grid at once."""

from __future__ import annotations

import pytest
from browser import chromium, open_app, running_app, wait_idle

pytestmark = pytest.mark.browser


def export(path, months: list[str]) -> None:
    """OrderDate / CustomerKey / SalesTerritoryKey / SalesAmount, as a BI warehouse writes them."""
    rows = ["SalesTerritoryKey,OrderDate,CustomerKey,SalesAmount,ShipDate"]
    for month in months:
        for client, amount in (("11000", "1250.50"), ("11001", "310.25"), ("11002", "98.10")):
            rows.append(f"{int(client) % 10 + 1},{month}-10,{client},{amount},{month}-15")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def drop_and_confirm(page, path, rows: int, shot=None) -> None:
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(path))
    wait_idle(page)
    confirm = page.get_by_role("button", name="Confirm columns and load")
    confirm.wait_for(timeout=30_000)
    page.get_by_text("What confirming will store").wait_for(timeout=30_000)
    if shot:
        page.screenshot(path=str(shot), full_page=True)
    confirm.click()
    wait_idle(page)
    page.get_by_text(f"loaded {rows} rows").wait_for(timeout=60_000)


def open_in_same_tab(page, title: str) -> None:
    page.get_by_role("link", name=title).first.click()
    wait_idle(page)


def test_export_maps_itself_and_a_later_one_shows_at_once(tmp_path):
    first, second = tmp_path / "fact_sales_h1.csv", tmp_path / "fact_sales_q3.csv"
    export(first, [f"2024-{m:02d}" for m in range(1, 7)])
    export(second, [f"2024-{m:02d}" for m in range(7, 10)])
    with running_app(tmp_path / "journey.duckdb") as url, chromium() as browser:
        page = open_app(browser, url, "data", width=1280)
        drop_and_confirm(page, first, 18, tmp_path / "mapping.png")  # nothing touched in the mapping
        page.screenshot(path=str(tmp_path / "loaded_first.png"), full_page=True)
        open_in_same_tab(page, "ABC-XYZ grid")
        page.get_by_text("– 2024-06-10.").wait_for(timeout=30_000)
        open_in_same_tab(page, "Data")
        drop_and_confirm(page, second, 9)
        open_in_same_tab(page, "ABC-XYZ grid")
        page.get_by_text("– 2024-09-10.").wait_for(timeout=30_000)  # the sidebar's dates followed the data
        page.screenshot(path=str(tmp_path / "grid_after_second.png"), full_page=True)
