"""Prospects and the three "P" (DOMAIN.md, "Prospects: the three P" and the prospect kind).

A prospect is a company the team would like as a key client. It comes two
ways: **suggested** by the DOMAIN.md rule (``core.tags.suggested_prospects``:
first purchase in the last 6 months and revenue in the top 20 % of the new
clients) and confirmed by a person, or **added by hand** — a company that may
not be in the sales data at all.

What it promises:

- **Three questions**, each answered ``yes`` / ``unclear`` / ``no`` with a
  note: does it **need** the service, can it **pay** (solvency), does the
  contact have the **power** to decide. A new prospect starts at "unclear"
  on all three (nothing is known yet).
- **Score**: yes = 2, unclear = 1, no = 0, summed over the three questions
  (0–6). **Qualified** means all three are yes (score 6). The list shows the
  qualified prospects first, then by score (highest first), then by name.
- **Status** (``new`` → ``contacted`` → ``negotiating`` → ``won`` |
  ``dropped``) and an **owner** (the manager working it) are kept with each
  prospect, beside a free note.
- **History**: every change is a whole new row (``prospect_entries``) with who
  and when; nothing is overwritten, and ``prospect_history`` shows them all.
- **Link to the client**: a prospect that starts buying is linked to its
  client id (``link_client``; only an id the sales data knows); it keeps its
  prospect id and its history. ``link_suggestions`` offers the unlinked
  prospects whose name is the name of a client (compared without case and
  surrounding spaces). Confirming a suggestion, and linking, also give the
  client the "prospect" kind (``core.tags``), so every page's kind filter
  sees it.
- Prospects are kept apart from the sales lines (keyed by their own id), so
  they survive re-uploads and deletes of sales data.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd

from core.access import require_editor
from core.errors import InputError
from core.store import Store

QUESTIONS = ("need", "pay", "power")
ANSWERS = ("yes", "unclear", "no")
POINTS = {"yes": 2, "unclear": 1, "no": 0}
MAX_SCORE = 2 * len(QUESTIONS)
STATUSES = ("new", "contacted", "negotiating", "won", "dropped")
SOURCES = ("suggested", "manual")
TEAM = "team"
FIELDS = (
    "name",
    "client_id",
    "source",
    "need",
    "need_note",
    "pay",
    "pay_note",
    "power",
    "power_note",
    "status",
    "owner",
    "note",
)


def score(need: str, pay: str, power: str) -> int:
    """The prospect's score: yes = 2, unclear = 1, no = 0 per question (0–6)."""
    for answer in (need, pay, power):
        if answer not in POINTS:
            raise InputError.keyed("prospects.error.answer", answer=answer, answers=", ".join(ANSWERS))
    return POINTS[need] + POINTS[pay] + POINTS[power]


