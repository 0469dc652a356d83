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
- ``access_gate()`` / ``actor()`` / ``can_edit()`` — who is in and in which role
  (``core.access``): the sign-in or code prompt when nobody is, the refusal to
  run open on a network address. ``store()`` passes the gate first, so no page
  reads data for someone who has not come in.
- ``dossier_link(client_id)`` / ``dossier_column()`` — one click from any client
  list to that client's dossier.
- ``number`` / ``pct`` / ``signed`` / ``metric`` / ``styled`` / ``separators()`` —
  every figure in the page's language through ``core.numbers`` (metrics compact,
  the exact value in their help; tables through a ``Styler``; charts through
  Plotly's ``separators``). ``metric_row()`` lays metrics out in a row that
  wraps, so a label or value is never cut at 1280 px with the sidebar open.
- ``coded(widget, label, options, key=...)`` — a select box, segmented control or
  radio whose options are codes: labelled in the chosen language only, the code in
  the URL (``?grid_basis=margin``), so a link reads the same in every language.
"""

from __future__ import annotations

import importlib
import inspect
import math
import re
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlencode

import pandas as pd
import streamlit as st
from pandas.api.types import is_float
from pandas.io.formats.style import Styler
from streamlit.errors import StreamlitAPIException, StreamlitMissingAuthlibError
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner import get_script_run_ctx

from core import numbers, warm
from core.access import EDITOR, TEAM, THROTTLE, AccessSettings, Actor, open_is_local
from core.analysis import KINDS, PERIODS, Filters
from core.errors import KamError
from core.i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from core.store import Store, default_db_path

APP = Path(__file__).resolve().parent.parent / "app.py"
ACTOR_KEY = "access_actor"  # session state: the Actor an access code let in
_PLAIN_NAME = re.compile(r"[^\w .@'-]")  # a typed name is shown as text: no markup characters


# Streamlit runs a folder named pages/ as an old-style multipage app until
# st.navigation has run once in the process, so a first visit straight to /data
# would run that page without the frame (no sidebar, no language). Switch that
# off the moment any page imports this module, and rerun once so app.py draws
# the frame.
def _in_frame() -> bool:
    """True when this run goes through ``app.py`` (the frame), not a page script run alone."""
    return any(Path(f.filename) == APP for f in inspect.stack())


if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    if get_script_run_ctx() is not None and not _in_frame():
        st.rerun()


@st.cache_resource(max_entries=4)
def _open_store(path: str) -> Store:
    return Store(path)


def store() -> Store:
    """The process's store (one connection, shared by every session), once this session is past the gate.

    After every change of its lines, each page's default view is computed ahead in the
    background (``core.warm``), so its first visit finds it done.
    """
    actor()
    shared = _open_store(str(default_db_path()))
    warm.follow(shared, _compute_ahead)
    return shared


_BY_NAME = {name: code for code, name in LANGUAGES.items()}


def lang() -> str:
    # The sidebar picker sets session state; a page run alone (AppTest) reads the URL,
    # where a bound select box keeps the option as shown (the language's own name).
    value = st.session_state.get("lang") or st.query_params.get("lang") or DEFAULT_LANGUAGE
    value = _BY_NAME.get(value, value)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def tr(key: str, **values) -> str:
    """``core.i18n.t`` in the language picked in the sidebar."""
    return t(key, lang(), **values)


def number(value, decimals: int = 0) -> str:
    """``value`` as the page's language writes it (``1,234.5`` / ``1 234,5``); ``—`` when empty."""
    return numbers.number(value, lang(), decimals)


def pct(share, decimals: int = 1) -> str:
    """A share (0.123) as ``12.3 %`` / ``12,3 %``; ``—`` when empty."""
    return numbers.percent(share, lang(), decimals)


def signed(value, decimals: int = 0) -> str:
    return numbers.signed(value, lang(), decimals)


def separators() -> str:
    """Plotly's ``layout.separators`` in the page's language."""
    return numbers.plotly_separators(lang())


def metric_row():
    """A row of metrics that wraps: each metric as wide as its label and value, and the ones that no
    longer fit (a narrow window, a long Georgian label) go to the next line instead of being cut."""
    return st.container(horizontal=True, gap="medium", horizontal_alignment="distribute")


