"""Each key account manager's portfolio (DOMAIN.md, "The key account manager").

"More than half of success with a key client depends on its manager", so the
figures of the other views are cut by manager here: key clients, revenue and
share, margin, the grid's distribution, clients lost and their value, clients
at risk, win-back progress. One frozen ``ManagerParams`` in, plain tables out;
the page and ``python -m core managers`` call ``manager_portfolios``.

What it promises:

- **The manager of a line** is the one on the line; where the line has none,
  the client's assignment in force on the line's date; else the region's; else
  none (``None``, "no manager" on the page — such lines and clients are shown,
  never dropped). An assignment is in force from its ``date_from`` (from the
  beginning when it has none) until the next assignment of the same client or
  region, so a reassignment keeps the history (``core/sql/managers_lines.sql``).
- **Money follows the line.** A manager's ``basis``, ``revenue`` and ``margin``
  are the sums of the lines credited to them in the grid's analysis window
  (same basis, period, window, as-of date and filters as ``core.grid``), so
  the managers' bases add up to the grid's total, lines without a manager
  included. ``share`` is the manager's basis ÷ the grid's sum of the positive
  client bases — the grid's own denominator — so the shares add up to 100 %
  when no client's basis is negative.
- **Clients follow their manager as of the as-of date**: the manager of the
  client's latest line (on or before as-of, under the filters) that has one.
  ``clients``, ``key_clients`` (grid class A), the cell counts, ``lost_clients``
  and ``lost_value`` (``core.churn.lost_clients``: value before loss), ``at_risk``
  (``core.churn.at_risk``) and the win-back funnel (``core.winback``) count each
  client once, under that manager, so each column adds up to the figure of the
  grid, churn or win-back page for the same parameters. (A manager's clients
  and money can therefore differ: a client reassigned in the window counts
  under its new manager, while its earlier lines stay with the former one.)
- **Assignments files** (``load_assignments``): roles ``client_id`` or
  ``region``, ``manager``, optional ``date_from``; read through
  ``core.reading``, headers recognised in English, Russian and Georgian or
  named by hand. A row without a manager, without a client id or region, or
  with a date that is not ``YYYY-MM-DD`` is set aside with its reason. A row
  with both a client id and a region is a client assignment (the more
  specific one). A file already loaded (same bytes) is recognised and not
  loaded again; a later file restating the same client or region and date
  replaces that row. Assignments live apart from the lines, so they survive
  re-uploads and deletes of sales data.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from core.access import require_editor
from core.analysis import Filters, among, basis_column, filtered_daily, looked_up, positions
from core.churn import ChurnParams, at_risk, listed_places, lost_clients
from core.errors import InputError
from core.grid import CELLS, GridParams, abcxyz
from core.i18n import RoleNames, t
from core.kept import Kept
from core.mapping import MISSING_WORDS, header_score, normalise
from core.store import Store, sql
from core.winback import STATUSES, WinbackParams, funnel, worked_rows

ROLES = ("client_id", "region", "manager", "date_from")
TEAM = "team"
TOO_NEW = "too_new"
# DOMAIN.md "Missing values", compared after trimming and without case.
TRIM = " \t\r\n\u00a0\u2007\u202f\u200b\u200c\u200d\u2060\ufeff"
DATE_FROM_WORDS = (
    "date from",
    "from",
    "valid from",
    "since",
    "start",
    "start date",
    "from date",
    "effective from",
    "effective date",
    "date",
    "с",
    "с даты",
    "дата начала",
    "действует с",
    "дата",
    "თარიღიდან",
    "დან",
    "დაწყების თარიღი",
    "თარიღი",
)
REJECTED_SHOWN = 20


@dataclass(frozen=True)
class ManagerParams:
    """What the managers view depends on: the grid's window and the churn settings."""

    basis: str = "revenue"
    period: str = "month"
    window: int = 12
    as_of: date | None = None
    lost_days: int = 180
    risk_k: float = 2.0
    filters: Filters = field(default_factory=Filters)

    def grid_params(self, as_of: date | None = None) -> GridParams:
        return GridParams(
            basis=self.basis, period=self.period, window=int(self.window), as_of=as_of, filters=self.filters
        )

    def churn_params(self, as_of: date) -> ChurnParams:
        return ChurnParams(
            lost_days=int(self.lost_days),
            as_of=as_of,
            basis=self.basis,
            risk_k=float(self.risk_k),
            filters=self.filters,
        )

    def winback_params(self, as_of: date) -> WinbackParams:
        return WinbackParams(
            lost_days=int(self.lost_days),
            as_of=as_of,
            basis=self.basis,
            risk_k=float(self.risk_k),
            filters=self.filters,
            grid_period=self.period,
            grid_window=int(self.window),
        )

    def as_dict(self, as_of: date, start: date) -> dict:
        return {
            "basis": self.basis,
            "period": self.period,
            "window": int(self.window),
            "as_of": as_of.isoformat(),
            "window_start": start.isoformat(),
            "lost_days": int(self.lost_days),
            "risk_k": float(self.risk_k),
            "filters": self.filters.as_dict(),
        }


