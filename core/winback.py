"""The win-back call list (DOMAIN.md, "Win-back"): whom to call first, with what offer, who is on it.

One frozen ``WinbackParams`` in, plain tables out; the page, the command line
and the exports call the same functions. The figures come from
``core.churn`` (lost clients, losses, at-risk clients) and ``core.grid``
(former ABC-XYZ cells); this module adds what the team records and decides.

What it promises:

- **Candidates** (``candidates``) are the clients lost at the as-of date, as
  ``core.churn.lost_clients`` defines them, ranked by value before loss
  (descending, ties by client id), with last purchase, days since, former
  ABC-XYZ cell (the client's cell in the grid whose as-of date is its last
  purchase), kind of key client, manager, region, reason, the suggested lever
  and the rule that suggested it, and the team's status. With
  ``include_at_risk`` the at-risk clients join the list, their value before
  loss being their value in the 365 days to their last purchase.
- **List filters**, all on the candidate's own columns: ``min_value`` (value
  before loss ≥ it), ``lost_since`` / ``lost_before`` (loss date on or after /
  on or before; at-risk clients have no loss date and are kept), ``managers``,
  ``regions``, ``former`` (a class ``A``, a cell ``AZ`` or ``too_new`` for a
  client too new to classify then), ``reasons`` (``unknown`` for none). The
  shared ``Filters`` act earlier, on the lines, exactly as in every view.
- **Lever rules** live in the table ``winback_lever_rules``, which the team
  edits. Precedence: the rule with the lowest position whose conditions all
  hold fires; an empty condition holds for everyone. The defaults put the
  reason rules first (price → discount; quality, service level → a meeting
  first, offer second) because the reason says what to repair, then the former
  class (A → personal meeting by the manager plus a special offer; B → discount
  on their usual products; C → gift or standard offer), then a catch-all
  (standard offer) so every candidate gets a lever. A candidate shows the
  lever and the rule that fired (position and conditions).
- **Status** is an append-only history (``winback_status_history``): to
  contact → contacted → offer made → won back / declined, with owner, next
  step date, note, who and when. An entry is about the loss whose last purchase
  it records: a client that comes back and is lost again starts afresh at
  "to contact". Without an entry a candidate is "to contact".
- **Automatic won-back** is derived from the lines at query time, never written
  by the upload: a client whose latest loss (dated up to as-of) was followed by
  a purchase is won back, with the date of that purchase and the revenue from
  it through the as-of date; it overrides whatever status the team recorded
  for that loss. Every such client counts, whether the team called it or not
  (DOMAIN.md: "a lost client that buys again"); ``worked`` says whether the team
  had recorded anything for that loss. Won-back clients are not candidates any
  more, but they are in the funnel (the list filters apply to them too).
- **Funnel**: per status (and per manager), the clients, their value before
  loss, and the revenue recovered from the won-back ones.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

import numpy as np
import pandas as pd
import pyarrow as pa

from core.access import require_editor
from core.analysis import (
    Filters,
    among,
    basis_column,
    filtered_daily,
    looked_up,
    money,
    parse_date,
    resolve_as_of,
)
from core.churn import ChurnParams, at_risk, data_version, lost_clients, returned_clients
from core.errors import InputError, StoreError
from core.grid import CELLS, TOO_NEW, GridParams, former_cells
from core.i18n import CATALOGUE, t
from core.kept import Kept
from core.store import Store, sql

STATUSES = ("to_contact", "contacted", "offer_made", "won_back", "declined")
DEFAULT_STATUS = "to_contact"
UNKNOWN_REASON = "unknown"
TEAM = "team"  # who made a change when nobody is logged in
# The lever keys the page translates; a rule may also carry the team's own words.
LEVERS = ("meeting_and_offer", "discount_usual", "gift_or_standard", "discount", "meeting_then_offer", "standard_offer")
FORMER_CHOICES = ("A", "B", "C", *CELLS)
DEFAULT_RULES = (
    (10, None, "price", "discount"),
    (20, None, "quality", "meeting_then_offer"),
    (30, None, "service_level", "meeting_then_offer"),
    (40, "A", None, "meeting_and_offer"),
    (50, "B", None, "discount_usual"),
    (60, "C", None, "gift_or_standard"),
    (70, None, None, "standard_offer"),
)

LIST_COLUMNS = [
    "client_id",
    "client_name",
    "value_before_loss",
    "last_purchase",
    "loss_date",
    "days_since",
    "former_cell",
    "kind",
    "manager",
    "region",
    "segment",
    "reason",
    "at_risk",
    "lever",
    "rule",
    "rule_position",
    "rule_former",
    "rule_reason",
    "status",
    "status_source",
    "owner",
    "next_step",
    "note",
    "changed_by",
    "changed_at",
    "worked",
    "won_back_date",
    "revenue_since",
]


@dataclass(frozen=True)
class WinbackParams:
    """What the win-back list depends on; every field is a control on the page."""

    lost_days: int = 180
    as_of: date | None = None
    basis: str = "revenue"
    risk_k: float = 2.0
    filters: Filters = Filters()
    min_value: float = 0.0
    lost_since: date | None = None
    lost_before: date | None = None
    managers: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    former: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    include_at_risk: bool = False
    # The grid the former cell is read from (defaults of the grid page).
    grid_period: str = "month"
    grid_window: int = 12
    # Only these clients (the dossier reads one): each row is what the whole
    # list holds for that client, its rank among the clients kept here.
    clients: tuple[str, ...] = ()

    def churn_params(self, as_of: date | None = None) -> ChurnParams:
        return ChurnParams(
            lost_days=int(self.lost_days),
            period="month",
            as_of=as_of or parse_date(self.as_of),
            basis=self.basis,
            risk_k=float(self.risk_k),
            filters=self.filters,
        )

    def grid_params(self, as_of: date | None = None) -> GridParams:
        return GridParams(
            basis=self.basis, period=self.grid_period, window=int(self.grid_window), filters=self.filters, as_of=as_of
        )

    def checked(self) -> WinbackParams:
        self.churn_params().checked()
        basis_column(self.basis)
        if self.min_value is not None and not np.isfinite(float(self.min_value)):
            raise InputError("The minimum value before loss must be a number.")
        since, before = parse_date(self.lost_since), parse_date(self.lost_before)
        if since and before and since > before:
            raise InputError(f"'Lost since' ({since}) is after 'lost before' ({before}): no loss can be in between.")
        for entry in self.former:
            if entry != TOO_NEW and entry not in FORMER_CHOICES:
                raise InputError(f"Unknown former cell '{entry}'. Use A, B, C, a cell such as AZ, or {TOO_NEW}.")
        return self

    def as_dict(self, as_of: date) -> dict:
        return {
            "lost_days": int(self.lost_days),
            "as_of": as_of.isoformat(),
            "basis": self.basis,
            "risk_k": float(self.risk_k),
            "min_value": float(self.min_value or 0),
            "lost_since": _iso(parse_date(self.lost_since)),
            "lost_before": _iso(parse_date(self.lost_before)),
            "managers": list(self.managers),
            "regions": list(self.regions),
            "former": list(self.former),
            "reasons": list(self.reasons),
            "include_at_risk": bool(self.include_at_risk),
            "grid_period": self.grid_period,
            "grid_window": int(self.grid_window),
            "filters": self.filters.as_dict(),
        }


@dataclass(frozen=True)
class WinbackResult:
    """The win-back view: settings used, the call list, the won-back clients, the funnel."""

    parameters: dict
    as_of: date
    candidates: pd.DataFrame  # LIST_COLUMNS, ranked
    won_back: pd.DataFrame  # LIST_COLUMNS, automatically won back, ranked
    funnel: pd.DataFrame  # status, clients, value, recovered (every status, in order)
    funnel_by_manager: pd.DataFrame  # manager, status, clients, value, recovered


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _as_dates(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    return frame


# -- lever rules -------------------------------------------------------------------------


def lever_rules(store: Store) -> pd.DataFrame:
    """The team's lever rules in precedence order: position, former, reason, lever, changed_by, changed_at."""
    return store.query(
        "SELECT position, former, reason, lever, changed_by, changed_at FROM winback_lever_rules ORDER BY position"
    )


