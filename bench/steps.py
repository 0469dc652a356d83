"""The timed steps of the benchmark, each run alone in its own process by ``bench.run``.

``python -m bench.steps STEP '{"csv": ..., "store": ..., "repeats": 3, ...}'``
runs one step and prints one JSON line: ``seconds`` (one per repeat),
``first`` (the call before them, for the views and pages: what the first
visit costs), ``peak_mb`` (the process's peak resident memory: with one step
per process, no step's peak hides another's) and ``note``. ``round`` says
which round of ``bench.run`` this is, so each round moves a slider to other
values.

Every step goes through the product's public functions only (``core.ingest``,
``core.grid`` …, and the pages through Streamlit's AppTest), so the same
harness measures the code as it is today and any faster core behind the same
names. A slider move is the view's function called with the slider at a new
value, the way the page calls it, with no Streamlit cache in between; each
repeat moves it to another value. The store is opened once per step and the
first call warms it up, as a running app would be.

An ingest or upload is timed from the call to the store file closed (the
lines safely on disk); the raw DuckDB reference is timed the same way.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path

from bench import reference

ROOT = Path(__file__).resolve().parent.parent


def _timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def _fresh(path: Path) -> Path:
    for stale in (path, Path(str(path) + ".wal")):
        stale.unlink(missing_ok=True)
    return path


def _flushed(path: Path) -> None:
    """Write a copied store to disk before it is timed: the upload's commit syncs the file, and on a
    copy not yet written back that sync would flush the whole copy (0.2 s for the 10M store), a cost
    of the copying, not of the upload (a store in use was written back long ago)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _ingest_once(store_path: Path, source: str) -> float:
    """Time ``ingest_path`` of ``source`` into the store at ``store_path`` (opened first, closed in the timing),
    the store opened as ``python -m core ingest`` opens it."""
    from core.dbopen import read_memory
    from core.ingest import ingest_path
    from core.store import Store

    store = Store(store_path, memory=read_memory())
    started = time.perf_counter()
    try:
        outcome = ingest_path(store, source)
    finally:
        store.close()
    seconds = time.perf_counter() - started
    if outcome["status"] != "loaded":
        raise RuntimeError(f"{source}: {outcome['message']}")
    return seconds


# -- ingest and upload ----------------------------------------------------------------------


def raw_csv(ctx: dict) -> dict:
    scratch = Path(ctx["work"]) / "raw_csv.duckdb"
    seconds = [_timed(reference.raw_csv, ctx["csv"], _fresh(scratch)) for _ in range(ctx["repeats"])]
    _fresh(scratch)
    return {"seconds": seconds, "note": "DuckDB read_csv into a table of a database file"}


def ingest_csv(ctx: dict) -> dict:
    """CSV ingest into an empty store; the last one becomes the bench store when there is none yet."""
    scratch = Path(ctx["work"]) / "ingest_csv.duckdb"
    seconds = [_ingest_once(_fresh(scratch), ctx["csv"]) for _ in range(ctx["repeats"])]
    store = Path(ctx["store"])
    if not store.exists():
        scratch.rename(store)
    _fresh(scratch)
    return {"seconds": seconds, "note": "core.ingest.ingest_path"}


def build_store(ctx: dict) -> dict:
    """The bench store (the big CSV ingested once), when the timed ingest did not make it."""
    store = _fresh(Path(ctx["store"]))
    return {"seconds": [_ingest_once(store, ctx["csv"])], "note": "the bench store, built once"}


def raw_xlsx(ctx: dict) -> dict:
    seconds = [_timed(reference.raw_xlsx, ctx["xlsx"]) for _ in range(ctx["repeats"])]
    return {"seconds": seconds, "note": f"{reference.xlsx_reader()} reading the sheet"}


