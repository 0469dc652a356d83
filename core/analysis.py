"""What every view shares: the shared filters, periods, the analysis window, the as-of date.

Every view of DOMAIN.md reads the per-client-per-day table ``daily`` through
``filtered_daily``: a SQL fragment with ``?`` placeholders plus its bound
values, so a filter is applied the same way on the page, in the CLI and in the
export. Nothing here loops over clients in Python.

Periods are calendar periods (``date_trunc``): weeks start on Monday. The
analysis window is the last ``window`` periods ending with the period that holds
the as-of date; lines after the as-of date are left out.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.errors import InputError

PERIODS = ("week", "month", "quarter")
# How to count calendar periods between two period starts in SQL: date_diff(unit, a, b) // step.
PERIOD_STEPS = {"week": ("day", 7), "month": ("month", 1), "quarter": ("month", 3)}
BASES = ("revenue", "margin")
FILTER_COLUMNS = ("region", "manager", "segment")
KINDS = ("breadwinner", "prospect", "image_maker", "expert")  # DOMAIN.md "Who is a key client"


@dataclass(frozen=True)
class Filters:
    """The shared sidebar filters. Empty tuples mean "all"."""

    date_from: date | None = None
    date_to: date | None = None
    region: tuple[str, ...] = ()
    manager: tuple[str, ...] = ()
    segment: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()  # kinds of key client (view client_kinds, core/sql/schema_40_tags.sql)

    def where(self) -> tuple[str, list]:
        """A SQL condition over ``daily`` (always valid, ``TRUE`` when empty) and its values."""
        parts, values = ["TRUE"], []
        if self.date_from:
            parts.append("date >= ?")
            values.append(self.date_from)
        if self.date_to:
            parts.append("date <= ?")
            values.append(self.date_to)
        for column in FILTER_COLUMNS:
            chosen = getattr(self, column)
            if chosen:
                parts.append(f"{column} IN ({', '.join('?' * len(chosen))})")
                values.extend(chosen)
        if self.kind:
            parts.append(
                "client_id IN (SELECT client_id FROM client_kinds WHERE kind IN ("
                + ", ".join("?" * len(self.kind))
                + "))"
            )
            values.extend(self.kind)
        return " AND ".join(parts), values

    def as_dict(self) -> dict:
        return {
            "date_from": self.date_from.isoformat() if self.date_from else None,
            "date_to": self.date_to.isoformat() if self.date_to else None,
            **{c: list(getattr(self, c)) for c in FILTER_COLUMNS},
            "kind": list(self.kind),
        }

    @classmethod
    def from_where(cls, items: list[str] | None) -> Filters:
        """Build filters from CLI ``--where COLUMN=VALUE`` items (repeat a column for OR)."""
        chosen: dict[str, list[str]] = {}
        dates: dict[str, date] = {}
        for item in items or []:
            column, sep, value = item.partition("=")
            column = column.strip().lower()
            if not sep:
                raise InputError(f"--where takes COLUMN=VALUE, got '{item}'.")
            if column in ("date_from", "date_to"):
                dates[column] = parse_date(value)
            elif column in FILTER_COLUMNS:
                chosen.setdefault(column, []).append(value)
            elif column == "kind":
                if value.strip() not in KINDS:
                    raise InputError(f"--where kind=: unknown kind '{value}'. Use one of: {', '.join(KINDS)}.")
                chosen.setdefault(column, []).append(value.strip())
            else:
                raise InputError(
                    f"--where: unknown column '{column}'. Use one of: "
                    f"{', '.join(FILTER_COLUMNS + ('kind', 'date_from', 'date_to'))}."
                )
        return cls(**dates, **{c: tuple(v) for c, v in chosen.items()})


def filtered_daily(filters: Filters) -> tuple[str, list]:
    """``SELECT * FROM daily WHERE <filters>`` and its values, to use as a CTE."""
    condition, values = filters.where()
    return "SELECT * FROM daily WHERE " + condition, values


def months_cover(store, filters: Filters, as_of_dates: list[date]) -> bool:
    """Whether ``client_months`` stands for the filtered days before the as-of dates' months.

    It holds every stored line by client and month, so it does when no filter drops a line
    before the as-of dates (an end date on or after all of them drops none) and it was built
    from the lines as they are now (a store made before it existed is not, until its next
    change rebuilds the derived tables). The periods read from it must be whole months.
    """
    if replace(filters, date_to=None) != Filters():
        return False
    if filters.date_to is not None and filters.date_to < max(as_of_dates):
        return False
    return "client_months" in store.derived_current()


def client_periods(period: str, months: bool) -> str:
    """The client_periods fragment (kept_periods.sql): client_months'
    rows for months where ``months`` (``months_cover``) says they hold the same days, the
    filtered days else."""
    return "client_periods_months" if months and period == "month" else "client_periods_daily"


def positions(column: pd.Series, values) -> np.ndarray:
    """Where each id of ``column`` is in ``values`` (its first place there, -1 where absent), as
    ``pd.Index(values).get_indexer(column)`` gives it, at half the cost on string columns."""
    found = pc.index_in(_texts(column), value_set=_texts(pd.Series(values)))
    return found.fill_null(-1).to_numpy(zero_copy_only=False)


def looked_up(column: pd.Series, table: pd.Series) -> np.ndarray:
    """Each id of ``column``'s value in ``table`` (values indexed by id, its first place there), as
    objects, None where the id is absent: one lookup (``positions``), no merge."""
    return np.append(table.to_numpy(dtype=object), None)[positions(column, table.index)]


def _texts(column: pd.Series) -> pa.Array:
    return pa.array(column.astype("str")).cast(pa.string())


MONEY_PLACES = 4  # DOMAIN.md: amounts are exact decimals with up to 4 places


def among(column: pd.Series, values) -> np.ndarray:
    """``column.isin(values)`` for a column of ids, as a boolean array, without
    pandas 3's per-value cost on string columns (a pyarrow scalar for each of
    ``values``: seconds for 100,000 ids)."""
    found = pc.is_in(_texts(column), value_set=_texts(pd.Series(values, dtype="str").dropna()))
    return found.fill_null(False).to_numpy(zero_copy_only=False)


def money(value) -> float:
    """A sum of money as it leaves ``core``: rounded to 4 places, never ``-0.0``.

    The store sums exactly (DECIMAL); a sum taken afterwards over floats (a cell
    of the grid, a status of the funnel) goes through here so no figure carries
    float residue such as ``6229.240000000002``.
    """
    return round(float(value), MONEY_PLACES) + 0.0


def basis_column(basis: str) -> str:
    """The ``daily`` column holding the basis (a fixed identifier, never user text)."""
    if basis not in BASES:
        raise InputError(f"Basis must be one of {', '.join(BASES)}, not '{basis}'.")
    return basis


def parse_date(text: str | date | None) -> date | None:
    if text is None or isinstance(text, date):
        return text
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise InputError(f"'{text}' is not a date; write it as YYYY-MM-DD.") from None


def period_start(day: date, period: str) -> date:
    """The first day of the calendar period holding ``day`` (weeks start on Monday)."""
    if period == "week":
        return day - timedelta(days=day.weekday())
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    raise InputError(f"Period must be one of {', '.join(PERIODS)}, not '{period}'.")


def shift_periods(start: date, period: str, count: int) -> date:
    """The start of the period ``count`` periods after (negative: before) ``start``."""
    if period == "week":
        return start + timedelta(weeks=count)
    months = count * (3 if period == "quarter" else 1)
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def window_start(as_of: date, period: str, window: int) -> date:
    """First day of the analysis window: ``window`` periods ending with as-of's period."""
    if window < 1:
        raise InputError("The window must hold at least one period.")
    return shift_periods(period_start(as_of, period), period, -(window - 1))