def qualified(need: str, pay: str, power: str) -> bool:
    """All three questions answered yes."""
    return score(need, pay, power) == MAX_SCORE


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _text(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    text = str(value).strip()
    return text or None


def _checked(row: dict) -> dict:
    row = {name: _text(row.get(name)) for name in FIELDS}
    if row["name"] is None:
        raise InputError.keyed("prospects.error.name")
    for question in QUESTIONS:
        row[question] = row[question] or "unclear"
        if row[question] not in POINTS:
            raise InputError.keyed("prospects.error.answer", answer=row[question], answers=", ".join(ANSWERS))
    row["status"] = row["status"] or "new"
    if row["status"] not in STATUSES:
        raise InputError.keyed("prospects.error.status", status=row["status"], statuses=", ".join(STATUSES))
    row["source"] = row["source"] or "manual"
    if row["source"] not in SOURCES:
        raise InputError.keyed("prospects.error.source", source=row["source"])
    return row


def _insert(cur, prospect_id: int, row: dict, by: str, at: datetime) -> None:
    cur.execute(
        f"INSERT INTO prospect_entries (prospect_id, {', '.join(FIELDS)}, changed_by, changed_at) "
        f"VALUES (?, {', '.join('?' * len(FIELDS))}, ?, ?)",
        [prospect_id, *(row[name] for name in FIELDS), by, at],
    )


_CURRENT = (
    "SELECT * FROM prospect_entries "
    "QUALIFY row_number() OVER (PARTITION BY prospect_id ORDER BY changed_at DESC, entry_id DESC) = 1"
)


def _current(cur, prospect_id: int) -> dict:
    found = cur.execute(f"SELECT * FROM ({_CURRENT}) WHERE prospect_id = ?", [int(prospect_id)]).df()
    if found.empty:
        raise InputError.keyed("prospects.error.unknown", prospect=prospect_id)
    record = found.iloc[0].to_dict()
    return {name: _text(record[name]) for name in FIELDS}


def _known_client(cur, client_id: str) -> bool:
    return bool(cur.execute("SELECT count(*) FROM clients WHERE client_id = ?", [client_id]).fetchall()[0][0])


def add_prospect(store: Store, name: str, *, by: str | None = None, at: datetime | None = None, **values) -> int:
    """Add a prospect (a company in the sales data or not); returns its id.

    ``values``: client_id, source (manual), need / pay / power (unclear) and
    their notes, status (new), owner, note.
    """
    row = _checked({**values, "name": name})
    by, at = (require_editor(by) or "").strip() or TEAM, at or _now()

    def change(cur):
        if row["client_id"] is not None and not _known_client(cur, row["client_id"]):
            raise InputError.keyed("prospects.error.no_client", client=row["client_id"])
        prospect_id = cur.execute("SELECT nextval('prospect_id_seq')").fetchall()[0][0]
        _insert(cur, prospect_id, row, by, at)
        return int(prospect_id)

    prospect_id = store.write(change)
    if row["client_id"] is not None:
        _tag(store, row["client_id"], by)
    return prospect_id


def update_prospect(
    store: Store, prospect_id: int, *, by: str | None = None, at: datetime | None = None, **changes
) -> bool:
    """Record changed answers, notes, status, owner or name; True when anything changed."""
    unknown = set(changes) - set(FIELDS)
    if unknown:
        raise InputError.keyed("prospects.error.field", field=", ".join(sorted(unknown)))
    by, at = (require_editor(by) or "").strip() or TEAM, at or _now()

    def change(cur):
        before = _current(cur, prospect_id)
        row = _checked({**before, **changes})
        if row == before:
            return False
        if row["client_id"] != before["client_id"] and row["client_id"] is not None:
            if not _known_client(cur, row["client_id"]):
                raise InputError.keyed("prospects.error.no_client", client=row["client_id"])
        _insert(cur, int(prospect_id), row, by, at)
        return True

    return store.write(change)


def link_client(store: Store, prospect_id: int, client_id: str, *, by: str | None = None) -> bool:
    """Link a prospect that started buying to its client id (which the sales data must know)."""
    client_id = _text(client_id)
    if client_id is None:
        raise InputError.keyed("prospects.error.no_client", client="")
    changed = update_prospect(store, prospect_id, client_id=client_id, by=by)
    _tag(store, client_id, by)
    return changed


def _tag(store: Store, client_id: str, by: str | None) -> None:
    from core.tags import set_kind

    set_kind(store, client_id, "prospect", by=by, note="prospects page")


def confirm_suggestion(store: Store, client_id: str, *, owner: str | None = None, by: str | None = None) -> int:
    """Confirm a suggested prospect: its prospect record (made once) and the "prospect" kind; returns its id."""
    client_id = _text(client_id)
    existing = store.query(f"SELECT prospect_id FROM ({_CURRENT}) WHERE client_id = ?", [client_id])
    if len(existing):
        _tag(store, client_id, by)
        return int(existing["prospect_id"].iloc[0])
    name = store.scalar("SELECT client_name FROM clients WHERE client_id = ?", [client_id]) or client_id
    return add_prospect(store, name, client_id=client_id, source="suggested", owner=owner, by=by)


def prospects(store: Store) -> pd.DataFrame:
    """Every prospect as it stands, qualified first, then by score, then by name.

    Columns: prospect_id, the fields, score, qualified, client_name,
    first_purchase, revenue (the linked client's, all stored lines; None when
    not linked or not buying), created_by, created_at, changed_by, changed_at.
    """
    frame = store.query(
        f"WITH current AS ({_CURRENT}), "
        "created AS (SELECT prospect_id, arg_min(changed_by, entry_id) AS created_by, "
        "min(changed_at) AS created_at FROM prospect_entries GROUP BY prospect_id) "
        "SELECT c.prospect_id, " + ", ".join(f"c.{name}" for name in FIELDS) + ", "
        "k.client_name, k.first_date AS first_purchase, CAST(round(k.revenue, 4) AS DOUBLE) AS revenue, "
        "cr.created_by, cr.created_at, c.changed_by, c.changed_at "
        "FROM current c JOIN created cr USING (prospect_id) LEFT JOIN clients k USING (client_id)"
    )
    frame["score"] = [POINTS[a] + POINTS[b] + POINTS[c] for a, b, c in zip(*(frame[q] for q in QUESTIONS), strict=True)]
    frame["qualified"] = frame["score"] == MAX_SCORE
    frame["first_purchase"] = pd.to_datetime(frame["first_purchase"]).dt.date
    ordered = frame.assign(_name=frame["name"].str.lower()).sort_values(
        ["qualified", "score", "_name", "prospect_id"], ascending=[False, False, True, True]
    )
    return _none_for_missing(ordered.drop(columns="_name").reset_index(drop=True))


def _none_for_missing(frame: pd.DataFrame) -> pd.DataFrame:
    for name in (*FIELDS, "client_name"):
        if name in frame:
            frame[name] = frame[name].astype(object).where(frame[name].notna(), None)
    return frame


def prospect_history(store: Store, prospect_id: int) -> pd.DataFrame:
    """Every version of one prospect, newest first, with its score."""
    frame = store.query(
        "SELECT entry_id, " + ", ".join(FIELDS) + ", changed_by, changed_at FROM prospect_entries "
        "WHERE prospect_id = ? ORDER BY changed_at DESC, entry_id DESC",
        [int(prospect_id)],
    )
    frame["score"] = [POINTS[a] + POINTS[b] + POINTS[c] for a, b, c in zip(*(frame[q] for q in QUESTIONS), strict=True)]
    return _none_for_missing(frame)


def link_suggestions(store: Store) -> pd.DataFrame:
    """Unlinked prospects whose name is a client's name: prospect_id, name, client_id, client_name, first_date."""
    return store.query(
        f"SELECT p.prospect_id, p.name, c.client_id, c.client_name, c.first_date FROM ({_CURRENT}) p "
        "JOIN clients c ON lower(trim(c.client_name)) = lower(trim(p.name)) "
        "WHERE p.client_id IS NULL ORDER BY p.name, c.client_id"
    )


__all__ = [
    "ANSWERS",
    "MAX_SCORE",
    "POINTS",
    "QUESTIONS",
    "STATUSES",
    "add_prospect",
    "confirm_suggestion",
    "link_client",
    "link_suggestions",
    "prospect_history",
    "prospects",
    "qualified",
    "score",
    "update_prospect",
]