@dataclass(frozen=True)
class ManagersResult:
    """Every manager side by side, and what a portfolio in depth needs.

    ``managers``: one row per manager (``None`` = no manager, last): manager,
    clients, key_clients, basis, share, revenue, margin, the nine cells and
    too_new (client counts), lost_clients, lost_value, at_risk, one column per
    win-back status (clients) and recovered. ``clients``: every client in the
    window, lost or at risk, with its manager, basis, share, abc, cell, state
    (active | at_risk | lost), value_before_loss, days_since, status; put
    together when first asked (a page shows one manager's: ``portfolio``).
    ``lost`` / ``at_risk``: the churn tables with the manager column set as
    here. ``funnel``: manager, status, clients, value, recovered. ``in_grid``:
    the grid's clients with their managers; ``worked``: the win-back list's
    rows (call list and won back) with their managers.
    """

    parameters: dict
    as_of: date
    window_start: date
    total_positive: float
    has_margin: bool
    managers: pd.DataFrame
    lost: pd.DataFrame
    at_risk: pd.DataFrame
    funnel: pd.DataFrame
    in_grid: pd.DataFrame = field(repr=False)
    worked: pd.DataFrame = field(repr=False)

    @cached_property
    def clients(self) -> pd.DataFrame:
        return _portfolio_clients(self.in_grid, self.lost, self.at_risk, self.worked)


# -- the manager of a line and of a client -----------------------------------------------


def _has_assignments(store: Store) -> bool:
    return bool(store.scalar("SELECT count(*) > 0 FROM manager_assignments"))


def _managed(store: Store, filters: Filters, client_id: str | None = None) -> tuple[str, list]:
    """``WITH filtered AS (...), managed AS (...)`` and its values (see ``managers_lines.sql``)."""
    fragment, values = filtered_daily(filters)
    if client_id is not None:
        fragment, values = f"SELECT * FROM ({fragment}) WHERE client_id = ?", [*values, str(client_id)]
    if _has_assignments(store):
        return "WITH " + sql("managers_lines").replace("{filtered}", fragment), values
    # Nothing assigned: the lines' own manager, without the joins.
    return (
        f"WITH filtered AS ({fragment}), managed AS "
        "(SELECT client_id, date, region, segment, revenue, margin, manager FROM filtered)",
        values,
    )


def line_money(store: Store, filters: Filters, basis: str, start: date, as_of: date) -> pd.DataFrame:
    """Basis, revenue and margin of the lines credited to each manager between ``start`` and ``as_of``."""
    text, values = _managed(store, filters)
    column = basis_column(basis)
    statement = (
        text + "\nSELECT manager, CAST(round(sum(" + column + "), 4) AS DOUBLE) AS basis, "
        "CAST(round(sum(revenue), 4) AS DOUBLE) AS revenue, CAST(round(sum(margin), 4) AS DOUBLE) AS margin "
        "FROM managed WHERE date >= ? AND date <= ? GROUP BY manager"
    )
    return store.query(statement, [*values, start, as_of])


def client_managers(store: Store, filters: Filters, as_of: date, client_id: str | None = None) -> pd.DataFrame:
    """client_id, manager: the manager of each client's latest line with one, up to ``as_of``."""
    text, values = _managed(store, filters, client_id)
    # The latest line with a manager, the first name on a tie: one aggregate, no sort per client.
    statement = (
        text + "\nSELECT client_id, arg_min(manager, struct_pack(back := DATE '2000-01-01' - date, name := manager)) "
        "FILTER (WHERE manager IS NOT NULL) AS manager FROM managed WHERE date <= ? GROUP BY client_id"
    )
    frame = store.query(statement, [*values, as_of])
    frame["manager"] = frame["manager"].astype(object).where(frame["manager"].notna(), None)
    return frame


