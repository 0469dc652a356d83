"""Open a page of the app under Streamlit's AppTest, against a given database file."""

from __future__ import annotations

import os
from pathlib import Path

from streamlit.testing.v1 import AppTest

from core.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent


def open_page(db_path, page: str, *, lang: str = "en", query: dict | None = None, timeout: float = 60) -> AppTest:
    """Run ``app.py`` with ``KAM_DB=db_path`` (no demo data), switched to ``pages/<page>.py``.

    ``query`` sets URL query parameters (the widgets bound to the URL read them).
    AppTest in Streamlit 1.67 runs only the page script after ``switch_page``
    (not the frame in ``app.py``), so the sidebar filters are not drawn: set
    them through ``at.session_state["f_region"] = [...]`` and run again.
    """
    os.environ["KAM_DB"] = str(db_path)
    os.environ["KAM_DEMO"] = "0"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.query_params["lang"] = LANGUAGES[lang]  # the URL holds the option as shown
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()  # st.navigation registers the pages on the first run
    at.switch_page(f"pages/{page}.py")
    return at.run()