def metric(place, label: str, value, *, exact: int = 0, help: str | None = None, **kwargs) -> None:
    """``place.metric`` that never cuts off: as wide as its label and value (in a ``metric_row`` the
    next one wraps), a number compact when large with the exact value (to ``exact`` places) in the
    help; a text value (a share, a date, a cell) is shown as it is."""
    if isinstance(value, str):
        shown, note = value, None
    else:
        exact = number(value, exact)
        small = numbers.is_empty(value) or abs(float(value)) < numbers.COMPACT_FROM
        shown = exact if small else numbers.compact(value, lang())
        note = exact if shown != exact else None
    kwargs.setdefault("width", "content")
    place.metric(label, shown, help="\n\n".join(h for h in (note, help) if h) or None, **kwargs)


EMPTY = numbers.EMPTY  # a table's ``placeholder``: a missing value reads "—", never Streamlit's grey "None"
MAX_STYLED = 200_000  # cells a Styler formats; a bigger table keeps the column's own format


def styled(frame, decimals: dict, percents: tuple = ()):
    """``frame`` with its number columns written in the page's language (a ``Styler``: values stay numbers).

    ``decimals`` maps a column to its places; ``percents`` lists share columns
    (0.123 → ``12.3 %``). Streamlit's own column formats follow the browser's
    locale, not the page's language, hence the Styler; a very large table is
    returned as it is.
    """
    if frame.size > MAX_STYLED:
        return frame
    here = lang()
    # the numbers and shares written a column at a time (numbers.numbers_of: the texts of numbers.number)
    columns = {c: (lambda v, d=d: numbers.numbers_of(v, here, d)) for c, d in decimals.items() if c in frame.columns}
    columns.update({c: (lambda v: numbers.percents_of(v, here)) for c in percents if c in frame.columns})
    formats = {}
    # A Styler writes every cell it shows, so the dates are written here too (whole, never "00:00:00")
    # and an empty cell stays blank instead of "None".
    for column in frame.columns:
        values = frame[column]
        if column in columns or not hasattr(values, "dt"):
            continue
        timed = bool((values.dropna() != values.dropna().dt.normalize()).any())
        pattern = "%Y-%m-%d %H:%M" if timed else "%Y-%m-%d"
        formats[column] = lambda v, pattern=pattern: "" if pd.isna(v) else v.strftime(pattern)
    return written(frame, formats, columns)


def written(frame: pd.DataFrame, formats: dict, columns: dict | None = None) -> Styler:
    """``frame.style`` whose cells are written a column at a time by ``formats`` (column -> function of a
    value) or ``columns`` (column -> function of the column's values giving their texts); an empty cell
    blank, any other column as pandas' default format writes it.

    Streamlit reads a Styler's display values through its ``_translate``; pandas' own builds a
    dictionary of classes, attributes and styles per cell. This one hands over only what Streamlit
    reads: each cell's place and text, leaving out the columns Streamlit writes the same by itself
    (its display values start from ``astype(str)``). The win-back call list (1,000 rows, 22
    columns) draws in 50 ms instead of 140–215 ms on every rerun. No style is set on these tables,
    so there is nothing else to hand over. The Styler stays a plain ``Styler`` (Streamlit
    recognises one by its exact type); only its two steps are replaced on this instance.
    """
    styler = frame.style
    precision = pd.get_option("styler.format.precision")

    def plain(value):  # pandas' default: floats to the Styler's precision, anything else as it is
        return f"{value:.{precision}f}" if is_float(value) else value

    whole = columns or {}

    def as_it_is(values: pd.Series) -> bool:
        """A column Streamlit writes the same without display values: text or whole numbers, none missing."""
        plain_type = isinstance(values.dtype, pd.StringDtype) or values.dtype.kind in "biu"
        return plain_type and values.name not in formats and values.name not in whole and not values.isna().any()

    def translate(*args, **kwargs) -> dict:
        written_columns = []
        for place, name in enumerate(frame.columns):
            values = frame.iloc[:, place]
            if as_it_is(values):
                continue
            if name in whole:
                empty = values.isna().to_numpy()
                texts = ["" if gap else text for text, gap in zip(whole[name](values), empty, strict=True)]
            else:
                write = formats.get(name, plain)
                texts = ["" if pd.isna(v) is True else write(v) for v in values]
            written_columns.append((place, texts))
        body = [
            [{"id": f"row{row}_col{place}", "display_value": texts[row]} for place, texts in written_columns]
            for row in range(len(frame))
        ]
        return {"body": body, "table_styles": [], "cellstyle": []}

    styler._compute = lambda: styler
    styler._translate = translate
    return styler


