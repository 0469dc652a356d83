"""The nine-cell ABC-XYZ grid of DOMAIN.md: clients by value (ABC) and by regularity (XYZ).

What it promises:

- ``abcxyz(store, params)`` computes the grid from every client's sums per
  period kept in memory (``core.periods``, shared with the concentration: read
  once per data version, filters, period and as-of date): a window's sums are
  its periods' added up in numpy, then the clients are ranked and classified
  there (``_kept_grid``); nothing loops over clients or lines in Python, and a
  move of the window, the basis or the limits reads no line. The page, the
  command line and the Excel export all call it with the same ``GridParams``.
  ``_grid_frame`` computes the same rows in DuckDB straight from ``daily``, in
  three parts: ``grid_stats.sql`` sums each client's periods (its whole months
  and quarters from the kept ``client_months`` when no filter narrows the
  lines), ``grid_ranks.sql`` ranks the clients (``grid_ranks_asked.sql``
  instead, which counts and sums the clients above each one, when only a few
  are asked about) and ``grid_classify.sql`` classifies them: the former cells
  read it, and ``tests/test_fast_paths.py`` holds the kept paths equal to it.
  The classified clients of the last few grids are kept too, so the migration
  beside a grid classifies only the earlier window, and matches the two by
  client number rather than by id.
- ``former_cells`` gives each client its cell in the grid whose as-of date is
  its last purchase (for churn and win-back), in one query for all clients.
- ``cells_over_time`` gives one client's cell at several as-of dates (the
  dossier's "cell per window over the last periods"): from the kept periods
  when the dates close their periods (the dossier's do), else in one query.
- ``migration`` compares the grid with the one whose window ends one window
  earlier (the last day of a period, so its rows are whole periods of the same
  kept entry); ``tercile_limits`` and ``dominant_xyz`` back the page's "one class
  holds nearly everyone" notice.

The rules, read literally from DOMAIN.md, and the details it leaves open,
settled here (each one checked against every ``abcxyz`` figure of
``../shared/data/real/expected.json`` for Superstore and CDNOW):

- **Window.** The last ``window`` calendar periods (weeks start on Monday), the
  last one holding the as-of date; lines after the as-of date are left out.
  A client is in the grid when it has at least one line in the window.
- **Who is ranked for ABC.** Every client in the grid, the too-new ones
  included: DOMAIN.md defines ABC over "clients with a line in the window" and
  sets only XYZ aside for the too-new. (Ranking only the classified clients
  misses the Superstore quarter/8 figures: AZ 335 instead of 339.) Too-new
  clients therefore carry an ABC class and rank in the client list, but sit in
  the strip, never in one of the nine cells.
- **Shares.** A client's share is its basis ÷ the sum of the positive client
  bases; ``before(c)`` sums the bases of the clients ranked strictly above
  (basis descending, ties by client id). A: ``before < a``; B: ``before < b``;
  C otherwise, and always C when the basis is zero or negative. Limits are
  compared as products (``100·before < a·total``) so a client sitting exactly
  on a limit is not moved by a rounding error. A cell's share is its basis
  over the same total, so a cell of negative-margin clients has a negative share.
- **Periods counted.** From the later of the window's first period and the
  client's first period in the data the filters keep, to the as-of period;
  periods without lines count as zero. "The data" is the filtered data: a
  region filter judges a client on its purchases in that region.
- **Too new.** Fewer than 3 periods counted: no XYZ class, shown in the strip.
- **Zero or negative basis.** C, and Z when it has 3 periods or more (no CV:
  the mean is not positive). This holds for the frequency measure too: the
  sentence in DOMAIN.md states it for XYZ as a whole.
- **CV.** Population standard deviation ÷ mean of the per-period basis.
  X: ``CV ≤ x``, Y: ``CV ≤ y``, Z above (limits inclusive, as written).
- **Frequency.** Periods with at least one line ÷ periods counted. A "purchase"
  is any stored line of the client, whatever its amount — the same thing the
  store's ``last_date`` and every other view call a purchase. X: ``≥ x``,
  Y: ``≥ y``, Z below. (The expected figures come out the same whether
  zero-amount lines count or not.)
- **former_cells** groups the clients by the period of their last purchase and
  computes one grid per period, all in one query, with the as-of date at the
  period's latest day with a line (filters applied; not after the grid's own
  as-of date when one is given). So a client's former cell depends on its own
  last purchase and the data, never on which other clients are asked about
  with it: the churn view, the win-back list and every L agree. A client's own
  basis, periods and XYZ class are those at its last-purchase date when it
  bought nothing later in that period (true of a client's final purchase, and
  of the purchase before a loss whenever L is at least a period long); the ABC
  ranking it is placed in counts other clients' lines up to the period's
  latest day. This keeps the cost at one grid per period instead of one per
  distinct date (thousands on ten million lines). The query sums every
  complete period once and shares those sums between the windows. Every client is ranked
  for ABC at each period's date, but the XYZ spread is computed only for the
  clients asked about. The cells found are kept per date (for the same data
  version and settings); a kept date asked about again for someone new is
  computed once for every client, so moving L soon computes no grid at all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.analysis import (
    BASES,
    PERIOD_STEPS,
    PERIODS,
    Filters,
    basis_column,
    data_dates,
    filtered_daily,
    money,
    months_cover,
    period_start,
    positions,
    resolve_as_of,
    shift_periods,
    window_start,
)
from core.errors import InputError
from core.kept import Kept
from core.periods import UNITS, ClientPeriods, count_periods, kept_periods, window_sums
from core.store import sql

MEASURES = ("cv", "frequency")
DEFAULT_LIMITS = {"cv": (10.0, 25.0), "frequency": (75.0, 40.0)}
ABC_CLASSES = ("A", "B", "C")
XYZ_CLASSES = ("X", "Y", "Z")
CELLS = tuple(a + x for a in ABC_CLASSES for x in XYZ_CLASSES)
TOO_NEW_PERIODS = 3
# Labels of the migration table beside the nine cells.
TOO_NEW = "too_new"
ABSENT_BEFORE = "new"
ABSENT_NOW = "gone"


@dataclass(frozen=True)
class GridParams:
    """Everything the grid depends on. Limits are percentages (80, not 0.8)."""

    basis: str = "revenue"
    period: str = "month"
    window: int = 12
    as_of: date | None = None
    a: float = 80.0
    b: float = 95.0
    xyz: str = "cv"
    x: float | None = None
    y: float | None = None
    filters: Filters = Filters()

    def limits(self) -> tuple[float, float]:
        """The XYZ limits, the measure's defaults filled in (cv 10/25, frequency 75/40)."""
        default_x, default_y = DEFAULT_LIMITS.get(self.xyz, (None, None))
        return (default_x if self.x is None else float(self.x), default_y if self.y is None else float(self.y))

    def as_dict(self) -> dict:
        x, y = self.limits()
        return {
            "basis": self.basis,
            "period": self.period,
            "window": self.window,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "a": self.a,
            "b": self.b,
            "xyz": self.xyz,
            "x": x,
            "y": y,
            "filters": self.filters.as_dict(),
        }