def manager_of(store: Store, client_id: str, as_of: date | None = None) -> str | None:
    """The client's manager as of ``as_of`` (default: its latest line), over all lines; None when none."""
    day = as_of or store.scalar("SELECT max(date) FROM daily WHERE client_id = ?", [str(client_id)])
    if day is None:
        return None
    found = client_managers(store, Filters(), day, client_id)
    return found["manager"].iloc[0] if len(found) else None


# -- the portfolios ----------------------------------------------------------------------


def _each(find, frames) -> list[np.ndarray]:
    """``find`` (client ids -> an array) over the client ids of all ``frames`` at once, so the ids it
    looks them up among are hashed once, split back into one array per frame."""
    found = find(pd.concat([f["client_id"] for f in frames], ignore_index=True))
    return np.split(found, np.cumsum([len(f) for f in frames])[:-1])


def _owned(owners: pd.Series, *frames: pd.DataFrame) -> list[pd.DataFrame]:
    """Each of ``frames`` with each client's manager (``owners``: manager indexed by client id), None for
    no manager (none known, or client_managers found none for the client)."""
    found = _each(lambda ids: looked_up(ids, owners), frames)
    return [f.assign(manager=pd.Series(m, index=f.index, dtype=object)) for f, m in zip(frames, found, strict=True)]


def _owned_lists(
    store: Store, churn: ChurnParams, owners: pd.Series, key: tuple, lost: pd.DataFrame, risky: pd.DataFrame
) -> list[pd.DataFrame]:
    """``_owned(owners, lost, risky)``, the managers taken by place: both lists pick the churn base's
    clients (``listed_places``), the same for every L and k, so their managers are looked up once
    per base and kept (10M lines: 30–50 ms a move of L, then under 1 ms)."""
    placed = [listed_places(store, churn, which) for which in ("lost", "at_risk")]
    if placed[0] is None or placed[1] is None:
        return _owned(owners, lost, risky)
    ids = placed[0][0]
    kept_ids, managers = _KEPT.fetch(key, lambda: (ids, looked_up(ids, owners)))
    if kept_ids is not ids and not kept_ids.equals(ids):  # the base read again since, in another order
        managers = looked_up(ids, owners)
        _KEPT.put(key, (ids, managers))
    return [
        frame.assign(manager=pd.Series(managers[places], index=frame.index, dtype=object))
        for frame, (_, places) in zip((lost, risky), placed, strict=True)
    ]


def _owners(frame: pd.DataFrame) -> pd.Series:
    """``client_managers``' frame as each client's manager by client id, one string object per name
    (each grouping by manager afterwards hashes a name once, then compares references)."""
    codes, names = pd.factorize(frame["manager"].to_numpy(dtype=object))
    managers = np.append(np.asarray(names, dtype=object), None)[codes]  # -1: no manager
    return pd.Series(managers, index=frame["client_id"].astype("str"), dtype=object)


# What a move of L or k leaves as it was, per database, data version and settings: the
# money credited to each manager and each client's manager (read below, never changed in place).
_KEPT = Kept(8)  # small: a row per manager, a row per client