def language_picker() -> None:
    """The language select box, bound to the URL. The frame draws it after ``st.navigation`` (a URL-bound
    widget drawn before it loses its value when the page changes); the way in draws it before it stops,
    when it runs inside the frame (a page run alone reads the language from the URL)."""
    st.sidebar.selectbox(
        t("app.language", lang()),
        list(LANGUAGES),
        format_func=LANGUAGES.get,
        key="lang",
        bind="query-params",
    )


FIRST = object()  # ``coded``'s default: the first option


def basis_control(place, key: str, label_key: str = "common.basis") -> str:
    """The basis picker every view has (revenue, and margin once any line carries one), kept in the URL by code."""
    options = ["revenue", "margin"] if store().has_margin() else ["revenue"]
    return coded(place.selectbox, tr(label_key), options, format_func=lambda b: tr(f"common.{b}"), key=key)


def period_control(place, key: str, periods=PERIODS, label_key: str = "common.period") -> str:
    """The period picker (month first), kept in the URL by code."""
    periods = list(periods)
    default = "month" if "month" in periods else FIRST
    return coded(
        place.selectbox, tr(label_key), periods, default=default, format_func=lambda p: tr(f"common.{p}"), key=key
    )


def coded(widget, label: str, options, *, key: str, default=FIRST, many: bool = False, **kwargs):
    """``widget(label, options, key=key, ...)`` kept in the URL as the option's code, not its label.

    Streamlit's ``bind="query-params"`` writes the *formatted* option to the URL, so a
    translated label would make a link unreadable in the other language. Here the
    widget is unbound: its state starts from the URL code (or ``default`` when the URL
    has none or an unknown one), and after each run the chosen code goes back to the
    URL — left out when it is the default, as a bound widget does. ``default`` is the
    first option unless given (``None`` for a control that may have nothing picked).
    With ``many`` (a multiselect) the URL repeats the key, one code each. The labels
    are made once per run, in the run's language (AppTest formats an option outside
    the run, where the language could not be read).
    """
    options = list(options)
    if "format_func" in kwargs:
        labels = {o: kwargs["format_func"](o) for o in options}
        kwargs["format_func"] = lambda o: labels.get(o, str(o))
    codes = {str(o): o for o in options}
    if many:
        default = []
        state = st.session_state.get(key)
        if key not in st.session_state or any(v not in options for v in state or ()):
            st.session_state[key] = [codes[c] for c in st.query_params.get_all(key) if c in codes]
    else:
        if default is FIRST:
            default = options[0] if options else None
        if key not in st.session_state or (st.session_state[key] is not None and st.session_state[key] not in options):
            st.session_state[key] = codes.get(st.query_params.get(key, ""), default)
    value = widget(label, options, key=key, **kwargs)
    wanted = [str(v) for v in value] if many else ([] if value is None or value == default else [str(value)])
    if wanted != st.query_params.get_all(key):
        if wanted:
            st.query_params[key] = wanted if many else wanted[0]
        elif key in st.query_params:
            del st.query_params[key]
    return value


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
        note = _follow_the_data(first, last)
        st.sidebar.date_input(
            tr("filters.dates"),
            min_value=first,
            max_value=last,
            key="f_dates",
            bind="query-params",
            **({} if "f_dates" in st.session_state else {"value": (first, last)}),
        )
        if note:
            st.sidebar.info(note)
    for column in ("region", "manager", "segment"):
        if options[column]:
            st.sidebar.multiselect(
                tr(f"filters.{column}"),
                options[column],
                placeholder=tr("filters.all"),
                key=f"f_{column}",
                bind="query-params",
            )
    coded(
        st.sidebar.multiselect,
        tr("tags.filter"),
        list(KINDS),
        many=True,
        format_func=lambda kind: tr(f"tags.kind.{kind}"),
        placeholder=tr("filters.all"),
        key="f_kind",
    )