@dataclass(frozen=True)
class GridResult:
    """One computed grid. ``params`` is resolved: as-of date and XYZ limits filled in.

    ``clients`` has one row per client in the window, ranked by basis: client_id,
    client_name, basis, share, abc_rank, share_before, abc, xyz (None when too
    new), cell (None when too new), cv, frequency, periods, purchase_periods,
    last_purchase, manager, region, segment. ``cells`` is indexed by the nine
    cell names with abc, xyz, clients, basis, share. ``new`` is the too-new strip
    (clients, basis, share).
    """

    params: GridParams
    window_start: date
    clients: pd.DataFrame
    cells: pd.DataFrame
    new: dict
    total_positive: float
    data_first: date | None = None
    data_last: date | None = None

    @cached_property
    def classified(self) -> pd.DataFrame:
        # kept on first use: the page, dominant_xyz and tercile_limits each read it
        return self.clients[self.clients["xyz"].notna()]


def validate(params: GridParams) -> None:
    """Raise ``InputError`` (keyed, so the page shows it in its language) for parameters set wrong."""
    basis_column(params.basis)
    if params.period not in PERIODS:
        raise InputError.keyed("grid.error.period", choices=", ".join(PERIODS), got=params.period)
    if not isinstance(params.window, int) or params.window < 1:
        raise InputError.keyed("grid.error.window")
    if not 0 < params.a <= params.b <= 100:
        raise InputError.keyed("grid.error.abc", a=f"{params.a:g}", b=f"{params.b:g}")
    if params.xyz not in MEASURES:
        raise InputError.keyed("grid.error.measure", choices=", ".join(MEASURES), got=params.xyz)
    x, y = params.limits()
    if x < 0 or y < 0:
        raise InputError.keyed("grid.error.negative")
    if params.xyz == "cv" and x > y:
        raise InputError.keyed("grid.error.cv_limits", x=f"{x:g}", y=f"{y:g}")
    if params.xyz == "frequency" and (x < y or x > 100):
        raise InputError.keyed("grid.error.frequency_limits", x=f"{x:g}", y=f"{y:g}")


def _statement(params: GridParams, *parts: str, months: bool = False) -> tuple[str, list]:
    """The grid SQL ``parts`` joined, with the fixed identifiers spliced in, and the filter values.

    ``months``: grid_stats.sql reads its whole periods from ``client_months`` (``_reads_months``).
    """
    fragment, values = filtered_daily(params.filters)
    diff_unit, diff_step = PERIOD_STEPS[params.period]
    statement = (
        ",\n".join(sql(part) for part in parts)
        .replace("{whole_periods}", sql(MONTHLY[params.period] if months else "grid_periods_daily"))
        .replace("{first_dates}", _first_dates(params.filters))
        .replace("{filtered}", fragment)
        .replace("{daily}", fragment)
        .replace("{basis}", basis_column(params.basis))
        .replace("{period}", params.period)
        .replace("{diff_unit}", diff_unit)
        .replace("{diff_step}", str(diff_step))
    )
    return statement, values


def _first_dates(filters: Filters) -> str:
    """Each client's first date: ``clients.first_date`` (kept at ingest) when the filters keep every
    line up to any as-of date, else the earliest day the filters keep (a scan of every day)."""
    if replace(filters, date_to=None) == Filters():
        return "SELECT client_id, first_date FROM clients"
    return "SELECT client_id, min(date) AS first_date FROM filtered GROUP BY client_id"


# The periods made of whole months, and the fragment that reads each from client_months.
MONTHLY = {"month": "grid_periods_months", "quarter": "grid_periods_quarters"}


def _reads_months(store, params: GridParams, as_of_dates: list[date]) -> bool:
    """Whether the grid's whole periods are read from ``client_months`` (``MONTHLY``): for months
    and quarters, where ``months_cover`` says it holds the same days."""
    return params.period in MONTHLY and months_cover(store, params.filters, as_of_dates)


def _checked(store, params: GridParams) -> None:
    validate(params)
    if params.basis == "margin" and not store.has_margin():
        raise InputError.keyed("grid.error.no_margin")


def _grid_frame(
    store, params: GridParams, as_of_dates: list[date], asked: pd.DataFrame | None = None, *, shown: str = "classified"
) -> pd.DataFrame:
    """The grid query for several as-of dates at once (one row per as-of date and client), straight from ``daily``.

    With ``asked`` (columns as_of, client_id) only those rows come back; every
    client is still ranked for ABC, but only the asked ones pay for XYZ. This is
    the direct computation; ``_classified`` gives the same rows through the
    per-client figures it keeps in memory. ``shown="cells"`` returns only as_of,
    client_id and cell (``grid_cells.sql``: no names, no order), which is what
    the former cells need of every client at some fifty dates.
    """
    _checked(store, params)
    ranks = "grid_ranks_asked" if asked is not None and len(asked) <= FEW_ASKED else "grid_ranks"
    months = _reads_months(store, params, as_of_dates)
    statement, values = _statement(params, "grid_stats", ranks, "grid_classify", months=months)
    statement += "\n" + sql("grid_cells" if shown == "cells" else "grid_classified")
    starts = [window_start(d, params.period, params.window) for d in as_of_dates]
    x, y = params.limits()
    asked_as_of = None if asked is None else list(asked["as_of"])
    asked_ids = None if asked is None else asked["client_id"].astype(str).tolist()
    return store.read_frame(
        statement, [*values, as_of_dates, starts, params.a, params.b, params.xyz, x, y, asked_as_of, asked_ids]
    )


