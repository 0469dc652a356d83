"""Every client's sums per period, kept in memory: what the concentration and the grid sum their windows from.

What it promises:

- ``kept_periods(store, filters, period, as_of, first_day)`` reads each client's
  revenue, margin and last day per period with a line (``kept_periods.sql``), from
  the first period of the filtered lines up to the as-of date, once per data
  version, filters, period and as-of date: 1.7 million rows (about 50 MB) for
  four years of 10 million lines. Sums are exact 64-bit integers in
  ten-thousandths of the money unit (DOMAIN.md keeps 4 places); sales whose sums
  could pass 64 bits are refused with a message instead of being rounded.
- The rows are in period order, so an analysis window is a run of rows, and
  ``WindowSums`` adds (or takes back) one period at a time: a window moved is a
  period in and a period out, with numpy and a loop over periods, never over
  clients. The periods before the as-of date's own are whole, so a window ending
  with any of them (the migration's earlier grid) is summed from the same entry.
- Beside the sums: each client's name, manager, region and segment (the
  ``clients`` table's), its place in id order (DOMAIN.md breaks ties by client
  id) and its first period in the filtered lines (the grid counts a client's
  periods from there).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.analysis import PERIOD_STEPS, Filters, among, client_periods, filtered_daily, months_cover, period_start
from core.errors import InputError
from core.kept import Kept
from core.store import sql

UNITS = 10_000  # kept_periods.sql's sums are in ten-thousandths of the money unit


@dataclass(frozen=True)
class ClientPeriods:
    """Every client's revenue, margin and last day per period with a line (kept_periods.sql).

    Rows are in period order; ``bounds[i]:bounds[i + 1]`` are period ``i``'s, counted
    from ``first`` (0). ``client`` numbers each row's client in ``ids`` (``names``,
    ``managers``, ``regions``, ``segments`` beside them, the last three dictionary-encoded;
    ``by_id`` their numbers in id order, ``id_order`` each one's place in it,
    ``first_period`` the number of their first period); sums are in
    ten-thousandths (exact integers), ``valued`` 1 where the margin has a value,
    ``last_day`` the period's last day with a line (days since 1970-01-01).
    """

    first: date
    ids: pa.Array
    names: pa.Array
    managers: pa.Array
    regions: pa.Array
    segments: pa.Array
    by_id: np.ndarray
    id_order: np.ndarray
    first_period: np.ndarray
    client: np.ndarray
    revenue: np.ndarray
    margin: np.ndarray
    valued: np.ndarray
    last_day: np.ndarray
    bounds: np.ndarray

    @property
    def periods(self) -> int:
        return len(self.bounds) - 1


# One entry per data version, filters, period and as-of date (both bases). A window
# moved, the basis, the limits, the target, the top N or clients left out (a what-if)
# sum from the same entry; the concentration and the grid share it.
_PERIODS = Kept(3)


def kept_periods(store, filters: Filters, period: str, as_of: date, first_day: date | None) -> ClientPeriods:
    """The kept periods from ``first_day``'s (the filtered lines' first) up to ``as_of``;
    no row when the filters keep no line."""
    if first_day is None:
        return NO_PERIODS
    first = period_start(first_day, period)
    # a kind filter reads the tags, which change without the lines
    version = store.version() if filters.kind else store.lines_version()
    key = (str(store.path), version, period, filters, as_of, first)
    return _PERIODS.fetch(key, lambda: _read(store, filters, period, as_of, first))


def _statement(filters: Filters, period: str, months: bool) -> tuple[str, list]:
    """kept_periods.sql for ``period`` and ``filters``, and the filter values.

    Every spliced name comes from a whitelist (PERIODS, PERIOD_STEPS); values stay bound.
    ``months``: client_months holds the periods' days (months_cover). The fragments'
    ``basis`` is revenue: both sums are read.
    """
    fragment, values = filtered_daily(filters)
    text = (
        sql("kept_periods")
        .replace("{client_periods}", sql(client_periods(period, months)))
        .replace("{daily}", fragment)
        .replace("{basis}", "revenue")
        .replace("{period}", period)
        .replace("{diff_unit}", PERIOD_STEPS[period][0])
        .replace("{diff_step}", str(PERIOD_STEPS[period][1]))
    )
    return text, values


def _read(store, filters: Filters, period: str, as_of: date, first: date) -> ClientPeriods:
    text, values = _statement(filters, period, months_cover(store, filters, [as_of]))
    rows = store.read_arrow(text, [*values, as_of, first, [], first])
    revenue, margin = rows["revenue"], rows["margin"]
    if revenue.null_count or margin.null_count:  # a client's period beyond 64 bits
        raise InputError.keyed("err.basis_too_large")
    revenue, margin = revenue.to_numpy(), margin.to_numpy()
    if max(np.abs(revenue).sum(dtype=np.float64), np.abs(margin).sum(dtype=np.float64)) >= 2.0**62:
        raise InputError.keyed("err.basis_too_large")  # a window's sum could pass 64 bits
    number = rows["period"].to_numpy()
    clients = pc.dictionary_encode(rows["client_id"]).combine_chunks()
    ids = clients.dictionary
    client = clients.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    bounds = np.searchsorted(number, np.arange(int(number[-1]) + 2 if len(number) else 1))
    first_period = np.full(len(ids), -1, np.int64)
    for at in range(len(bounds) - 1):  # a loop over periods: each client's first one with a line
        present = client[bounds[at] : bounds[at + 1]]
        first_period[present[first_period[present] < 0]] = at
    known = store.read_arrow("SELECT client_id, client_name, manager, region, segment FROM clients")
    found = pc.index_in(ids, value_set=known["client_id"])
    by_id = pc.sort_indices(ids).to_numpy()
    id_order = np.empty(len(ids), np.int64)
    id_order[by_id] = np.arange(len(ids))
    return ClientPeriods(
        first=first,
        ids=ids,
        names=known["client_name"].combine_chunks().take(found),
        managers=pc.dictionary_encode(known["manager"].combine_chunks().take(found)),
        regions=pc.dictionary_encode(known["region"].combine_chunks().take(found)),
        segments=pc.dictionary_encode(known["segment"].combine_chunks().take(found)),
        by_id=by_id,
        id_order=id_order,
        first_period=first_period,
        client=client,
        revenue=revenue,
        margin=margin,
        valued=rows["margin_valued"].to_numpy(zero_copy_only=False).astype(np.int64),
        last_day=rows["last_date"].cast(pa.int32()).to_numpy(zero_copy_only=False),
        bounds=bounds,
    )


_NONE = np.zeros(0, np.int64)
_NO_TEXT = pa.array([], pa.string())
NO_PERIODS = ClientPeriods(
    date.min,
    *([_NO_TEXT] * 2),
    *([pc.dictionary_encode(_NO_TEXT)] * 3),
    *([_NONE] * 7),
    np.zeros(0, np.int32),
    np.zeros(1, np.int64),
)


def count_periods(first: date, start: date, period: str) -> int:
    """Periods from ``first`` to ``start`` (both period starts), as kept_periods.sql numbers them."""
    if period == "week":
        return (start - first).days // 7
    months = (start.year - first.year) * 12 + start.month - first.month
    return months // PERIOD_STEPS[period][1]


class WindowSums:
    """Every client's sums of ``columns`` (of ``ClientPeriods``: revenue, margin, valued) and
    its periods with lines over the periods inside one analysis window, moved a period at a time.

    ``squares``: also sum the squares of that column's per-period values, in money units
    (the grid's spread); ``last``: also keep each client's last day with a line, which
    only adding periods in order keeps right (the grid sums each window afresh).
    """

    def __init__(
        self,
        kept: ClientPeriods,
        without: tuple[str, ...] = (),
        columns: tuple[str, ...] = (),
        *,
        squares: str | None = None,
        last: bool = False,
    ):
        self.kept = kept
        # a what-if: the leaving clients' periods count for nothing
        self.weight = (~among(pd.Series(kept.ids), without)[kept.client]).astype(np.int64) if without else None
        self.columns = {name: np.zeros(len(kept.ids), np.int64) for name in columns}
        self.periods = np.zeros(len(kept.ids), np.int64)
        self.squares_of = squares
        self.squares = np.zeros(len(kept.ids), np.float64) if squares else None
        self.last_day = np.full(len(kept.ids), -1, np.int32) if last else None

    def move(self, period: int, sign: int) -> None:
        """Add period ``period``'s rows (``sign`` 1) or take them back (-1)."""
        kept = self.kept
        if not 0 <= period < kept.periods:
            return
        inside = slice(kept.bounds[period], kept.bounds[period + 1])
        clients = kept.client[inside]  # each client once per period
        # ufunc.at: half the time of sums[clients] += values on a period's tens of thousands of rows
        add = np.add.at if sign > 0 else np.subtract.at
        weight = None if self.weight is None else self.weight[inside]
        for name, sums in self.columns.items():
            values = getattr(kept, name)[inside]
            add(sums, clients, values if weight is None else weight * values)
        add(self.periods, clients, 1 if weight is None else weight)
        if self.squares is not None:
            values = getattr(kept, self.squares_of)[inside] / UNITS
            add(self.squares, clients, values * values if weight is None else weight * values * values)
        if self.last_day is not None:
            self.last_day[clients] = kept.last_day[inside]  # periods come in order: the latest wins


def window_sums(
    kept: ClientPeriods, end: int, length: int, without: tuple[str, ...] = (), columns: tuple[str, ...] = (), **extra
) -> WindowSums:
    """The sums of the window of ``length`` periods whose last period is number ``end``."""
    sums = WindowSums(kept, without, columns, **extra)
    for period in range(end - length + 1, end + 1):
        sums.move(period, 1)
    return sums
