"""The dossier of a key client (DOMAIN.md, "Dossier of a key client"): what people know, and what the data says.

Two halves, both keyed by client id:

- **Stored by people** (``core/sql/schema_70_dossier.sql``): general facts
  (description, employees, history of the cooperation, structure,
  environment); relationship events (date, what happened, who took part on
  our side and theirs, outcome won / lost / neutral and why); the
  decision-making map (person, role, influence, attitude to us, whom they
  report to); competitors courting the client (who, what they offer, since
  when). Every edit is a new row with who and when — nothing is updated in
  place — so ``history`` shows every version. An event, person or competitor
  keeps its ``record_id`` across versions; removing one writes a ``removed``
  version. The tables are not tied to any upload, so the dossier survives
  re-uploads, fresh exports and deletes of sales lines. Writes need a client
  the store knows (in the sales data, or with a dossier already) and take
  ``by`` (who), as every write function of ``core`` does.
- **Computed** (``picture``), each figure from the module that owns it:
  sales and margin per period (the client's lines, zero for periods without
  any); its ABC-XYZ cell at each of the last ``history`` period ends
  (``core.grid.cells_over_time``; the last one is the as-of date itself);
  its shares of revenue and of margin in the grid's window (the grid's
  share); kinds (the ``client_kinds`` view, as every page filters by);
  churn state — lost (``core.churn.lost_clients``), at risk against its own
  cadence (``core.churn.at_risk``) or active — with its losses
  (``core.churn.loss_events``); its win-back status (``core.winback``) and
  recorded reasons (``core.reasons``); its manager (``core.managers``).
  The dossier looks at the whole client: the sidebar filters are not applied
  (a region filter would cut a client's own picture in two), and the as-of
  date defaults to the latest date in the store.

``brief_workbook`` writes the one-page negotiation brief (formatted Excel,
every text cell injection-safe as in ``core.export``) in the chosen language.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pandas as pd

from core.access import require_editor
from core.analysis import period_label, period_start, shift_periods
from core.churn import ChurnParams, at_risk, loss_events, lost_clients
from core.errors import InputError
from core.grid import GridParams, cells_over_time
from core.i18n import t
from core.kept import Kept
from core.store import Store

FACT_FIELDS = ("description", "employees", "history", "structure", "environment")
OUTCOMES = ("won", "lost", "neutral")
INFLUENCE = ("high", "medium", "low")
ATTITUDES = ("supporter", "neutral", "opponent")
TEAM = "team"
STATES = ("active", "at_risk", "lost", "no_lines")


@dataclass(frozen=True)
class _Kind:
    table: str
    fields: tuple[str, ...]
    required: str
    order: str


KINDS = {
    "events": _Kind(
        "dossier_events",
        ("event_date", "what", "our_people", "their_people", "outcome", "why"),
        "what",
        "event_date DESC NULLS LAST, record_id DESC",
    ),
    "people": _Kind(
        "dossier_people", ("name", "role", "influence", "attitude", "reports_to", "note"), "name", "name, record_id"
    ),
    "competitors": _Kind(
        "dossier_competitors", ("competitor", "offer", "since", "note"), "competitor", "since NULLS LAST, competitor"
    ),
}


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _text(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _day(value) -> date | None:
    if value is None or (not isinstance(value, str | date) and pd.isna(value)):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise InputError.keyed("dossier.error.date", value=text) from None


def _client(client_id) -> str:
    text = _text(client_id)
    if text is None:
        raise InputError.keyed("dossier.error.no_client")
    return text


def _check_known(cur, client_id: str) -> None:
    known = cur.execute(
        "SELECT (SELECT count(*) FROM clients WHERE client_id = $c) + "
        "(SELECT count(*) FROM dossier_facts WHERE client_id = $c) + "
        "(SELECT count(*) FROM dossier_events WHERE client_id = $c) + "
        "(SELECT count(*) FROM dossier_people WHERE client_id = $c) + "
        "(SELECT count(*) FROM dossier_competitors WHERE client_id = $c)",
        {"c": client_id},
    ).fetchall()[0][0]
    if not known:
        raise InputError.keyed("dossier.error.unknown_client", client=client_id)


def known_client(store: Store, client_id: str) -> bool:
    """True when the client is in the sales data or has a dossier."""
    try:
        _check_known(store.conn.cursor(), _client(client_id))
    except InputError:
        return False
    return True


def find_clients(store: Store, text: str, limit: int = 20) -> pd.DataFrame:
    """Clients whose id or name contains ``text`` (any case): client_id, client_name; exact id first."""
    needle = (text or "").strip()
    if not needle:
        return pd.DataFrame({"client_id": pd.Series(dtype=object), "client_name": pd.Series(dtype=object)})
    return store.query(
        "WITH known AS (SELECT client_id, client_name FROM clients "
        "UNION SELECT client_id, NULL FROM dossier_facts WHERE client_id NOT IN (SELECT client_id FROM clients)) "
        "SELECT client_id, max(client_name) AS client_name FROM known "
        "WHERE contains(lower(client_id), lower($n)) OR contains(lower(coalesce(client_name, '')), lower($n)) "
        "GROUP BY client_id ORDER BY client_id <> $n, lower(max(client_name)) NULLS LAST, client_id LIMIT $limit",
        {"n": needle, "limit": int(limit)},
    )


# -- general facts ---------------------------------------------------------------------


def set_facts(store: Store, client_id: str, values: dict, *, by: str | None = None, at: datetime | None = None) -> int:
    """Record the facts in ``values`` (field -> text) that differ from the current ones; returns how many."""
    client_id = _client(client_id)
    for name in values:
        if name not in FACT_FIELDS:
            raise InputError.keyed("dossier.error.field", field=name, fields=", ".join(FACT_FIELDS))
    by, at = (require_editor(by) or "").strip() or TEAM, at or _now()

    def change(cur):
        _check_known(cur, client_id)
        current = dict(
            cur.execute(
                "SELECT field, value FROM dossier_facts WHERE client_id = ? "
                "QUALIFY row_number() OVER (PARTITION BY field ORDER BY changed_at DESC, entry_id DESC) = 1",
                [client_id],
            ).fetchall()
        )
        changed = 0
        for name, value in values.items():
            text = _text(value)
            if text == current.get(name):
                continue
            cur.execute(
                "INSERT INTO dossier_facts (client_id, field, value, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)",
                [client_id, name, text, by, at],
            )
            changed += 1
        return changed

    return store.write(change)


def facts(store: Store, client_id: str) -> pd.DataFrame:
    """The current facts, one row per field in ``FACT_FIELDS`` order: field, value, changed_by, changed_at."""
    found = store.query(
        "SELECT field, value, changed_by, changed_at FROM dossier_facts WHERE client_id = ? "
        "QUALIFY row_number() OVER (PARTITION BY field ORDER BY changed_at DESC, entry_id DESC) = 1",
        [str(client_id)],
    ).set_index("field")
    frame = found.reindex(list(FACT_FIELDS)).reset_index()
    frame["value"] = frame["value"].astype(object).where(frame["value"].notna(), None)
    return frame


# -- events, people, competitors -----------------------------------------------------------


def _clean(kind: str, values: dict) -> dict:
    spec = KINDS[kind]
    unknown = set(values) - set(spec.fields)
    if unknown:
        raise InputError.keyed("dossier.error.field", field=", ".join(sorted(unknown)), fields=", ".join(spec.fields))
    row = {}
    for name in spec.fields:
        value = values.get(name)
        if name in ("event_date", "since"):
            row[name] = _day(value)
        elif name == "reports_to":
            row[name] = None if value is None or pd.isna(value) else int(value)
        else:
            row[name] = _text(value)
    if row[spec.required] is None:
        raise InputError.keyed(f"dossier.error.{kind}_required")
    if kind == "events":
        if row["event_date"] is None:
            raise InputError.keyed("dossier.error.events_date")
        row["outcome"] = row["outcome"] or "neutral"
        if row["outcome"] not in OUTCOMES:
            raise InputError.keyed("dossier.error.choice", value=row["outcome"], choices=", ".join(OUTCOMES))
    if kind == "people":
        for name, allowed in (("influence", INFLUENCE), ("attitude", ATTITUDES)):
            if row[name] is not None and row[name] not in allowed:
                raise InputError.keyed("dossier.error.choice", value=row[name], choices=", ".join(allowed))
    return row


def _current_sql(spec: _Kind) -> str:
    return (
        f"SELECT * FROM {spec.table} WHERE client_id = ? "
        "QUALIFY row_number() OVER (PARTITION BY record_id ORDER BY entry_id DESC) = 1"
    )


def save_record(
    store: Store,
    client_id: str,
    kind: str,
    values: dict,
    *,
    record_id: int | None = None,
    by: str | None = None,
    at: datetime | None = None,
) -> int:
    """Add an event, person or competitor (``kind``), or a new version of ``record_id``; returns its record id.

    Saving a record unchanged writes nothing.
    """
    if kind not in KINDS:
        raise InputError.keyed("dossier.error.kind", kind=kind)
    client_id = _client(client_id)
    spec = KINDS[kind]
    row = _clean(kind, values)
    by, at = (require_editor(by) or "").strip() or TEAM, at or _now()

    def change(cur):
        _check_known(cur, client_id)
        current = cur.execute(_current_sql(spec), [client_id]).df()
        current = current[current["action"] != "removed"]
        if record_id is not None and int(record_id) not in set(current["record_id"]):
            raise InputError.keyed("dossier.error.no_record", record=record_id)
        if kind == "people" and row["reports_to"] is not None:
            _check_reports_to(current, record_id, row["reports_to"])
        if record_id is not None:
            before = current[current["record_id"] == int(record_id)].iloc[0]
            if all(_same(before[name], row[name]) for name in spec.fields):
                return int(record_id)
            new_id = int(record_id)
        else:
            new_id = cur.execute("SELECT nextval('dossier_record_seq')").fetchall()[0][0]
        names = ", ".join(spec.fields)
        cur.execute(
            f"INSERT INTO {spec.table} (record_id, client_id, {names}, action, changed_by, changed_at) "
            f"VALUES (?, ?, {', '.join('?' * len(spec.fields))}, 'saved', ?, ?)",
            [new_id, client_id, *(row[name] for name in spec.fields), by, at],
        )
        return int(new_id)

    return store.write(change)


def _same(stored, new) -> bool:
    if stored is None or (not isinstance(stored, str) and pd.isna(stored)):
        return new is None
    if isinstance(stored, pd.Timestamp):
        stored = stored.date()
    if hasattr(stored, "item"):
        stored = stored.item()
    return stored == new


def _check_reports_to(people: pd.DataFrame, record_id: int | None, boss: int) -> None:
    chain = dict(zip(people["record_id"].astype(int), people["reports_to"], strict=True))
    if boss not in chain:
        raise InputError.keyed("dossier.error.reports_to")
    seen = {record_id} if record_id is not None else set()
    current = boss
    while current is not None and not pd.isna(current):
        if int(current) in seen:
            raise InputError.keyed("dossier.error.cycle")
        seen.add(int(current))
        current = chain.get(int(current))


def remove_record(
    store: Store, client_id: str, kind: str, record_id: int, *, by: str | None = None, at: datetime | None = None
) -> None:
    """Take an event, person or competitor off the dossier (a ``removed`` version; the history stays)."""
    require_editor(by)
    if kind not in KINDS:
        raise InputError.keyed("dossier.error.kind", kind=kind)
    client_id = _client(client_id)
    spec = KINDS[kind]
    by, at = (require_editor(by) or "").strip() or TEAM, at or _now()

    def change(cur):
        current = cur.execute(_current_sql(spec), [client_id]).df()
        hit = current[(current["record_id"] == int(record_id)) & (current["action"] != "removed")]
        if hit.empty:
            raise InputError.keyed("dossier.error.no_record", record=record_id)
        names = ", ".join(spec.fields)
        cur.execute(
            f"INSERT INTO {spec.table} (record_id, client_id, {names}, action, changed_by, changed_at) "
            f"SELECT record_id, client_id, {names}, 'removed', ?, ? FROM {spec.table} "
            "WHERE entry_id = ?",
            [by, at, int(hit["entry_id"].iloc[0])],
        )
        if kind == "people":  # nobody reports to a person who left the map
            cur.execute(
                f"INSERT INTO dossier_people (record_id, client_id, {names}, action, changed_by, changed_at) "
                f"SELECT record_id, client_id, name, role, influence, attitude, NULL, note, 'saved', ?, ? "
                "FROM (" + _current_sql(spec) + ") WHERE action <> 'removed' AND reports_to = ?",
                [by, at, client_id, int(record_id)],
            )

    store.write(change)


def records(store: Store, client_id: str, kind: str) -> pd.DataFrame:
    """The current events / people / competitors of a client: record_id, the fields, changed_by, changed_at."""
    if kind not in KINDS:
        raise InputError.keyed("dossier.error.kind", kind=kind)
    spec = KINDS[kind]
    frame = store.query(
        f"SELECT record_id, {', '.join(spec.fields)}, changed_by, changed_at FROM ({_current_sql(spec)}) "
        f"WHERE action <> 'removed' ORDER BY {spec.order}",
        [str(client_id)],
    )
    for name in ("event_date", "since"):
        if name in frame:
            frame[name] = pd.to_datetime(frame[name]).dt.date
    if kind == "people":
        names = dict(zip(frame["record_id"], frame["name"], strict=True))
        frame["reports_to"] = frame["reports_to"].astype("Int64")
        frame["reports_to_name"] = pd.Series(
            [None if pd.isna(r) else names.get(r) for r in frame["reports_to"]], index=frame.index, dtype=object
        )
    return frame


def reporting_tree(people_rows: pd.DataFrame) -> list[tuple[int, dict]]:
    """The decision-making map as (depth, person) in reading order: each person under whom they report to.

    People who report to nobody (or to someone not on the map) are at depth 0,
    in the order given; the ones reporting to them follow, one level deeper.
    """
    rows = people_rows.to_dict("records")
    ids = {int(r["record_id"]) for r in rows}
    below: dict[int | None, list[dict]] = {}
    for row in rows:
        boss = row.get("reports_to")
        boss = None if boss is None or pd.isna(boss) or int(boss) not in ids else int(boss)
        below.setdefault(boss, []).append(row)
    ordered: list[tuple[int, dict]] = []
    seen: set[int] = set()

    def walk(boss: int | None, depth: int) -> None:
        for row in below.get(boss, []):
            if int(row["record_id"]) in seen:  # a circle cannot be saved; never loop on one anyway
                continue
            seen.add(int(row["record_id"]))
            ordered.append((depth, row))
            walk(int(row["record_id"]), depth + 1)

    walk(None, 0)
    return ordered


def events(store: Store, client_id: str) -> pd.DataFrame:
    """The relationship events, newest first."""
    return records(store, client_id, "events")


def people(store: Store, client_id: str) -> pd.DataFrame:
    """The decision-making map: record_id, name, role, influence, attitude, reports_to (+ its name), note."""
    return records(store, client_id, "people")


def competitors(store: Store, client_id: str) -> pd.DataFrame:
    """Competitors courting the client: record_id, competitor, offer, since, note."""
    return records(store, client_id, "competitors")


def save_event(store: Store, client_id: str, *, record_id: int | None = None, by=None, at=None, **values) -> int:
    """Add (or, with ``record_id``, change) an event: event_date, what, our_people, their_people, outcome, why."""
    return save_record(store, client_id, "events", values, record_id=record_id, by=by, at=at)


def save_person(store: Store, client_id: str, *, record_id: int | None = None, by=None, at=None, **values) -> int:
    """Add (or change) a person of the decision-making map: name, role, influence, attitude, reports_to, note."""
    return save_record(store, client_id, "people", values, record_id=record_id, by=by, at=at)


def save_competitor(store: Store, client_id: str, *, record_id: int | None = None, by=None, at=None, **values) -> int:
    """Add (or change) a competitor courting the client: competitor, offer, since, note."""
    return save_record(store, client_id, "competitors", values, record_id=record_id, by=by, at=at)


def history(store: Store, client_id: str) -> pd.DataFrame:
    """Every edit of the dossier, newest first: part, record_id, action, summary, changed_by, changed_at."""
    frame = store.query(
        "SELECT 'facts' AS part, NULL::BIGINT AS record_id, 'saved' AS action, "
        "field || ': ' || coalesce(value, '') AS summary, changed_by, changed_at, entry_id "
        "FROM dossier_facts WHERE client_id = $c "
        "UNION ALL SELECT 'events', record_id, action, "
        "coalesce(CAST(event_date AS VARCHAR) || ' ', '') || coalesce(what, ''), changed_by, changed_at, entry_id "
        "FROM dossier_events WHERE client_id = $c "
        "UNION ALL SELECT 'people', record_id, action, "
        "coalesce(name, '') || coalesce(' (' || role || ')', ''), changed_by, changed_at, entry_id "
        "FROM dossier_people WHERE client_id = $c "
        "UNION ALL SELECT 'competitors', record_id, action, "
        "coalesce(competitor, '') || coalesce(': ' || offer, ''), changed_by, changed_at, entry_id "
        "FROM dossier_competitors WHERE client_id = $c "
        "ORDER BY changed_at DESC, entry_id DESC",
        {"c": str(client_id)},
    )
    return frame.drop(columns="entry_id")


# -- the computed picture -------------------------------------------------------------------


@dataclass(frozen=True)
class DossierParams:
    """What the computed half depends on (the grid's and churn's defaults)."""

    client_id: str
    basis: str = "revenue"
    period: str = "month"
    window: int = 12
    history: int = 12  # period ends at which the cell is shown
    sales_periods: int = 24  # periods of the sales chart
    lost_days: int = 180
    risk_k: float = 2.0
    as_of: date | None = None

    def as_dict(self, as_of: date | None) -> dict:
        return {
            "client_id": self.client_id,
            "basis": self.basis,
            "period": self.period,
            "window": int(self.window),
            "history": int(self.history),
            "sales_periods": int(self.sales_periods),
            "lost_days": int(self.lost_days),
            "risk_k": float(self.risk_k),
            "as_of": as_of.isoformat() if as_of else None,
        }


@dataclass(frozen=True)
class Picture:
    """The computed half of a dossier (see the module docstring). ``as_of`` is None when the store is empty."""

    parameters: dict
    as_of: date | None
    client: dict  # client_id, client_name, region, segment, first_date, last_date (None when not in the data)
    manager: str | None
    sales: pd.DataFrame  # period, period_start, revenue, margin
    cells: pd.DataFrame  # period, as_of, in_grid, cell, abc, xyz, basis, share, abc_rank
    shares: dict  # revenue, margin (None when not in the window / no margin)
    kinds: list[str]
    churn: dict  # state, last_purchase, days_since, loss_date, value_before_loss, median_gap_days, reason, ...
    losses: pd.DataFrame  # last_purchase, loss_date, value_before_loss, won_back_date, reason
    winback: dict  # status, source, owner, next_step, note, changed_by, changed_at (status None: not on the list)
    reasons: pd.DataFrame  # at_date, reason, source, set_by, set_at
    has_margin: bool = False


def period_ends(as_of: date, period: str, count: int) -> list[date]:
    """The last day of each of the ``count`` periods ending with as-of's period; the last one is as-of itself."""
    last = period_start(as_of, period)
    starts = [shift_periods(last, period, -i) for i in range(count - 1, -1, -1)]
    return [shift_periods(s, period, 1) - timedelta(days=1) for s in starts[:-1]] + [as_of]