# Up to this many asked (as-of date, client) pairs, each is ranked by counting and summing the
# clients above it (grid_ranks_asked.sql: a pass over the window's clients per pair) instead of
# sorting every client of every window (grid_ranks.sql).
FEW_ASKED = 64

# former_cells: the cells of the clients asked about at one as-of date (limits
# applied), one entry per month of several years of history.
_CELLS = Kept(256)
EVERYONE = "everyone"  # a kept date computed for every client
# The classified clients of one grid date (limits applied): a few grids, the
# current one shared by the grid and its migration.
_CLASSIFIED = Kept(4)
# Each period's latest day with a line (the as-of dates of former cells), per data version.
_PERIOD_DATES = Kept(8)


def _figures_key(store, params: GridParams) -> tuple:
    """What a grid's figures depend on: the lines (and the tags, through a kind filter) and the settings.

    A status, a note or a tag recorded leaves the lines as they were, so the figures kept
    (every client's former cell above all) serve on; with a kind filter any change counts.
    """
    version = store.version() if params.filters.kind else store.lines_version()
    return (str(store.path), version, params.basis, params.period, params.window, params.filters)


def _classes_key(store, params: GridParams) -> tuple:
    """The figures' key and the limits: what a classified grid depends on, but its date."""
    x, y = params.limits()
    return (*_figures_key(store, params), params.a, params.b, params.xyz, x, y)


def _kept_grid(kept: ClientPeriods, params: GridParams, day: date) -> _Grid:
    """Every client's row of the grid at ``day``, summed from the kept periods, with its client number
    there and its classes as numbers.

    ``day`` is the periods' as-of date or the last day of an earlier period (whose rows are
    whole). The same figures and rules as grid_stats.sql, grid_ranks.sql and
    grid_classify.sql: bases exact (ten-thousandths), ranked by basis descending then client
    id, ABC by the bases ranked above, XYZ over the client's periods from the later of its
    first period and the window's first, the empty ones counting as zero (``_classes``).
    """
    end = count_periods(kept.first, period_start(day, params.period), params.period)
    column = _basis_column(params)
    sums = window_sums(kept, end, params.window, columns=(column,), squares=column, last=True)
    inside = kept.by_id[sums.periods[kept.by_id] > 0]  # the clients with a line in the window, in id order
    inside = inside[np.argsort(-sums.columns[column][inside], kind="stable")]  # by basis, ties by id
    basis = sums.columns[column][inside]
    counted = end - np.maximum(kept.first_period[inside], end - params.window + 1) + 1
    found = _classes(
        params,
        basis=basis,
        before=np.cumsum(basis) - basis,  # exact: the bases ranked above
        total=basis[basis > 0].sum(),  # one window: one total for every row
        counted=counted,
        bought=sums.periods[inside],
        squares=sums.squares[inside],
    )
    ids = pa.array(inside)
    table = pa.table(
        {
            "as_of": pa.repeat(pa.scalar(day, pa.date32()), len(inside)),
            "client_id": kept.ids.take(ids),
            "client_name": kept.names.take(ids),
            "basis": found["basis"],
            "share": found["share"],
            "abc_rank": np.arange(1, len(inside) + 1, dtype=np.int64),
            "share_before": found["share_before"],
            "abc": found["abc"],
            "xyz": found["xyz"],
            "cell": found["cell"],
            "cv": found["cv"],
            "frequency": found["frequency"],
            "periods": counted,
            "purchase_periods": sums.periods[inside],
            "last_purchase": pa.array(sums.last_day[inside], pa.int32()).cast(pa.date32()),
            # few distinct values each: taken as codes, then spelled out from a small dictionary
            "manager": kept.managers.take(ids).cast(pa.string()),
            "region": kept.regions.take(ids).cast(pa.string()),
            "segment": kept.segments.take(ids).cast(pa.string()),
        }
    )
    # split_blocks: each column stays its own block instead of being copied into one per type
    return _Grid(table.to_pandas(split_blocks=True), kept.ids, inside, found["abc_number"], found["xyz_number"])


def _basis_column(params: GridParams) -> str:
    return "margin" if params.basis == "margin" else "revenue"


def _classes(params: GridParams, **figures: np.ndarray) -> dict:
    """grid_classify.sql's shares and classes, in numpy, from each row's window figures.

    ``basis`` (the row's), ``before`` (the bases ranked above it) and ``total`` (the positive
    bases of its window, per row or one for all) in ten-thousandths; ``counted`` periods, ``bought`` periods with
    lines, ``squares`` the summed squares of its per-period bases in money units. The limits
    are compared as products, as there, so a client exactly on a limit lands where DOMAIN.md
    says.
    """
    basis, total, counted, bought = figures["basis"], figures["total"], figures["counted"], figures["bought"]
    money_basis, money_total = basis / UNITS, total / UNITS
    money_before = figures["before"].astype(np.float64) * 100 / UNITS  # 100 x, as the limits are compared
    mean = money_basis / counted
    squares = figures["squares"]
    spread = np.sqrt(np.maximum((counted * squares - money_basis * money_basis) / (counted * counted), 0))
    abc = np.where(
        basis <= 0,
        2,
        np.where(money_before < params.a * money_total, 0, np.where(money_before < params.b * money_total, 1, 2)),
    )
    x, y = params.limits()
    if params.xyz == "cv":
        xyz = np.where(mean <= 0, 2, np.where(100 * spread <= x * mean, 0, np.where(100 * spread <= y * mean, 1, 2)))
    else:
        xyz = np.where(100 * bought >= x * counted, 0, np.where(100 * bought >= y * counted, 1, 2))
    too_new = counted < TOO_NEW_PERIODS
    with np.errstate(divide="ignore", invalid="ignore"):
        positive_total = total > 0
        return {
            "basis": money_basis,
            "share": np.where(positive_total, money_basis / money_total, np.nan),
            "share_before": np.where(positive_total, money_before / 100 / money_total, np.nan),
            "abc_number": abc,
            "xyz_number": np.where(too_new, TOO_NEW_XYZ, xyz),
            "abc": _CLASSES["abc"].take(pa.array(abc)),
            "xyz": _CLASSES["xyz"].take(pa.array(xyz, mask=too_new)),
            "cell": _CLASSES["cell"].take(pa.array(3 * abc + xyz, mask=too_new)),
            "cv": np.where(mean > 0, spread / mean, np.nan),
            "frequency": bought / counted,
        }


