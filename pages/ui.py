"""What the pages share: the store, the language, the sidebar filters, cached calls.

Pages are thin scripts: read controls, call ``core``, draw. Everything they have
in common lives here so each page reads top to bottom.

- ``store()`` — the process's one ``Store`` (``st.cache_resource``).
- ``tr(key, **values)`` — the translation function in the chosen language.
- ``filters()`` — the shared sidebar filters as a ``core.analysis.Filters``
  (dates, region, manager, segment, kind of key client).
- ``compute(fn, params)`` — ``fn(store, params)`` cached on the parameters and the
  store's data version, so moving a slider back is instant and an upload
  invalidates everything at once.
- ``show_error(exc)`` — a ``KamError`` as ``st.error``; never a traceback.
- ``dossier_link(client_id)`` / ``dossier_column()`` — one click from any client
  list to that client's dossier.
"""

from __future__ import annotations

import importlib
import inspect
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlencode

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core.analysis import KINDS, Filters
from core.errors import KamError
from core.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from core.store import Store, default_db_path

APP = Path(__file__).resolve().parent.parent / "app.py"

# Streamlit runs a folder named pages/ as an old-style multipage app until
# st.navigation has run once in the process, so a first visit straight to /data
# would run that page without the frame (no sidebar, no language). Switch that
# off the moment any page imports this module, and rerun once so app.py draws
# the frame.
if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    if get_script_run_ctx() is not None and not any(Path(f.filename) == APP for f in inspect.stack()):
        st.rerun()


@st.cache_resource(max_entries=4)
def _open_store(path: str) -> Store:
    return Store(path)


def store() -> Store:
    """The process's store (one connection, shared by every session)."""
    return _open_store(str(default_db_path()))


def lang() -> str:
    # The sidebar picker sets session state; a page run alone (AppTest) reads the URL,
    # where a bound select box keeps the option as shown (the language's own name).
    value = st.session_state.get("lang") or st.query_params.get("lang") or DEFAULT_LANGUAGE
    by_name = {name: code for code, name in LANGUAGES.items()}
    value = by_name.get(value, value)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def tr(key: str, **values) -> str:
    """``core.i18n.t`` in the language picked in the sidebar."""
    return t(key, lang(), **values)


def language_picker() -> None:
    st.sidebar.selectbox(
        t("app.language", lang()),
        list(LANGUAGES),
        format_func=LANGUAGES.get,
        key="lang",
        bind="query-params",
    )


@st.cache_data(ttl=3600, max_entries=16, show_spinner=False)
def _filter_options(path: str, version: int) -> dict:
    s = _open_store(path)
    options = {}
    for column in ("region", "manager", "segment"):
        rows = s.query_rows("SELECT DISTINCT " + column + " FROM clients WHERE " + column + " IS NOT NULL ORDER BY 1")
        options[column] = [r[0] for r in rows]
    options["dates"] = s.query_rows("SELECT min(date), max(date) FROM daily")[0]
    return options


def filter_options() -> dict:
    """The stored regions, managers and segments (sorted) and the data's first and last date, cached."""
    s = store()
    return _filter_options(str(s.path), s.version())


def sidebar_filters() -> None:
    """Draw the shared filters (date range, region, manager, segment), bound to the URL."""
    options = filter_options()
    st.sidebar.subheader(tr("filters.header"))
    first, last = options["dates"]
    if first is not None:
        st.sidebar.date_input(
            tr("filters.dates"),
            value=(first, last),
            min_value=first,
            max_value=last,
            key="f_dates",
            bind="query-params",
        )
    for column in ("region", "manager", "segment"):
        if options[column]:
            st.sidebar.multiselect(
                tr(f"filters.{column}"),
                options[column],
                placeholder=tr("filters.all"),
                key=f"f_{column}",
                bind="query-params",
            )
    st.sidebar.multiselect(
        tr("tags.filter"),
        list(KINDS),
        format_func=lambda kind: tr(f"tags.kind.{kind}"),
        placeholder=tr("filters.all"),
        key="f_kind",
        bind="query-params",
    )


def filters() -> Filters:
    """The shared sidebar filters as ``Filters`` (empty selections mean all)."""
    dates = st.session_state.get("f_dates") or ()
    date_from = dates[0] if len(dates) > 0 and isinstance(dates[0], date) else None
    date_to = dates[1] if len(dates) > 1 and isinstance(dates[1], date) else None
    return Filters(
        date_from=date_from,
        date_to=date_to,
        **{c: tuple(st.session_state.get(f"f_{c}") or ()) for c in ("region", "manager", "segment")},
        kind=tuple(k for k in st.session_state.get("f_kind") or () if k in KINDS),
    )


@st.cache_data(ttl=3600, max_entries=128, show_spinner=False)
def _compute(function_path: str, params, path: str, version: int):
    module_name, _, name = function_path.partition(":")
    function = getattr(importlib.import_module(module_name), name)
    return function(_open_store(path), params)


def compute(function, params):
    """``function(store, params)``, cached on the parameters and the data version."""
    s = store()
    return _compute(f"{function.__module__}:{function.__name__}", params, str(s.path), s.version())


def show_error(exc: KamError) -> None:
    st.error(exc.text(lang()))


def require_data() -> None:
    """Stop the page with a plain message when nothing is loaded yet."""
    if store().is_empty():
        st.info(tr("common.no_data"))
        st.stop()


def access_gate() -> None:
    """A shared password when ``KAM_PASSWORD`` is set (in the environment or secrets); else open.

    The product is an internal tool behind the company network; this gate is the
    place for real single sign-on when it comes.
    """
    import os

    password = os.environ.get("KAM_PASSWORD")
    if not password or st.session_state.get("gate_ok"):
        return
    typed = st.text_input(tr("gate.password"), type="password", key="gate_password")
    if typed == password:
        st.session_state["gate_ok"] = True
        st.rerun()
    if typed:
        st.error(tr("gate.wrong"))
    st.stop()


def load_demo_if_empty() -> None:
    """On the very first start (empty database), load the demo export once per process."""
    import os

    if os.environ.get("KAM_DEMO", "1") == "0":
        return
    _load_demo_once(str(default_db_path()))


@st.cache_resource(max_entries=4)
def _load_demo_once(path: str) -> bool:
    from core.demo import load_demo_if_empty as load

    try:
        return load(_open_store(path))
    except KamError as exc:
        st.warning(exc.text(lang()))
        return False


def who() -> str:
    """Who is acting, for the records people leave (uploads, tags, reasons, statuses).

    The signed-in user's e-mail or name when the app has a login, else "team".
    """
    try:
        if st.user.get("is_logged_in"):
            return str(st.user.get("email") or st.user.get("name") or "team")
    except (AttributeError, KeyError):
        pass
    return "team"


def dossier_link(client_id) -> str | None:
    """The address of a client's dossier, for a ``LinkColumn`` cell (relative, so a base URL path still works).

    The language goes along: a link opens in a new browser tab, a new session.
    """
    if client_id is None or (not isinstance(client_id, str) and client_id != client_id):
        return None
    return "dossier?" + urlencode({"client": str(client_id), "lang": LANGUAGES[lang()]}, quote_via=quote)


def dossier_links(client_ids) -> list[str | None]:
    return [dossier_link(c) for c in client_ids]


def dossier_column():
    """The column config of a table's link to each client's dossier (one click opens it)."""
    return st.column_config.LinkColumn(
        tr("dossier.link"), display_text=tr("dossier.link.open"), help=tr("dossier.link.help"), width="small"
    )
