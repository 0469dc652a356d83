"""Browser journey: drop a real export on the Data page, confirm its columns, see the rows loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium, open_app, running_app, wait_idle

from core.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
REAL_SUPERSTORE = Path(__file__).resolve().parent.parent.parent / "shared/data/real/superstore/Sample - Superstore.csv"

pytestmark = pytest.mark.browser


def test_drop_confirm_and_see_loaded_rows(tmp_path):
    # The real Superstore file when ../shared is here, else our own small export.
    export, rows = (REAL_SUPERSTORE, "9,994") if REAL_SUPERSTORE.exists() else (FIXTURES / "sales_small.csv", "4")
    db = tmp_path / "browser.duckdb"
    with running_app(db) as url, chromium() as browser:
        page = open_app(browser, url, "data")
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(export))
        wait_idle(page)
        confirm = page.get_by_role("button", name="Confirm columns and load")
        confirm.wait_for(timeout=30_000)
        page.screenshot(path=str(tmp_path / "mapping.png"), full_page=True)
        confirm.click()
        wait_idle(page)
        page.get_by_text(f"loaded {rows} rows").wait_for(timeout=60_000)
        page.screenshot(path=str(tmp_path / "loaded.png"), full_page=True)
    with Store(db) as store:
        assert f"{store.scalar('SELECT count(*) FROM lines'):,}" == rows


def test_first_start_loads_the_demo_and_georgian_frame(tmp_path):
    db = tmp_path / "demo.duckdb"
    with running_app(db, demo=True) as url, chromium() as browser:
        page = open_app(browser, url, "data", lang="ka")
        page.get_by_text("ჩატვირთული ფაილები").wait_for(timeout=30_000)
        page.get_by_text("300 კლიენტი").wait_for(timeout=30_000)  # the store's line under the upload log
        page.screenshot(path=str(tmp_path / "demo_ka.png"), full_page=True)
    with Store(db) as store:
        assert store.scalar("SELECT count(DISTINCT client_id) FROM lines") == 300