def _grid_side(clients: pd.DataFrame, owners: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    """What the managers' view takes from the grid, the same for every L and k: per manager (key,
    "" for none) the clients, the key clients (class A) and the clients in each cell and among the
    too new; and the grid's clients with their managers as the portfolio lists them."""
    (in_grid,) = _owned(owners, clients)
    cells = in_grid["cell"].astype(object).where(in_grid["cell"].notna(), TOO_NEW)
    counts = {"clients": _by_manager(in_grid), "key_clients": _by_manager(in_grid[in_grid["abc"] == "A"])}
    counts |= {cell: _by_manager(in_grid[cells == cell]) for cell in (*CELLS, TOO_NEW)}
    return pd.DataFrame(counts).fillna(0).astype(int), _listed(in_grid[PORTFOLIO_COLUMNS])


PORTFOLIO_COLUMNS = ["client_id", "client_name", "manager", "basis", "share", "abc", "cell", "last_purchase"]


def _listed(frame: pd.DataFrame) -> pd.DataFrame:
    """Clients typed and ordered as the portfolio lists them: basis descending (none last), then id."""
    typed = frame.assign(
        basis=pd.to_numeric(frame["basis"]).astype(float),
        share=pd.to_numeric(frame["share"]).astype(float),
        last_purchase=pd.to_datetime(frame["last_purchase"]).dt.date,
    )
    order = typed.assign(_basis=typed["basis"].fillna(float("-inf")).round(6))
    order = order.sort_values(["_basis", "client_id"], ascending=[False, True])
    return order.drop(columns="_basis").reset_index(drop=True)


def _by_manager(frame: pd.DataFrame, column: str | None = None) -> pd.Series:
    """Per manager key ("" for none): the distinct clients, or the sum of ``column``."""
    codes, managers = pd.factorize(frame["manager"].to_numpy(dtype=object))  # -1: no manager
    codes = np.where(codes < 0, len(managers), codes)
    managers = [*(str(m) for m in managers), ""]
    index = pd.Index(managers, dtype=object)
    if column is None:  # a client counts once under its manager
        first = ~frame["client_id"].duplicated().to_numpy()
        counts = pd.Series(np.bincount(codes[first], minlength=len(managers)), index=index)
        return counts[counts > 0].sort_index()
    values = pd.to_numeric(frame[column]).to_numpy(dtype=float, na_value=np.nan)
    sums = pd.Series(np.bincount(codes, weights=np.nan_to_num(values), minlength=len(managers)), index=index)
    return sums[np.bincount(codes, minlength=len(managers)) > 0]


def manager_portfolios(store: Store, params: ManagerParams) -> ManagersResult:
    """Every manager's figures for ``params`` (see the module docstring for each rule)."""
    grid = abcxyz(store, params.grid_params(params.as_of))
    as_of = grid.params.as_of
    start = grid.window_start
    churn = params.churn_params(as_of)
    lost = lost_clients(store, churn)
    risky = at_risk(store, churn)
    base = (str(store.path), store.version(), params.filters, as_of)
    money = _KEPT.fetch(
        (*base, "money", params.basis, start), lambda: line_money(store, params.filters, params.basis, start, as_of)
    )
    owners = _KEPT.fetch((*base, "owners"), lambda: _owners(client_managers(store, params.filters, as_of)))

    # The grid's side of the table is the same for every L and k.
    grid_counts, grid_listed = _KEPT.fetch(
        (*base, "grid", params.basis, params.period, int(params.window)), lambda: _grid_side(grid.clients, owners)
    )
    lost, risky = _owned_lists(store, churn, owners, (*base, "base owners", params.basis), lost, risky)
    # The win-back list's rows: the lost clients with the managers credited here, then the won back.
    # The funnel and the statuses do not depend on the former cells: no grid per month of history.
    worked = worked_rows(store, params.winback_params(as_of), lost)
    won = worked["won"].to_numpy(dtype=bool)
    if won.any():
        worked = pd.concat([worked[~won], *_owned(owners, worked[won])], ignore_index=True)
    funnel_rows = funnel(worked, by_manager=True)

    money_keys = money["manager"].astype(object).where(money["manager"].notna(), "")
    money = money.assign(key=money_keys).set_index("key")
    lost_counts, risky_counts = _by_manager(lost), _by_manager(risky)
    keys = set(money.index) | set(grid_counts.index) | set(lost_counts.index)
    keys |= set(risky_counts.index) | set(funnel_rows["manager"])
    ordered = sorted((k for k in keys if k), key=lambda k: (-float(money["basis"].get(k, 0.0) or 0.0), k))
    if "" in keys:
        ordered.append("")

    table = pd.DataFrame({"key": ordered})
    table["manager"] = pd.Series([k or None for k in ordered], dtype=object)
    for column in ("clients", "key_clients"):
        table[column] = table["key"].map(grid_counts[column]).fillna(0).astype(int)
    table["basis"] = table["key"].map(money["basis"]).fillna(0.0).astype(float)
    total = float(grid.total_positive)
    table["share"] = table["basis"] / total if total > 0 else float("nan")
    table["revenue"] = table["key"].map(money["revenue"]).fillna(0.0).astype(float)
    has_margin = store.has_margin()
    table["margin"] = table["key"].map(money["margin"]).astype(float) if has_margin else float("nan")
    if has_margin:
        table["margin"] = table["margin"].fillna(0.0)
    for cell in (*CELLS, TOO_NEW):
        table[cell] = table["key"].map(grid_counts[cell]).fillna(0).astype(int)
    table["lost_clients"] = table["key"].map(lost_counts).fillna(0).astype(int)
    table["lost_value"] = table["key"].map(_by_manager(lost, "value_before_loss")).fillna(0.0).astype(float)
    table["at_risk"] = table["key"].map(risky_counts).fillna(0).astype(int)
    for status in STATUSES:
        part = funnel_rows[funnel_rows["status"] == status].set_index("manager")
        table[status] = table["key"].map(part["clients"]).fillna(0).astype(int)
    recovered = funnel_rows.groupby("manager")["recovered"].sum()
    table["recovered"] = table["key"].map(recovered).fillna(0.0).astype(float)

    return ManagersResult(
        parameters=params.as_dict(as_of, start),
        as_of=as_of,
        window_start=start,
        total_positive=total,
        has_margin=has_margin,
        managers=table.drop(columns="key"),
        lost=lost,
        at_risk=risky,
        funnel=funnel_rows.assign(manager=funnel_rows["manager"].map(lambda m: m or None).astype(object)),
        in_grid=grid_listed,
        worked=worked,
    )


def _portfolio_clients(in_grid: pd.DataFrame, lost: pd.DataFrame, risky: pd.DataFrame, worked: pd.DataFrame):
    """Every client in the window (``in_grid``: listed by ``_listed``), then the lost and at-risk ones
    outside it, each with its state, value before loss, days since and win-back status."""
    extra = pd.concat(
        [lost[["client_id", "client_name", "manager", "last_purchase"]], risky[["client_id", "client_name", "manager"]]]
    )
    extra = extra[~among(extra["client_id"], in_grid["client_id"])].drop_duplicates("client_id")
    # Outside the window a client has no basis: it comes after every client in it, by id.
    listed = pd.concat([in_grid, _listed(extra.assign(basis=np.nan, share=np.nan))], ignore_index=True)
    # Each client is listed once: its row is found once per table, then the values are set by position.
    rows = listed["client_id"]
    first = worked.drop_duplicates("client_id")
    tables = {"lost": lost, "risky": risky, "worked": first}
    at = dict(zip(tables, _each(lambda ids: positions(ids, rows), tables.values()), strict=True))

    def set_at(target: np.ndarray, name: str, values) -> None:
        found = at[name] >= 0
        target[at[name][found]] = np.asarray(values, dtype=target.dtype)[found]

    state = np.full(len(listed), "active", dtype=object)
    set_at(state, "risky", np.full(len(risky), "at_risk", dtype=object))
    set_at(state, "lost", np.full(len(lost), "lost", dtype=object))
    value = np.full(len(listed), np.nan)
    set_at(value, "lost", pd.to_numeric(lost["value_before_loss"]).astype(float))
    # the lost client's days when it is also at risk (lost is set last)
    since = np.full(len(listed), np.nan)
    set_at(since, "risky", pd.to_numeric(risky["days_since"]).astype(float))
    set_at(since, "lost", pd.to_numeric(lost["days_since"]).astype(float))
    status = np.full(len(listed), np.nan, dtype=object)
    set_at(status, "worked", first["status"].astype(object))
    return listed.assign(
        state=state,
        value_before_loss=value,
        days_since=pd.array(since, dtype="Float64").astype("Int64"),
        status=pd.Series(status, index=listed.index, dtype=object),
    )


def portfolio(result: ManagersResult, manager: str | None) -> dict[str, pd.DataFrame]:
    """One manager's clients, lost clients, at-risk clients and funnel (``None``: no manager).

    Every table gives each client the same manager, so the manager's clients are put
    together from the manager's rows alone: ``result.clients`` of that manager, without
    every other manager's clients.
    """

    def mine(frame: pd.DataFrame) -> pd.DataFrame:
        if manager is None:
            hit = frame["manager"].isna().to_numpy()
        else:  # numpy's == on the names: a third of the time of pandas' on an object column
            hit = frame["manager"].to_numpy(dtype=object) == manager
        return frame[hit].reset_index(drop=True)

    lost, risky = mine(result.lost), mine(result.at_risk)
    return {
        "clients": _portfolio_clients(mine(result.in_grid), lost, risky, mine(result.worked)),
        "lost": lost,
        "at_risk": risky,
        "funnel": mine(result.funnel),
    }


def _money(value) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), 4)