def _clean_rules(rules: pd.DataFrame) -> list[tuple]:
    """Validated rule rows (position, former, reason, lever); raises ``InputError`` with the row at fault."""
    cleaned, positions = [], set()
    frame = rules.reset_index(drop=True)
    next_position = 10
    for number, row in enumerate(frame.to_dict("records"), start=1):
        lever = _text(row.get("lever"))
        former = _text(row.get("former"))
        reason = _text(row.get("reason"))
        if lever is None and former is None and reason is None:
            continue  # an empty row the editor left behind
        if lever is None:
            raise InputError(f"Rule {number}: say which lever to suggest.")
        if former is not None:
            former = former.upper()
            if former not in FORMER_CHOICES:
                raise InputError(
                    f"Rule {number}: former cell '{former}' is unknown. Use A, B, C or a cell such as AZ, "
                    "or leave it empty for any."
                )
        if reason is not None:
            reason = reason.lower()
        position = row.get("position")
        if position is None or pd.isna(position):
            position = max([next_position, *(p + 10 for p in positions)])
        position = int(position)
        if position in positions:
            raise InputError(f"Rule {number}: position {position} is used twice; give each rule its own.")
        positions.add(position)
        cleaned.append((position, former, reason, lever))
    if not cleaned:
        raise InputError("Keep at least one lever rule (a rule with empty conditions suits everyone).")
    return cleaned


