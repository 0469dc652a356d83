"""Ingest: read → map → validate → store, the one way data gets into the product.

The Data page and ``python -m core ingest`` both go through here:

1. ``read_table`` gives the file's cells as text (``core.reading``);
2. a ``Mapping`` says which column plays which role (``core.mapping``) — on the
   page the person confirms it first;
3. ``prepare`` types every value in one SQL pass on a private in-memory DuckDB
   connection (never the shared store): dates in the detected order, numbers
   with decimal commas, thousands separators (spaces, narrow no-break spaces),
   currency and ``%`` signs, ``(123)`` and ``123-`` negatives. A row whose date,
   client or amount (or a filled margin/quantity) cannot be read is set aside
   with its source line number and a reason a person can act on;
4. ``store_prepared`` writes the clean lines, the set-aside rows, the remembered
   mapping and the upload log in ONE transaction (``core.store.add_upload``):
   all of the file or nothing.

Refusals are ``InputError`` / ``NeedsChoice`` with a one-line message: a file
without a usable date, client and amount names the columns it found; dates like
``03/01/19`` are never guessed (the person picks day-first or month-first); the
same file twice is reported ``unchanged``; a fresh export whose dates overlap an
earlier upload from the same source (same headers) replaces that period only
after the person confirms (``replace_overlap``).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from core import mapping as mapping_rules
from core.access import require_editor
from core.errors import InputError, NeedsChoice
from core.mapping import Mapping
from core.reading import ROW, RawTable, check_source, read_table
from core.store import Store, add_upload, quote_ident, sql

DATE_FORMATS = {
    "ymd": ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"],
    "ymd8": ["%Y%m%d"],
    "dayfirst": ["%d/%m/%y", "%d/%m/%Y", "%d.%m.%y", "%d.%m.%Y", "%d-%m-%y", "%d-%m-%Y"],
    "monthfirst": ["%m/%d/%y", "%m/%d/%Y", "%m.%d.%y", "%m.%d.%Y", "%m-%d-%y", "%m-%d-%Y"],
}
DATE_ORDERS = ("dayfirst", "monthfirst")
TEXT_ROLES = ("client_name", "product", "order_id", "manager", "region", "segment", "loss_reason", "client_kind")
# Currency signs and codes, percent signs and every kind of space a number may carry.
NUMBER_NOISE = r"[\s\x{00A0}\x{202F}\x{2009}'’$€£₾₽¥%]|(USD|EUR|GEL|RUB|GBP|руб\.?|лари|ლარი)"


@dataclass
class Prepared:
    """A file read, mapped and validated, ready to store (nothing stored yet)."""

    raw: RawTable
    mapping: Mapping
    sha256: str
    source_key: str
    date_order: str | None
    lines: pa.Table
    rejected: pd.DataFrame
    summary: dict = field(default_factory=dict)


def file_sha256(path: str | os.PathLike) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def already_loaded(store: Store, sha256: str, sheet: str | None) -> dict | None:
    """The earlier upload of exactly this file (and sheet), if it is still in the store."""
    rows = store.query(
        "SELECT upload_id, file_name, loaded_at, rows_loaded FROM uploads "
        "WHERE sha256 = ? AND coalesce(sheet, '') = coalesce(?, '') ORDER BY upload_id DESC LIMIT 1",
        [sha256, sheet],
    )
    return None if rows.empty else rows.iloc[0].to_dict()


def detect_date_order(raw: RawTable, column: str) -> tuple[str, dict]:
    """How the date column is written: ``ymd``, ``ymd8``, ``dayfirst``, ``monthfirst`` or ``ambiguous``.

    Day-first and month-first are told apart from the whole column: a first
    number above 12 can only be a day, a second number above 12 only a day too.
    When neither occurs (every date like ``03/01/19``) the answer is ``ambiguous``.
    """
    con = duckdb.connect()
    try:
        con.register("raw", raw.table)
        stats = con.execute(sql("date_shapes").replace("{column}", quote_ident(column))).fetchall()[0]
    finally:
        con.close()
    filled, ymd, ymd8, dmy, first_max, second_max = stats
    info = {"filled": filled, "first_max": first_max, "second_max": second_max}
    if not filled:
        return "empty", info
    best = max((ymd, "ymd"), (ymd8, "ymd8"), (dmy, "dmy"))
    if best[1] != "dmy":
        return best[1], info
    if (first_max or 0) > 12 and (second_max or 0) <= 12:
        return "dayfirst", info
    if (second_max or 0) > 12 and (first_max or 0) <= 12:
        return "monthfirst", info
    if (first_max or 0) > 12 and (second_max or 0) > 12:
        return "dayfirst", info  # inconsistent file: rows that fail are set aside
    return "ambiguous", info


def prepare(raw: RawTable, mapping: Mapping, date_order: str | None = None, *, sha256: str = "") -> Prepared:
    """Validate and type every row of ``raw`` under ``mapping`` (one SQL pass).

    Raises ``InputError`` when a required role has no column, ``NeedsChoice``
    when the dates could be day-first or month-first and ``date_order`` is not
    given.
    """
    missing = mapping.missing()
    if missing:
        raise InputError.keyed(
            "err.missing_roles", file=raw.file_name, roles=", ".join(missing), columns=", ".join(raw.columns)
        )
    if mapping.ambiguities:
        role, columns = next(iter(mapping.ambiguities.items()))
        raise NeedsChoice.keyed(
            "err.two_candidates",
            {"choice": role, "options": tuple(columns), "flag": f"--map {role}=COLUMN"},
            file=raw.file_name,
            role=role,
            columns=", ".join(repr(c) for c in columns),
        )
    date_column = mapping.column("date")
    detected, info = detect_date_order(raw, date_column)
    if detected in ("empty",):
        raise InputError.keyed("err.empty_dates", file=raw.file_name, column=date_column)
    if detected == "ambiguous" or (detected in DATE_ORDERS and date_order in DATE_ORDERS):
        if date_order not in DATE_ORDERS:
            raise NeedsChoice.keyed(
                "err.ambiguous_dates",
                {"choice": "date_order", "options": DATE_ORDERS, "flag": "--dayfirst | --monthfirst"},
                file=raw.file_name,
                column=date_column,
                example=_example(raw, date_column),
            )
        detected = date_order
    con = duckdb.connect()
    try:
        con.register("raw", raw.table)
        styles = {
            role: _decimal_comma(con, mapping.column(role))
            for role in mapping_rules.NUMERIC_ROLES
            if mapping.column(role)
        }
        con.execute(_validation_sql(mapping, detected, styles))
        lines = con.sql("SELECT * EXCLUDE (reason) FROM checked WHERE reason IS NULL ORDER BY row_number")
        lines = lines.to_arrow_table()
        raw_row = "concat_ws(' | ', " + ", ".join("r." + quote_ident(c) for c in raw.columns) + ")"
        rejected = con.execute(
            sql("rejected_rows").replace("{raw_row}", raw_row).replace("{row}", quote_ident(ROW))
        ).df()
        con.register("clean", lines)
        summary = dict(
            zip(
                ("rows", "clients", "date_min", "date_max", "amount", "margin", "returns_share"),
                con.execute(sql("upload_summary")).fetchall()[0],
                strict=False,
            )
        )
    finally:
        con.close()
    summary["rejected"] = len(rejected)
    summary["date_order"] = detected
    return Prepared(raw, mapping, sha256, mapping_rules.source_key(raw.columns), detected, lines, rejected, summary)


def _example(raw: RawTable, column: str) -> str:
    values = raw.table.column(column).drop_null().slice(0, 1).to_pylist()
    return values[0] if values else ""


def _decimal_comma(con, column: str) -> bool:
    """True when the column writes decimals with a comma (``1.234,56`` or ``12,5``)."""
    comma, dot = con.execute(sql("decimal_style").replace("{column}", quote_ident(column)), [NUMBER_NOISE]).fetchall()[
        0
    ]
    return comma > dot


def _number_sql(text: str, decimal_comma: bool) -> str:
    """SQL typing the trimmed text ``text`` as a number (NULL when it is not one).

    Plain numbers (most values) take a fast path; the rest lose currency signs,
    percent signs and spaces, their thousands separators, and read ``(123)`` and
    ``123-`` as negatives, as accounting exports write them.
    """
    if decimal_comma:
        plain = f"CASE WHEN {text} ~ '^-?[0-9]+(,[0-9]+)?$' THEN CAST(replace({text}, ',', '.') AS DOUBLE)"
        cleaned = f"replace(replace(regexp_replace({text}, $noise, '', 'g'), '.', ''), ',', '.')"
    else:
        plain = f"CASE WHEN {text} ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN CAST({text} AS DOUBLE)"
        cleaned = f"replace(regexp_replace({text}, $noise, '', 'g'), ',', '')"
    signed = (
        f"CASE WHEN {cleaned} ~ '^\\(.*\\)$' THEN '-' || trim({cleaned}, '()') "
        f"WHEN {cleaned} ~ '^[0-9.]+-$' THEN '-' || rtrim({cleaned}, '-') ELSE {cleaned} END"
    )
    return (
        f"{plain} WHEN ({signed}) ~ '^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$' "
        f"THEN TRY_CAST(({signed}) AS DOUBLE) END"
    )


def _validation_sql(mapping: Mapping, date_kind: str, decimal_comma: dict[str, bool]) -> str:
    """The statement that types and checks every row (identifiers quoted, formats from a whitelist)."""

    def filled(role):
        column = mapping.column(role)
        return f"nullif(trim({quote_ident(column)}), '')" if column else "CAST(NULL AS VARCHAR)"

    def number(role):
        # the stage-1 column holding the role's trimmed text, e.g. amount_raw
        trimmed = role + "_raw"
        return _number_sql(trimmed, decimal_comma[role]) if mapping.column(role) else "CAST(NULL AS DOUBLE)"

    formats = "[" + ", ".join(f"'{f}'" for f in DATE_FORMATS[date_kind]) + "]"
    date_text = "split_part(split_part(date_raw, ' ', 1), 'T', 1)"
    amount = "(quantity * unit_price)" if mapping.amount_from_price else "amount"
    return (
        sql("validate_rows")
        .replace("{date}", f"TRY_CAST(try_strptime({date_text}, {formats}) AS DATE)")
        .replace("{date_raw}", filled("date"))
        .replace("{client_raw}", filled("client_id"))
        .replace("{amount_expr}", amount)
        .replace("{amount}", number("amount"))
        .replace("{amount_raw}", filled("amount"))
        .replace("{margin}", number("margin"))
        .replace("{margin_raw}", filled("margin"))
        .replace("{quantity}", number("quantity"))
        .replace("{quantity_raw}", filled("quantity"))
        .replace("{unit_price}", number("unit_price"))
        .replace("{unit_price_raw}", filled("unit_price"))
        .replace("{texts}", ",\n".join(f"{filled(r)} AS {r}" for r in TEXT_ROLES))
        .replace("{row}", quote_ident(ROW))
        .replace("$noise", "'" + NUMBER_NOISE.replace("'", "''") + "'")
    )


def overlap(store: Store, prepared: Prepared) -> dict | None:
    """What storing ``prepared`` with ``replace_overlap`` would replace, or None."""
    summary = prepared.summary
    if not summary.get("rows"):
        return None
    found = store.query(sql("overlap_preview"), [prepared.source_key, summary["date_min"], summary["date_max"]])
    if found.empty or not int(found["rows"].sum()):
        return None
    return {
        "rows": int(found["rows"].sum()),
        "date_min": found["date_min"].min(),
        "date_max": found["date_max"].max(),
        "amount": float(found["amount"].sum()),
        "files": list(found["file_name"]),
    }


def store_prepared(
    store: Store, prepared: Prepared, *, replace_overlap: bool = False, loaded_by: str | None = None
) -> dict:
    """Store a prepared file in one transaction; returns the upload's outcome.

    The checks (the same file already stored, an overlap to confirm) and the
    write run under the store's write lock, so two sessions dropping the same
    export at once store it once: the second is told it is ``unchanged``.
    """
    with store.serialized():
        earlier = already_loaded(store, prepared.sha256, prepared.raw.sheet)
        if earlier is not None:
            return _unchanged(prepared.raw.file_name, earlier)
        return _store_prepared(store, prepared, replace_overlap=replace_overlap, loaded_by=loaded_by)


def _unchanged(name: str, earlier: dict) -> dict:
    return {
        "file": name,
        "status": "unchanged",
        "rows_loaded": 0,
        "rows_rejected": 0,
        "message": f"Already loaded on {earlier['loaded_at']:%Y-%m-%d %H:%M} as '{earlier['file_name']}' "
        f"({int(earlier['rows_loaded']):,} rows); nothing changed.",
    }


def _store_prepared(
    store: Store, prepared: Prepared, *, replace_overlap: bool = False, loaded_by: str | None = None
) -> dict:
    if not prepared.summary.get("rows"):
        raise InputError.keyed(
            "err.nothing_readable",
            file=prepared.raw.file_name,
            rows=f"{prepared.raw.rows:,}",
            example=_top_reason(prepared.rejected),
        )
    found = overlap(store, prepared)
    if found and not replace_overlap:
        raise NeedsChoice.keyed(
            "err.overlap",
            {"choice": "replace_overlap", "flag": "--replace-overlap"},
            file=prepared.raw.file_name,
            rows=f"{found['rows']:,}",
            date_min=f"{found['date_min']:%Y-%m-%d}",
            date_max=f"{found['date_max']:%Y-%m-%d}",
            files=", ".join(found["files"]),
        )
    options = json.dumps(
        {
            "date_order": prepared.date_order,
            "encoding": prepared.raw.encoding,
            "delimiter": prepared.raw.delimiter,
            "header": prepared.raw.has_header,
        }
    )

    def remember(cur):
        mapping_rules.remember(cur, prepared.source_key, prepared.raw.columns, prepared.mapping)

    result = add_upload(
        store,
        prepared.lines,
        file_name=prepared.raw.file_name,
        sha256=prepared.sha256,
        source_key=prepared.source_key,
        sheet=prepared.raw.sheet,
        mapping=prepared.mapping.to_json(),
        options=options,
        rejected=prepared.rejected,
        loaded_by=loaded_by,
        replace_overlap=bool(found),
        also=remember,
    )
    replaced = f", replacing {result['replaced_rows']:,} earlier lines" if result["replaced_rows"] else ""
    set_aside = f"; {len(prepared.rejected):,} set aside" if len(prepared.rejected) else ""
    return {
        "file": prepared.raw.file_name,
        "status": "loaded",
        "rows_loaded": result["rows_loaded"],
        "rows_rejected": len(prepared.rejected),
        "message": f"Loaded {result['rows_loaded']:,} rows{replaced}{set_aside}.",
        "upload_id": result["upload_id"],
        "replaced_rows": result["replaced_rows"],
    }


def _top_reason(rejected: pd.DataFrame) -> str:
    if rejected.empty:
        return "the file has no rows"
    return "e.g. row " + str(rejected.iloc[0]["row_number"]) + ": " + str(rejected.iloc[0]["reason"])


def mapping_for(store: Store, raw: RawTable, overrides: dict[str, str] | None = None) -> Mapping:
    """The remembered mapping for these headers, else the guess; then the overrides."""
    guessed = mapping_rules.remembered(store, mapping_rules.source_key(raw.columns)) or mapping_rules.guess(raw)
    return mapping_rules.apply_overrides(guessed, raw, overrides or {})


def ingest_path(
    store: Store,
    path: str | os.PathLike,
    *,
    file_name: str | None = None,
    sheet: str | None = None,
    overrides: dict[str, str] | None = None,
    date_order: str | None = None,
    replace_overlap: bool = False,
    loaded_by: str | None = None,
) -> dict:
    """Read, map (remembered or guessed, then ``overrides``), validate and store one file.

    Returns ``{"file", "status": "loaded"|"unchanged", "rows_loaded", "rows_rejected", "message"}``;
    raises ``InputError``/``NeedsChoice`` when the file is refused (nothing stored).
    """
    name = file_name or Path(path).name
    require_editor(loaded_by)
    check_source(path, name)
    sha = file_sha256(path)
    earlier = already_loaded(store, sha, sheet)
    if earlier is not None and sheet is None and name.lower().endswith((".xlsx", ".xls", ".xlsm")):
        sheet = None  # an unchanged workbook: same bytes, default sheet
    if earlier is not None:
        return {
            "file": name,
            "status": "unchanged",
            "rows_loaded": 0,
            "rows_rejected": 0,
            "message": f"Already loaded on {earlier['loaded_at']:%Y-%m-%d %H:%M} as '{earlier['file_name']}' "
            f"({int(earlier['rows_loaded']):,} rows); nothing changed.",
        }
    raw = read_table(path, name, sheet)
    prepared = prepare(raw, mapping_for(store, raw, overrides), date_order, sha256=sha)
    return store_prepared(store, prepared, replace_overlap=replace_overlap, loaded_by=loaded_by)
