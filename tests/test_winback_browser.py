"""Browser journey: change a client's win-back status, reload the page, the status is still there."""

from __future__ import annotations

import pytest
from browser import chromium, open_app, running_app, wait_idle

from core.store import Store
from tests.test_winback import first_export, load

pytestmark = pytest.mark.browser


def test_status_change_survives_a_reload(tmp_path):
    db = tmp_path / "winback.duckdb"
    with Store(db) as store:
        load(store, first_export(), "2024.csv")
    with running_app(db) as url, chromium() as browser:
        page = open_app(browser, url, "winback", height=2400)
        page.get_by_text("Update a status").wait_for(timeout=30_000)
        # The editor starts on the top candidate, Foxtrot (F6); make it "Contacted".
        form = page.get_by_test_id("stForm")
        status_input = form.get_by_test_id("stSelectbox").first.locator("input")
        status_input.click()
        page.keyboard.type("Contacted")  # the select box filters its options as one types
        page.get_by_role("option", name="Contacted").click()
        form.get_by_role("textbox").first.fill("Nino")
        page.get_by_role("button", name="Save status").click()
        wait_idle(page)
        page.get_by_text("Saved: Foxtrot is now “Contacted”.").wait_for(timeout=30_000)

        page.reload()
        wait_idle(page)
        page.get_by_text("Update a status").wait_for(timeout=30_000)
        # A select box shows its choice as the value of its input.
        picker = page.get_by_test_id("stSelectbox").filter(has_text="Client").locator("input")
        assert picker.input_value(timeout=30_000) == "Foxtrot (F6) · 150,000 · Contacted"
        status = page.get_by_test_id("stForm").get_by_test_id("stSelectbox").locator("input")
        assert status.input_value() == "Contacted"
        page.screenshot(path=str(tmp_path / "winback.png"), full_page=True)
    with Store(db) as store:
        assert store.query_rows("SELECT client_id, status, owner, changed_by FROM winback_status_history") == [
            ("F6", "contacted", "Nino", "team")
        ]


def test_a_later_export_shows_a_client_won_back(tmp_path):
    # The first export reaches 10 Sep 2024 and shows Anka lost (last bought 10 Jan, 180 days);
    # the second brings her back on 10 Oct: the win-back page moves her from the call list to
    # the won-back clients, with the revenue since her return.
    from test_data_journey_browser import drop_and_confirm, open_in_same_tab

    first, second = tmp_path / "sales_2024.csv", tmp_path / "sales_october.csv"
    rows = ["OrderDate,CustomerKey,CustomerName,SalesAmount", "2024-01-10,K1,Anka,500.00"]
    rows += [f"2024-{m:02d}-10,K2,Bero,100.00" for m in range(1, 10)]
    first.write_text("\n".join(rows) + "\n", encoding="utf-8")
    second.write_text("OrderDate,CustomerKey,CustomerName,SalesAmount\n2024-10-10,K1,Anka,80.00\n", encoding="utf-8")
    with running_app(tmp_path / "later.duckdb") as url, chromium() as browser:
        page = open_app(browser, url, "data", width=1280, height=2400)
        drop_and_confirm(page, first, 10)
        open_in_same_tab(page, "Win-back")
        page.get_by_text("1 clients to win back").wait_for(timeout=30_000)
        open_in_same_tab(page, "Data")
        drop_and_confirm(page, second, 1)
        open_in_same_tab(page, "Win-back")
        page.get_by_text("Won back (they bought again) (1)").wait_for(timeout=30_000)
        page.get_by_text(
            "0 clients to win back, 0 of value before loss; 1 clients won back, 80 revenue recovered."
        ).wait_for(timeout=30_000)
        page.screenshot(path=str(tmp_path / "won_back.png"), full_page=True)
        picker = page.get_by_test_id("stSelectbox").filter(has_text="Client").locator("input")
        assert picker.input_value(timeout=30_000) == "Anka (K1) · 500 · Won back"