def _sales(store: Store, client_id: str, period: str, first: date, as_of: date, has_margin: bool) -> pd.DataFrame:
    found = store.query(
        "SELECT CAST(date_trunc('" + period + "', date) AS DATE) AS period_start, "
        "CAST(round(sum(revenue), 4) AS DOUBLE) AS revenue, CAST(round(sum(margin), 4) AS DOUBLE) AS margin "
        "FROM daily WHERE client_id = ? AND date >= ? AND date <= ? GROUP BY ALL",
        [client_id, first, as_of],
    )
    found["period_start"] = pd.to_datetime(found["period_start"]).dt.date
    starts, current = [], first
    while current <= as_of:  # a loop over periods, never over lines
        starts.append(current)
        current = shift_periods(current, period, 1)
    frame = pd.DataFrame({"period_start": starts}).merge(found, on="period_start", how="left")
    frame["revenue"] = frame["revenue"].fillna(0.0).astype(float)
    frame["margin"] = frame["margin"].astype(float)
    if has_margin:
        frame["margin"] = frame["margin"].fillna(0.0)
    frame.insert(0, "period", [period_label(s, period) for s in frame["period_start"]])
    return frame


def _one(frame: pd.DataFrame, client_id: str) -> pd.Series | None:
    hit = frame[frame["client_id"] == client_id]
    return hit.iloc[0] if len(hit) else None


