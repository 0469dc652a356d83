"""The four kinds of key client (DOMAIN.md, "Who is a key client"): who is which, who said so, when.

What it promises:

- **Breadwinner is computed, never tagged**: on the concentration page over its
  own window (``core.concentration``), and in the ``client_kinds`` view over the
  last 12 calendar months of all lines (``core/sql/schema_40_tags.sql``).
- **Prospect, image maker and expert are set by a person** and live in
  ``client_tags`` keyed by client id, so they survive re-uploads, fresh exports
  and deletes of lines. Every set and removal is appended to
  ``client_tag_history`` with who made it and when; nothing is ever overwritten
  without a trace.
- **Prospects are suggested** by the DOMAIN.md rule and become a kind only once a
  person confirms them: first purchase within the last ``months`` (default 6)
  before the as-of date, and revenue up to the as-of date in the top
  ``top_share`` % (default 20) of those new clients. Settled details: "within the
  last 6 months" means a first purchase *after* as-of minus 6 months (the day
  exactly 6 months back is outside); the top 20 % is the first ceil(0.2 × n)
  new clients ranked by revenue descending (ties by client id), among new
  clients with a positive revenue; the first purchase is the client's first
  line in the whole store (not only under the filters), so a client that merely
  changed manager is not new.
- **Uploaded columns**: the store keeps sales lines only, and no column role
  exists for a client's kind, so image maker and expert cannot yet be read from
  an upload; ``set_kinds`` is the path such a reader would call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import pandas as pd

from core.access import require_editor
from core.analysis import KINDS, Filters, filtered_daily, resolve_as_of
from core.errors import InputError
from core.store import sql

TAGGED_KINDS = ("prospect", "image_maker", "expert")
TEAM = "team"  # who made a change when nobody is logged in


def _check(kind: str) -> None:
    if kind == "breadwinner":
        raise InputError("Breadwinner is computed from the margin share; it cannot be set by hand.")
    if kind not in TAGGED_KINDS:
        raise InputError(f"Unknown kind of key client '{kind}'. Use one of: {', '.join(TAGGED_KINDS)}.")


def set_kinds(
    store,
    changes: list[tuple[str, str, bool]],
    *,
    by=None,
    at: datetime | None = None,
    note: str | None = None,
) -> int:
    """Apply ``(client_id, kind, on)`` changes in one transaction; returns how many changed.

    Setting a kind a client already has, or removing one it lacks, changes
    nothing and leaves no history. ``by`` (an ``Actor`` or a name) must be an
    editor (``core.access.require_editor``).
    """
    by = (require_editor(by) or "").strip() or TEAM
    at = at or datetime.now(UTC).replace(tzinfo=None)
    for client_id, kind, _ in changes:
        _check(kind)
        if not str(client_id).strip():
            raise InputError("A kind needs a client id.")

    def change(cur):
        changed = 0
        for client_id, kind, on in changes:  # the rows a person edited, not every client
            has = cur.execute(
                "SELECT count(*) > 0 FROM client_tags WHERE client_id = ? AND kind = ?", [client_id, kind]
            ).fetchone()[0]
            if bool(on) == bool(has):
                continue
            if on:
                cur.execute("INSERT INTO client_tags VALUES (?, ?, ?, ?, ?)", [client_id, kind, by, at, note])
            else:
                cur.execute("DELETE FROM client_tags WHERE client_id = ? AND kind = ?", [client_id, kind])
            cur.execute(
                "INSERT INTO client_tag_history VALUES (?, ?, ?, ?, ?, ?)",
                [client_id, kind, "set" if on else "removed", by, at, note],
            )
            changed += 1
        return changed

    return store.write(change)


def set_kind(store, client_id: str, kind: str, *, by=None, at: datetime | None = None, note: str | None = None) -> bool:
    """Give ``client_id`` the kind (prospect, image_maker, expert); True when it was new."""
    return bool(set_kinds(store, [(client_id, kind, True)], by=by, at=at, note=note))


def remove_kind(store, client_id: str, kind: str, *, by=None, at: datetime | None = None) -> bool:
    """Take the kind away from ``client_id``; True when it had it."""
    return bool(set_kinds(store, [(client_id, kind, False)], by=by, at=at))


def list_tags(store) -> pd.DataFrame:
    """Every kind set by a person: client_id, client_name, kind, set_by, set_at, note."""
    return store.query(
        "SELECT t.client_id, c.client_name, t.kind, t.set_by, t.set_at, t.note "
        "FROM client_tags AS t LEFT JOIN clients AS c USING (client_id) ORDER BY t.client_id, t.kind"
    )


def tag_history(store, client_id: str | None = None) -> pd.DataFrame:
    """The history of changes, newest first (one client's when ``client_id`` is given)."""
    return store.query(
        "SELECT client_id, kind, action, changed_by, changed_at, note FROM client_tag_history "
        "WHERE ? IS NULL OR client_id = ? ORDER BY changed_at DESC, client_id, kind",
        [client_id, client_id],
    )


def client_kinds(store) -> pd.DataFrame:
    """Every client's kinds (client_id, kind), breadwinner computed as the view documents."""
    return store.query("SELECT client_id, kind FROM client_kinds ORDER BY client_id, kind")


@dataclass(frozen=True)
class ProspectParams:
    """The prospect suggestion rule's settings (DOMAIN.md: 6 months, top 20 %)."""

    as_of: date | None = None
    months: int = 6
    top_share: float = 20.0
    filters: Filters = field(default_factory=Filters)


def suggested_prospects(store, params: ProspectParams) -> pd.DataFrame:
    """New clients a person may confirm as prospects (see the module docstring for the rule).

    Columns: client_id, client_name, first_date, revenue, rank, confirmed (already tagged).
    """
    if params.months < 1:
        raise InputError("The prospect rule needs at least one month.")
    if not 0 < params.top_share <= 100:
        raise InputError("The prospect share is a percentage above 0 and at most 100.")
    as_of = resolve_as_of(store, params.filters, params.as_of)
    fragment, values = filtered_daily(params.filters)
    text = sql("concentration_prospects").replace("{daily}", fragment)
    return store.query(text, [*values, as_of, as_of, params.months, params.top_share])


__all__ = [
    "KINDS",
    "TAGGED_KINDS",
    "ProspectParams",
    "client_kinds",
    "list_tags",
    "remove_kind",
    "set_kind",
    "set_kinds",
    "suggested_prospects",
    "tag_history",
]