def _follow_the_data(first: date, last: date) -> str | None:
    """Keep the date filter meaning "all dates" when the data's range moves (an upload, a delete).

    A range the person left whole follows the data; a range they narrowed stays,
    unless it no longer fits the data — then it is reset, with a note saying so.
    """
    full = (first, last)
    seen = st.session_state.get("f_dates_full")
    st.session_state["f_dates_full"] = full
    if seen is None or seen == full or "f_dates" not in st.session_state:
        return None
    chosen = tuple(st.session_state.get("f_dates") or ())
    if chosen == tuple(seen) or len(chosen) < 2:
        st.session_state["f_dates"] = full
        return None
    if first <= chosen[0] and chosen[-1] <= last:
        return None
    st.session_state["f_dates"] = full
    return tr("filters.dates_reset", date_min=f"{first:%Y-%m-%d}", date_max=f"{last:%Y-%m-%d}")


def filters() -> Filters:
    """The shared sidebar filters as ``Filters`` (empty selections mean all; the whole date range is no filter)."""
    dates = tuple(st.session_state.get("f_dates") or ())
    full = st.session_state.get("f_dates_full")
    if full is not None and dates == tuple(full):
        dates = ()
    date_from = dates[0] if len(dates) > 0 and isinstance(dates[0], date) else None
    date_to = dates[1] if len(dates) > 1 and isinstance(dates[1], date) else None
    return Filters(
        date_from=date_from,
        date_to=date_to,
        **{c: tuple(st.session_state.get(f"f_{c}") or ()) for c in ("region", "manager", "segment")},
        kind=tuple(k for k in st.session_state.get("f_kind") or () if k in KINDS),
    )


# Kept as the objects themselves, shared by every session (``cache_resource``): a result of 200,000
# clients is neither pickled when computed nor copied on each rerun, which ``cache_data`` does (a
# tenth of a second a result at 10M lines). Pages only read results, never change them in place.
@st.cache_resource(ttl=3600, max_entries=128, show_spinner=False)
def _compute(function_path: str, params, path: str, version: int):
    module_name, _, name = function_path.partition(":")
    function = getattr(importlib.import_module(module_name), name)
    return function(_open_store(path), params)


def compute(function, params):
    """``function(store, params)``, cached on the parameters and the data version."""
    return _compute_ahead(store(), function, params)


def _compute_ahead(s: Store, function, params):
    """``compute`` for a given store: also what ``core.warm`` runs in the background, so a page
    opened after the warming finds the whole result under the same cache key."""
    return _compute(f"{function.__module__}:{function.__name__}", params, str(s.path), s.version())


def show_error(exc: KamError) -> None:
    st.error(exc.text(lang()))


def require_data() -> None:
    """Stop the page with a plain message when nothing is loaded yet."""
    if store().is_empty():
        st.info(tr("common.no_data"))
        st.stop()


def access_settings() -> AccessSettings:
    """How people get in (``core.access``), from ``.streamlit/secrets.toml``; stops the run when unusable."""
    try:
        secrets = st.secrets.to_dict()
    except FileNotFoundError:  # no secrets file: open on this computer
        secrets = {}
    except Exception as exc:  # a malformed secrets file must close the app, not open it
        st.error(tr("access.bad_secrets", detail=str(exc).splitlines()[0] if str(exc) else type(exc).__name__))
        st.stop()
    try:
        return AccessSettings.from_secrets(secrets)
    except KamError as exc:
        show_error(exc)
        st.stop()


def actor() -> Actor:
    """Who uses this session, in which role; draws the way in and stops the run when nobody came in.

    Every page reaches data through ``store()``, which calls this first, so no
    figure is drawn before the gate whatever runs the page.
    """
    settings = access_settings()
    if settings.mode == "open":
        if not open_is_local(st.get_option("server.address"), _client_address()):
            _gate_language_picker()
            st.error(tr("access.open_refused"))
            st.stop()
        return Actor(TEAM, EDITOR)
    if settings.mode == "sign_in":
        return _signed_in(settings)
    found = st.session_state.get(ACTOR_KEY)
    if isinstance(found, Actor):
        return found
    _code_prompt(settings)
    st.stop()


def _client_address() -> str | None:
    address = st.context.ip_address
    return address if isinstance(address, str) else None  # None under AppTest and without a request


