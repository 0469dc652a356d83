"""Concentration of the basis in few clients: top-N share, key set, Pareto curve, Gini, HHI.

What it computes (DOMAIN.md, "Concentration" and "Who is a key client"), over
the same analysis window as the ABC-XYZ grid: the last ``window`` calendar
periods ending with the period that holds the as-of date, lines after the
as-of date left out, the shared filters applied (``core.analysis``).

Settled where DOMAIN.md leaves room (checked against ``expected.json``):

- A client's **basis** is its summed revenue (or margin) over the window; its
  **share** is its basis ÷ ``total``, the sum of the *positive* client bases —
  the same share as the ABC grid. Clients with a zero or negative basis have no
  share: they are left out of the curve, the top N, the key set, Gini and HHI,
  and counted apart (``clients_left_out``). ``clients`` counts the positive ones.
- Clients are ranked by basis descending, ties by client id.
- **Top-N share**: the summed shares of the first N ranked clients (1.0 when
  fewer than N clients).
- **Key set**: the smallest run of top clients whose cumulative share reaches
  the target (``>=``; a target hit exactly stops there). A tolerance of 1e-9
  absorbs floating-point sums such as 0.4 + 0.3.
- **Gini** over the positive clients: ``sum((n + 1 - 2 rank) * basis) / (n *
  total)`` with rank descending — 0 when all are equal, (n−1)/n in the limit
  where one client holds everything (the others being left out only when they
  have exactly nothing, a lone client scores 0).
- **HHI**: the sum of squared percentage shares, 0–10,000 (10,000: one client).
- **Breadwinner**: a client whose margin is ``breadwinner_share`` % (default
  10) or more of the summed positive client margins in the same window and
  filters — revenue when no line carries a margin — whatever the chosen basis.
- **Trend**: the same figures for rolling windows of the same length, one per
  period, ending with each period from the first one holding a full window of
  data up to the as-of period (only the as-of window when the data is shorter
  than one window). Its last row equals the headline figures. Gini, which needs
  every client of a window ranked, is the last row's only (the trend draws the
  top-N share, the key set and HHI; the earlier rows' Gini is empty).
- **What if clients leave**: ``without`` removes clients before anything is
  computed, so every figure above is "as if they had never bought".
- ``trend=False`` computes the as-of window alone (the trend is that one row):
  the same headline figures for tables that show no trend; ``ranked=False``
  leaves out the ranked clients and the breadwinners (the same figures).

``concentration(store, params)`` is the one function the page, the CLI and the
export call.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa

from core.analysis import (
    PERIODS,
    Filters,
    Window,
    basis_column,
    data_dates,
    period_label,
    period_start,
    resolve_as_of,
    shift_periods,
)
from core.errors import InputError
from core.periods import NO_PERIODS, UNITS, ClientPeriods, WindowSums, count_periods, kept_periods, window_sums

TOLERANCE = 1e-9
KEY_SHARE_BAND = (30.0, 55.0)  # the article's share of sales held by key clients, percent
HHI_BANDS = (1500.0, 2500.0)  # the usual antitrust reading: unconcentrated / moderate / high


@dataclass(frozen=True)
class ConcentrationParams:
    """What the concentration view depends on. ``target`` and ``breadwinner_share`` in percent."""

    basis: str = "revenue"
    period: str = "month"
    window: int = 12
    as_of: date | None = None
    top: int = 10
    target: float = 50.0
    filters: Filters = field(default_factory=Filters)
    breadwinner_share: float = 10.0
    without: tuple[str, ...] = ()
    # False: only the as-of window's figures, the trend holding that one row
    # (the side-by-side and what-if tables need no trend; it costs one window
    # per period of history).
    trend: bool = True
    # False: the figures without the ranked clients (ranking and breadwinners
    # empty): what the side-by-side, what-if and overview tables read.
    ranked: bool = True

    def validate(self) -> None:
        basis_column(self.basis)
        if self.period not in PERIODS:
            raise InputError(f"Period must be one of {', '.join(PERIODS)}, not '{self.period}'.")
        if self.window < 1:
            raise InputError("The window must hold at least one period.")
        if self.top < 1:
            raise InputError("Top N must be at least 1 client.")
        if not 0 < self.target <= 100:
            raise InputError(f"The key-set target is a percentage above 0 and at most 100, not {self.target}.")
        if not 0 < self.breadwinner_share <= 100:
            raise InputError("The breadwinner share is a percentage above 0 and at most 100.")


@dataclass(frozen=True)
class Concentration:
    """The figures of one analysis window, the ranked clients, breadwinners and the trend."""

    params: ConcentrationParams
    window: Window
    breadwinner_basis: str
    total: float
    clients: int
    clients_left_out: int
    top_n_share: float
    key_set_clients: int
    key_set_share: float
    gini: float
    hhi: float
    ranking: pd.DataFrame  # rank, client_id, client_name, revenue, margin, basis, share, cumulative_share, ...
    breadwinners: pd.DataFrame  # client_id, client_name, share (of the breadwinner basis)
    trend: pd.DataFrame  # period, last_period, top_n_share, key_set_clients, key_set_share, hhi, gini (last row), ...

    @property
    def key_set_ids(self) -> list[str]:
        return self.ranking["client_id"].head(self.key_set_clients).tolist()

    def as_json(self) -> dict:
        """The CLI payload (shares as fractions, dates as YYYY-MM-DD)."""
        p = self.params
        return {
            "parameters": {
                "basis": p.basis,
                "period": p.period,
                "window": p.window,
                "as_of": self.window.as_of.isoformat(),
                "window_start": self.window.start.isoformat(),
                "top": p.top,
                "target": p.target,
                "breadwinner_share": p.breadwinner_share,
                "breadwinner_basis": self.breadwinner_basis,
                "filters": p.filters.as_dict(),
                "without": list(p.without),
            },
            "total": self.total,
            "clients": self.clients,
            "top_n_share": self.top_n_share,
            "key_set": {"clients": self.key_set_clients, "share": self.key_set_share, "client_ids": self.key_set_ids},
            "gini": self.gini,
            "hhi": self.hhi,
            "breadwinners": [
                {"client_id": c, "share": s}
                for c, s in zip(self.breadwinners["client_id"], self.breadwinners["share"], strict=True)
            ],
            "trend": [
                {
                    "period": r.period,
                    "top_n_share": _number(r.top_n_share),
                    "key_set_clients": int(r.key_set_clients) if pd.notna(r.key_set_clients) else None,
                    "hhi": _number(r.hhi),
                }
                for r in self.trend.itertuples()
            ],
        }


def _number(value) -> float | None:
    # A trend window where no client has a positive basis has no figures: null, not NaN.
    return float(value) if pd.notna(value) else None


def hhi_reading(hhi: float) -> str:
    """``unconcentrated`` below 1,500, ``moderate`` up to 2,500, ``high`` above (antitrust bands)."""
    if hhi < HHI_BANDS[0]:
        return "unconcentrated"
    return "moderate" if hhi <= HHI_BANDS[1] else "high"


def window_ends(first_day: date, window: Window) -> list[date]:
    """Starts of the last periods of the trend windows (see the module docstring)."""
    last = period_start(window.as_of, window.period)
    first_full = shift_periods(period_start(first_day, window.period), window.period, window.periods - 1)
    if first_full > last:
        return [last]
    ends, current = [], first_full
    while current <= last:  # a loop over periods, never over clients
        ends.append(current)
        current = shift_periods(current, window.period, 1)
    return ends


def figures(
    kept: ClientPeriods,
    params: ConcentrationParams,
    ends: list[date],
    as_of: tuple[WindowSums, np.ndarray] | None = None,
) -> pd.DataFrame:
    """One row of figures per analysis window ending with each period start in ``ends``, from the kept periods.

    ``ends`` are consecutive periods. Every client's basis in a window is a running
    sum over the kept periods: the first window's periods added, then for each next
    window one period enters and one leaves (no loop over clients). ``window_figures``
    ranks each window's bases. ``as_of``: the last window's sums and its positive bases
    in rank order, where the caller ranked its clients, so that window is not summed
    twice (when it is the only one) nor its bases sorted again for Gini.
    """
    first_end = count_periods(kept.first, ends[0], params.period)
    if as_of is not None and len(ends) == 1:
        sums = as_of[0]
    else:
        sums = window_sums(kept, first_end, params.window, params.without, (params.basis,))
    reach = params.target / 100 - TOLERANCE
    rows, floor = [], 0
    for number in range(len(ends)):  # a loop over periods, never over clients
        if number:
            sums.move(first_end + number, 1)
            sums.move(first_end + number - params.window, -1)
        last = number == len(ends) - 1
        gini = (True if as_of is None else as_of[1]) if last else False
        row, floor = window_figures(sums.columns[params.basis], sums.periods, params.top, reach, floor, gini)
        rows.append(row)
    trend = pd.DataFrame(rows)
    trend.insert(0, "first_period", [shift_periods(end, params.period, -(params.window - 1)) for end in ends])
    trend.insert(0, "last_period", ends)
    trend["period"] = [period_label(d, params.period) for d in ends]
    return trend


def _ranking(sums: WindowSums, basis_name: str, breadwinner_basis: str) -> tuple[pd.DataFrame, np.ndarray]:
    """The window's clients ranked by basis, descending (ties: client id), with their shares,
    and their bases in rank order (exact integers).

    Shares are of the summed positive bases; a client whose basis is zero, negative or
    without a value (a margin never recorded) has no share, no cumulative share and
    ranks last, those without a value after every other.
    """
    kept, columns = sums.kept, sums.columns
    inside = kept.by_id[sums.periods[kept.by_id] > 0]  # the clients with a line in the window, in id order
    valued = columns["valued"][inside] > 0
    basis, missing = columns[basis_name][inside], ~valued if basis_name == "margin" else np.zeros(len(inside), bool)
    # Stable sorts keep the id order among equal keys: half the time of a sort on the ids too.
    order = np.lexsort((-basis, missing)) if missing.any() else np.argsort(-basis, kind="stable")
    inside, basis, missing, valued = inside[order], basis[order], missing[order], valued[order]

    def shares(values: np.ndarray) -> np.ndarray:
        positive = values > 0
        return np.where(positive, values / max(int(values[positive].sum()), 1), np.nan)

    share = shares(basis)
    positive = basis > 0  # the first ones, in rank order
    cumulative = np.where(
        positive, np.cumsum(np.where(positive, basis, 0)) / max(int(basis[positive].sum()), 1), np.nan
    )
    breadwinner = columns[breadwinner_basis][inside]  # a margin without a value counts 0: no share
    ids = pa.array(inside)
    table = pa.table(
        {
            "rank": np.arange(1, len(inside) + 1, dtype=np.int64),
            "client_id": kept.ids.take(ids),
            "client_name": kept.names.take(ids),
            "revenue": columns["revenue"][inside] / UNITS,
            "margin": np.where(valued, columns["margin"][inside] / UNITS, np.nan),
            "basis": np.where(missing, np.nan, basis / UNITS),
            "share": share,
            "cumulative_share": cumulative,
            "breadwinner_share": shares(breadwinner),
        }
    )
    return table.to_pandas(split_blocks=True), basis


KEY_SET_GUESS = 1024  # the top clients sorted first in search of the key set's end, without a floor
FLOOR_RANKS = 2  # the next window's floor: the basis at this many times the key set's size


def window_figures(
    basis: np.ndarray, periods: np.ndarray, top: int, reach: float, floor: int, gini: bool | np.ndarray
) -> tuple[dict, int]:
    """The figures of one window from every client's basis in it (exact integers) and its
    periods there, and the ``floor`` for the next window.

    Only the positive bases count (the module docstring has every rule). The key set's
    end is searched among the bases at or above ``floor`` (the previous window's basis at
    ``FLOOR_RANKS`` times its key set; the next window's bases are close), sorted. Where
    there is no floor or those do not reach ``reach`` (the target less the tolerance), it
    is searched among the ``KEY_SET_GUESS`` biggest, then four times as many, and so on.
    Either way the bases searched are all those above some value, so the biggest are in
    the same order whichever of equal ones come first and no figure depends on ties.
    ``gini``: rank every client for Gini (the headline's window only); an array: those
    positive bases, in rank order already (the ranking's).
    """
    positive = np.maximum(basis, 0)  # every client, those without a positive basis at 0
    n = int(np.count_nonzero(positive))
    row = {
        "total": 0.0,
        "clients": n,
        "clients_left_out": int(np.count_nonzero(periods)) - n,
        "top_n_share": None,
        "key_set_clients": None,
        "key_set_share": None,
        "gini": None,
        "hhi": None,
    }
    if not n:
        return row, 0
    total = int(positive.sum())

    def search(head: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        head = np.sort(head)[::-1]
        running = np.cumsum(head) / total
        return head, running, np.flatnonzero(running >= reach)

    head, running, reached = search(basis[basis >= floor]) if floor > 0 else (None, None, None)
    if head is None or not reached.size:
        positive_only = basis[basis > 0]
        head_size = min(n, KEY_SET_GUESS)
        while True:
            biggest = positive_only if head_size == n else np.partition(positive_only, n - head_size)[n - head_size :]
            head, running, reached = search(biggest)
            if reached.size or head_size == n:
                break
            head_size = min(n, 4 * head_size)
    if top >= n:
        top_basis = total
    elif top <= len(head):  # the biggest, sorted already
        top_basis = int(head[:top].sum())
    else:
        top_basis = int(np.partition(basis[basis > 0], n - top)[n - top :].sum())
    floats = positive.astype(np.float64)  # the zeros add nothing
    row |= {
        "total": total / UNITS,
        "top_n_share": top_basis / total,
        "key_set_clients": int(reached[0]) + 1 if reached.size else None,
        "key_set_share": float(running[reached[0]]) if reached.size else None,
        "hhi": float(np.dot(floats, floats)) / total**2 * 10_000,  # squared percentage shares
    }
    if gini is not False:  # sum((n + 1 - 2 rank) * basis) / (n * total), ranked descending
        if gini is True:
            ranked = head if len(head) == n else np.sort(basis[basis > 0])[::-1]
        else:
            ranked = gini
        weights = n + 1 - 2 * np.arange(1, n + 1, dtype=np.float64)
        row["gini"] = float(np.dot(weights, ranked)) / (n * total)
    key_set = int(reached[0]) + 1 if reached.size else n
    return row, int(head[min(len(head), FLOOR_RANKS * key_set) - 1])


def _window(store, params: ConcentrationParams) -> tuple[Window, bool]:
    """The checked parameters' analysis window, and whether any stored line carries a margin."""
    params.validate()
    has_margin = store.has_margin()
    if params.basis == "margin" and not has_margin:
        raise InputError("No margin was loaded with the sales lines, so the basis can only be revenue.")
    as_of = resolve_as_of(store, params.filters, params.as_of)
    return Window(as_of, params.period, params.window), has_margin


def concentration_trend(store, params: ConcentrationParams) -> pd.DataFrame:
    """The trend alone (``Concentration.trend`` with ``params.trend``): the figures of every rolling window.

    The page draws the headline from ``concentration`` with ``trend=False`` first
    and asks for this afterwards, so its figures answer before the windows of
    the whole history are ranked. Its last row is that headline.
    """
    window, _ = _window(store, params)
    return _trend(store, params, window)


def _trend(store, params: ConcentrationParams, window: Window) -> pd.DataFrame:
    first_day = data_dates(store, params.filters)[0]
    kept = kept_periods(store, params.filters, params.period, window.as_of, first_day)
    return figures(kept, params, _ends(params, window, first_day))


def _ends(params: ConcentrationParams, window: Window, first_day: date | None) -> list[date]:
    """The trend's windows' last periods: only the as-of window's without a trend."""
    if not params.trend:
        return [period_start(window.as_of, params.period)]
    return window_ends(first_day or window.start, window)


RANKED = ("revenue", "margin", "valued")  # every sum the ranking shows


def concentration(store, params: ConcentrationParams) -> Concentration:
    """The concentration view for ``params`` (see the module docstring for every rule)."""
    window, has_margin = _window(store, params)
    as_of = window.as_of
    breadwinner_basis = "margin" if has_margin else "revenue"

    first_day = data_dates(store, params.filters)[0]
    kept = kept_periods(store, params.filters, params.period, as_of, first_day)
    # the as-of window's clients ranked (none, where not ranked); the trend's last row is theirs
    end = count_periods(kept.first, period_start(as_of, params.period), params.period)
    sums = window_sums(kept if params.ranked else NO_PERIODS, end, params.window, params.without, RANKED)
    ranking, bases = _ranking(sums, params.basis, breadwinner_basis)
    trend = figures(kept, params, _ends(params, window, first_day), (sums, bases[bases > 0]) if params.ranked else None)
    headline = trend.iloc[-1]
    if not headline["clients"]:
        raise InputError(
            f"No client has a positive {params.basis} between {window.start} and {as_of} with these filters, "
            "so there is no concentration to measure. Widen the window, move the as-of date or clear filters."
        )
    bread = ranking[ranking["breadwinner_share"] >= params.breadwinner_share / 100 - TOLERANCE]
    breadwinners = (
        bread[["client_id", "client_name", "breadwinner_share"]]
        .rename(columns={"breadwinner_share": "share"})
        .sort_values(["share", "client_id"], ascending=[False, True])
        .reset_index(drop=True)
    )
    return Concentration(
        params=params,
        window=window,
        breadwinner_basis=breadwinner_basis,
        total=float(headline["total"]),
        clients=int(headline["clients"]),
        clients_left_out=int(headline["clients_left_out"]),
        top_n_share=float(headline["top_n_share"]),
        key_set_clients=int(headline["key_set_clients"]),
        key_set_share=float(headline["key_set_share"]),
        gini=float(headline["gini"]),
        hhi=float(headline["hhi"]),
        ranking=ranking,
        breadwinners=breadwinners,
        trend=trend,
    )


def dependence_direction(trend: pd.DataFrame, threshold: float = 0.01) -> str:
    """``rising``/``falling``/``steady``: the trend's last top-N share against its first.

    A move of more than ``threshold`` (a fraction; default one percentage point)
    counts, so the meeting is not told "rising" over noise. One point: steady.
    """
    shares = trend["top_n_share"].dropna()
    if len(shares) < 2:
        return "steady"
    change = float(shares.iloc[-1]) - float(shares.iloc[0])
    if change > threshold:
        return "rising"
    return "falling" if change < -threshold else "steady"


def what_if(store, params: ConcentrationParams, leaving: tuple[str, ...]) -> tuple[Concentration, Concentration]:
    """The view as it is, and as if ``leaving`` had never bought (both under the same parameters)."""
    before = concentration(store, params)
    after = concentration(store, replace(params, without=tuple(sorted(set(params.without) | set(leaving)))))
    return before, after