def _plain(value):
    if value is None:
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    return value.item() if hasattr(value, "item") else value


# What a move of the dossier's window, L or k leaves as it was, per database, data version and
# client: its kinds, sales per period, manager and last purchase (each a read of daily or a view).
_STEADY = Kept(32)


def _steady(store: Store, client_id: str, what: str, compute, *key):
    """``compute()`` kept under the data version, the client, ``what`` and ``key``."""
    return _STEADY.fetch((str(store.path), store.version(), client_id, what, *key), compute)


def picture(store: Store, params: DossierParams) -> Picture:
    """The computed half of the dossier of ``params.client_id``."""
    from core.managers import manager_of
    from core.reasons import recorded_reasons
    from core.winback import WinbackParams, status_history, win_back_list

    client_id = _client(params.client_id)
    has_margin = store.has_margin()
    as_of = params.as_of or store.scalar("SELECT max(date) FROM daily")
    columns = ("client_id", "client_name", "region", "segment", "first_date", "last_date")
    info = store.query_rows(f"SELECT {', '.join(columns)} FROM clients WHERE client_id = ?", [client_id])
    client = dict(zip(columns, info[0], strict=True)) if info else {"client_id": client_id}
    reasons = recorded_reasons(store)
    reasons = reasons[reasons["client_id"] == client_id].drop(columns="client_id").reset_index(drop=True)
    kinds = _steady(
        store,
        client_id,
        "kinds",
        lambda: [
            r[0]
            for r in store.query_rows("SELECT kind FROM client_kinds WHERE client_id = ? ORDER BY kind", [client_id])
        ],
    ).copy()
    empty = Picture(
        parameters=params.as_dict(as_of),
        as_of=as_of,
        client=client,
        manager=None,
        sales=pd.DataFrame(columns=["period", "period_start", "revenue", "margin"]),
        cells=pd.DataFrame(columns=["period", "as_of", "in_grid", "cell", "abc", "xyz", "basis", "share", "abc_rank"]),
        shares={"revenue": None, "margin": None},
        kinds=kinds,
        churn={"state": "no_lines"},
        losses=pd.DataFrame(columns=["last_purchase", "loss_date", "value_before_loss", "won_back_date", "reason"]),
        winback={"status": None},
        reasons=reasons,
        has_margin=has_margin,
    )
    if as_of is None or len(info) == 0 or client.get("first_date") is None or client["first_date"] > as_of:
        return empty

    first = max(
        period_start(client["first_date"], params.period),
        shift_periods(period_start(as_of, params.period), params.period, -(int(params.sales_periods) - 1)),
    )
    sales = _steady(
        store,
        client_id,
        "sales",
        lambda: _sales(store, client_id, params.period, first, as_of, has_margin),
        params.period,
        first,
        as_of,
        has_margin,
    ).copy()

    grid = GridParams(basis=params.basis, period=params.period, window=int(params.window))
    ends = period_ends(as_of, params.period, int(params.history))
    cells = cells_over_time(store, grid, client_id, ends)
    cells.insert(0, "period", [period_label(period_start(d, params.period), params.period) for d in ends])
    shares = {"revenue": None, "margin": None}
    for basis in ("revenue", "margin") if has_margin else ("revenue",):
        if basis == params.basis:
            now = cells.iloc[-1]
        else:
            now = cells_over_time(
                store, GridParams(basis=basis, period=params.period, window=params.window), client_id, [as_of]
            ).iloc[0]
        shares[basis] = None if pd.isna(now["share"]) else float(now["share"])

    churn_params = ChurnParams(
        lost_days=int(params.lost_days), as_of=as_of, basis=params.basis, risk_k=float(params.risk_k)
    )
    lost = _one(lost_clients(store, churn_params), client_id)
    risky = _one(at_risk(store, churn_params), client_id)
    losses = loss_events(store, churn_params)
    losses = losses[losses["client_id"] == client_id].drop(columns="client_id").reset_index(drop=True)
    for column in ("last_purchase", "loss_date", "won_back_date"):
        losses[column] = pd.Series(
            [None if pd.isna(d) else pd.Timestamp(d).date() for d in losses[column]], dtype=object
        )
    last_purchase = _steady(
        store,
        client_id,
        "last_purchase",
        lambda: store.scalar("SELECT max(date) FROM daily WHERE client_id = ? AND date <= ?", [client_id, as_of]),
        as_of,
    )
    state = "lost" if lost is not None else "at_risk" if risky is not None else "active"
    churn = {
        "state": state,
        "last_purchase": last_purchase,
        "days_since": (as_of - last_purchase).days if last_purchase else None,
        "loss_date": pd.Timestamp(lost["loss_date"]).date() if lost is not None else None,
        "value_before_loss": float(lost["value_before_loss"]) if lost is not None else None,
        "reason": _plain(lost["reason"]) if lost is not None else None,
        "median_gap_days": float(risky["median_gap_days"]) if risky is not None else None,
        "risk_threshold_days": float(params.risk_k) * float(risky["median_gap_days"]) if risky is not None else None,
        "losses": int(len(losses)),
        "won_back": int(losses["won_back_date"].notna().sum()),
    }

    listed = win_back_list(
        store,
        WinbackParams(
            lost_days=int(params.lost_days),
            as_of=as_of,
            basis=params.basis,
            risk_k=float(params.risk_k),
            include_at_risk=True,
            grid_period=params.period,
            grid_window=int(params.window),
            clients=(client_id,),
        ),
    )
    row = _one(pd.concat([listed.candidates, listed.won_back], ignore_index=True), client_id)
    keys = ("status", "status_source", "owner", "next_step", "note", "changed_by", "changed_at", "lever")
    if row is not None:
        winback = {k: _plain(row[k]) for k in keys}
        if isinstance(winback["next_step"], datetime):
            winback["next_step"] = winback["next_step"].date()
    else:
        recorded = status_history(store, client_id)
        winback = {k: None for k in keys}
        if len(recorded):  # recorded earlier, for a loss the client has left behind
            latest = recorded.iloc[0]
            winback.update({k: _plain(latest[k]) for k in ("owner", "note", "changed_by", "changed_at")})
            winback["recorded_status"] = latest["status"]
    return Picture(
        parameters=params.as_dict(as_of),
        as_of=as_of,
        client=client,
        manager=_steady(store, client_id, "manager", lambda: manager_of(store, client_id, as_of), as_of),
        sales=sales,
        cells=cells,
        shares=shares,
        kinds=kinds,
        churn=churn,
        losses=losses,
        winback=winback,
        reasons=reasons,
        has_margin=has_margin,
    )