_CLASSES = {"abc": pa.array(ABC_CLASSES), "xyz": pa.array(XYZ_CLASSES), "cell": pa.array(CELLS)}


def _kept_closes(days: list[date], period: str) -> bool:
    """Whether the grids at ``days`` sum from the kept periods of the latest: every other day closes
    its period, before the latest one's (its rows there are whole)."""
    last = period_start(max(days), period)
    return all(
        day == max(days)
        or (
            period_start(day, period) < last
            and shift_periods(period_start(day, period), period, 1) - timedelta(days=1) == day
        )
        for day in days
    )


def _classified(store, params: GridParams, as_of_dates: list[date]) -> pd.DataFrame:
    """The same rows as ``_grid_frame`` (every client): ``_grids``' rows, one date after another."""
    parts = [grid.frame for grid in _grids(store, params, as_of_dates).values()]
    if len(parts) == 1:
        return parts[0]
    frame = pd.concat(parts, ignore_index=True)
    # A date whose column is all empty reads as objects: the text columns as one query gives them.
    for column in frame.select_dtypes(include="object").columns:
        if any(isinstance(part[column].dtype, pd.StringDtype) for part in parts):
            frame[column] = frame[column].astype("str")
    return frame


TOO_NEW_XYZ = len(XYZ_CLASSES)  # the XYZ number of a client too new to classify


@dataclass(frozen=True)
class _Grid:
    """One date's grid rows; from kept periods, also each row's client number in their ``ids`` and its
    classes as numbers (``abc``: 0 A, 1 B, 2 C; ``xyz``: 0 X, 1 Y, 2 Z, ``TOO_NEW_XYZ``)."""

    frame: pd.DataFrame
    ids: pa.Array | None = None
    clients: np.ndarray | None = None
    abc: np.ndarray | None = None
    xyz: np.ndarray | None = None

    @cached_property
    def classes(self) -> tuple[np.ndarray, np.ndarray]:
        """Every row's ABC and XYZ numbers: kept from the summing, else read from the frame's letters."""
        if self.abc is not None:
            return self.abc, self.xyz
        xyz = positions(self.frame["xyz"], XYZ_CLASSES)
        return positions(self.frame["abc"], ABC_CLASSES), np.where(xyz >= 0, xyz, TOO_NEW_XYZ)

    @cached_property
    def labels(self) -> np.ndarray:
        """Every row's label number: its cell's place in ``CELLS``, else too new (9)."""
        abc, xyz = self.classes
        return np.where(xyz < TOO_NEW_XYZ, 3 * abc + xyz, len(CELLS))


def _grids(store, params: GridParams, as_of_dates: list[date]) -> dict[date, _Grid]:
    """{as-of date: the grid's rows at it}, in date order, from the periods kept in memory.

    Every client's sums per period are kept for the latest of ``as_of_dates``
    (``core.periods``, shared with the concentration), so a move of the window, the basis
    or the limits sums and ranks them again in numpy without reading a line. The
    classified clients of each date are kept too, so the migration beside a grid
    classifies only the earlier window. Dates the kept periods cannot serve (one
    inside an earlier period) are read by the direct query.
    """
    _checked(store, params)
    base = _classes_key(store, params)
    days = sorted(set(as_of_dates))
    kept = {day: _CLASSIFIED.get((*base, day)) for day in days}
    missing = [day for day, grid in kept.items() if grid is None]
    if missing and _kept_closes(days, params.period):
        periods = kept_periods(store, params.filters, params.period, days[-1], data_dates(store, params.filters)[0])
        for day in missing:
            kept[day] = _kept_grid(periods, params, day)
            _CLASSIFIED.put((*base, day), kept[day])
    elif missing:
        found = _grid_frame(store, params, missing)
        for day in missing:
            kept[day] = _Grid(found[found["as_of"] == day].reset_index(drop=True))
            _CLASSIFIED.put((*base, day), kept[day])
    return kept


def _cells(store, params: GridParams, pairs: pd.DataFrame) -> dict:
    """{as_of: Series of cells (None for too new) indexed by client id} covering the asked ``pairs``
    (columns as_of, client_id); an asked client missing from its date's Series has no cell there.

    The cells found at each as-of date are kept (per data version and
    settings). A date asked about for the first time is computed for the asked
    clients only (XYZ only for them, in one query with every other such date);
    a kept date asked about again for someone new is computed for every client,
    once, so moving L (which asks about other clients at the same dates) soon
    computes nothing. A client's cell at a date does not depend on the other
    clients asked about (see ``tests/test_fast_paths.py``).
    """
    base = _classes_key(store, params)
    ids = pa.array(pairs["client_id"].astype(str).to_numpy(dtype=object), pa.string())
    positions = pairs.groupby("as_of").indices  # {date: the rows asking about it}
    kept = {day: _CELLS.get((*base, day)) for day in positions}
    first = [day for day in positions if kept[day] is None]
    # a kept date that holds only the clients asked before, and someone new is asked about now
    again = [
        day
        for day in positions
        if kept[day]
        and kept[day][0] is not EVERYONE
        and not pc.all(pc.is_in(ids.take(positions[day]), value_set=kept[day][0])).as_py()
    ]
    if first:
        rows = pairs[pairs["as_of"].isin(first)][["as_of", "client_id"]]
        found = _cell_series(_grid_frame(store, params, sorted(first), rows, shown="cells"))
        for day in first:
            kept[day] = (pc.unique(ids.take(positions[day])), found.get(day, _NO_CELLS))
            _CELLS.put((*base, day), kept[day])
    if again:
        found = _cell_series(_grid_frame(store, params, sorted(again), shown="cells"))
        for day in again:
            kept[day] = (EVERYONE, found.get(day, _NO_CELLS))
            _CELLS.put((*base, day), kept[day])
    return {day: kept[day][1] for day in positions}


_NO_CELLS = pd.Series([], dtype="str", index=pd.Index([], dtype="str"))


