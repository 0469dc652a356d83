"""Browser journeys for access: the gate in a real server, the tab icon served by the app itself."""

from __future__ import annotations

import shutil

import pytest
from browser import chromium, open_app, running_app, wait_for_count, wait_idle

from core import access

pytestmark = pytest.mark.browser
VIEWER_CODE, EDITOR_CODE = "look but do not touch", "change the figures"


def test_open_on_this_computer_with_a_local_tab_icon(demo_db, tmp_path):
    db = tmp_path / "open.duckdb"
    shutil.copy(demo_db, db)
    with running_app(db) as url, chromium() as browser:
        page = open_app(browser, url, "data")
        page.get_by_text("Open on this computer only").wait_for(timeout=30_000)
        icon = page.locator("link[rel='shortcut icon'], link[rel='icon']").first.get_attribute("href")
        assert icon and (icon.startswith(url) or icon.startswith("/") or icon.startswith("./")), icon
        assert "gstatic" not in icon and "googleapis" not in icon
        answer = page.request.get(icon if icon.startswith("http") else f"{url}/{icon.lstrip('./')}")
        assert answer.status == 200 and answer.headers["content-type"] == "image/png"


def test_codes_gate_a_real_server(demo_db, tmp_path):
    db = tmp_path / "codes.duckdb"
    shutil.copy(demo_db, db)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        "[access]\n"
        + access.secrets_line(VIEWER_CODE, "viewer")
        + "\n"
        + access.secrets_line(EDITOR_CODE, "editor")
        + "\n",
        encoding="utf-8",
    )
    with running_app(db, args=("--secrets.files", str(secrets))) as url, chromium() as browser:
        page = open_app(browser, url, "grid")
        page.get_by_text("Key accounts — sign in").wait_for(timeout=30_000)
        assert page.locator("[data-testid='stPlotlyChart'], [data-testid='stDataFrame']").count() == 0
        code = page.get_by_label("Access code")
        code.fill("not the code")
        page.get_by_role("button", name="Enter").click()
        wait_idle(page)
        page.get_by_text("That code is not right").wait_for(timeout=30_000)
        page.get_by_label("Your name (kept with the changes you make)").fill("Nino")
        page.get_by_label("Access code").fill(VIEWER_CODE)
        page.get_by_role("button", name="Enter").click()
        wait_idle(page)
        page.get_by_text("Nino · viewer").wait_for(timeout=30_000)
        assert wait_for_count(page.locator("[data-testid='stPlotlyChart']"), 1) >= 1  # the figures, for a viewer
        page.get_by_role("link", name="Data").click()
        wait_idle(page)
        page.get_by_text("You are signed in as a viewer").wait_for(timeout=30_000)
        assert page.locator("[data-testid='stFileUploaderDropzoneInput']").count() == 0
        assert page.get_by_role("button", name="Download a backup (.zip)").count() == 0
        page.goto(f"{url}/data")  # a new session: the code is asked again
        wait_idle(page)
        page.get_by_text("Key accounts — sign in").wait_for(timeout=30_000)
