"""Every page, as a person sees it in Chromium, in both languages at 1280 px: nothing cut off, one language.

The app runs on the demo data (``streamlit run``, a real browser). Each page is
opened in English and in Georgian with the sidebar open, and the test fails on:

- a metric whose label or value does not fit its box (the browser cuts it with
  ``…``: an element narrower than its text);
- Georgian letters anywhere on an English page, sidebar included;
- a Latin word on a Georgian page that is not one of the data's own values or an
  accepted code (the rules of ``tests/test_one_language.py``, here over the text
  the browser shows, sidebar and chart labels included);
- the language changing when a person moves to the next page through the
  sidebar's navigation.

With ``KAM_SHOTS=DIR`` it also saves a screenshot of every page at 1280 and
1920 px in both languages, to look at by eye.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from browser import chromium, open_app, running_app

from core.demo import load_demo_if_empty
from core.store import Store
from tests.test_one_language import LINE_WORDS, data_words, english_left

pytestmark = pytest.mark.browser

PAGES = ["", "data", "grid", "concentration", "churn", "winback", "dossier", "prospects", "managers"]
GEORGIAN = re.compile("[\u10a0-\u10ff]")

# Every metric box (label and value) and the element inside it that is narrower than its text.
CUT_OFF = """
() => [...document.querySelectorAll("[data-testid='stMetricLabel'], [data-testid='stMetricValue']")]
  .filter(box => [box, ...box.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))
  .map(box => box.innerText)
"""
# The text a person reads: every visible text node of the app, charts included, without the
# Material icons (their names are ligatures, drawn as pictures), and without the file uploader's own
# instructions and button, which Streamlit writes in English whatever the page's language (no setting
# changes them in Streamlit 1.67).
SHOWN_TEXT = """
() => {
  const skip = [
    "[data-testid='stIconMaterial']", "[data-testid='stFileUploaderDropzoneInstructions']",
    "[data-testid='stFileUploaderDropzone'] button", "style", "script",
  ].join(", ");
  const out = [];
  const walker = document.createTreeWalker(document.querySelector("[data-testid='stApp']"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!element || element.closest(skip)) continue;
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) continue;  // hidden, or the visually hidden skip link
    const text = node.textContent.trim();
    if (text) out.push(text);
  }
  return out;
}
"""
ACCEPTED_HERE = {"README", "yyyy", "mm", "dd"}  # a file's name; the date inputs' YYYY/MM/DD placeholder


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "demo.duckdb"
    with Store(path) as store:
        load_demo_if_empty(store)
        words = data_words(store, (*LINE_WORDS, "product"), ("file_name",))
        client = store.scalar("SELECT client_id FROM clients ORDER BY revenue DESC LIMIT 1")
    with running_app(path, timeout=120) as url:
        yield url, words, client


def _path(page: str, client: str) -> str:
    return f"{page}?client={client}" if page == "dossier" else page


@pytest.mark.parametrize("lang", ["en", "ka"])
def test_every_page_fits_and_reads_in_one_language(app, lang):
    url, data_words, client = app
    shots = os.environ.get("KAM_SHOTS")
    problems = []
    with chromium() as browser:
        for page_name in PAGES:
            page = open_app(browser, url, _path(page_name, client), lang=lang, width=1280, height=900)
            page.wait_for_timeout(1200)  # charts draw after the script run
            name = page_name or "overview"
            cut = page.evaluate(CUT_OFF)
            if cut:
                problems.append(f"{name}: cut-off metrics {cut}")
            texts = page.evaluate(SHOWN_TEXT)
            if lang == "en":
                lines = [text for text in texts if GEORGIAN.search(text)]
                if lines:
                    problems.append(f"{name}: Georgian on the English page {lines[:5]}")
            else:
                english = {w for text in texts for w in english_left(text, data_words)} - ACCEPTED_HERE
                english = {w: [t for t in texts if w in t][:2] for w in sorted(english)}
                if english:
                    problems.append(f"{name}: English on the Georgian page {english}")
            if shots:
                Path(shots).mkdir(parents=True, exist_ok=True)
                # Streamlit scrolls inside its own container: a tall window shows the whole page
                for width in (1280, 1920):
                    page.set_viewport_size({"width": width, "height": 3200})
                    page.wait_for_timeout(1000)
                    page.screenshot(path=f"{shots}/{name}_{lang}_{width}.png")
            page.close()
    assert not problems, "\n".join(problems)


def test_the_language_stays_when_moving_between_pages(app):
    url, _, _ = app
    with chromium() as browser:
        page = open_app(browser, url, "?f_region=Tbilisi", lang="ka", width=1280, height=900)
        page.locator("[data-testid='stSidebarNavLink']").filter(has_text="ABC-XYZ").click()
        page.wait_for_url(re.compile(r"/grid"), timeout=30_000)
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
        assert page.locator("h1").first.inner_text() == "ABC-XYZ ბადე"
        # the bound filter is written back to the address by the new page's run: wait for it, on a busy machine
        page.wait_for_url(re.compile(r"f_region=Tbilisi"), timeout=30_000)
        # and an overview card opens its page in the same language, with the same filter
        page.locator("[data-testid='stSidebarNavLink']").first.click()
        page.wait_for_selector("[data-testid='stPageLink-NavLink']", timeout=60_000)
        page.locator("[data-testid='stPageLink-NavLink']").nth(2).click()
        page.wait_for_url(re.compile(r"/churn"), timeout=30_000)
        page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=60_000)
        assert page.locator("h1").first.inner_text() == "დაკარგული კლიენტები და მათი დინამიკა"
        page.wait_for_url(re.compile(r"f_region=Tbilisi"), timeout=30_000)