def _cell_series(found: pd.DataFrame) -> dict:
    """{as_of: Series of cells indexed by client id} from grid rows of several dates: one slice per
    date, no Python step per row (at 10M lines that is 150,000 clients at each of some fifty dates)."""
    if found.empty:
        return {}
    codes, days = pd.factorize(found["as_of"])
    order = np.argsort(codes, kind="stable")
    ids, cells = found["client_id"].iloc[order], found["cell"].iloc[order]
    ends = np.searchsorted(codes[order], np.arange(len(days)), side="right")
    starts = np.concatenate([[0], ends[:-1]])
    return {
        day: pd.Series(cells.iloc[start:end].to_numpy(), index=pd.Index(ids.iloc[start:end]))
        for day, start, end in zip(days, starts, ends, strict=True)
    }


def abcxyz(store, params: GridParams) -> GridResult:
    """The nine-cell grid for ``params`` (as-of date defaults to the latest date the filters keep)."""
    validate(params)
    first, last = data_dates(store, params.filters)
    as_of = resolve_as_of(store, params.filters, params.as_of or last)  # no lines at all: its message
    x, y = params.limits()
    resolved = replace(params, as_of=as_of, x=x, y=y)
    grid = _grids(store, resolved, [as_of])[as_of]
    clients = grid.frame.drop(columns=["as_of"]).reset_index(drop=True)
    total_positive = money(clients["basis"].clip(lower=0).sum())
    return GridResult(
        params=resolved,
        window_start=window_start(as_of, params.period, params.window),
        clients=clients,
        cells=cell_table(clients, total_positive, grid.labels),
        new=_strip(clients, total_positive),
        total_positive=total_positive,
        data_first=first,
        data_last=last,
    )


def cell_table(clients: pd.DataFrame, total_positive: float, labels: np.ndarray | None = None) -> pd.DataFrame:
    """Clients, basis and share per cell, all nine cells present (empty ones at zero).

    ``labels``: each client's cell number (``_Grid.labels``; 9: too new, left out), where known.
    """
    if labels is None:
        found = positions(clients["cell"], CELLS)
        labels = np.where(found >= 0, found, len(CELLS))
    counts = np.bincount(labels, minlength=LABELS)
    bases = np.bincount(labels, weights=clients["basis"].to_numpy(dtype=float, na_value=0.0), minlength=LABELS)
    table = pd.DataFrame(
        {
            "abc": [c[0] for c in CELLS],
            "xyz": [c[1] for c in CELLS],
            "clients": counts[: len(CELLS)],
            "basis": [money(b) for b in bases[: len(CELLS)]],
        },
        index=pd.Index(CELLS, name="cell"),
    )
    table["share"] = table["basis"] / total_positive if total_positive > 0 else 0.0
    return table


def _strip(clients: pd.DataFrame, total_positive: float) -> dict:
    too_new = clients["xyz"].isna()
    basis = money(clients["basis"][too_new].sum())
    return {
        "clients": int(too_new.sum()),
        "basis": basis,
        "share": basis / total_positive if total_positive > 0 else 0.0,
    }


def as_payload(result: GridResult) -> dict:
    """The grid as the command line prints it (shares as fractions, dates as YYYY-MM-DD)."""
    parameters = result.params.as_dict()
    parameters["window_start"] = result.window_start.isoformat()
    parameters["data_first"] = result.data_first.isoformat() if result.data_first else None
    parameters["data_last"] = result.data_last.isoformat() if result.data_last else None
    cells = {
        cell: {"clients": int(row.clients), "basis": float(row.basis), "share": float(row.share)}
        for cell, row in result.cells.iterrows()
    }
    clients = [
        {
            "client_id": row.client_id,
            "client_name": None if pd.isna(row.client_name) else row.client_name,
            "basis": float(row.basis),
            "share": None if pd.isna(row.share) else float(row.share),
            "abc": row.abc,
            "xyz": None if pd.isna(row.xyz) else row.xyz,
            "cv": None if pd.isna(row.cv) else float(row.cv),
            "frequency": float(row.frequency),
            "periods": int(row.periods),
        }
        for row in result.clients.itertuples(index=False)
    ]
    return {
        "parameters": parameters,
        "cells": cells,
        "new": {"clients": result.new["clients"], "basis": result.new["basis"]},
        "clients": clients,
    }


def _period_dates(store, params: GridParams) -> dict[date, date]:
    """{period start: the latest day with a line in that period}, filters applied, not after ``params.as_of``.

    Every period's, kept per data version: moving L asks about other periods of the same lines.
    """
    key = (*_figures_key(store, params)[:2], params.period, params.filters, params.as_of)

    def read() -> dict[date, date]:
        statement, values = _statement(params, "grid_period_dates")
        return dict(store.query_rows(statement, [*values, params.as_of]))

    return _PERIOD_DATES.fetch(key, read)


def former_cells(store, params: GridParams, last_purchase: pd.DataFrame) -> pd.DataFrame:
    """Each client's cell in the grid as of its last purchase (its period's latest day with a line).

    ``last_purchase`` has columns client_id and last_purchase (a date, or empty).
    Returns client_id and former_cell ("AZ", ...; None when the client was too
    new to classify then, or has no last purchase). One query for all clients:
    see the module docstring for how the as-of dates are grouped by period.
    """
    wanted = last_purchase[["client_id", "last_purchase"]].copy()
    wanted["last_purchase"] = pd.to_datetime(wanted["last_purchase"])
    known = wanted.dropna(subset=["last_purchase"])
    result = wanted[["client_id"]].copy()
    result["former_cell"] = pd.Series(None, index=result.index, dtype=object)
    if known.empty:
        return result
    validate(params)
    _checked(store, params)
    days = known["last_purchase"]
    periods = _period_starts(days, params.period)
    latest = _period_dates(store, params)
    # The period's latest day with a line, or the client's own last purchase
    # when that is later (a day the filters or the as-of date left out).
    latest_days = periods.map({pd.Timestamp(p): pd.Timestamp(d) for p, d in latest.items()})
    latest_days = pd.to_datetime(latest_days).fillna(days)
    codes, uniques = pd.factorize(latest_days.where(latest_days > days, days))
    group_as_of = np.array([day.date() for day in uniques], dtype=object)[codes]  # a date per distinct day
    pairs = pd.DataFrame({"client_id": known["client_id"].astype(str).to_numpy(), "as_of": group_as_of})
    cells = _cells(store, params, pairs)
    found = np.full(len(pairs), None, dtype=object)
    for day, at in pairs.groupby("as_of").indices.items():
        looked_up = cells[day].reindex(pairs["client_id"].iloc[at]).astype(object)
        found[at] = looked_up.where(looked_up.notna(), None).to_numpy(dtype=object)
    # a client asked about twice takes its last row's cell
    cell_of = pd.Series(found, index=pairs["client_id"], dtype=object)
    cell_of = cell_of[~cell_of.index.duplicated(keep="last")]
    looked_up = cell_of.reindex(result["client_id"].astype(str))
    result["former_cell"] = pd.Series(
        looked_up.where(looked_up.notna(), None).to_numpy(dtype=object), index=result.index, dtype=object
    )
    return result


