"""The first visit after a change, computed ahead in the background.

The first visit of churn, win-back or managers after an upload waits for the
churn base and every client's former cell (a grid for each month of history:
13–30 s at 10 million lines), the grid's and concentration's for their figures
(1–5 s). ``follow(store)`` starts, once per change of the lines (an upload, a
delete, a restore: ``Store.lines_version``; a status or a tag recorded in a
meeting starts nothing, and the grids stay kept across it), a background
thread that computes those views with the settings the pages open with
(``views``: revenue, no filters, the latest date, a 12-month window, L = 180
days). What they compute is kept
in ``core.kept`` under the new data version, so a page opened after the thread
is done finds it there, and a page opened while it runs waits for the same
computation (``Kept.fetch`` computes a key once at a time) instead of doing it
again beside it. Other settings are computed when asked for, as before.

The pages call ``follow`` with the shared store on every run (``pages.ui.store``);
``KAM_WARM=0`` switches it off (the test suite does, and turns it on where it is tested).
When the process exits, the thread stops after the view it is computing and is waited for
(``stop``): a thread killed inside DuckDB at exit aborts the process ("FATAL: exception not
rethrown").
"""

from __future__ import annotations

import atexit
import logging
import os
import threading

from core.errors import KamError
from core.store import Store

log = logging.getLogger(__name__)

_lock = threading.Lock()
_running: dict[str, threading.Thread] = {}  # database file -> its warming thread
_warmed: dict[str, int] = {}  # database file -> the lines version last warmed (or being warmed)
_stopping = threading.Event()  # set when the process exits


def enabled() -> bool:
    return os.environ.get("KAM_WARM", "1") != "0"


def views(store: Store) -> list[tuple]:
    """(view, params) as each page opens with no control moved, the cheap ones first."""
    from core.churn import ChurnParams, churn
    from core.concentration import ConcentrationParams, concentration, concentration_trend
    from core.grid import DEFAULT_LIMITS, GridParams, abcxyz, migration
    from core.managers import ManagerParams, manager_portfolios
    from core.winback import WinbackParams, win_back_list

    grid = GridParams(x=DEFAULT_LIMITS["cv"][0], y=DEFAULT_LIMITS["cv"][1])  # the grid page passes its limits
    return [
        (abcxyz, grid),
        (migration, grid),
        (concentration, ConcentrationParams(trend=False)),  # the concentration page's headline,
        *(
            [(concentration, ConcentrationParams(basis="margin", trend=False, ranked=False))]
            if store.has_margin()
            else []
        ),
        (concentration_trend, ConcentrationParams()),  # its margin beside it, then its trend
        (churn, ChurnParams()),
        (win_back_list, WinbackParams()),
        (manager_portfolios, ManagerParams()),
    ]


def warm(store: Store, compute=None) -> None:
    """Compute each page's default view once (``views``); what they compute stays kept.

    ``compute(store, view, params)`` computes one view (default ``view(store, params)``); the
    pages pass theirs, which keeps the whole result where a page run looks for it.
    """
    if store.is_empty():
        return
    for view, params in views(store):
        if _stopping.is_set():
            return
        try:
            if compute is None:
                view(store, params)
            else:
                compute(store, view, params)
        except KamError as exc:  # e.g. nothing to classify yet: the page will say so itself
            log.info("warming %s skipped: %s", view.__name__, exc)


def follow(store: Store, compute=None) -> threading.Thread | None:
    """Warm ``store`` in the background (``warm(store, compute)``) when its lines changed since it was last warmed.

    Returns the warming thread (running or just started), None when there is nothing to do.
    """
    if not enabled():
        return None
    key = str(store.path)
    with _lock:
        running = _running.get(key)
        if running is not None:
            return running  # it looks at the lines version again before it stops
        if _warmed.get(key) == store.lines_version():
            return None
        thread = threading.Thread(target=_run, args=(store, key, compute), name="kam-warm", daemon=True)
        _running[key] = thread
    thread.start()
    return thread


def _run(store: Store, key: str, compute) -> None:
    while True:
        with _lock:
            try:
                version = store.lines_version()
            except Exception:  # the store was closed under us
                _running.pop(key, None)
                return
            if _warmed.get(key) == version or _stopping.is_set():
                _running.pop(key, None)
                return
            _warmed[key] = version
        try:
            warm(store, compute)
        except Exception:  # never a traceback for a user: the page computes what it needs itself
            log.exception("warming the first visit failed")


@atexit.register
def stop(timeout: float = 120.0) -> None:
    """Let every warming thread finish the view it is computing, start no other, and wait for them."""
    _stopping.set()
    for thread in list(_running.values()):
        thread.join(timeout)


def wait(store: Store, timeout: float | None = None) -> bool:
    """Wait for ``store``'s warming thread, if one runs; True when none runs any more."""
    thread = _running.get(str(store.path))
    if thread is not None:
        thread.join(timeout)
        return not thread.is_alive()
    return True
