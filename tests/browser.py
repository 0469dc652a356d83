"""Real-browser journeys: ``streamlit run`` on a free port, Playwright driving Debian's Chromium.

``running_app(db_path)`` starts the real server against a given database file,
polls until it answers and stops it in ``finally``; ``chromium()`` launches the
system Chromium (``playwright install`` cannot download here, so Playwright only
drives the browser Debian installed). ``wait_idle(page)`` waits for Streamlit to
finish its script run — never for "network idle", which a websocket never is.

In CI (``CI`` set) a missing Chromium fails the run instead of skipping it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("Debian's chromium is not installed; .ci/run must install it (apt-get install chromium)")
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(db_path, *, demo: bool = False, timeout: float = 60, args: tuple[str, ...] = (), warm: bool = True):
    """``streamlit run app.py`` against ``db_path`` (``args``: more streamlit options); yields the base URL.

    ``warm``: compute the first visit after a change in the background (``core.warm``), as a user's app does.
    """
    port = free_port()
    env = {**os.environ, "KAM_DB": str(db_path), "KAM_DEMO": "1" if demo else "0", "KAM_WARM": "1" if warm else "0"}
    log = open(Path(db_path).with_suffix(".log"), "w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            *args,
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("streamlit did not start: " + Path(log.name).read_text()[-2000:])
            time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@contextlib.contextmanager
def chromium():
    """A Playwright browser on Debian's Chromium (headless)."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def wait_idle(page, timeout: float = 60_000) -> None:
    """Wait until Streamlit's script run has finished (after a load or an interaction)."""
    page.wait_for_timeout(300)  # let a rerun triggered by the last action begin
    page.wait_for_selector(IDLE, timeout=timeout)


def open_app(browser, url: str, path: str = "", *, lang: str = "en", width: int = 1400, height: int = 1000):
    """A new page at ``url/path`` in the given language, once Streamlit is idle."""
    from core.i18n import LANGUAGES

    page = browser.new_page(viewport={"width": width, "height": height})
    separator = "&" if "?" in path else "?"
    page.goto(f"{url}/{path}{separator}lang={LANGUAGES[lang]}")
    wait_idle(page)
    return page


def wait_for_count(locator, at_least: int, timeout: float = 30_000) -> int:
    """Poll until ``locator`` matches at least ``at_least`` elements (charts draw after the script ends)."""
    waited = 0.0
    while (count := locator.count()) < at_least and waited < timeout:
        locator.page.wait_for_timeout(250)
        waited += 250
    return count