def cells_over_time(store, params: GridParams, client_id: str, as_of_dates: list[date]) -> pd.DataFrame:
    """One client's place in the grid at each of ``as_of_dates`` (so a slide from AX to BZ shows).

    At the dossier's dates (each closing its period, the last one the as-of
    date: ``_kept_closes``) from the kept periods, one window after another
    (``_kept_cells_over_time``); at other dates in one query, the way
    ``former_cells`` asks. Either way every client is ranked for ABC at each
    date, the XYZ spread is computed for this client only. ``params.as_of`` is
    ignored. Returns one row per date, in the order given: as_of, in_grid
    (False when the client has no line in that date's window), cell (None when
    absent or too new), abc, xyz, basis, share, abc_rank.
    """
    columns = ["as_of", "in_grid", "cell", "abc", "xyz", "basis", "share", "abc_rank"]
    if not as_of_dates:
        return pd.DataFrame(columns=columns)
    validate(params)
    if _kept_closes(list(as_of_dates), params.period):
        _checked(store, params)
        found = _kept_cells_over_time(store, params, str(client_id), sorted(set(as_of_dates)))
    else:
        asked = pd.DataFrame({"as_of": list(as_of_dates), "client_id": str(client_id)})
        found = _grid_frame(store, params, sorted(set(as_of_dates)), asked)
    found = found[found["client_id"] == str(client_id)]
    _keep_cells(store, params, str(client_id), found, as_of_dates)
    rows = pd.DataFrame({"as_of": list(as_of_dates)}).merge(
        found[["as_of", "cell", "abc", "xyz", "basis", "share", "abc_rank"]], on="as_of", how="left"
    )
    rows["in_grid"] = rows["abc"].notna()
    rows["basis"] = pd.to_numeric(rows["basis"]).astype(float)
    rows["share"] = pd.to_numeric(rows["share"]).astype(float)
    for column in ("cell", "abc", "xyz"):
        rows[column] = rows[column].astype(object).where(rows[column].notna(), None)
    return rows[columns]


def _keep_cells(store, params: GridParams, client_id: str, found: pd.DataFrame, days: list[date]) -> None:
    """Keep one client's cells found at ``days`` as ``_cells`` keeps the cells of the clients asked about,
    at the dates nobody was asked about yet: the dossier asks for its client's cell over time, then
    for its former cell (the win-back row), often at the last of those dates."""
    base = _classes_key(store, params)
    found_at = _cell_series(found)
    for day in days:
        if _CELLS.get((*base, day)) is None:
            _CELLS.put((*base, day), (pa.array([client_id], pa.string()), found_at.get(day, _NO_CELLS)))


def _kept_cells_over_time(store, params: GridParams, client_id: str, days: list[date]) -> pd.DataFrame:
    """``_grid_frame``'s as_of, client_id, cell, abc, xyz, basis, share and abc_rank of one client at
    ``days`` (sorted, ``_kept_closes``), from the kept periods of the last one.

    The windows are summed one after another (a period in and one out between consecutive
    ones); in each, the client is ranked as grid_ranks_asked.sql ranks an asked client: the
    clients with a line there and a bigger basis, or an equal one and a smaller id, are above
    it. Its own figures come from its own rows; ``_classes`` classifies every window at once.
    """
    kept = kept_periods(store, params.filters, params.period, days[-1], data_dates(store, params.filters)[0])
    at = pc.index(kept.ids, client_id).as_py()
    column, length = _basis_column(params), params.window
    mine = np.flatnonzero(kept.client == at) if at >= 0 else np.zeros(0, np.int64)
    mine_period = np.searchsorted(kept.bounds, mine, side="right") - 1
    mine_basis = getattr(kept, column)[mine] / UNITS
    found: dict[str, list] = {
        name: [] for name in ("as_of", "basis", "before", "total", "counted", "bought", "squares", "rank")
    }
    sums, previous = None, None
    for day in days if at >= 0 else []:  # a loop over windows, never over clients
        end = count_periods(kept.first, period_start(day, params.period), params.period)
        if sums is not None and end == previous + 1:
            sums.move(end, 1)
            sums.move(end - length, -1)
        else:
            sums = window_sums(kept, end, length, columns=(column,))
        previous = end
        if not sums.periods[at]:
            continue
        basis = sums.columns[column]
        own = basis[at]
        above = (sums.periods > 0) & ((basis > own) | ((basis == own) & (kept.id_order < kept.id_order[at])))
        inside = (mine_period > end - length) & (mine_period <= end)
        found["as_of"].append(day)
        found["basis"].append(own)
        found["before"].append(basis[above].sum())
        found["total"].append(basis[basis > 0].sum())
        found["counted"].append(end - max(kept.first_period[at], end - length + 1) + 1)
        found["bought"].append(int(inside.sum()))
        found["squares"].append(float(np.square(mine_basis[inside]).sum()))
        found["rank"].append(int(above.sum()) + 1)
    figures = {
        name: np.array(values, np.float64 if name == "squares" else np.int64)
        for name, values in found.items()
        if name not in ("as_of", "rank")
    }
    classes = _classes(params, **figures)
    return pa.table(
        {
            "as_of": pa.array(found["as_of"], pa.date32()),
            "client_id": pa.array([client_id] * len(found["as_of"]), pa.string()),
            "cell": classes["cell"],
            "abc": classes["abc"],
            "xyz": classes["xyz"],
            "basis": classes["basis"],
            "share": classes["share"],
            "abc_rank": np.array(found["rank"], np.int64),
        }
    ).to_pandas()