def as_payload(result: ManagersResult) -> dict:
    """The command line's JSON: parameters and one entry per manager (``"manager": null`` for none)."""
    managers = [
        {
            "manager": row.manager,
            "clients": int(row.clients),
            "key_clients": int(row.key_clients),
            "basis": _money(row.basis),
            "share": None if pd.isna(row.share) else float(row.share),
            "margin": _money(row.margin),
            "lost_clients": int(row.lost_clients),
            "lost_value": _money(row.lost_value),
            "at_risk": int(row.at_risk),
        }
        for row in result.managers.itertuples(index=False)
    ]
    return {"parameters": result.parameters, "managers": managers}


# -- assignments files -------------------------------------------------------------------


def _clean(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip(TRIM)
    return None if not text or text in MISSING_WORDS else text


def _detect(columns: list[str]) -> dict[str, str]:
    """Role -> column from the headers (the words of ``core.roles``; the start date from its own words)."""
    found: dict[str, str] = {}
    used: set[str] = set()
    for role in ("manager", "client_id", "region", "date_from"):
        dates = {normalise(w) for w in DATE_FROM_WORDS}
        best, best_score = None, 0.0
        for column in columns:
            if column in used:
                continue
            if role == "date_from":
                score = 100.0 if normalise(column) in dates else 0.0
            else:
                score = header_score(role, column)
            if score < 50:
                continue
            if score > best_score:
                best, best_score = column, score
        if best is not None:
            found[role] = best
            used.add(best)
    return found


def _column(columns: list[str], chosen: str, role: str, file_name: str) -> str:
    if chosen in columns:
        return chosen
    if chosen.isdigit() and 1 <= int(chosen) <= len(columns):
        return columns[int(chosen) - 1]
    raise InputError.keyed("managers.error.no_column", file=file_name, column=chosen, columns=", ".join(columns))


def assignment_columns(columns: list[str], overrides: dict[str, str] | None = None, file_name: str = "") -> dict:
    """Role -> column for an assignments file: detected, then ``overrides`` (name or 1-based position)."""
    roles = _detect(columns)
    for role, chosen in (overrides or {}).items():
        if role not in ROLES:
            raise InputError.keyed("managers.error.role", role=role, roles=", ".join(ROLES))
        if chosen in ("", None):
            roles.pop(role, None)
        else:
            roles[role] = _column(columns, str(chosen), role, file_name)
    return roles


def read_assignments(path: str | os.PathLike, file_name: str | None = None, sheet: str | None = None):
    """The file's cells as text (``core.reading.read_table``): the raw table and its columns."""
    from core.reading import read_table

    return read_table(path, file_name, sheet)


def _parse_day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def load_assignments(
    store: Store,
    path: str | os.PathLike,
    *,
    file_name: str | None = None,
    sheet: str | None = None,
    overrides: dict[str, str] | None = None,
    loaded_by: str | None = None,
) -> dict:
    """Store an assignments file in one transaction; returns its summary (see the module docstring).

    ``{"file", "status": "loaded" | "unchanged", "rows_loaded", "rows_rejected",
    "message", "columns", "client_rows", "region_rows", "rejected": [{"row",
    "reason"}]}``. Raises ``InputError`` (keyed) when nothing can be stored.
    """
    require_editor(loaded_by)
    from core.reading import ROW

    name = file_name or Path(path).name
    if not Path(path).exists():
        raise InputError.keyed("managers.error.no_file", file=str(path))
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    raw = read_assignments(path, name, sheet)
    frame = raw.frame()
    raw.con.close()
    columns = [c for c in frame.columns if c != ROW]
    roles = assignment_columns(columns, overrides, name)
    if "manager" not in roles or not ({"client_id", "region"} & set(roles)):
        missing = RoleNames(["manager"] if "manager" not in roles else ["client_id", "region"])
        raise InputError.keyed("managers.error.roles", file=name, missing=missing, columns=", ".join(columns))
    rows_read = len(frame)
    if store.scalar("SELECT count(*) FROM assignment_loads WHERE sha256 = ?", [digest]):
        return {
            "file": name,
            "status": "unchanged",
            "rows_loaded": 0,
            "rows_rejected": 0,
            "message": f"'{name}' was loaded before; nothing changed.",
            "columns": roles,
            "client_rows": 0,
            "region_rows": 0,
            "rejected": [],
        }

    def cells(role: str) -> list[str | None]:
        return [_clean(v) for v in frame[roles[role]]] if role in roles else [None] * rows_read

    kept, rejected = [], []
    for number, client, region, manager, since in zip(
        frame[ROW], cells("client_id"), cells("region"), cells("manager"), cells("date_from"), strict=True
    ):
        row_number = int(number)
        if manager is None:
            rejected.append({"row": row_number, "reason": t("setaside.no_manager")})
            continue
        if client is None and region is None:
            rejected.append({"row": row_number, "reason": t("setaside.no_client_or_region")})
            continue
        try:
            day = _parse_day(since)
        except ValueError:
            rejected.append({"row": row_number, "reason": t("setaside.bad_date_from", value=since)})
            continue
        scope, key = ("client", client) if client is not None else ("region", region)
        kept.append((row_number, scope, key, manager, day))
    if not kept:
        raise InputError.keyed("managers.error.nothing", file=name, rows=rows_read)
    staged = pd.DataFrame(kept, columns=["row_number", "scope", "key", "manager", "date_from"])
    staged["date_from"] = pd.to_datetime(staged["date_from"]).dt.date.astype(object)
    by = (require_editor(loaded_by) or "").strip() or TEAM
    at = datetime.now(UTC).replace(tzinfo=None)

    def change(cur):
        incoming = staged  # noqa: F841 -- DuckDB reads the local DataFrame by its name
        load_id = cur.execute("SELECT nextval('assignment_load_seq')").fetchall()[0][0]
        cur.execute(
            "INSERT INTO assignment_loads VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                load_id,
                name,
                digest,
                raw.sheet,
                json.dumps(roles, ensure_ascii=False),
                len(staged),
                len(rejected),
                by,
                at,
            ],
        )
        cur.execute(
            "INSERT INTO manager_assignments SELECT ?, row_number, scope, key, manager, date_from::DATE FROM incoming",
            [load_id],
        )
        return load_id

    store.write(change)
    client_rows = int((staged["scope"] == "client").sum())
    message = f"{len(staged):,} assignments stored from '{name}'"
    message += f", {len(rejected):,} rows set aside." if rejected else "."
    return {
        "file": name,
        "status": "loaded",
        "rows_loaded": len(staged),
        "rows_rejected": len(rejected),
        "message": message,
        "columns": roles,
        "client_rows": client_rows,
        "region_rows": len(staged) - client_rows,
        "rejected": rejected[:REJECTED_SHOWN],
    }