def period_label(start: date, period: str) -> str:
    """``2019-03`` for a month, ``2019Q1`` for a quarter, ``2019-03-04`` (its Monday) for a week."""
    if period == "month":
        return f"{start.year}-{start.month:02d}"
    if period == "quarter":
        return f"{start.year}Q{(start.month - 1) // 3 + 1}"
    return start.isoformat()


def data_dates(store, filters: Filters) -> tuple[date | None, date | None]:
    """First and last date of the lines the filters keep."""
    fragment, values = filtered_daily(filters)
    first, last = store.query_rows(f"SELECT min(date), max(date) FROM ({fragment})", values)[0]
    return first, last


def resolve_as_of(store, filters: Filters, as_of: date | None) -> date:
    """The as-of date: the one given, else the latest date the filters keep."""
    if as_of:
        return as_of
    last = data_dates(store, filters)[1]
    if last is None:
        raise InputError.keyed("err.no_lines")
    return last


def add_common_arguments(
    parser: argparse.ArgumentParser, *, window: int | None = 12, periods: tuple[str, ...] | None = PERIODS
) -> None:
    """The CLI flags every analysis shares: --db, --basis, --period, --window, --as-of, --where
    (no --window when ``window`` is None, no --period when ``periods`` is None)."""
    parser.add_argument("--db", help="database file (default: $KAM_DB or data/kam.duckdb)")
    parser.add_argument("--basis", choices=BASES, default="revenue")
    if periods is not None:
        parser.add_argument("--period", choices=periods, default="month")
    if window is not None:
        parser.add_argument("--window", type=int, default=window, help="periods in the analysis window")
    parser.add_argument("--as-of", type=parse_date, default=None, help="YYYY-MM-DD (default: latest date)")
    parser.add_argument(
        "--where",
        action="extend",
        nargs="+",
        default=[],
        metavar="COLUMN=VALUE",
        help="filter: region, manager, segment, kind, date_from, date_to (repeatable)",
    )


def add_loss_arguments(parser: argparse.ArgumentParser) -> None:
    """The churn settings the churn, win-back, managers and dossier commands share: --lost-days, --risk-k."""
    parser.add_argument(
        "--lost-days",
        type=int,
        default=180,
        metavar="L",
        help="days without a purchase after which a client is lost (default 180)",
    )
    parser.add_argument(
        "--risk-k",
        type=float,
        default=2.0,
        metavar="K",
        help="at risk when days since the last purchase exceed K x its median gap (default 2)",
    )


@dataclass(frozen=True)
class Window:
    """A resolved analysis window: as-of date, period kind, first day."""

    as_of: date
    period: str
    periods: int
    start: date = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "start", window_start(self.as_of, self.period, self.periods))