def _text(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    value = str(value).strip()
    return value or None


def save_lever_rules(store: Store, rules: pd.DataFrame, *, by=None) -> int:
    """Replace the lever rules with ``rules`` (position, former, reason, lever) in one transaction.

    A row without a position goes after the others. Returns how many rules are kept.
    ``by`` (an ``Actor`` or a name) must be an editor and is kept on every rule.
    """
    by = require_editor(by)
    cleaned = _clean_rules(rules)
    by, at = (by or "").strip() or TEAM, _now()

    def change(cur):
        cur.execute("DELETE FROM winback_lever_rules")
        cur.executemany(
            "INSERT INTO winback_lever_rules VALUES (?, ?, ?, ?, ?, ?)",
            [[position, former, reason, lever, by, at] for position, former, reason, lever in cleaned],
        )
        return len(cleaned)

    return store.write(change)


def reset_lever_rules(store: Store, *, by=None) -> int:
    """Put the default lever rules back."""
    defaults = pd.DataFrame(DEFAULT_RULES, columns=["position", "former", "reason", "lever"])
    return save_lever_rules(store, defaults, by=by)


def describe_rule(position, former, reason) -> str:
    """The rule in words (English, for the command line and exports)."""
    parts = []
    if isinstance(former, str) and former:
        parts.append(f"former {former}")
    if isinstance(reason, str) and reason:
        parts.append(f"reason {reason}")
    return f"#{int(position)}: " + (" and ".join(parts) if parts else "any client")


def suggest_levers(frame: pd.DataFrame, rules: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (client_id, former_cell, reason) with lever, rule, rule_position, rule_former, rule_reason.

    The first rule by position whose conditions all hold fires; a client no rule
    fits gets no lever (the default rules end with a catch-all).
    """
    result = frame.copy(deep=False)  # copy-on-write: the caller's frame is never changed
    for column in ("lever", "rule", "rule_former", "rule_reason"):
        result[column] = pd.Series(None, index=result.index, dtype=object)
    result["rule_position"] = pd.Series(np.nan, index=result.index, dtype=float)
    if result.empty or rules.empty:
        return result
    # The rules are matched once per distinct (cell, reason), a few dozen however long the list.
    cell_codes, cells = pd.factorize(result["former_cell"].astype(object), use_na_sentinel=False)
    why_codes, whys = pd.factorize(result["reason"].astype(object), use_na_sentinel=False)
    pairs_at, pair_codes = pd.factorize(cell_codes * len(whys) + why_codes)
    pairs = pd.DataFrame(
        {
            "pair": np.arange(len(pair_codes)),
            "cell": ["" if pd.isna(c) else str(c) for c in cells[pair_codes // len(whys)]],
            "why": ["" if pd.isna(w) else str(w).strip().lower() for w in whys[pair_codes % len(whys)]],
        }
    )
    ordered = rules.sort_values("position")[["position", "former", "reason", "lever"]].rename(
        columns={"former": "rule_former", "reason": "rule_reason"}
    )
    pairs = pairs.merge(ordered, how="cross")
    rule_former = pairs["rule_former"].astype(object).where(pairs["rule_former"].notna(), "")
    rule_reason = pairs["rule_reason"].astype(object).where(pairs["rule_reason"].notna(), "")
    # A one-letter condition is an ABC class (the cell's first letter), two letters a whole cell.
    former_holds = (
        (rule_former == "")
        | (pairs["cell"] == rule_former)
        | ((rule_former.str.len() == 1) & (pairs["cell"].str[:1] == rule_former))
    )
    reason_holds = (rule_reason == "") | (pairs["why"] == rule_reason.str.lower())
    fired = pairs[former_holds & reason_holds].sort_values("position", kind="stable").drop_duplicates("pair")
    fired = fired.set_index("pair").reindex(range(len(pair_codes)))
    fired["rule"] = [
        None if pd.isna(p) else describe_rule(p, f, r)
        for p, f, r in zip(fired["position"], fired["rule_former"], fired["rule_reason"], strict=True)
    ]
    fired["rule_position"] = fired["position"].astype(float)
    for column in ("lever", "rule", "rule_former", "rule_reason"):
        values = fired[column].astype(object).to_numpy(dtype=object)
        result[column] = pd.Series(np.where(pd.isna(values), None, values)[pairs_at], index=result.index, dtype=object)
    result["rule_position"] = fired["rule_position"].to_numpy(dtype=float)[pairs_at]
    return result


# -- status ------------------------------------------------------------------------------


def set_status(
    store: Store,
    client_id: str,
    status: str,
    *,
    owner: str | None = None,
    next_step: date | str | None = None,
    note: str | None = None,
    last_purchase: date | str | None = None,
    by=None,
    at: datetime | None = None,
) -> None:
    """Record a status for ``client_id`` (a new history entry; nothing is overwritten).

    ``last_purchase`` names the loss the entry is about (the list passes the
    candidate's); by default the client's last purchase in the store. ``by``
    (an ``Actor`` or a name) must be an editor and is kept on the entry.
    """
    by = require_editor(by)
    client_id = str(client_id or "").strip()
    if not client_id:
        raise InputError("A status needs a client id.")
    if status not in STATUSES:
        raise InputError(f"Unknown status '{status}'. Use one of: {', '.join(STATUSES)}.")
    next_step = parse_date(next_step) if next_step not in ("", None) else None
    last_purchase = parse_date(last_purchase) if last_purchase not in ("", None) else None
    if last_purchase is not None and pd.isna(last_purchase):
        last_purchase = None
    if isinstance(last_purchase, datetime):
        last_purchase = last_purchase.date()
    by, at = (by or "").strip() or TEAM, at or _now()

    def change(cur):
        known = cur.execute("SELECT count(*) > 0 FROM clients WHERE client_id = ?", [client_id]).fetchone()[0]
        had_entries = cur.execute(
            "SELECT count(*) > 0 FROM winback_status_history WHERE client_id = ?", [client_id]
        ).fetchone()[0]
        if not known and not had_entries:
            raise InputError(f"There is no client '{client_id}' in the loaded data.")
        cur.execute(
            "INSERT INTO winback_status_history "
            "(client_id, status, owner, next_step, note, last_purchase, changed_by, changed_at) "
            "SELECT ?, ?, ?, ?, ?, coalesce(?::DATE, (SELECT last_date FROM clients WHERE client_id = ?)), ?, ?",
            [client_id, status, _text(owner), next_step, _text(note), last_purchase, client_id, by, at],
        )

    store.write(change)


def status_history(store: Store, client_id: str | None = None) -> pd.DataFrame:
    """Every status entry, newest first (one client's when ``client_id`` is given)."""
    frame = store.query(
        "SELECT entry_id, client_id, status, owner, next_step, note, last_purchase, changed_by, changed_at "
        "FROM winback_status_history WHERE ? IS NULL OR client_id = ? "
        "ORDER BY changed_at DESC, entry_id DESC",
        [client_id, client_id],
    )
    return _as_dates(frame, "next_step", "last_purchase")


def _attach_status(frame: pd.DataFrame, history: pd.DataFrame) -> pd.DataFrame:
    """The latest entry about each row's loss (its last purchase or later); to_contact without one."""
    result = frame.copy(deep=False)  # copy-on-write: the caller's frame is never changed
    entries = history.sort_values(["changed_at", "entry_id"], ascending=False)
    with_entries = result[among(result["client_id"], entries["client_id"])]  # a few of a long list
    pairs = (
        with_entries[["client_id", "last_purchase"]]
        .reset_index()
        .merge(entries, on="client_id", how="inner", suffixes=("", "_entry"))
    )
    pairs = pairs.sort_values(["index", "changed_at", "entry_id"], ascending=[True, False, False])
    applies = pairs["last_purchase_entry"].isna() | (pairs["last_purchase_entry"] >= pairs["last_purchase"])
    latest = pairs[applies].drop_duplicates("index").set_index("index")
    for column in ("status", "owner", "note", "changed_by"):
        result[column] = latest[column].reindex(result.index).astype(object)
    result["next_step"] = latest["next_step"].reindex(result.index)
    result["changed_at"] = latest["changed_at"].reindex(result.index)
    result["worked"] = result["status"].notna()
    result["status_source"] = pd.Series(
        np.array(["default", "team"], dtype=object)[result["worked"].to_numpy(dtype=int)], result.index, object
    )
    result["status"] = result["status"].where(result["worked"], DEFAULT_STATUS)
    return result


# -- the list ------------------------------------------------------------------------------


# Each client's kinds, per database and data version (a tag recorded changes the version).
_KINDS = Kept(4)


def _kinds(store: Store) -> pd.DataFrame:
    def read() -> pd.DataFrame:
        try:
            return store.query(
                "SELECT client_id, string_agg(kind, ', ' ORDER BY kind) AS kind FROM client_kinds GROUP BY client_id"
            )
        except StoreError:  # the kinds view is not there (an older database): no kind column
            return pd.DataFrame({"client_id": pd.Series(dtype=object), "kind": pd.Series(dtype=object)})

    return _KINDS.fetch((str(store.path), store.version()), read)


def _with_kinds(rows: pd.DataFrame, kinds: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with each client's kinds (None without): a lookup of the few tagged clients, not a merge."""
    if len(kinds) and len(rows):
        found = looked_up(rows["client_id"], kinds.set_index("client_id")["kind"])
    else:
        found = np.full(len(rows), None, dtype=object)
    return rows.assign(kind=pd.Series(found, index=rows.index, dtype=object))


# The return purchases' reach and revenue since (core/sql/winback_returns.sql) found so far,
# per database, data version, filters and as-of date: moving L asks about mostly the same ones.
_RETURNS = Kept(4)


def _returns(store: Store, params: WinbackParams, as_of: date, returned: pd.DataFrame) -> pd.DataFrame:
    """For each returned client: ``seen_lost`` (lost in the data loaded before its return) and ``revenue_since``.

    The return purchases asked about before (under another L) are looked up; only the new ones are read.
    """
    key = (str(store.path), data_version(store, params.filters), params.filters, as_of)
    asked = pd.DataFrame(
        {
            "client_id": pd.array(returned["client_id"].astype("str"), dtype="str"),
            "won_back_date": pd.to_datetime(returned["won_back_date"]).astype("datetime64[ns]").to_numpy(),
            "loss_date": pd.to_datetime(returned["loss_date"]).astype("datetime64[ns]").to_numpy(),
        }
    )
    known = _RETURNS.get(key)
    if known is None:
        known = pd.DataFrame(
            {
                "client_id": pd.Series(dtype="str"),
                "won_back_date": pd.Series(dtype="datetime64[ns]"),
                "reach_before": pd.Series(dtype="datetime64[ns]"),
                "revenue_since": pd.Series(dtype=float),
            }
        )
    new = asked.merge(known[["client_id", "won_back_date"]], how="left", indicator=True)
    new = new[new["_merge"] == "left_only"]
    if len(new):
        fragment, values = filtered_daily(params.filters)
        statement = sql("winback_returns").replace("{filtered}", fragment)
        pairs = pa.table(
            {
                "client_id": pa.array(new["client_id"].to_numpy(dtype=object), pa.string()),
                "won_back_date": pa.array(new["won_back_date"].dt.date, pa.date32()),
            }
        )
        found = store.query(statement, [*values, as_of], tables={"returned_pairs": pairs})
        found = found.astype({"client_id": "str", "revenue_since": float})
        for column in ("won_back_date", "reach_before"):
            found[column] = pd.to_datetime(found[column]).astype("datetime64[ns]")
        known = pd.concat([known, found], ignore_index=True)
        _RETURNS.put(key, known)
    rows = asked.merge(known, on=["client_id", "won_back_date"], how="left")
    seen = rows["reach_before"].notna() & (rows["reach_before"] >= rows["loss_date"])
    return pd.DataFrame(
        {"client_id": rows["client_id"], "seen_lost": seen.to_numpy(), "revenue_since": rows["revenue_since"]}
    )


def _reach_bound(store: Store) -> pd.Timestamp | None:
    """The latest day reached by any upload but the newest: the data loaded before a return
    purchase reached no further (``core/sql/winback_returns.sql``), so a loss dated after it
    was seen by nobody. None with a single upload."""
    day = store.scalar("SELECT max(date_max) FROM uploads WHERE upload_id < (SELECT max(upload_id) FROM uploads)")
    return None if day is None else pd.Timestamp(day)


def _won_back(
    store: Store, params: WinbackParams, as_of: date, churn: ChurnParams, history: pd.DataFrame
) -> pd.DataFrame:
    """The clients won back automatically, with their status: the returned clients
    (``core.churn.returned_clients``) whose loss the team saw, in the data loaded before
    the return purchase or by recording something about it (module docstring).

    Only the returns that can qualify (a loss dated up to ``_reach_bound``, or a client
    with a status entry) are read further: at 10M lines some 90,000 clients came back at
    the default L, and on a store of one upload none of them was seen lost.
    """
    returned = returned_clients(store, churn)
    if params.clients:
        returned = returned[among(returned["client_id"], params.clients)]
    bound = _reach_bound(store)
    maybe = among(returned["client_id"], history["client_id"])
    if bound is not None:
        maybe |= returned["loss_date"] <= bound
    returned = returned[maybe]
    if len(returned):
        returned = _attach_status(returned, history)
        returned = returned.merge(_returns(store, params, as_of, returned), on="client_id", how="left")
        returned = returned[returned["seen_lost"].fillna(False).astype(bool) | returned["worked"]].copy()
    if len(returned):
        ids = pa.table({"client_id": pa.array(returned["client_id"].astype(str), pa.string())})
        info = store.query(
            "SELECT client_id, client_name, manager, region, segment "
            "FROM clients SEMI JOIN returned_ids USING (client_id)",
            tables={"returned_ids": ids},
        )
        returned = returned.merge(info, on="client_id", how="left")
        returned["days_since"] = (pd.Timestamp(as_of) - returned["last_purchase"]).dt.days
        returned["at_risk"] = False
        returned["won"] = True
        returned["status"] = "won_back"
        returned["status_source"] = "data"
    return _as_dates(returned, "last_purchase", "loss_date", "won_back_date")


def _default_grid(params: WinbackParams, as_of: date) -> GridParams:
    """The grid the churn base's former cells are read from (``core.churn.with_former_cells``)."""
    return GridParams(basis=params.basis, filters=params.filters, as_of=as_of)


def _former(store: Store, params: WinbackParams, as_of: date, rows: pd.DataFrame) -> np.ndarray:
    """Each row's former cell: the client's cell in the grid as of its last purchase.

    The rows that carry one already (the listed clients, from the churn base) keep it;
    the others are found in one grid pass. A client is on the list once, or on it
    and among the won back (it came back and is at risk again): both rows take the
    cell of its first, listed row.
    """
    ids = rows["client_id"].astype(str)
    # Only a won-back row can repeat a client (a listed one that came back); without any, none repeats.
    first = ~ids.duplicated().to_numpy() if rows["won"].any() else np.ones(len(rows), dtype=bool)
    cells = np.full(len(rows), None, dtype=object)
    carried = ~rows["won"].to_numpy(dtype=bool) if "former_cell" in rows else np.zeros(len(rows), dtype=bool)
    if carried.any():
        cells[carried] = rows.loc[carried, "former_cell"].to_numpy(dtype=object)
    asked = first & ~carried
    if asked.any():
        found = former_cells(store, params.grid_params(as_of), rows.loc[asked, ["client_id", "last_purchase"]])
        cells[asked] = found["former_cell"].to_numpy(dtype=object)
    if not first.all():  # a won-back row of a listed client: the listed row's cell
        cell_of = pd.Series(cells[first], index=ids[first], dtype=object)
        cells[~first] = cell_of.reindex(ids[~first]).to_numpy(dtype=object)
    return np.where(pd.isna(cells), None, cells)


def _keep(frame: pd.DataFrame, params: WinbackParams) -> pd.DataFrame:
    """The list filters of the module docstring, applied to the candidate's own columns."""
    keep = pd.Series(True, index=frame.index)
    if params.min_value:
        keep &= frame["value_before_loss"].fillna(0) >= float(params.min_value)
    since, before = parse_date(params.lost_since), parse_date(params.lost_before)
    if since:
        keep &= frame["at_risk"] | (frame["loss_date"] >= pd.Timestamp(since))
    if before:
        keep &= frame["at_risk"] | (frame["loss_date"] <= pd.Timestamp(before))
    if params.managers:
        keep &= frame["manager"].isin(params.managers)
    if params.regions:
        keep &= frame["region"].isin(params.regions)
    if params.former:
        cell = frame["former_cell"].astype(object).where(frame["former_cell"].notna(), TOO_NEW)
        wanted = tuple(params.former)
        keep &= cell.map(lambda c: c == TOO_NEW and TOO_NEW in wanted or c != TOO_NEW and c.startswith(wanted))
    if params.reasons:
        reason = frame["reason"].astype(object).where(frame["reason"].notna(), UNKNOWN_REASON)
        keep &= reason.isin(params.reasons)
    return frame[keep]


def _rank(frame: pd.DataFrame) -> pd.DataFrame:
    # Rounded like the SQL rankings: equal values tie (then by client id) whatever
    # order their float sums ran in. The lost clients come in this order already.
    value = pd.to_numeric(frame["value_before_loss"]).round(6)
    if _in_order(value.to_numpy(dtype=float, na_value=np.nan), frame["client_id"].astype(str).to_numpy(dtype=object)):
        return frame.reset_index(drop=True)
    ranked = frame.assign(_rank_value=value)
    ranked = ranked.sort_values(["_rank_value", "client_id"], ascending=[False, True], na_position="last")
    return ranked.drop(columns="_rank_value").reset_index(drop=True)


def _in_order(value: np.ndarray, ids: np.ndarray) -> bool:
    """Whether the rows are ranked already: value descending (missing last), then client id."""
    if len(value) < 2:
        return True
    this, after = value[:-1], value[1:]
    this_missing, after_missing = np.isnan(this), np.isnan(after)
    tied = (this == after) | (this_missing & after_missing)
    return bool(np.all((this > after) | (~this_missing & after_missing) | (tied & (ids[:-1] < ids[1:]))))


def _empty_list() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in LIST_COLUMNS})
    return _as_dates(frame, "last_purchase", "loss_date", "next_step", "won_back_date")


def worked_rows(store: Store, params: WinbackParams, lost: pd.DataFrame) -> pd.DataFrame:
    """The win-back list's rows for ``params`` without the at-risk clients or list filters, in no
    order: ``lost`` (``core.churn.lost_clients`` for ``params``' churn settings, with any columns
    of the caller's, such as the manager it credits) with each one's status, then the won-back
    clients (``won``), with what the funnel counts. No former cells, levers or kinds."""
    as_of = resolve_as_of(store, params.filters, parse_date(params.as_of))
    return _rows(store, replace(params, include_at_risk=False, clients=()), as_of, lost, None)


def _rows(
    store: Store, params: WinbackParams, as_of: date, lost: pd.DataFrame, risky: pd.DataFrame | None
) -> pd.DataFrame:
    """The lost (and at-risk) clients listed with their statuses, then the clients won back."""
    lost = lost.assign(at_risk=False)
    parts = [lost]
    if risky is not None:
        risky = risky.rename(columns={"basis": "value_before_loss"})
        risky = risky.assign(loss_date=pd.NaT, reason=None, at_risk=True)
        parts.append(risky.drop(columns=["median_gap_days"]))
    listed = pd.concat([p for p in parts if len(p)] or [lost], ignore_index=True)
    if params.clients:
        listed = listed[among(listed["client_id"], params.clients)]
    listed = _as_dates(listed, "last_purchase", "loss_date")
    listed["won_back_date"] = pd.NaT
    listed["revenue_since"] = 0.0
    listed["won"] = False

    history = status_history(store)
    listed = _attach_status(listed, history)
    returned = _won_back(store, params, as_of, params.churn_params(as_of), history)
    return pd.concat([f for f in (listed, returned) if len(f)] or [listed], ignore_index=True)


def win_back_list(store: Store, params: WinbackParams, *, cells: bool = True) -> WinbackResult:
    """The whole win-back view for ``params``: call list, won-back clients, funnel.

    ``cells=False`` leaves out the former cells and so the levers (``former_cell``
    and ``lever`` empty): the overview counts the funnel, which does not depend
    on them, without a grid per month of history. A list filtered by former
    cell needs them.
    """
    params.checked()
    if params.basis == "margin" and not store.has_margin():
        raise InputError("The loaded lines carry no margin: choose revenue as the basis.")
    as_of = resolve_as_of(store, params.filters, parse_date(params.as_of))
    churn = params.churn_params(as_of)

    # The listed clients' former cells are the churn base's kept ones when the list reads the default grid.
    kept_cells = (cells or bool(params.former)) and params.grid_params(as_of) == _default_grid(params, as_of)
    lost = lost_clients(store, churn, cells=kept_cells)
    risky = at_risk(store, churn, cells=kept_cells) if params.include_at_risk else None
    rows = _rows(store, params, as_of, lost, risky)
    if rows.empty:
        empty = _empty_list()
        return WinbackResult(
            params.as_dict(as_of), as_of, empty, empty.copy(), funnel(empty), funnel(empty, by_manager=True)
        )

    if cells or params.former:
        rows["former_cell"] = pd.Series(_former(store, params, as_of, rows), index=rows.index, dtype=object)
        rows = suggest_levers(rows, lever_rules(store))
    else:
        rows = rows.assign(former_cell=None, lever=None, rule=None, rule_position=np.nan)
        rows = rows.assign(rule_former=None, rule_reason=None)
    rows = _with_kinds(rows, _kinds(store))
    rows = _keep(rows, params)
    rows["days_since"] = rows["days_since"].astype("Int64")
    for column in ("at_risk", "worked", "won"):
        rows[column] = rows[column].astype(bool)
    rows["revenue_since"] = rows["revenue_since"].fillna(0.0).astype(float)

    listed = _rank(rows[~rows["won"]]).reindex(columns=LIST_COLUMNS)
    returned = _rank(rows[rows["won"]]).reindex(columns=LIST_COLUMNS)
    overall, by_manager = funnels(rows)
    return WinbackResult(
        parameters=params.as_dict(as_of),
        as_of=as_of,
        candidates=listed,
        won_back=returned,
        funnel=overall,
        funnel_by_manager=by_manager,
    )


def candidates(store: Store, params: WinbackParams) -> pd.DataFrame:
    """The call list: candidates ranked by value before loss (see the module docstring)."""
    return win_back_list(store, params).candidates


def funnel(rows: pd.DataFrame, *, by_manager: bool = False) -> pd.DataFrame:
    """Clients, value before loss and revenue recovered per status (and manager), every status shown."""
    return _funnel_table(_FunnelRows.of(rows), rows["manager"] if by_manager else None)


def funnels(rows: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``funnel(rows)`` and ``funnel(rows, by_manager=True)`` from one reading of the rows' statuses and ids."""
    read = _FunnelRows.of(rows)
    return _funnel_table(read, None), _funnel_table(read, rows["manager"])


@dataclass(frozen=True)
class _FunnelRows:
    """What a funnel counts, per row with a status of ``STATUSES`` (``known``): the status's place,
    the client's number, the value before loss and the revenue recovered."""

    known: np.ndarray
    status: np.ndarray
    client: np.ndarray
    value: np.ndarray
    recovered: np.ndarray

    @classmethod
    def of(cls, rows: pd.DataFrame) -> _FunnelRows:
        status_codes, statuses = pd.factorize(rows["status"].astype(object))
        status = np.array([STATUSES.index(v) if v in STATUSES else -1 for v in statuses], dtype=np.int64)
        status = np.where(status_codes < 0, -1, status[status_codes] if len(statuses) else -1)  # -1: not a status
        known = status >= 0  # a status outside STATUSES is not a row of the funnel
        return cls(
            known=known,
            status=status[known],
            client=pd.factorize(rows["client_id"].astype(str))[0][known].astype(np.int64),
            value=pd.to_numeric(rows["value_before_loss"]).to_numpy(dtype=float, na_value=np.nan)[known],
            recovered=pd.to_numeric(rows["revenue_since"]).to_numpy(dtype=float, na_value=np.nan)[known],
        )


def _funnel_table(rows: _FunnelRows, manager: pd.Series | None) -> pd.DataFrame:
    columns = ["status", "clients", "value", "recovered"]
    if manager is not None:
        manager = manager.astype(object).where(manager.notna(), "")
        manager_codes, managers = pd.factorize(manager, sort=True)
        managers = [str(m) for m in managers]
        group = manager_codes[rows.known].astype(np.int64) * len(STATUSES) + rows.status
        index = pd.MultiIndex.from_product([managers, STATUSES], names=["manager", "status"])
    else:
        group = rows.status
        index = pd.Index(STATUSES, name="status")
    groups = len(index)
    # a client counts once per group, whatever number of its rows are in it
    clients = int(rows.client.max(initial=0)) + 1
    distinct = pd.unique(group * clients + rows.client) // clients
    table = pd.DataFrame(
        {
            "clients": np.bincount(distinct, minlength=groups).astype(int),
            "value": np.bincount(group, weights=np.nan_to_num(rows.value), minlength=groups),
            "recovered": np.bincount(group, weights=np.nan_to_num(rows.recovered), minlength=groups),
        },
        index=index,
    ).reset_index()
    table["value"] = table["value"].map(money)
    table["recovered"] = table["recovered"].map(money)
    return table[(["manager"] if manager is not None else []) + columns]


# -- words and exports ----------------------------------------------------------------------

EXPORT_COLUMNS = [
    "client_id",
    "client_name",
    "value_before_loss",
    "last_purchase",
    "loss_date",
    "days_since",
    "former_cell",
    "kind",
    "manager",
    "region",
    "reason",
    "at_risk",
    "lever",
    "rule",
    "status",
    "owner",
    "next_step",
    "note",
    "changed_by",
    "changed_at",
]
WON_BACK_COLUMNS = [
    "client_id",
    "client_name",
    "value_before_loss",
    "last_purchase",
    "loss_date",
    "won_back_date",
    "revenue_since",
    "former_cell",
    "manager",
    "region",
    "reason",
    "owner",
    "note",
]


def _known(key: str) -> bool:
    return key in CATALOGUE


def lever_text(lever, lang: str = "en") -> str | None:
    """A lever in words: a known key translated, the team's own words as they are."""
    if not isinstance(lever, str) or not lever:
        return None
    key = f"winback.lever.{lever}"
    return t(key, lang) if _known(key) else lever


def reason_text(reason, lang: str = "en") -> str:
    """A loss reason in words (the churn catalogue's words when the key is known)."""
    if not isinstance(reason, str) or not reason:
        reason = UNKNOWN_REASON
    key = f"churn.reason.{reason}"
    return t(key, lang) if _known(key) else reason


def former_text(cell, lang: str = "en") -> str:
    return cell if isinstance(cell, str) and cell else t("winback.too_new", lang)


def rule_text(position, former, reason, lang: str = "en") -> str | None:
    """The rule that fired, in words: ``#40: former A``, ``#10: reason: Price``, ``#70: any client``."""
    if position is None or pd.isna(position):
        return None
    parts = []
    if isinstance(former, str) and former:
        parts.append(t("winback.rule.former", lang, former=former))
    if isinstance(reason, str) and reason:
        parts.append(t("winback.rule.reason", lang, reason=reason_text(reason, lang)))
    return f"#{int(position)}: " + (" + ".join(parts) if parts else t("winback.rule.any", lang))


def rules_in_words(rules: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Lever rules as a person edits them: a known lever or reason in words, the team's own words as they are."""
    shown = rules.copy()
    shown["lever"] = shown["lever"].map(lambda v: lever_text(v, lang)).astype(object)
    shown["reason"] = shown["reason"].map(lambda r: reason_text(r, lang) if isinstance(r, str) and r else None)
    return shown


def rules_from_words(rules: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """The inverse of ``rules_in_words``: a lever or reason written as either language names it is stored
    as its key; anything else stays the team's own words."""
    from core.reasons import builtin_aliases

    levers = {t(f"winback.lever.{k}", language).strip().lower(): k for k in LEVERS for language in ("en", "ka")}
    reasons = builtin_aliases()
    keyed = rules.copy()
    keyed["lever"] = keyed["lever"].map(lambda v: levers.get(v.strip().lower(), v) if isinstance(v, str) else v)
    keyed["reason"] = keyed["reason"].map(lambda r: reasons.get(r.strip().lower(), r) if isinstance(r, str) else r)
    return keyed


def status_text(status, lang: str = "en") -> str:
    return t(f"winback.status.{status}", lang)


def readable(frame: pd.DataFrame, columns: list[str], lang: str = "en") -> pd.DataFrame:
    """``frame``'s ``columns`` with levers, rules, statuses and reasons in words and headers translated."""
    shown = frame.reindex(columns=list(dict.fromkeys([*columns, "rule_position", "rule_former", "rule_reason"])))
    shown = shown.copy()
    if "lever" in columns:
        shown["lever"] = shown["lever"].map(lambda v: lever_text(v, lang)).astype(object)
    if "rule" in columns:
        shown["rule"] = [
            rule_text(p, f, r, lang)
            for p, f, r in zip(shown["rule_position"], shown["rule_former"], shown["rule_reason"], strict=True)
        ]
    if "status" in columns:
        shown["status"] = shown["status"].map(lambda v: status_text(v, lang)).astype(object)
    if "reason" in columns:
        shown["reason"] = shown["reason"].map(lambda v: reason_text(v, lang)).astype(object)
    if "former_cell" in columns:
        shown["former_cell"] = shown["former_cell"].map(lambda v: former_text(v, lang)).astype(object)
    if "at_risk" in columns:
        shown["at_risk"] = shown["at_risk"].map(lambda v: "✓" if v else "").astype(object)
    for money_column in ("value_before_loss", "revenue_since"):
        if money_column in columns:
            shown[money_column] = shown[money_column].astype(float).round(2)
    shown = shown[columns]
    return shown.rename(columns={c: t(f"winback.col.{c}", lang) for c in columns})


def readable_funnel(table: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    shown = table.copy()
    shown["status"] = shown["status"].map(lambda v: status_text(v, lang))
    if "manager" in shown:
        shown["manager"] = shown["manager"].replace("", t("winback.funnel.no_manager", lang))
    return shown.rename(columns={c: t(f"winback.col.{c}", lang) for c in shown.columns})


def export_workbook(result: WinbackResult, lang: str = "en") -> bytes:
    """The call list, the won-back clients and the funnel as a formatted workbook with its parameters."""
    from core.export import INTEGER, MONEY, Sheet, workbook

    money = {t(f"winback.col.{c}", lang): MONEY for c in ("value_before_loss", "revenue_since", "value", "recovered")}
    whole = {t(f"winback.col.{c}", lang): INTEGER for c in ("days_since", "clients")}
    sheets = [
        Sheet(
            t("winback.sheet.call_list", lang), readable(result.candidates, EXPORT_COLUMNS, lang), {**money, **whole}
        ),
        Sheet(t("winback.sheet.won_back", lang), readable(result.won_back, WON_BACK_COLUMNS, lang), money),
        Sheet(t("winback.sheet.funnel", lang), readable_funnel(result.funnel_by_manager, lang), {**money, **whole}),
    ]
    return workbook(sheets, result.parameters)


def export_csv(result: WinbackResult, lang: str = "en") -> bytes:
    """The call list as injection-safe CSV."""
    from core.export import csv_bytes

    return csv_bytes(readable(result.candidates, EXPORT_COLUMNS, lang))


__all__ = [
    "DEFAULT_RULES",
    "LEVERS",
    "LIST_COLUMNS",
    "STATUSES",
    "WinbackParams",
    "WinbackResult",
    "candidates",
    "describe_rule",
    "export_csv",
    "export_workbook",
    "funnel",
    "lever_rules",
    "reset_lever_rules",
    "save_lever_rules",
    "set_status",
    "status_history",
    "suggest_levers",
    "win_back_list",
]