def _period_starts(days: pd.Series, period: str) -> pd.Series:
    """The start of each day's calendar period (weeks start on Monday) as a timestamp, vectorised."""
    stamps = pd.to_datetime(days)
    if period == "week":
        return (stamps - pd.to_timedelta(stamps.dt.weekday, unit="D")).dt.normalize()
    return stamps.dt.to_period("Q" if period == "quarter" else "M").dt.start_time


@dataclass(frozen=True)
class Migration:
    """The grid now against the grid of the window ending one window earlier.

    ``transitions``: rows are the previous cell (or ``too_new``, or ``new`` for
    clients absent then), columns the current cell (or ``too_new``, or ``gone``),
    values client counts. ``slipped``: clients that went A→B/C or X/Y→Z, with
    their cells and basis then and now.
    """

    previous_as_of: date
    previous_window_start: date
    transitions: pd.DataFrame
    slipped: pd.DataFrame


def migration(store, params: GridParams) -> Migration:
    """Previous cell × current cell for every client in either grid, and the clients that slipped."""
    validate(params)
    as_of = resolve_as_of(store, params.filters, params.as_of)
    previous_as_of = window_start(as_of, params.period, params.window) - timedelta(days=1)
    grids = _grids(store, params, [previous_as_of, as_of])
    then, now = grids[previous_as_of], grids[as_of]
    at, gone = _matched(then, now)
    label_then, label_now = then.labels, now.labels
    came_from = np.full(len(now.frame), ABSENT)
    came_from[at >= 0] = label_then[at[at >= 0]]
    pairs = np.concatenate([came_from * LABELS + label_now, label_then[gone] * LABELS + ABSENT])
    counts = np.bincount(pairs, minlength=LABELS * LABELS).reshape(LABELS, LABELS)
    transitions = pd.DataFrame(
        counts,
        index=pd.Index([*CELLS, TOO_NEW, ABSENT_BEFORE], name="then"),
        columns=pd.Index([*CELLS, TOO_NEW, ABSENT_NOW], name="now"),
    )
    return Migration(
        previous_as_of=previous_as_of,
        previous_window_start=window_start(previous_as_of, params.period, params.window),
        transitions=transitions,
        slipped=_slipped(then, now, at),
    )


def _matched(then: _Grid, now: _Grid) -> tuple[np.ndarray, np.ndarray]:
    """Each client of the grid now's row in the grid then (-1: absent then), and which clients then
    are absent now: by client number when both grids are summed from the same kept periods, else by id."""
    if then.ids is None or then.ids is not now.ids:
        return positions(now.frame["client_id"], then.frame["client_id"]), (
            positions(then.frame["client_id"], now.frame["client_id"]) < 0
        )
    row_then = np.full(len(now.ids), -1)
    row_then[then.clients] = np.arange(len(then.clients))
    present_now = np.zeros(len(now.ids), bool)
    present_now[now.clients] = True
    return row_then[now.clients], ~present_now[then.clients]


LABELS = len(CELLS) + 2  # the nine cells, too new, and absent (new then, gone now)
ABSENT = LABELS - 1


def _slipped(then_grid: _Grid, now_grid: _Grid, at: np.ndarray) -> pd.DataFrame:
    """The clients in both grids that slipped, from A to B or C or from X or Y to Z; the largest basis then first."""
    both = np.flatnonzero(at >= 0)
    (abc_then, xyz_then), (abc_now, xyz_now) = then_grid.classes, now_grid.classes
    down = (abc_then[at[both]] == 0) & (abc_now[both] > 0)  # A, then B or C
    irregular = (xyz_then[at[both]] < 2) & (xyz_now[both] == 2)  # X or Y, then Z (too new is neither)
    then, now = then_grid.frame, now_grid.frame
    rows = both[down | irregular]
    before, after = then.iloc[at[rows]].reset_index(drop=True), now.iloc[rows].reset_index(drop=True)
    slipped = pd.DataFrame(
        {
            "client_id": after["client_id"],
            "client_name": after["client_name"].fillna(before["client_name"]),
            "cell_then": before["cell"],
            "cell_now": after["cell"],
            "basis_then": before["basis"],
            "basis_now": after["basis"],
        }
    )
    return slipped.sort_values(["basis_then", "client_id"], ascending=[False, True], ignore_index=True)


def dominant_xyz(result: GridResult, threshold: float = 0.8) -> tuple[str, float] | None:
    """The XYZ class holding ``threshold`` or more of the classified clients, and its share."""
    classes = result.clients["xyz"].dropna()  # the classified clients' (one column, not every one)
    if classes.empty:
        return None
    shares = classes.value_counts(normalize=True)
    if shares.iloc[0] >= threshold:
        return str(shares.index[0]), float(shares.iloc[0])
    return None


def tercile_limits(result: GridResult) -> tuple[float, float] | None:
    """XYZ limits (percent, one decimal) that split the classified clients into thirds by the measure.

    For CV: X up to the lower tercile, Y up to the upper one (clients without a
    CV — zero or negative basis — are Z whatever the limits and left out). For
    frequency: X from the upper tercile, Y from the lower one. None when there
    is nothing to split (no values, or every value the same).
    """
    classified = result.clients[["cv", "frequency"]][result.clients["xyz"].notna()]
    if result.params.xyz == "cv":
        values = classified["cv"].dropna()
        if values.empty or values.min() == values.max():
            return None
        low, high = values.quantile([1 / 3, 2 / 3])
        # X and Y include their limit: round up so the client at a tercile stays inside.
        return math.ceil(float(low) * 1000) / 10, math.ceil(float(high) * 1000) / 10
    values = classified["frequency"].dropna()
    if values.empty or values.min() == values.max():
        return None
    low, high = values.quantile([1 / 3, 2 / 3])
    # "at least" limits: round down for the same reason.
    return math.floor(float(high) * 1000) / 10, math.floor(float(low) * 1000) / 10


# -- the Excel pack ---------------------------------------------------------------------

