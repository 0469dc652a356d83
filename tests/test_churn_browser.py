"""Browser journey: record a reason for a lost client and see it in the breakdown."""

from __future__ import annotations

import pandas as pd
import pytest
from browser import chromium, open_app, running_app, wait_for_count, wait_idle

from core.store import Store, add_upload
from tests.test_churn import TIMELINE

pytestmark = pytest.mark.browser


def test_record_a_reason_and_see_it_in_the_breakdown(tmp_path):
    db = tmp_path / "churn.duckdb"
    with Store(db) as store:
        add_upload(
            store,
            pd.DataFrame(TIMELINE, columns=["client_id", "date", "amount"]),
            file_name="t.csv",
            sha256="t",
            source_key="t",
        )
    with running_app(db) as url, chromium() as browser:
        # L = 10 through the URL: A and C are lost as of 2024-02-10; A is the most valuable.
        page = open_app(browser, url, "churn?churn_lost_days=10", height=3000)
        page.get_by_text("Lost now").wait_for(timeout=30_000)
        before = page.get_by_text("Service level declined", exact=True).count()  # the reason picker
        page.get_by_role("button", name="Save reason").click()  # A, "Service level declined"
        wait_idle(page)
        page.get_by_text("Saved: A").wait_for(timeout=30_000)
        # The legend of the stacked bars, the Pareto axis and the lost-clients table now name it.
        page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
        named = page.get_by_text("Service level declined", exact=True)
        assert wait_for_count(named, before + 2) >= before + 2
        page.screenshot(path=str(tmp_path / "churn.png"), full_page=True)
    with Store(db) as store:
        assert store.query_rows("SELECT client_id, reason, set_by FROM loss_reasons") == [
            ("A", "service_level", "team")
        ]
