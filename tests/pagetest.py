"""Open a page of the app under Streamlit's AppTest, against a given database file."""

from __future__ import annotations

import os
from pathlib import Path

from streamlit.testing.v1 import AppTest

from core.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
# Secrets with no [access] and no [auth]: the app runs open on this computer, whatever
# a developer keeps in their own .streamlit/secrets.toml.
OPEN = {"kam_tests": {"access": "open"}}


def open_page(
    db_path,
    page: str,
    *,
    lang: str = "en",
    query: dict | None = None,
    timeout: float = 60,
    secrets: dict | None = None,
    user: dict | None = None,
    code: str | None = None,
    name: str = "",
) -> AppTest:
    """Run ``app.py`` with ``KAM_DB=db_path`` (no demo data), switched to ``pages/<page>.py``.

    ``query`` sets URL query parameters (the widgets bound to the URL read them).
    ``secrets`` and ``user`` are what the app reads as ``st.secrets`` and
    ``st.user`` (default: open on this computer); with ``code`` the access
    code (and ``name``) is typed into the gate before switching pages.
    AppTest in Streamlit 1.67 runs only the page script after ``switch_page``
    (not the frame in ``app.py``), so the sidebar filters are not drawn: set
    them through ``at.session_state["f_region"] = [...]`` and run again.
    """
    os.environ["KAM_DB"] = str(db_path)
    os.environ["KAM_DEMO"] = "0"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.secrets = dict(secrets or OPEN)
    if user is not None:
        at.user = dict(user)
    at.query_params["lang"] = LANGUAGES[lang]  # the URL holds the option as shown
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()  # st.navigation registers the pages on the first run
    if code is not None:
        enter_code(at, code, name)
    at.switch_page(f"pages/{page}.py")
    return at.run()


def enter_code(at: AppTest, code: str, name: str = "") -> AppTest:
    """Type an access code (and a name) into the gate and submit it."""
    at.text_input(key="access_name").input(name)
    at.text_input(key="access_code").input(code)
    next(b for b in at.button if b.label in ("Enter", "შესვლა")).click()
    return at.run()