# One colour per cell: the row (value) sets the hue, the column (regularity) its strength.
CELL_COLOURS = {
    "AX": "6DBE73",
    "AY": "A3D69C",
    "AZ": "D3ECCB",
    "BX": "F5C842",
    "BY": "F9DC86",
    "BZ": "FCEDC2",
    "CX": "F08D6A",
    "CY": "F6B9A1",
    "CZ": "FADDD1",
    TOO_NEW: "D9D9D9",
}


def client_columns(lang: str = "en") -> dict[str, str]:
    """The client list's columns and their headers in ``lang``."""
    from core.i18n import t

    keys = {
        "client_id": "grid.col.client_id",
        "client_name": "grid.col.client",
        "basis": "grid.col.basis",
        "share": "grid.col.share",
        "abc_rank": "grid.col.rank",
        "share_before": "grid.col.share_before",
        "abc": "grid.abc",
        "xyz": "grid.xyz_class",
        "cell": "grid.cell",
        "cv": "grid.col.cv",
        "frequency": "grid.col.frequency",
        "periods": "grid.col.periods",
        "purchase_periods": "grid.col.purchase_periods",
        "last_purchase": "grid.col.last_purchase",
        "manager": "grid.col.manager",
        "region": "grid.col.region",
        "segment": "grid.col.segment",
    }
    return {column: t(key, lang) for column, key in keys.items()}


def grid_workbook(result: GridResult, moved: Migration | None = None, lang: str = "en") -> bytes:
    """The Excel pack: the grid, the client list, the migration, and every parameter used."""
    from core.export import DATE, INTEGER, MONEY, PERCENT, Sheet, workbook
    from core.i18n import t

    def cell_label(cell):
        return t("grid.too_new", lang) if cell == TOO_NEW else cell

    grid_rows = result.cells.reset_index()
    grid_rows.loc[len(grid_rows)] = [
        TOO_NEW,
        None,
        None,
        result.new["clients"],
        result.new["basis"],
        result.new["share"],
    ]
    grid_rows["strategy"] = [t(f"grid.strategy.{c}", lang) for c in grid_rows["cell"]]
    fills = {(i, "cell"): CELL_COLOURS[c] for i, c in enumerate(grid_rows["cell"])}
    grid_rows["cell"] = grid_rows["cell"].map(cell_label)
    grid_headers = {
        "cell": t("grid.cell", lang),
        "abc": "ABC",
        "xyz": "XYZ",
        "clients": t("common.clients", lang),
        "basis": t("grid.col.basis", lang),
        "share": t("grid.col.share", lang),
        "strategy": t("grid.strategy", lang),
    }
    sheets = [
        Sheet(
            t("grid.sheet.grid", lang),
            grid_rows.rename(columns=grid_headers),
            {grid_headers["clients"]: INTEGER, grid_headers["basis"]: MONEY, grid_headers["share"]: PERCENT},
            {(i, grid_headers["cell"]): colour for (i, _), colour in fills.items()},
        )
    ]

    headers = client_columns(lang)
    clients = result.clients[list(headers)].copy()
    client_fills = {
        (i, headers["cell"]): CELL_COLOURS[c if isinstance(c, str) else TOO_NEW] for i, c in enumerate(clients["cell"])
    }
    clients["cell"] = clients["cell"].map(lambda c: c if isinstance(c, str) else t("grid.too_new", lang))
    sheets.append(
        Sheet(
            t("grid.sheet.clients", lang),
            clients.rename(columns=headers),
            {
                headers["basis"]: MONEY,
                headers["share"]: PERCENT,
                headers["share_before"]: PERCENT,
                headers["cv"]: PERCENT,
                headers["frequency"]: PERCENT,
                headers["abc_rank"]: INTEGER,
                headers["last_purchase"]: DATE,
            },
            client_fills,
        )
    )

    if moved is not None:
        labels = {
            TOO_NEW: t("grid.too_new", lang),
            ABSENT_BEFORE: t("grid.migration.new", lang),
            ABSENT_NOW: t("grid.migration.gone", lang),
        }
        table = moved.transitions.rename(index=lambda c: labels.get(c, c), columns=lambda c: labels.get(c, c))
        table.index.name = f"{t('grid.migration.then', lang)} \\ {t('grid.migration.now', lang)}"
        sheets.append(Sheet(t("grid.sheet.migration", lang), table, index=True))
        slipped_headers = {
            "client_id": headers["client_id"],
            "client_name": headers["client_name"],
            "cell_then": t("grid.col.cell_then", lang),
            "cell_now": t("grid.col.cell_now", lang),
            "basis_then": t("grid.col.basis_then", lang),
            "basis_now": t("grid.col.basis_now", lang),
        }
        slipped = moved.slipped.copy()
        slipped["cell_now"] = slipped["cell_now"].map(lambda c: c if isinstance(c, str) else labels[TOO_NEW])
        sheets.append(
            Sheet(
                t("grid.sheet.slipped", lang),
                slipped.rename(columns=slipped_headers),
                {slipped_headers["basis_then"]: MONEY, slipped_headers["basis_now"]: MONEY},
            )
        )

    parameters = result.params.as_dict()
    parameters["window_start"] = result.window_start
    parameters["data_first_date"] = result.data_first
    parameters["data_last_date"] = result.data_last
    if moved is not None:
        parameters["migration_previous_window"] = f"{moved.previous_window_start} – {moved.previous_as_of}"
    return workbook(sheets, parameters)


@dataclass(frozen=True)
class PackParams:
    """What the Excel pack depends on: the grid's parameters and the language of its headers."""

    grid: GridParams
    lang: str = "en"


def grid_pack(store, pack: PackParams) -> bytes:
    """The Excel pack of ``pack.grid`` (grid, clients, migration, parameters) as .xlsx bytes."""
    return grid_workbook(abcxyz(store, pack.grid), migration(store, pack.grid), pack.lang)


__all__ = [
    "ABC_CLASSES",
    "BASES",
    "CELLS",
    "CELL_COLOURS",
    "GridParams",
    "GridResult",
    "Migration",
    "PackParams",
    "XYZ_CLASSES",
    "abcxyz",
    "as_payload",
    "cell_table",
    "cells_over_time",
    "client_columns",
    "dominant_xyz",
    "former_cells",
    "grid_pack",
    "grid_workbook",
    "migration",
    "tercile_limits",
]