def cell_path(cells: pd.DataFrame, lang: str = "en") -> str:
    """The cells over time as a short path: ``AX → AX → BY`` collapsed to its changes (``AX ×8 → BY ×4``)."""
    labels = [
        c if isinstance(c, str) else (t("dossier.cell.too_new", lang) if ok else t("dossier.cell.absent", lang))
        for c, ok in zip(cells["cell"], cells["in_grid"], strict=True)
    ]
    runs: list[list] = []
    for label in labels:
        if runs and runs[-1][0] == label:
            runs[-1][1] += 1
        else:
            runs.append([label, 1])
    return " → ".join(f"{label} ×{n}" if n > 1 else label for label, n in runs)


# -- the whole dossier (CLI) and the brief ----------------------------------------------------


def _jsonable(frame: pd.DataFrame) -> list[dict]:
    return [{key: _json_value(value) for key, value in record.items()} for record in frame.to_dict("records")]


def _json_value(value):
    value = _plain(value)
    if isinstance(value, Decimal):  # exact money from the store: a JSON number
        value = float(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 6)
    return value


def dossier(store: Store, params: DossierParams) -> dict:
    """The whole dossier as plain data (the command line prints it): stored facts, records, the picture.

    Raises ``InputError`` when the store knows nothing of the client.
    """
    client_id = _client(params.client_id)
    if not known_client(store, client_id):
        raise InputError.keyed("dossier.error.unknown_client", client=client_id)
    seen = picture(store, params)
    fact_rows = facts(store, client_id)
    sales = seen.sales.drop(columns="period_start")
    cells = seen.cells[["period", "as_of", "in_grid", "cell", "basis", "share"]]
    return {
        "client_id": client_id,
        "client_name": seen.client.get("client_name"),
        "parameters": seen.parameters,
        "facts": {
            r.field: {
                "value": r.value,
                "changed_by": _json_value(r.changed_by),
                "changed_at": _json_value(r.changed_at),
            }
            for r in fact_rows.itertuples(index=False)
        },
        "events": _jsonable(events(store, client_id)),
        "people": _jsonable(people(store, client_id)),
        "competitors": _jsonable(competitors(store, client_id)),
        "sales": _jsonable(sales),
        "cells": _jsonable(cells),
        "shares": seen.shares,
        "kinds": seen.kinds,
        "churn": {k: _json_value(v) for k, v in seen.churn.items()},
        "winback": {k: _json_value(v) for k, v in seen.winback.items()},
        "reasons": _jsonable(seen.reasons),
        "manager": seen.manager,
    }


