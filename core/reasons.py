"""Loss reasons: where the losses come from (DOMAIN.md, "Lost clients", Reasons).

A reason reaches a loss three ways, and the strongest wins:

1. **recorded in the app** for a lost client, from an editable catalogue
   (``record_reason``) — stored with who set it and when;
2. **a reasons file** (client id, reason, optional date), loaded with
   ``load_reasons_file`` (the Data page and ``python -m core reasons``);
3. **an uploaded column** mapped as ``loss_reason`` (``lines.loss_reason``).

Reasons people give live in ``loss_reasons`` keyed by client id and a date, not
by upload, so they survive re-uploads and deletes of lines. Which loss a reason
explains is decided when the losses are computed (``core/sql/churn_losses.sql``),
because the losses themselves move with L and the as-of date: a dated reason
belongs to the client's first loss not yet won back on that date (the app
stores the loss's last purchase, which always lands on its own loss); an
undated one belongs to the client's latest loss. A loss without any reason is
"unknown" — shown, never dropped.

A reasons file whose client ids are not (yet) in the store is still stored —
the clients may arrive with a later upload — but those ids are reported.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from core.access import require_editor
from core.errors import InputError
from core.i18n import CATALOGUE, t
from core.mapping import Values, header_score, normalise, value_score
from core.store import Store, audit

BUILTIN_REASONS = (
    "service_level",
    "quality",
    "broken_promises",
    "opinion_ignored",
    "price",
    "competitor",
    "closed_or_merged",
    "other",
)
UNKNOWN = "unknown"
# Common shorter spellings of the built-in reasons (lower case), beside their labels.
EXTRA_ALIASES = {
    "service level": "service_level",
    "poor service": "service_level",
    "product quality worse": "quality",
    "service quality worse": "quality",
    "quality": "quality",
    "missed deadlines": "broken_promises",
    "broken promises": "broken_promises",
    "opinion ignored": "opinion_ignored",
    "too expensive": "price",
    "competitor": "competitor",
    "competitor offer": "competitor",
    "client closed": "closed_or_merged",
    "merged": "closed_or_merged",
}
DATE_WORDS = (
    "date",
    "loss date",
    "churn date",
    "lost date",
    "left on",
    "дата",
    "дата ухода",
    "თარიღი",
    "წასვლის თარიღი",
)
UNKNOWN_IDS_SHOWN = 20


def reason_label(reason: str | None, lang: str = "en") -> str:
    """The text a person reads for a stored reason (built-in codes are translated)."""
    if reason is None or (isinstance(reason, float) and pd.isna(reason)) or reason == "":
        reason = UNKNOWN
    key = f"churn.reason.{reason}"
    return t(key, lang) if key in CATALOGUE else str(reason)


def builtin_aliases() -> dict[str, str]:
    """Lower-case spellings of each built-in reason (its code, English and Georgian label) -> its code."""
    aliases: dict[str, str] = dict(EXTRA_ALIASES)
    for code in BUILTIN_REASONS:
        for text in (code, t(f"churn.reason.{code}", "en"), t(f"churn.reason.{code}", "ka")):
            aliases[text.strip().lower()] = code
    return aliases


# -- the catalogue ---------------------------------------------------------------------


def catalogue(store: Store) -> list[str]:
    """The reasons offered on the page, in their order."""
    return [r[0] for r in store.query_rows("SELECT reason FROM loss_reason_catalogue ORDER BY position, reason")]


def save_catalogue(store: Store, reasons: list[str], *, by=None) -> list[str]:
    """Replace the catalogue with ``reasons`` (blank and repeated entries dropped).

    ``by`` must be an editor; the audit log keeps who saved it.
    """
    by = require_editor(by)
    cleaned: list[str] = []
    for reason in reasons:
        text = str(reason or "").strip()
        if text and text not in cleaned:
            cleaned.append(text)
    if not cleaned:
        raise InputError("The catalogue needs at least one reason.")
    staged = pd.DataFrame({"reason": cleaned, "position": range(1, len(cleaned) + 1)})

    def change(cur):
        incoming = staged  # noqa: F841 -- DuckDB reads the local DataFrame by its name
        cur.execute("DELETE FROM loss_reason_catalogue")
        cur.execute("INSERT INTO loss_reason_catalogue SELECT reason, position FROM incoming")
        audit(cur, by, "save_catalogue", f"{len(cleaned)} reasons")

    store.write(change)
    return cleaned


# -- recording -------------------------------------------------------------------------


def record_reason(store: Store, client_id: str, last_purchase: date, reason: str, set_by=None) -> None:
    """Record (or replace) the reason for the loss that followed ``last_purchase``.

    ``set_by`` (an ``Actor`` or a name) must be an editor and is stored with the reason.
    """
    set_by = require_editor(set_by)
    text = str(reason or "").strip()
    if not text:
        raise InputError("Pick or write a reason first.")
    when = pd.Timestamp(last_purchase).date()

    def change(cur):
        cur.execute(
            "DELETE FROM loss_reasons WHERE source = 'app' AND client_id = ? AND at_date = ?", [client_id, when]
        )
        cur.execute(
            "INSERT INTO loss_reasons VALUES (?, ?, ?, 'app', NULL, ?, current_timestamp::TIMESTAMP)",
            [client_id, when, text, set_by or "team"],
        )

    store.write(change, reasons=True)


def recorded_reasons(store: Store) -> pd.DataFrame:
    """Every stored reason (app and files), newest first: who set it and when."""
    return store.query(
        "SELECT client_id, at_date, reason, source, file_name, set_by, set_at FROM loss_reasons "
        "ORDER BY set_at DESC, client_id"
    )


# -- reasons files ---------------------------------------------------------------------


def read_reasons_table(path: str | os.PathLike, file_name: str | None = None, sheet: str | None = None) -> pd.DataFrame:
    """The file's cells as text (the product's one reader, ``core.reading``)."""
    from core.reading import ROW, read_table

    raw = read_table(path, file_name, sheet)
    frame = raw.frame()
    raw.con.close()
    return frame.drop(columns=[ROW], errors="ignore")


def _pick(frame: pd.DataFrame, role: str, words: tuple[str, ...], chosen: str | None, what: str) -> str | None:
    """The column for ``role``: the one named, else the best header (``core.mapping``) or one of ``words``."""
    columns = [str(c) for c in frame.columns]
    if chosen:
        if chosen in columns:
            return chosen
        if chosen.isdigit() and 1 <= int(chosen) <= len(columns):
            return columns[int(chosen) - 1]
        raise InputError(f"The file has no column '{chosen}' for the {what}. Its columns: {', '.join(columns)}.")
    extra = {normalise(w) for w in words}
    best, best_score = None, 0.0
    for column in columns:
        score = 100.0 if normalise(column) in extra else header_score(role, column)
        if score < 100 and value_score(role, Values.of(frame[column].head(2000))) is None:
            continue  # "Tenure Months" holds no dates; a column named "Date" is read and its errors said
        if score >= 50 and score > best_score:
            best, best_score = column, score
    return best


def _parse_dates(values: pd.Series) -> pd.Series:
    text = values.fillna("").astype(str).str.strip().str.slice(0, 10)
    return pd.to_datetime(text.where(text != ""), format="%Y-%m-%d", errors="coerce")


def load_reasons_file(
    store: Store,
    path: str | os.PathLike,
    *,
    file_name: str | None = None,
    sheet: str | None = None,
    client_column: str | None = None,
    reason_column: str | None = None,
    date_column: str | None = None,
    loaded_by=None,
) -> dict:
    """Store the reasons of a file (client id, reason, optional date) in one transaction.

    ``loaded_by`` (an ``Actor`` or a name) must be an editor and is stored with each reason.

    Rows without a client id or a reason are skipped and counted; a date that
    cannot be read (dates must be YYYY-MM-DD, or Excel dates) refuses the file.
    A file row replaces an earlier file reason for the same client and date.
    Returns a summary; raises ``InputError`` when nothing can be stored.
    """
    name = file_name or Path(path).name
    loaded_by = require_editor(loaded_by)
    if not Path(path).exists():
        raise InputError(f"'{path}' does not exist.")
    frame = read_reasons_table(path, name, sheet)
    columns = [str(c) for c in frame.columns]
    client = _pick(frame, "client_id", (), client_column, "client id")
    reason = _pick(frame, "loss_reason", (), reason_column, "reason")
    when = _pick(frame, "date", DATE_WORDS, date_column, "date")
    if client is None or reason is None:
        missing = "client id" if client is None else "reason"
        raise InputError(
            f"'{name}' has no column recognisable as the {missing}. Its columns: {', '.join(columns)}. "
            "Name it (on the command line: --client-column / --reason-column)."
        )
    rows = pd.DataFrame(
        {
            "client_id": frame[client].fillna("").astype(str).str.strip(),
            "reason": frame[reason].fillna("").astype(str).str.strip(),
            "at_date": _parse_dates(frame[when]) if when else pd.Series(pd.NaT, index=frame.index),
        }
    )
    usable = (rows["client_id"] != "") & (rows["reason"] != "")
    if when:
        unreadable = usable & rows["at_date"].isna() & (frame[when].fillna("").astype(str).str.strip() != "")
        if unreadable.any():
            first = frame.loc[unreadable.idxmax(), when]
            raise InputError(
                f"'{name}': {int(unreadable.sum()):,} dates in column '{when}' cannot be read (e.g. '{first}'). "
                "Write them as YYYY-MM-DD; nothing was stored."
            )
    staged = rows[usable].drop_duplicates(["client_id", "at_date"], keep="last").reset_index(drop=True)
    if staged.empty:
        raise InputError(f"'{name}' has no row with both a client id and a reason; nothing was stored.")
    staged["at_date"] = staged["at_date"].dt.date

    def change(cur):
        incoming = staged  # noqa: F841 -- DuckDB reads the local DataFrame by its name
        cur.execute(
            "DELETE FROM loss_reasons r USING incoming s WHERE r.source = 'file' "
            "AND r.client_id = s.client_id AND r.at_date IS NOT DISTINCT FROM s.at_date"
        )
        cur.execute(
            "INSERT INTO loss_reasons SELECT client_id, at_date, reason, 'file', ?, ?, "
            "current_timestamp::TIMESTAMP FROM incoming",
            [name, loaded_by],
        )
        return [
            r[0]
            for r in cur.execute(
                "SELECT DISTINCT s.client_id FROM incoming s ANTI JOIN clients c USING (client_id) ORDER BY 1"
            ).fetchall()
        ]

    unknown = store.write(change, reasons=True)
    clients = staged["client_id"].nunique()
    message = f"{len(staged):,} reasons for {clients:,} clients stored from '{name}'."
    if unknown:
        message += (
            f" {len(unknown):,} of these client ids are not in the sales data (e.g. {', '.join(unknown[:3])}):"
            " their reasons are kept and will apply if those clients are uploaded."
        )
    return {
        "file": name,
        "status": "loaded",
        "columns": {"client_id": client, "reason": reason, "date": when},
        "rows_read": int(len(frame)),
        "rows_skipped": int((~usable).sum()),
        "reasons_loaded": int(len(staged)),
        "clients": int(clients),
        "known_clients": int(clients - len(unknown)),
        "unknown_clients": len(unknown),
        "unknown_client_ids": unknown[:UNKNOWN_IDS_SHOWN],
        "loaded_at": datetime.now().isoformat(timespec="seconds"),
        "message": message,
    }
