"""Lost clients and their dynamics (DOMAIN.md, "Lost clients and their dynamics").

One frozen ``ChurnParams`` in, plain tables out; the page, the CLI and the
win-back list call these same functions. Everything is DuckDB SQL over the
filtered ``daily`` table (``core/sql/churn_*.sql``): window functions over each
client's distinct purchase days, no loop over clients.

What the definitions mean here, settled by reading DOMAIN.md literally and
checked against ``../shared/data/real/expected.json`` (Superstore and CDNOW,
L = 180 / 90 / 365, month and quarter — every figure reproduces):

- **Purchase day**: any day with at least one line of the client that the
  filters keep, whatever its amount (CDNOW's 0.00 lines count: leaving them
  out breaks the reference counts). Lines after the as-of date do not exist.
- **Lost at d**: the last purchase on or before d is L or more days earlier.
  A loss is dated ``last purchase + L``; a gap of more than L days between two
  purchase days is a loss followed by a win-back (a purchase exactly on
  ``last + L`` keeps the client). Only losses dated up to as-of count.
- **Won back**: the first purchase after the loss; ``won_back_date`` is NaT when
  there is none up to the as-of date.
- **Value before loss**: the client's basis over the 365 calendar days ending
  on (and including) the last purchase before the loss, i.e.
  ``last - 364 … last`` (the "> last - 365" reading; ">=" breaks the reference
  values).
- **At risk**: at least 3 distinct purchase days up to as-of, not lost, and
  ``as_of - last purchase > k × median gap``, the median of the gaps between
  consecutive purchase days (interpolated for an even count: two gaps of 10
  and 30 days give 20). ``basis`` is the value in the 365 days to the last
  purchase, as for a loss.
- **Periods shown**: calendar months or quarters from the one holding the
  first possible loss (first date + L) through the one holding as-of (which
  counts only up to as-of). ``lost`` / ``lost_value`` count losses dated in the
  period, ``won_back`` win-backs dated in it; ``active_start`` is the clients
  that bought before the period and are not lost on its first day;
  ``churn_rate = lost / active_start`` (NaN when nobody was active). Read
  literally, a client that first buys inside the period is not in the
  denominator but can be lost in it, so with a short L the rate can pass 1.
- **Trend**: least-squares slope of ``lost`` against the period number (clients
  per period). It is "flat" while the fitted change over the periods shown
  stays within ``FLAT_SHARE`` (10 %) of the average count, else rising/falling.
- **Reasons**: see ``core.reasons``; a loss without one has ``reason`` None and
  is counted as "unknown" in the breakdown, never dropped. Built-in reasons
  come back as their codes (``service_level``); ``core.reasons.reason_label``
  gives the words.

Scale: with no filter active (no region, manager, segment or kind; a date
range that starts on or before the first stored day, as the sidebar's default
does), the spans are read from ``client_days``, a table of each client's
purchase days with the days before and after and the 365-day sums, refreshed
with ``daily`` at every change to the lines (for the clients it touched); ``date_to`` and as-of only cut it.
Otherwise (or when the table was not built from the current lines) the spans
come from one sort of the filtered client-days into a temporary table that
belongs to ``churn``'s own cursor. Both paths give the same figures
(``tests/test_speed_paths.py``). Active clients per period are counted from
per-day counts of spans beginning and ending, not a join of spans x periods.

Moving L reads the churn base (``_Base``), kept per data version, basis,
filters and as-of date: the spans of the clients without a known reason
grouped by purchase day and gap to the next purchase, one row per client, and
the reason clients' spans one by one. Every figure is then a filter and a sum
in numpy over some 10^5 rows (``_Sums``, ``_Losses``, ``_FromBase``) instead of
a pass over every purchase day; only the reason clients' losses go through
churn_losses.sql, which matches their reasons. ``churn`` reads it when L is at
least the longest period (see ``LONGEST_PERIOD``) and every value fits 64-bit
ten-thousandths, the lost and
at-risk lists at any L, picked in numpy from the base's clients kept in the
lists' order (``_base_clients``); ``tests/test_churn_base.py`` holds it equal to
the direct path (``KEEP_BASE = False``). The base follows ``Store.churn_version``
(the lines and the loss reasons), so a status or a tag recorded keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.analysis import (
    Filters,
    basis_column,
    data_dates,
    filtered_daily,
    money,
    parse_date,
    period_label,
    period_start,
    resolve_as_of,
    shift_periods,
)
from core.errors import InputError, StoreError
from core.kept import Kept
from core.reasons import builtin_aliases
from core.store import Store, frame_of, sql

CHURN_PERIODS = ("month", "quarter")
UNKNOWN = "unknown"
FLAT_SHARE = 0.10


@dataclass(frozen=True)
class ChurnParams:
    """What the churn view depends on; every field is a control on the page."""

    lost_days: int = 180
    period: str = "month"
    as_of: date | None = None
    basis: str = "revenue"
    risk_k: float = 2.0
    filters: Filters = Filters()

    def checked(self) -> ChurnParams:
        if int(self.lost_days) < 1:
            raise InputError("The number of days without a purchase (L) must be at least 1.")
        if self.period not in CHURN_PERIODS:
            raise InputError(f"Period must be one of {', '.join(CHURN_PERIODS)}, not '{self.period}'.")
        if not self.risk_k > 0:
            raise InputError("The at-risk factor k must be above zero.")
        basis_column(self.basis)
        return self

    def as_dict(self, as_of: date) -> dict:
        return {
            "lost_days": int(self.lost_days),
            "period": self.period,
            "as_of": as_of.isoformat(),
            "basis": self.basis,
            "risk_k": float(self.risk_k),
            "filters": self.filters.as_dict(),
        }


@dataclass(frozen=True)
class ChurnResult:
    """The churn view: settings used, per-period dynamics, trend, tables, reasons."""

    parameters: dict
    as_of: date
    periods: pd.DataFrame  # period, period_start, lost, lost_value, active_start, churn_rate, won_back
    trend: dict  # slope, direction
    lost: pd.DataFrame  # lost_clients()
    at_risk: pd.DataFrame  # at_risk()
    reasons: pd.DataFrame  # reason, clients, losses, value, share_value, cumulative_share (Pareto order)
    reasons_by_period: pd.DataFrame = field(default_factory=pd.DataFrame)  # period, reason, clients, value
    # over all the periods shown: losses, lost_clients, lost_again (clients lost more than once),
    # won_back_events, won_back_clients — a client counts once however often it left or came back
    summary: dict = field(default_factory=dict)


# -- the query frame -------------------------------------------------------------------


def _resolve(store: Store, params: ChurnParams) -> date:
    params.checked()
    if params.basis == "margin" and not store.has_margin():
        raise InputError("The loaded lines carry no margin: choose revenue as the basis.")
    return resolve_as_of(store, params.filters, parse_date(params.as_of))


def _stored_cutoff(store: Store, params: ChurnParams, as_of: date) -> date | None:
    """The cutoff day when the spans can be read from ``client_days``, else None.

    ``client_days`` covers every stored line, so it stands for the filtered
    days only when no filter drops a line before the cutoff: no region,
    manager, segment or kind chosen, ``date_from`` empty or on/before the
    first stored date (the sidebar's default range counts as no filter), and
    the table built from the lines as they are now. ``date_to`` only moves
    the cutoff (the earlier of it and as-of).
    """
    filters = params.filters
    if filters.region or filters.manager or filters.segment or filters.kind:
        return None
    built, first = store.query_rows(sql("churn_stored_ready"))[0]
    if not built:
        return None
    if filters.date_from and (first is None or filters.date_from > first):
        return None
    return min(as_of, filters.date_to) if filters.date_to else as_of


def _spans_sql(store: Store, params: ChurnParams, as_of: date) -> tuple[str, list, bool]:
    """The settings and spans CTEs, their bound values, and whether they read ``client_days``."""
    basis = basis_column(params.basis)
    settings = _settings(params, as_of)
    cutoff = _stored_cutoff(store, params, as_of)
    if cutoff is not None:
        return sql("churn_spans_stored").replace("{basis}", basis), [*settings, cutoff], True
    fragment, filter_values = filtered_daily(params.filters)
    text = sql("churn_spans").replace("{filtered}", fragment).replace("{basis}", basis)
    return text, [*settings, *filter_values], False


def _settings(params: ChurnParams, as_of: date) -> list:
    aliases = builtin_aliases()
    return [as_of, int(params.lost_days), float(params.risk_k), list(aliases), list(aliases.values())]


class _Reader:
    """The churn queries for one set of settings, on a cursor of their own.

    Two kinds answer the same questions with the same figures: ``_Spans`` from
    one span per purchase day (the direct reading of DOMAIN.md) and ``_FromBase``
    from the churn base kept for the settings that do not involve L.
    """

    SETTINGS = (
        "WITH settings AS (SELECT ?::DATE AS as_of, ?::INTEGER AS lost_days, ?::DOUBLE AS risk_k, "
        "?::VARCHAR[] AS reason_labels, ?::VARCHAR[] AS reason_codes),\n"
    )
    WEIGHTED = "churn_weighted"  # the weighted losses and spans the periods and reasons read
    SUMMARY = "churn_summary"

    cursor: duckdb.DuckDBPyConnection
    prefix: str
    values: list
    params: ChurnParams
    as_of: date

    def _run(self, text: str, values: list, *, arrow: bool = False):
        try:
            if arrow:
                return self.cursor.sql(text, params=values).to_arrow_table()
            return frame_of(self.cursor.sql(text, params=values))
        except duckdb.Error as exc:
            raise StoreError(f"The database could not answer: {exc}") from exc

    def query(self, *names: str, extra: list | None = None) -> pd.DataFrame:
        """The result of the prefix, churn_losses.sql and the named SQL files after it."""
        text = self.prefix + sql("churn_losses") + "\n" + "\n".join(sql(n) for n in names if n)
        return self._run(text, [*self.values, *(extra or [])])

    def periods(self, starts: list[date], ends: list[date]) -> pd.DataFrame:
        return self.query(self.WEIGHTED, "churn_periods", extra=[starts, ends])

    def reasons(self, starts: list[date], ends: list[date]) -> pd.DataFrame:
        return self.query(self.WEIGHTED, "churn_reasons", extra=[starts, ends])

    def lost(self) -> pd.DataFrame:
        return _dates(_reasons(self.query("churn_lost")), "last_purchase", "loss_date")

    def at_risk(self) -> pd.DataFrame:
        return _dates(self.query("churn_cadence", "churn_at_risk"), "last_purchase")

    def former(self, store: Store, table: pd.DataFrame, which: str) -> pd.Series:
        """The ``former_cell`` column of the ``lost`` or ``at_risk`` table this reader gave."""
        return with_former_cells(store, self.params, self.as_of, table)[0]["former_cell"]

    def summary(self, first_day: date, end_day: date) -> dict:
        row = self.query(self.WEIGHTED, self.SUMMARY, extra=[first_day, end_day]).iloc[0]
        return {k: int(v) for k, v in row.items()}

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.cursor.close()


class _Spans(_Reader):
    """From the spans: read from ``client_days`` when no filter is active, else
    computed once into a temporary table.

    A temporary table belongs to its cursor, so concurrent sessions never see
    each other's; it is dropped when the block ends.
    """

    def __init__(self, store: Store, params: ChurnParams, as_of: date):
        self.params, self.as_of = params, as_of
        self.cursor = store.conn.cursor()
        spans, values, stored = _spans_sql(store, params, as_of)
        if stored:  # reading the stored table is cheaper than copying it
            self.prefix, self.values = spans + ",\n", values
            return
        try:
            self.cursor.execute(
                "CREATE OR REPLACE TEMP TABLE churn_spans AS " + spans + "\nSELECT * FROM spans", values
            )
        except duckdb.Error as exc:
            self.cursor.close()
            raise StoreError(f"The database could not answer: {exc}") from exc
        self.prefix = self.SETTINGS + "spans AS (SELECT * FROM churn_spans),\n"
        self.values = _settings(params, as_of)

    def arrow(self, *names: str) -> pa.Table:
        """The result of the spans, then the named SQL files (no churn_losses.sql), as an Arrow table."""
        text = self.prefix.rstrip().rstrip(",") + "\n" + "\n".join(sql(n) for n in names)
        return self._run(text, self.values, arrow=True)

    def __exit__(self, *exc) -> None:
        try:
            self.cursor.execute("DROP TABLE IF EXISTS churn_spans")
        finally:
            self.cursor.close()


@dataclass(frozen=True)
class _Base:
    """What the churn figures share across every L, for one data version, basis,
    filters and as-of date (``core/sql/churn_base_*.sql``):

    - ``span_groups``: the spans of the clients without a known reason, grouped
      by purchase day and gap to the next purchase (day, gap, spans, repeats, value);
    - ``reason_spans``: the spans of the clients with one, one by one;
    - ``cadence``: one row per client (last purchase, purchase days, median gap,
      basis, two longest gaps, has_reason).

    On the generated 10M-line store: 3.5M spans make 350,000 groups and 200,000
    cadence rows, so moving L filters those instead of every span.
    """

    span_groups: pa.Table
    reason_spans: pa.Table
    cadence: pa.Table


NO_DAY = np.iinfo(np.int64).max  # no next purchase, no win-back


def _days(values) -> np.ndarray:
    """Dates (an Arrow or numpy column, nulls allowed) as days since 1970-01-01, NO_DAY for none."""
    array = values.to_numpy(zero_copy_only=False) if isinstance(values, pa.ChunkedArray | pa.Array) else values
    days = np.asarray(array, dtype="datetime64[D]")
    return np.where(np.isnat(days), NO_DAY, days.astype(np.int64))


def _day(value: date) -> int:
    return int((np.datetime64(value, "D") - np.datetime64(0, "D")).astype(np.int64))


@dataclass(frozen=True)
class _Sums:
    """The churn base as arrays, for the period, reason and summary figures at any L
    (the rules of churn_periods.sql, churn_reasons.sql and churn_summary.sql).

    Days since 1970-01-01; money in ten-thousandths (exact 64-bit integers). The
    spans are the span groups of the clients without a known reason, then every
    span of the others; ``grouped`` of them are groups (their losses are read here,
    the others' through churn_losses.sql, which matches their reasons).
    """

    day: np.ndarray
    gap: np.ndarray  # NO_DAY: no next purchase up to the cutoff
    following: np.ndarray  # the next purchase's day, NO_DAY for none
    spans: np.ndarray
    repeats: np.ndarray
    units: np.ndarray  # the groups' summed values (the reason spans' are never read)
    grouped: int
    by_day: np.ndarray  # the spans' days, sorted
    spans_to: np.ndarray  # the spans up to each of by_day (a running sum from 0)
    repeats_to: np.ndarray
    # one per client: last purchase, two longest gaps (-1: none)
    last: np.ndarray
    gap1: np.ndarray
    gap2: np.ndarray
    has_reason: np.ndarray

    @classmethod
    def of(cls, base: _Base) -> _Sums | None:
        """None when a group's value does not fit 64 bits: the figures then come from the spans."""
        groups, spans, cadence = base.span_groups, base.reason_spans, base.cadence
        biggest = pc.max(pc.abs(spans.column("value_365").cast(pa.float64()))).as_py() or 0.0
        if groups.column("units").null_count or biggest >= 9e14:  # a reason client's loss would not fit
            return None
        own = _days(spans.column("last_purchase"))
        following = _days(spans.column("next_purchase"))
        day = np.concatenate([_days(groups.column("day")), own])
        gap_groups = pc.fill_null(groups.column("gap"), -1).to_numpy().astype(np.int64)
        gap = np.concatenate(
            [np.where(gap_groups < 0, NO_DAY, gap_groups), np.where(following == NO_DAY, NO_DAY, following - own)]
        )
        count = np.concatenate([groups.column("spans").to_numpy(), np.ones(spans.num_rows, dtype=np.int64)])
        repeats = np.concatenate(
            [
                groups.column("repeats").to_numpy(),
                spans.column("previous_purchase").is_valid().to_numpy(zero_copy_only=False).astype(np.int64),
            ]
        )
        order = np.argsort(day, kind="stable")
        gaps = cadence.column("longest_gaps").to_pylist()
        return cls(
            day=day,
            gap=gap,
            following=np.where(gap == NO_DAY, NO_DAY, day + np.where(gap == NO_DAY, 0, gap)),
            spans=count.astype(np.int64),
            repeats=repeats.astype(np.int64),
            units=groups.column("units").to_numpy().astype(np.int64),
            grouped=groups.num_rows,
            by_day=day[order],
            spans_to=np.concatenate(([0], np.cumsum(count[order]))),
            repeats_to=np.concatenate(([0], np.cumsum(repeats[order]))),
            last=_days(cadence.column("last_purchase")),
            gap1=np.array([g[0] if g else -1 for g in gaps], dtype=np.int64),
            gap2=np.array([g[1] if g and len(g) > 1 else -1 for g in gaps], dtype=np.int64),
            has_reason=cadence.column("has_reason").to_numpy(zero_copy_only=False).astype(bool),
        )


# The base's arrays per base key (``_Sums.of``; None when they cannot be exact).
_SUMS = Kept(4)


def _sums(store: Store, params: ChurnParams, as_of: date) -> _Sums | None:
    return _SUMS.fetch(_base_key(store, params, as_of), lambda: _Sums.of(_base(store, params, as_of)))


@dataclass(frozen=True)
class _Losses:
    """The losses at one L up to as-of, weighted: the span groups' (``client`` -1, reason 0,
    ``weight`` spans alike) and the reason clients' one by one (reason 0 when none matched)."""

    date: np.ndarray
    won: np.ndarray  # NO_DAY when not won back
    weight: np.ndarray
    units: np.ndarray
    client: np.ndarray
    reason: np.ndarray
    reasons: list  # the reason of each code; "" for 0

    @classmethod
    def at(cls, sums: _Sums, known: pd.DataFrame, lost_days: int, as_of: int) -> _Losses:
        day, gap = sums.day[: sums.grouped], sums.gap[: sums.grouped]
        hit = ((gap == NO_DAY) | (gap > lost_days)) & (day + lost_days <= as_of)
        given = known["reason"].astype(object)
        # no reason and an empty one are one group, as churn_reasons.sql's coalesce(reason, '') makes them
        reason_codes, reasons = pd.factorize(given.where(given.notna() & (given != ""), None))
        return cls(
            date=np.concatenate([day[hit] + lost_days, _days(known["loss_date"].to_numpy(dtype="datetime64[D]"))]),
            won=np.concatenate(
                [
                    sums.following[: sums.grouped][hit],
                    _days(known["won_back_date"].to_numpy(dtype="datetime64[D]")),
                ]
            ),
            weight=np.concatenate([sums.spans[: sums.grouped][hit], np.ones(len(known), dtype=np.int64)]),
            units=np.concatenate([sums.units[hit], known["units"].to_numpy(dtype=np.int64)]),
            client=np.concatenate(
                [np.full(int(hit.sum()), -1, dtype=np.int64), pd.factorize(known["client_id"])[0].astype(np.int64)]
            ),
            reason=np.concatenate([np.zeros(int(hit.sum()), dtype=np.int64), reason_codes.astype(np.int64) + 1]),
            reasons=["", *(str(r) for r in reasons)],
        )


def _sum_units(keys: np.ndarray, units: np.ndarray, size: int) -> np.ndarray:
    """The exact sum of ``units`` (ten-thousandths) per key (0 … size - 1), as 64-bit integers."""
    total = np.zeros(size, dtype=np.int64)
    np.add.at(total, keys, units)
    return total


class _FromBase(_Reader):
    """The churn figures from a kept ``_Base``: the reason clients' losses through
    churn_losses.sql over their spans (registered on the reader's own cursor), the rest
    in numpy over some 10^5 rows.

    The periods, reasons and summary sum the base's arrays (``_Sums``) and the losses
    at this L (``_Losses``). The lost and at-risk lists are picked from the base's
    clients, kept in the lists' order with what they show (``_base_clients``); only a
    lost client with a known reason asks the SQL, for it.
    """

    def __init__(
        self, store: Store, params: ChurnParams, as_of: date, base: _Base, clients: pd.DataFrame, sums: _Sums | None
    ):
        self.cursor = store.conn.cursor()
        for name in ("span_groups", "reason_spans", "cadence"):
            self.cursor.register(name, getattr(base, name))
        self.prefix = self.SETTINGS + "spans AS (SELECT * FROM reason_spans),\n"
        self.values = _settings(params, as_of)
        self.params, self.as_of, self.clients, self.sums = params, as_of, clients, sums
        self.lost_days, self.today = int(params.lost_days), _day(as_of)
        self._kept_losses: _Losses | None = None
        self._kept_inside: tuple | None = None
        self._since: np.ndarray | None = None
        self._has_reasons = base.reason_spans.num_rows > 0

    def _losses(self) -> _Losses:
        if self._kept_losses is None:
            known = (
                self.query("churn_fast_reason_losses")
                if self._has_reasons
                else pd.DataFrame(
                    {
                        "client_id": pd.Series(dtype="str"),
                        "loss_date": pd.Series(dtype="datetime64[ns]"),
                        "won_back_date": pd.Series(dtype="datetime64[ns]"),
                        "units": pd.Series(dtype="int64"),
                        "reason": pd.Series(dtype=object),
                    }
                )
            )
            self._kept_losses = _Losses.at(self.sums, known, self.lost_days, self.today)
        return self._kept_losses

    def _inside(self, starts: list[date], ends: list[date]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The period starts (days), and each loss's period and whether it is in one shown."""
        if self._kept_inside is None or self._kept_inside[0] != (starts, ends):
            first = np.array([_day(d) for d in starts], dtype=np.int64)
            losses = self._losses()
            at = np.searchsorted(first, losses.date, "right") - 1
            inside = (at >= 0) & (losses.date < _day(ends[-1])) if len(first) else np.zeros(len(at), dtype=bool)
            self._kept_inside = ((starts, ends), (first, at, inside))
        return self._kept_inside[1]

    def periods(self, starts: list[date], ends: list[date]) -> pd.DataFrame:
        sums, losses, lost_days = self.sums, self._losses(), self.lost_days
        first, at, inside = self._inside(starts, ends)
        n = len(first)
        lost = np.bincount(at[inside], weights=losses.weight[inside], minlength=n).astype(np.int64)
        back = (losses.won >= (first[0] if n else 0)) & (losses.won < (_day(ends[-1]) if n else 0))
        won_at = np.searchsorted(first, losses.won[back], "right") - 1
        won = np.bincount(won_at, weights=losses.weight[back], minlength=n).astype(np.int64)
        # Active on a period's first day p: spans begun before p, less those ended by p (a span
        # keeps its client until the next purchase or the loss), plus the repeat purchases on p.
        begun = sums.spans_to[np.searchsorted(sums.by_day, first, "left")]
        ended_at = np.searchsorted(first, sums.day + np.minimum(sums.gap, lost_days), "left")
        ended = np.cumsum(np.bincount(ended_at, weights=sums.spans, minlength=n + 1))[:n].astype(np.int64)
        on_day = sums.repeats_to[np.searchsorted(sums.by_day, first, "right")]
        repeats = on_day - sums.repeats_to[np.searchsorted(sums.by_day, first, "left")]
        return pd.DataFrame(
            {
                "period_start": list(starts),
                "lost": lost,
                "lost_value": _sum_units(at[inside], losses.units[inside], n) / 10_000,
                "active_start": begun - ended + repeats,
                "won_back": won,
            }
        )

    def reasons(self, starts: list[date], ends: list[date]) -> pd.DataFrame:
        sums, losses = self.sums, self._losses()
        first, at, inside = self._inside(starts, ends)
        kinds = len(losses.reasons)
        reason, weight, client = losses.reason[inside], losses.weight[inside], losses.client[inside]
        units, grouped = losses.units[inside], client < 0
        clients = int(client.max(initial=-1)) + 1
        # The clients lost once or more among those without a known reason, all periods together.
        plain = ~sums.has_reason & ((sums.gap1 > self.lost_days) | (sums.last + self.lost_days <= self.today))
        parts = []
        # every period together (period_start empty), then each period
        for keys, size, per_period in ((reason, kinds, False), (at[inside] * kinds + reason, len(first) * kinds, True)):
            distinct = pd.unique(keys[~grouped] * clients + client[~grouped]) // max(clients, 1)
            counted = np.bincount(distinct, minlength=size).astype(np.int64)
            if per_period:  # a group's spans are as many clients within one period
                counted += np.bincount(keys[grouped], weights=weight[grouped], minlength=size).astype(np.int64)
            elif size:
                counted[0] += int(plain.sum())  # reason 0: none known
            total = _sum_units(keys, units, size)
            frame = pd.DataFrame(
                {
                    "period_start": (
                        np.datetime64(0, "D") + first[np.arange(size) // kinds]
                        if per_period
                        else np.full(size, np.datetime64("NaT"), dtype="datetime64[D]")
                    ),
                    "reason": [losses.reasons[k % kinds] for k in range(size)],
                    "clients": counted,
                    "losses": np.bincount(keys, weights=weight, minlength=size).astype(np.int64),
                    "units": total,
                    "value": total / 10_000,
                }
            )
            parts.append(frame[np.bincount(keys, minlength=size) > 0])
        found = pd.concat(parts, ignore_index=True)
        found = found.sort_values(
            ["period_start", "units", "reason"], ascending=[True, False, True], na_position="first", kind="stable"
        )
        return found.drop(columns="units").reset_index(drop=True)

    def summary(self, first_day: date, end_day: date) -> dict:
        sums, losses, lost_days, today = self.sums, self._losses(), self.lost_days, self.today
        low, high = _day(first_day), _day(end_day)
        gone = sums.last + lost_days <= today
        return {
            "losses": int(losses.weight[(losses.date >= low) & (losses.date < high)].sum()),
            "lost_clients": int(((sums.gap1 > lost_days) | gone).sum()),
            "lost_again": int(((sums.gap2 > lost_days) | ((sums.gap1 > lost_days) & gone)).sum()),
            "won_back_events": int(losses.weight[(losses.won >= low) & (losses.won < high)].sum()),
            "won_back_clients": int((sums.gap1 > lost_days).sum()),
        }

    def _days_since(self) -> np.ndarray:
        """Days from each base client's last purchase to as-of (read once per reader)."""
        if self._since is None:
            self._since = _days_since(self.clients, self.today)
        return self._since

    def _picked(self, which: str) -> np.ndarray:
        """Which of the base's clients are in the ``lost`` or ``at_risk`` list (a mask)."""
        return _picked(self.clients, self.params, self._days_since(), which)

    def lost(self) -> pd.DataFrame:
        lost_days = int(self.params.lost_days)
        keep = self._picked("lost")
        picked = self.clients[keep].reset_index(drop=True)
        last = picked["last_purchase"]
        reason = np.full(len(picked), None, dtype=object)
        if picked["has_reason"].any():
            known = self.query("churn_fast_open_reasons")
            found = pd.Series(known["reason"].astype(object).to_numpy(), index=known["client_id"].astype(str))
            looked_up = found.reindex(picked["client_id"].astype(str)).to_numpy(dtype=object)
            reason = np.where(pd.isna(looked_up), None, looked_up)
        return pd.DataFrame(
            {
                "client_id": picked["client_id"],
                "client_name": picked["client_name"],
                "last_purchase": last,
                "loss_date": last + pd.Timedelta(days=lost_days),
                "days_since": self._days_since()[keep].astype(np.int32),
                "value_before_loss": picked["basis"],
                "manager": picked["manager"],
                "region": picked["region"],
                "segment": picked["segment"],
                "reason": pd.Series(reason, dtype=object),
            }
        )

    def at_risk(self) -> pd.DataFrame:
        keep = self._picked("at_risk")
        picked = self.clients[keep].reset_index(drop=True)
        return pd.DataFrame(
            {
                "client_id": picked["client_id"],
                "client_name": picked["client_name"],
                "last_purchase": picked["last_purchase"],
                "median_gap_days": picked["median_gap_days"],
                "days_since": self._days_since()[keep].astype(np.int32),
                "basis": picked["basis"],
                "manager": picked["manager"],
                "region": picked["region"],
                "segment": picked["segment"],
            }
        )

    def former(self, store: Store, table: pd.DataFrame, which: str) -> pd.Series:
        """The former cells of the picked clients, taken from the base's clients' cells in their order."""
        cells = _former_in_order(store, self.params, self.as_of)
        return pd.Series(cells[self._picked(which)], index=table.index, dtype=object)


def _days_since(clients: pd.DataFrame, today: int) -> np.ndarray:
    """Days from each of the base's ``clients``' last purchase to ``today`` (a day number)."""
    return today - _days(clients["last_purchase"].to_numpy(dtype="datetime64[D]"))


def _picked(clients: pd.DataFrame, params: ChurnParams, days_since: np.ndarray, which: str) -> np.ndarray:
    """Which of the base's ``clients`` are in the ``lost`` or ``at_risk`` list (a mask)."""
    if which == "lost":
        return days_since >= int(params.lost_days)
    median = clients["median_gap_days"].to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        return (
            (clients["purchase_days"].to_numpy() >= 3)
            & (days_since < int(params.lost_days))
            & (days_since > float(params.risk_k) * median)
        )


# The churn bases of the last few settings: some 30 MB each at 200,000 clients.
_BASES = Kept(4)
# Off in the tests that hold the base's figures equal to the direct ones.
KEEP_BASE = True
# The base counts the clients lost in a period by their losses, which needs L at
# least as long as the period (a client's losses are more than L days apart).
LONGEST_PERIOD = {"month": 31, "quarter": 92}


def data_version(store: Store, filters: Filters) -> int:
    """The version of what the churn figures read: the lines and the loss reasons
    (``Store.churn_version``), or every change when a kind filter makes the tags count.
    A status or a note recorded on the win-back list keeps the churn base."""
    return store.version() if filters.kind else store.churn_version()


def _base_key(store: Store, params: ChurnParams, as_of: date) -> tuple:
    """What the churn base depends on (L and k do not enter it)."""
    return (str(store.path), data_version(store, params.filters), params.basis, params.filters, as_of)


def _base(store: Store, params: ChurnParams, as_of: date) -> _Base:
    def read() -> _Base:
        with _Spans(store, params, as_of) as spans:
            return _Base(
                span_groups=spans.arrow("churn_reason_clients", "churn_base_groups"),
                reason_spans=spans.arrow("churn_reason_clients", "churn_base_reason_spans"),
                cadence=spans.arrow("churn_reason_clients", "churn_cadence", "churn_base_cadence"),
            )

    return _BASES.fetch(_base_key(store, params, as_of), read)


# The base's clients in the lists' order (core/sql/churn_base_clients.sql), per base key.
_CLIENTS = Kept(4)


def _base_clients(store: Store, params: ChurnParams, as_of: date) -> pd.DataFrame:
    def read() -> pd.DataFrame:
        cursor = store.conn.cursor()
        try:
            cursor.register("cadence", _base(store, params, as_of).cadence)
            return _dates(frame_of(cursor.sql(sql("churn_base_clients"))), "last_purchase")
        except duckdb.Error as exc:
            raise StoreError(f"The database could not answer: {exc}") from exc
        finally:
            cursor.close()

    return _CLIENTS.fetch(_base_key(store, params, as_of), read)


# The base's clients' former cells in the order of ``_base_clients``, per base key.
_FORMER_IN_ORDER = Kept(4)


def _former_in_order(store: Store, params: ChurnParams, as_of: date) -> np.ndarray:
    def read() -> np.ndarray:
        clients = _base_clients(store, params, as_of)
        cells = former_cell_of(store, params, as_of)
        if cells is None:
            return np.full(len(clients), None, dtype=object)
        found = cells.reindex(clients["client_id"].astype(str)).to_numpy(dtype=object)
        # One string object per cell: the win-back list groups and compares them by reference.
        codes, names = pd.factorize(found)
        return np.append(names.astype(object), None)[codes]

    return _FORMER_IN_ORDER.fetch(_base_key(store, params, as_of), read)


def _reader(store: Store, params: ChurnParams, as_of: date, *, periods: bool = False) -> _Reader:
    """The base's reader when it is kept or worth keeping, else the spans' (see ``LONGEST_PERIOD``)."""
    if KEEP_BASE and (not periods or int(params.lost_days) >= LONGEST_PERIOD[params.period]):
        base, sums = _base(store, params, as_of), _sums(store, params, as_of)
        if not periods or sums is not None:  # sums: None when a value would not fit 64 bits
            return _FromBase(store, params, as_of, base, _base_clients(store, params, as_of), sums)
    return _Spans(store, params, as_of)


def _reasons(frame: pd.DataFrame) -> pd.DataFrame:
    """The reason column as plain objects, None where no reason is known."""
    reasons = frame["reason"].astype(object)
    frame["reason"] = reasons.where(reasons.notna(), None)
    return frame


def _dates(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    return frame


# -- the API -------------------------------------------------------------------------


# The lists of lost and at-risk clients and the loss events last read, per database, data
# version, settings and as-of date: the win-back list, the managers' portfolios and the
# dossier read the same ones on one run of their page, and a move of the window (which
# they do not depend on) reads none again. Each caller gets its own copy.
_LISTS = Kept(8)  # one page run reads up to four; a few MB to tens of MB each at 10M lines


def _listed(store: Store, params: ChurnParams, which: str, cells: bool = False) -> pd.DataFrame:
    """The ``lost``, ``at_risk``, loss ``events`` or ``returned`` frame for ``params``: kept, else read and kept.
    ``cells``: the lost or at-risk clients with their former cells (``with_former_cells``)."""
    as_of = _resolve(store, params)

    def read() -> pd.DataFrame:
        if which == "events":
            with _Spans(store, params, as_of) as spans:
                events = _reasons(spans.query("churn_events"))
            return _dates(events, "last_purchase", "loss_date", "won_back_date")
        if which == "returned":
            return _returned(store, params, as_of)
        with _reader(store, params, as_of) as reader:
            table = reader.lost() if which == "lost" else reader.at_risk()
            if cells:
                table["former_cell"] = reader.former(store, table, which)
            return table

    # KEEP_BASE in the key: the tests holding the base to the direct reading must not read it back from here
    key = (str(store.path), data_version(store, params.filters), which, cells, params, as_of, KEEP_BASE)
    return _LISTS.fetch(key, read).copy(deep=False)  # copy-on-write: a caller's change stays its own


def loss_events(store: Store, params: ChurnParams) -> pd.DataFrame:
    """Every loss dated up to as-of, one row per loss (a client can have several).

    Columns: client_id, last_purchase, loss_date, value_before_loss,
    won_back_date (NaT when not won back by as-of), reason (None when unknown).
    Sorted by client_id, loss_date.
    """
    return _listed(store, params, "events")


def returned_clients(store: Store, params: ChurnParams) -> pd.DataFrame:
    """The clients whose latest loss dated up to as-of was won back, one row each with that loss.

    ``loss_events``' columns and rows (its latest row per client, where
    won_back_date is set), sorted by client_id; read from the churn base, so
    moving L filters a few spans per client instead of finding every loss.
    """
    return _listed(store, params, "returned")


@dataclass(frozen=True)
class _Records:
    """The base's records (core/sql/churn_base_records.sql) as arrays, by client, latest first:
    days are counted from 1970-01-01."""

    client_id: pd.Series
    client: np.ndarray  # a number per client, equal on a client's rows
    last: np.ndarray
    next: np.ndarray
    gap: np.ndarray
    value: np.ndarray
    client_last: np.ndarray

    @classmethod
    def of(cls, table: pa.Table) -> _Records:
        def days(name: str) -> np.ndarray:
            return _days(table.column(name))  # never null here: every record has a next purchase

        client_id = table.column("client_id").to_pandas().astype("str")
        changes = np.ones(len(client_id), dtype=bool)
        if len(client_id):
            ids = client_id.to_numpy(dtype=object)
            changes[1:] = ids[1:] != ids[:-1]
        return cls(
            client_id=client_id,
            client=np.cumsum(changes),
            last=days("last_purchase"),
            next=days("next_purchase"),
            gap=table.column("gap").to_numpy().astype(np.int64),
            value=table.column("value_365").to_numpy().astype(float),
            client_last=days("client_last"),
        )


# The base's records per base key: read the first time the won-back clients are
# asked for (the churn page never asks).
_RECORDS = Kept(4)


def _returned(store: Store, params: ChurnParams, as_of: date) -> pd.DataFrame:
    if not KEEP_BASE:  # the direct reading: every loss, the latest of each client
        events = loss_events(store, params)
        latest = events.drop_duplicates("client_id", keep="last")
        found = latest[latest["won_back_date"].notna()].reset_index(drop=True)
        return found.astype({"client_id": "str"})

    def records() -> _Records:
        with _Spans(store, params, as_of) as spans:
            return _Records.of(spans.arrow("churn_reason_clients", "churn_base_records"))

    kept = _RECORDS.fetch(_base_key(store, params, as_of), records)
    # A client's latest record with a gap over L, unless its last purchase is itself a loss by as-of.
    lost_days, today = int(params.lost_days), _day(as_of)
    picked = np.flatnonzero((kept.gap > lost_days) & (kept.client_last + lost_days > today))
    if len(picked):
        picked = picked[np.concatenate(([True], kept.client[picked][1:] != kept.client[picked][:-1]))]
    epoch = np.datetime64(0, "D")
    found = pd.DataFrame(
        {
            "client_id": kept.client_id.iloc[picked].reset_index(drop=True),
            "last_purchase": epoch + kept.last[picked],
            "loss_date": epoch + kept.last[picked] + lost_days,
            "value_before_loss": kept.value[picked],
            "won_back_date": epoch + kept.next[picked],
            "reason": np.full(len(picked), None, dtype=object),
        }
    )
    base = _base(store, params, as_of)
    if base.reason_spans.num_rows:
        with _FromBase(store, params, as_of, base, _base_clients(store, params, as_of), None) as reader:
            known = _reasons(reader.query("churn_fast_returned"))
        if len(known):
            known = known.astype({"client_id": "str"})
            found = pd.concat([f for f in (found, known) if len(f)], ignore_index=True)
            found = found.sort_values("client_id", kind="stable", ignore_index=True)
    return _dates(_reasons(found), "last_purchase", "loss_date", "won_back_date").astype({"client_id": "str"})


def lost_clients(store: Store, params: ChurnParams, *, cells: bool = False) -> pd.DataFrame:
    """Clients lost at the as-of date (their latest loss not won back).

    Columns: client_id, client_name, last_purchase, loss_date, days_since,
    value_before_loss, manager, region, segment, reason (None when unknown),
    and with ``cells`` former_cell (``with_former_cells``); sorted by
    value_before_loss descending, then client_id.
    """
    return _listed(store, params, "lost", cells)


def at_risk(store: Store, params: ChurnParams, *, cells: bool = False) -> pd.DataFrame:
    """Clients overdue against their own cadence but not yet lost.

    Columns: client_id, client_name, last_purchase, median_gap_days,
    days_since, basis (value in the 365 days to the last purchase), manager,
    region, segment, and with ``cells`` former_cell (``with_former_cells``);
    sorted by basis descending, then client_id.
    """
    return _listed(store, params, "at_risk", cells)


def listed_places(store: Store, params: ChurnParams, which: str) -> tuple[pd.Series, np.ndarray] | None:
    """The clients ``lost_clients`` or ``at_risk`` (``which``: "lost" or "at_risk") pick from, and where
    each listed client stands among them: the list's client ids are ``ids[places]``, in its order.

    Those clients are the churn base's, the same for every L and k, so a caller can keep what it
    looks up per client once and take each list's rows by place (the managers' view does). None
    when the lists are not read from the base (``KEEP_BASE`` off, as some tests set it).
    """
    if not KEEP_BASE:
        return None
    as_of = _resolve(store, params)
    clients = _base_clients(store, params, as_of)
    picked = _picked(clients, params, _days_since(clients, _day(as_of)), which)
    return clients["client_id"], np.flatnonzero(picked)


def period_starts(store: Store, params: ChurnParams, as_of: date) -> list[date]:
    """The periods shown: from the one holding the first possible loss to the one holding as-of."""
    first, _ = data_dates(store, params.filters)
    if first is None:
        return []
    first_loss = pd.Timestamp(first) + pd.Timedelta(days=int(params.lost_days))
    if first_loss.date() > as_of:
        return []
    start, last = period_start(first_loss.date(), params.period), period_start(as_of, params.period)
    starts = []
    while start <= last:
        starts.append(start)
        start = shift_periods(start, params.period, 1)
    return starts


def trend(counts) -> dict:
    """Least-squares slope of the counts per period, and its direction."""
    counts = np.asarray(list(counts), dtype=float)
    if len(counts) < 2:
        return {"slope": None, "direction": "flat"}
    slope = float(np.polyfit(np.arange(len(counts)), counts, 1)[0])
    change, level = abs(slope) * (len(counts) - 1), counts.mean()
    if change <= FLAT_SHARE * level or slope == 0:
        direction = "flat"
    else:
        direction = "rising" if slope > 0 else "falling"
    return {"slope": slope, "direction": direction}


def churn(store: Store, params: ChurnParams, *, cells: bool = True) -> ChurnResult:
    """The whole churn view for ``params``; ``cells=False`` leaves out the lost and at-risk
    clients' former cells (a grid per month of history the first time: the overview counts only)."""
    as_of = _resolve(store, params)
    starts = period_starts(store, params, as_of)
    ends = [shift_periods(s, params.period, 1) for s in starts]
    with _reader(store, params, as_of, periods=True) as reader:
        periods = reader.periods(starts, ends)
        breakdown = reader.reasons(starts, ends)
        lost, risky = reader.lost(), reader.at_risk()
        if cells:
            lost["former_cell"] = reader.former(store, lost, "lost")
            risky["former_cell"] = reader.former(store, risky, "at_risk")
        summary = (
            reader.summary(starts[0], ends[-1])
            if starts
            else dict.fromkeys(("losses", "lost_clients", "lost_again", "won_back_events", "won_back_clients"), 0)
        )

    periods.insert(0, "period", [period_label(s, params.period) for s in starts])
    periods["churn_rate"] = periods["lost"] / periods["active_start"].where(periods["active_start"] > 0)
    periods = periods[["period", "period_start", "lost", "lost_value", "active_start", "churn_rate", "won_back"]]
    periods = _dates(periods, "period_start")

    breakdown["reason"] = breakdown["reason"].replace("", UNKNOWN)
    overall = breakdown[breakdown["period_start"].isna()].drop(columns="period_start")
    by_period = breakdown[breakdown["period_start"].notna()].reset_index(drop=True)
    labels = {s: period_label(s, params.period) for s in starts}
    by_period.insert(0, "period", [labels[pd.Timestamp(s).date()] for s in by_period["period_start"]])
    by_period = by_period.drop(columns="period_start")

    return ChurnResult(
        parameters=params.as_dict(as_of),
        as_of=as_of,
        periods=periods,
        trend=trend(periods["lost"]),
        lost=lost,
        at_risk=risky,
        reasons=reason_pareto(overall),
        reasons_by_period=by_period,
        summary=summary,
    )


def with_former_cells(store: Store, params: ChurnParams, as_of: date, *tables: pd.DataFrame) -> list[pd.DataFrame]:
    """Add ``former_cell``: each client's ABC-XYZ cell as of its last purchase (default grid).

    Found once for every client of the churn base (``core.grid.former_cells``)
    and kept with it, so moving L only looks the cells up.
    """
    cells = former_cell_of(store, params, as_of)
    if cells is None:  # the grid module is not there: the tables go without the column
        return list(tables)
    found = [cells.reindex(t["client_id"].astype(str)).to_numpy(dtype=object) for t in tables]
    return [
        t.assign(former_cell=pd.Series(np.where(pd.isna(f), None, f), t.index, object))
        for t, f in zip(tables, found, strict=True)
    ]


# Every client's former cell, per churn base (``_base_key``).
_FORMER = Kept(4)


def former_cell_of(store: Store, params: ChurnParams, as_of: date) -> pd.Series | None:
    """The former cell (``with_former_cells``) of every client of the churn base, by client id:
    None for a client too new to classify at its last purchase. Kept per base, so a lookup
    reuses the index's hash table."""
    try:
        from core.grid import GridParams, former_cells
    except ImportError:
        return None

    def read() -> pd.Series:
        clients = _base(store, params, as_of).cadence.select(["client_id", "last_purchase"]).to_pandas()
        found = former_cells(store, GridParams(basis=params.basis, filters=params.filters, as_of=as_of), clients)
        cells = found["former_cell"].to_numpy(dtype=object)
        return pd.Series(cells, index=found["client_id"].astype(str), dtype=object)

    return _FORMER.fetch(_base_key(store, params, as_of), read)


def reason_pareto(overall: pd.DataFrame) -> pd.DataFrame:
    """Reasons by lost value descending, with each one's share and the cumulative share."""
    columns = ["reason", "clients", "losses", "value", "share_value", "cumulative_share"]
    pareto = overall.sort_values(["value", "reason"], ascending=[False, True], ignore_index=True)
    total = money(pareto["value"].sum())
    pareto["share_value"] = pareto["value"] / total if total else np.nan
    pareto["cumulative_share"] = pareto["share_value"].cumsum()
    return pareto.reindex(columns=columns)