@dataclass(frozen=True)
class BriefParams:
    """What the brief depends on: the picture's parameters and the language."""

    dossier: DossierParams
    lang: str = "en"
    events_shown: int = 8


def brief(store: Store, params: BriefParams) -> bytes:
    """The one-page negotiation brief of a client as .xlsx bytes."""
    client_id = _client(params.dossier.client_id)
    return brief_workbook(
        picture(store, params.dossier),
        facts(store, client_id),
        people(store, client_id),
        competitors(store, client_id),
        events(store, client_id).head(params.events_shown),
        params.lang,
    )


def _word(prefix: str, value, lang: str) -> str | None:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else t(f"{prefix}.{value}", lang)


def brief_workbook(
    seen: Picture,
    fact_rows: pd.DataFrame,
    people_rows: pd.DataFrame,
    competitor_rows: pd.DataFrame,
    event_rows: pd.DataFrame,
    lang: str = "en",
) -> bytes:
    """Lay the brief out on one A4 sheet: title, the computed picture, facts, people, competitors, events, sales."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from core.export import DATE, HEADER_FILL, MONEY, PERCENT, safe_text

    book = Workbook()
    sheet = book.active
    sheet.title = t("dossier.brief.sheet", lang)[:31]
    widths = (24, 22, 16, 16, 22, 30)
    for index, width in enumerate(widths):
        sheet.column_dimensions["ABCDEF"[index]].width = width
    section_font = Font(bold=True, color="FFFFFF")
    section_fill = PatternFill("solid", fgColor=HEADER_FILL)
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D9E1F2")
    thin = Side(style="thin", color="BFBFBF")
    boxed = Border(bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    row = 1

    def put(r: int, c: int, value, number_format: str | None = None, **style):
        cell = sheet.cell(row=r, column=c, value=safe_text(_plain(value)))
        if number_format:
            cell.number_format = number_format
        cell.alignment = wrap
        for name, item in style.items():
            setattr(cell, name, item)
        return cell

    def section(title: str) -> None:
        nonlocal row
        row += 1
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
        put(row, 1, title, font=section_font, fill=section_fill)
        row += 1

    def pair(label: str, value, number_format: str | None = None) -> None:
        nonlocal row
        put(row, 1, label, font=header_font)
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(widths))
        put(row, 2, value, number_format)
        row += 1

    def table(headers: list[str], rows: list[list], formats: dict[int, str] | None = None) -> None:
        nonlocal row
        if not rows:
            put(row, 1, t("dossier.brief.none", lang))
            row += 1
            return
        for column, header in enumerate(headers, start=1):
            put(row, column, header, font=header_font, fill=header_fill)
        row += 1
        for values in rows:
            for column, value in enumerate(values, start=1):
                put(row, column, value, (formats or {}).get(column), border=boxed)
            row += 1

    client = seen.client
    name = client.get("client_name") or client.get("client_id")
    put(row, 1, t("dossier.brief.title", lang, client=name, id=client.get("client_id")), font=Font(bold=True, size=14))
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    row += 1
    put(
        row,
        1,
        t(
            "dossier.brief.subtitle",
            lang,
            today=date.today().isoformat(),
            as_of=seen.as_of.isoformat() if seen.as_of else "–",
        ),
    )
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    row += 1

    section(t("dossier.section.picture", lang))
    churn = seen.churn
    pair(t("dossier.manager", lang), seen.manager or t("dossier.no_manager", lang))
    pair(t("common.region", lang), client.get("region"))
    pair(t("common.segment", lang), client.get("segment"))
    now = seen.cells.iloc[-1] if len(seen.cells) else None
    pair(
        t("dossier.cell_now", lang),
        (now["cell"] or t("dossier.cell.too_new", lang))
        if now is not None and now["in_grid"]
        else t("dossier.cell.absent", lang),
    )
    pair(t("dossier.cell_path", lang), cell_path(seen.cells, lang) if len(seen.cells) else None)
    pair(t("dossier.share_revenue", lang), seen.shares.get("revenue"), PERCENT)
    if seen.has_margin:
        pair(t("dossier.share_margin", lang), seen.shares.get("margin"), PERCENT)
    window_sales = float(seen.sales["revenue"].tail(int(seen.parameters["window"])).sum()) if len(seen.sales) else None
    pair(t("dossier.revenue_window", lang, n=seen.parameters["window"]), window_sales, MONEY)
    pair(t("dossier.kinds", lang), ", ".join(t(f"tags.kind.{k}", lang) for k in seen.kinds) or "–")
    pair(t("dossier.churn_state", lang), t(f"dossier.state.{churn['state']}", lang))
    pair(t("common.last_purchase", lang), churn.get("last_purchase"), DATE)
    pair(t("dossier.days_since", lang), churn.get("days_since"))
    if churn.get("state") == "lost":
        pair(t("dossier.value_before_loss", lang), churn.get("value_before_loss"), MONEY)
    status = seen.winback.get("status")
    pair(t("dossier.winback_status", lang), t(f"winback.status.{status}", lang) if status else "–")
    from core.reasons import reason_label

    latest_reason = seen.reasons["reason"].iloc[0] if len(seen.reasons) else churn.get("reason")
    pair(t("dossier.reason", lang), reason_label(latest_reason, lang) if latest_reason else "–")

    section(t("dossier.section.facts", lang))
    for fact in fact_rows.itertuples(index=False):
        pair(t(f"dossier.fact.{fact.field}", lang), fact.value or "–")

    section(t("dossier.section.people", lang))
    table(
        [t(f"dossier.col.{c}", lang) for c in ("name", "role", "influence", "attitude", "reports_to", "note")],
        [
            [
                p.name,
                p.role,
                _word("dossier.influence", p.influence, lang),
                _word("dossier.attitude", p.attitude, lang),
                p.reports_to_name,
                p.note,
            ]
            for p in people_rows.itertuples(index=False)
        ],
    )

    section(t("dossier.section.competitors", lang))
    table(
        [t(f"dossier.col.{c}", lang) for c in ("competitor", "offer", "since", "note")],
        [[c.competitor, c.offer, c.since, c.note] for c in competitor_rows.itertuples(index=False)],
        {3: DATE},
    )

    section(t("dossier.section.events", lang))
    table(
        [t(f"dossier.col.{c}", lang) for c in ("event_date", "what", "our_people", "their_people", "outcome", "why")],
        [
            [e.event_date, e.what, e.our_people, e.their_people, _word("dossier.outcome", e.outcome, lang), e.why]
            for e in event_rows.itertuples(index=False)
        ],
        {1: DATE},
    )

    section(t("dossier.section.sales", lang))
    recent = seen.sales.tail(12)
    table(
        [t("common.period", lang), t("common.revenue", lang), t("common.margin", lang)],
        [[s.period, s.revenue, None if pd.isna(s.margin) else s.margin] for s in recent.itertuples(index=False)],
        {2: MONEY, 3: MONEY},
    )

    row += 1
    parameters = ", ".join(f"{k}={v}" for k, v in seen.parameters.items() if k != "client_id")
    put(row, 1, t("dossier.brief.parameters", lang, parameters=parameters), font=Font(italic=True, size=8))
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))

    sheet.page_setup.orientation = "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 1
    sheet.print_area = f"A1:F{row}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


__all__ = [
    "ATTITUDES",
    "FACT_FIELDS",
    "INFLUENCE",
    "OUTCOMES",
    "BriefParams",
    "DossierParams",
    "Picture",
    "brief",
    "brief_workbook",
    "cell_path",
    "competitors",
    "dossier",
    "events",
    "facts",
    "find_clients",
    "history",
    "known_client",
    "people",
    "picture",
    "records",
    "remove_record",
    "reporting_tree",
    "save_competitor",
    "save_event",
    "save_person",
    "save_record",
    "set_facts",
]