def assignment_loads(store: Store) -> pd.DataFrame:
    """The assignments files loaded, newest first."""
    return store.query(
        "SELECT load_id, file_name, sheet, rows_loaded, rows_rejected, loaded_by, loaded_at "
        "FROM assignment_loads ORDER BY load_id DESC"
    )


def assignments(store: Store) -> pd.DataFrame:
    """The assignments in force: scope, key, manager, date_from (by scope, key, date)."""
    frame = store.query(
        "SELECT scope, key, manager, date_from FROM current_assignments ORDER BY scope, key, since, manager"
    )
    frame["date_from"] = pd.to_datetime(frame["date_from"]).dt.date
    return frame


def delete_assignment_load(store: Store, load_id: int, *, by: str | None = None) -> int:
    """Delete one loaded assignments file and its rows; returns the rows removed.

    ``by`` names who asked; a viewer is refused (``core.access.require_editor``).
    """
    require_editor(by)

    def change(cur):
        removed = cur.execute("SELECT count(*) FROM manager_assignments WHERE load_id = ?", [int(load_id)]).fetchall()
        cur.execute("DELETE FROM manager_assignments WHERE load_id = ?", [int(load_id)])
        cur.execute("DELETE FROM assignment_loads WHERE load_id = ?", [int(load_id)])
        return int(removed[0][0])

    return store.write(change)


__all__ = [
    "ROLES",
    "ManagerParams",
    "ManagersResult",
    "as_payload",
    "assignment_columns",
    "assignment_loads",
    "assignments",
    "client_managers",
    "delete_assignment_load",
    "line_money",
    "load_assignments",
    "manager_of",
    "manager_portfolios",
    "portfolio",
    "read_assignments",
]