def can_edit() -> bool:
    """True when this session may change data (the pages draw write controls only then)."""
    return actor().can_edit


def viewer_note() -> None:
    """A line in place of the write controls a viewer does not get."""
    if not can_edit():
        st.caption(tr("access.viewer_note"))


def _signed_in(settings: AccessSettings) -> Actor:
    if not st.user.get("is_logged_in"):
        _gate_language_picker()
        st.title(tr("access.title"))
        st.write(tr("access.sign_in_help"))
        for provider in settings.providers or (None,):
            label = tr("access.sign_in_with", provider=provider) if provider else tr("access.sign_in")
            if st.button(label, key=f"access_login_{provider or 'default'}", type="primary"):
                try:
                    st.login(provider) if provider else st.login()
                except StreamlitMissingAuthlibError:
                    st.error(tr("access.authlib_missing"))
                except StreamlitAPIException as exc:
                    st.error(str(exc).splitlines()[0])
        st.stop()
    email = str(st.user.get("email") or "")
    role = settings.role_for_email(email)
    if role is None:
        _gate_language_picker()
        st.error(tr("access.not_on_list", email=email or "?"))
        if st.button(tr("access.sign_out"), key="access_logout_refused"):
            st.logout()
        st.stop()
    return Actor(email, role)


def _gate_language_picker() -> None:
    if _in_frame():
        language_picker()


def _code_prompt(settings: AccessSettings) -> None:
    _gate_language_picker()
    st.title(tr("access.title"))
    st.caption(tr("access.code_help"))
    with st.form("access_code_form", clear_on_submit=True):
        name = st.text_input(tr("access.name"), key="access_name", max_chars=60)
        code = st.text_input(tr("access.code"), type="password", key="access_code", max_chars=200)
        entered = st.form_submit_button(tr("access.enter"), type="primary")
    if not entered:
        return
    client = _client_address() or "local"
    left = THROTTLE.wait_left(client)
    if left > 0:
        st.error(tr("access.wait", seconds=math.ceil(left)))
        return
    role = settings.role_for_code(code)
    if role is None:
        pause = THROTTLE.failed(client)
        st.error(tr("access.wrong_code") + (" " + tr("access.wait", seconds=math.ceil(pause)) if pause else ""))
        return
    THROTTLE.succeeded(client)
    plain = _PLAIN_NAME.sub("", name or "").strip()
    st.session_state[ACTOR_KEY] = Actor(plain or f"{role} (code)", role)
    st.rerun()


def access_gate() -> Actor:
    """The frame's gate: nobody past it without a role; the sidebar says who is in and how to leave."""
    who = actor()
    mode = access_settings().mode
    if mode == "open":
        st.sidebar.info(tr("access.open_local"))
        return who
    st.sidebar.caption(tr("access.as", who=who.name, role=tr(f"access.role.{who.role}")))
    if st.sidebar.button(tr("access.sign_out") if mode == "sign_in" else tr("access.lock"), key="access_leave"):
        if mode == "sign_in":
            st.logout()
        else:
            st.session_state.pop(ACTOR_KEY, None)
            st.rerun()
    return who


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
    """Who is acting, as a person reads it: the signed-in e-mail, the name typed with a code, or "team"
    in the page's language (the records keep ``core.access.TEAM``)."""
    name = actor().name
    return tr("access.team") if name == TEAM else name


def dossier_link(client_id, language: str | None = None) -> str | None:
    """The address of a client's dossier, for a ``LinkColumn`` cell (relative, so a base URL path still works).

    The language goes along: a link opens in a new browser tab, a new session.
    """
    if client_id is None or (not isinstance(client_id, str) and client_id != client_id):
        return None
    return "dossier?" + urlencode({"client": str(client_id), "lang": language or LANGUAGES[lang()]}, quote_via=quote)


def dossier_links(client_ids) -> list[str | None]:
    language = LANGUAGES[lang()]  # read once: a table asks for a thousand links
    return [dossier_link(c, language) for c in client_ids]


def dossier_column():
    """The column config of a table's link to each client's dossier (one click opens it)."""
    return st.column_config.LinkColumn(
        tr("dossier.link"), display_text=tr("dossier.link.open"), help=tr("dossier.link.help"), width="small"
    )