def ingest_xlsx(ctx: dict) -> dict:
    scratch = Path(ctx["work"]) / "ingest_xlsx.duckdb"
    seconds = [_ingest_once(_fresh(scratch), ctx["xlsx"]) for _ in range(ctx["repeats"])]
    _fresh(scratch)
    return {"seconds": seconds, "note": "core.ingest.ingest_path"}


def upload_empty(ctx: dict) -> dict:
    scratch = Path(ctx["work"]) / "upload_empty.duckdb"
    seconds = [_ingest_once(_fresh(scratch), ctx["fresh"]) for _ in range(ctx["repeats"])]
    _fresh(scratch)
    return {"seconds": seconds, "note": "the 10k-line fresh export into an empty store"}


def upload_large(ctx: dict) -> dict:
    scratch = Path(ctx["work"]) / "upload_large.duckdb"
    seconds = []
    for _ in range(ctx["repeats"]):
        shutil.copyfile(ctx["store"], _fresh(scratch))  # a copy per repeat: the upload changes the store
        _flushed(scratch)
        seconds.append(_ingest_once(scratch, ctx["fresh"]))
    _fresh(scratch)
    return {"seconds": seconds, "note": "the same upload into a copy of the bench store"}


# -- the plain-pandas references --------------------------------------------------------------

WINDOWS = (11, 13, 10, 14, 9, 15, 8, 16)  # a window slider moved away from 12 and back around it
LOST_DAYS = (175, 185, 170, 190, 165, 195, 160, 200)  # L moved in steps of 5 (the win-back slider's step)


def _moves(ctx: dict, values: tuple) -> list:
    """The slider values of this run: ``repeats`` of them, starting where the round says."""
    start = ctx.get("round", 0) * ctx["repeats"]
    return [values[(start + i) % len(values)] for i in range(ctx["repeats"])]


def _slider(call, first_value, values: list) -> dict:
    first = _timed(call, first_value)
    return {"first": first, "seconds": [_timed(call, v) for v in values]}


def pandas_grid(ctx: dict) -> dict:
    lines = reference.load_frame(ctx["csv"])
    result = _slider(lambda w: reference.pandas_grid(lines, window=w), 12, _moves(ctx, WINDOWS))
    return result | {"note": "plain pandas on the lines in memory, window moved"}


def pandas_churn(ctx: dict) -> dict:
    lines = reference.load_frame(ctx["csv"])
    result = _slider(lambda d: reference.pandas_losses(lines, lost_days=d), 180, _moves(ctx, LOST_DAYS))
    return result | {"note": "plain pandas loss count on the lines in memory, L moved"}


# -- the views, called as their pages call them ------------------------------------------------


def _view(ctx: dict, call, first_value, values: tuple, note: str) -> dict:
    from core.store import Store

    with Store(ctx["store"]) as store:
        return _slider(lambda v: call(store, v), first_value, _moves(ctx, values)) | {"note": note}


def grid(ctx: dict) -> dict:
    from core.grid import GridParams, abcxyz

    return _view(ctx, lambda s, w: abcxyz(s, GridParams(window=w)), 12, WINDOWS, "abcxyz, window moved")


def migration(ctx: dict) -> dict:
    from core.grid import GridParams, migration

    return _view(ctx, lambda s, w: migration(s, GridParams(window=w)), 12, WINDOWS, "migration, window moved")


def concentration(ctx: dict) -> dict:
    from core.concentration import ConcentrationParams, concentration

    def call(store, window):
        return concentration(store, ConcentrationParams(window=window))

    return _view(ctx, call, 12, WINDOWS, "concentration with its trend, window moved")


def churn(ctx: dict) -> dict:
    from core.churn import ChurnParams, churn

    return _view(ctx, lambda s, d: churn(s, ChurnParams(lost_days=d)), 180, LOST_DAYS, "churn, L moved")


def winback(ctx: dict) -> dict:
    from core.winback import WinbackParams, win_back_list

    def call(store, days):
        return win_back_list(store, WinbackParams(lost_days=days))

    return _view(ctx, call, 180, LOST_DAYS, "win-back list, L moved")


