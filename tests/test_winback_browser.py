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