def managers(ctx: dict) -> dict:
    from core.managers import ManagerParams, manager_portfolios

    def call(store, days):
        return manager_portfolios(store, ManagerParams(lost_days=days))

    return _view(ctx, call, 180, LOST_DAYS, "managers' portfolios, L moved")


def biggest_client(store) -> str:
    return store.scalar("SELECT client_id FROM clients ORDER BY revenue DESC, client_id LIMIT 1")


def dossier(ctx: dict) -> dict:
    from core.dossier import DossierParams, picture
    from core.store import Store

    with Store(ctx["store"]) as store:
        client = biggest_client(store)
    return _view(
        ctx,
        lambda s, w: picture(s, DossierParams(client_id=client, window=w)),
        12,
        WINDOWS,
        f"dossier of the biggest client ({client}), window moved",
    )


# -- whole pages through AppTest ---------------------------------------------------------------

# page -> the slider moved on it, its start value and the values it is moved to
PAGES = {
    "grid": ("grid_window", 12, WINDOWS),
    "concentration": ("concentration_window", 12, WINDOWS),
    "churn": ("churn_lost_days", 180, LOST_DAYS),
    "winback": ("winback_lost_days", 180, LOST_DAYS),
    "managers": ("managers_lost_days", 180, LOST_DAYS),
    "dossier": ("dossier_window", 12, WINDOWS),
}


def page(ctx: dict) -> dict:
    """Open one page under AppTest against the bench store, then move its slider ``repeats`` times.

    ``first`` is the page opened (every cache empty); ``seconds`` are the
    reruns after each move: the whole script, the view recomputed for the new
    value, every element drawn. Runs ``app.py`` first (it registers the pages),
    as ``tests/pagetest.py`` does, open on this computer, with no demo data, and with no
    background warming (``core.warm``), which would share the cores with the reruns timed here
    (the warmed first visit is measured apart: ``bench/README.md``).
    """
    from streamlit.testing.v1 import AppTest

    from core.i18n import LANGUAGES
    from core.store import Store

    name = ctx["page"]
    key, _, values = PAGES[name]
    os.environ["KAM_DB"] = str(ctx["store"])
    os.environ["KAM_DEMO"] = "0"
    os.environ["KAM_WARM"] = "0"
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=ctx.get("timeout", 1800))
    at.secrets = {"kam_bench": {"access": "open"}}
    at.query_params["lang"] = LANGUAGES["en"]
    if name == "dossier":
        with Store(ctx["store"]) as store:
            at.query_params["client"] = biggest_client(store)
    at.run()
    at.switch_page(f"pages/{name}.py")
    first = _timed(at.run)
    _check(at, name)
    seconds = []
    for value in _moves(ctx, values):
        at.slider(key=key).set_value(value)
        seconds.append(_timed(at.run))
        _check(at, name)
    return {"first": first, "seconds": seconds, "note": f"AppTest, {key} moved"}


def _check(at, name: str) -> None:
    """A page that failed is not a fast page: an exception or an error box stops the step."""
    if at.exception:
        raise RuntimeError(f"page {name}: {at.exception[0].message}")
    if at.error:
        raise RuntimeError(f"page {name}: {at.error[0].value}")


STEPS = {
    function.__name__: function
    for function in (
        raw_csv,
        ingest_csv,
        build_store,
        raw_xlsx,
        ingest_xlsx,
        upload_empty,
        upload_large,
        pandas_grid,
        pandas_churn,
        grid,
        migration,
        concentration,
        churn,
        winback,
        managers,
        dossier,
        page,
    )
}


def main() -> None:
    name, ctx = sys.argv[1], json.loads(sys.argv[2])
    result = STEPS[name](ctx)
    result["peak_mb"] = peak_mb()
    print(json.dumps(result))


def peak_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's ``VmHWM`` counts this program alone; ``ru_maxrss`` would also count
    the parent's memory at the fork (it survives ``exec``).
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
