"""Ingest: read → map → validate → store, the one way data gets into the product.

The Data page and ``python -m core ingest`` both go through here:

1. ``read_table`` gives the file's cells as text (``core.reading``);
2. a ``Mapping`` says which column plays which role (``core.mapping``) — on the
   page the person confirms it first;
3. ``prepare`` types every value in one SQL pass on a private in-memory DuckDB
   connection (never the shared store), following DOMAIN.md "Reading exports":
   cells trimmed of spaces, tabs, no-break and zero-width characters, control
   characters removed from text, the missing-value words (``NULL``, ``N/A``,
   ``нет`` …) read as empty; dates in the one order detected for the column,
   none before 1900 or more than 31 days after the upload; numbers in the one
   decimal style detected for the column (a value of the other style is set
   aside, never read another way), with thousands separators, currency and
   ``%`` signs, ``(123)`` and ``123-`` negatives; money as exact
   DECIMAL(20, 4), nothing non-finite or beyond ±10^15. A row whose date,
   client or amount (or a filled margin, cost, quantity) cannot be read is set
   aside with its row number and a reason a person can act on, beside the
   lines the reader set aside for a wrong field count. The page's preview and
   the stored upload are the same ``Prepared``;
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pyarrow as pa

from core import mapping as mapping_rules
from core import setaside
from core.access import require_editor
from core.errors import InputError, NeedsChoice
from core.i18n import RoleName, RoleNames
from core.mapping import Mapping
from core.reading import ROW, RawTable, check_source, read_table
from core.store import LineStream, Store, add_upload, quote_ident, sql

DATE_FORMATS = {
    "ymd": ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"],
    "ymd8": ["%Y%m%d"],
    "dayfirst": ["%d/%m/%y", "%d/%m/%Y", "%d.%m.%y", "%d.%m.%Y", "%d-%m-%y", "%d-%m-%Y"],
    "monthfirst": ["%m/%d/%y", "%m/%d/%Y", "%m.%d.%y", "%m.%d.%Y", "%m-%d-%y", "%m-%d-%Y"],
}
DATE_ORDERS = ("dayfirst", "monthfirst")
DATE_STYLES = {kind: setaside.style(kind) for kind in setaside.STYLES}  # as a set-aside reason says it
TEXT_ROLES = ("client_name", "product", "order_id", "manager", "region", "segment", "loss_reason", "client_kind")
# Currency signs and codes, percent signs and every kind of space a number may carry.
NUMBER_NOISE = r"[\s\x{00A0}\x{202F}\x{2009}'’$€£₾₽¥%]|(USD|EUR|GEL|RUB|GBP|руб\.?|лари|ლარი)"


@dataclass(eq=False)
class Prepared:
    """A file read, mapped and validated, ready to store (nothing stored yet).

    The typed lines stay in table ``checked`` of the raw file's private connection
    (``raw.con``); ``head`` shows the first of them and ``stream`` hands them to
    the store batch by batch, so they are never a whole table in Python's memory.
    """

    raw: RawTable
    mapping: Mapping
    sha256: str
    source_key: str
    date_order: str | None
    checked: str
    rejected: pd.DataFrame
    summary: dict = field(default_factory=dict)

    def _clean(self, order: str = "") -> str:
        return f"SELECT * EXCLUDE (reason) FROM {quote_ident(self.checked)} WHERE reason IS NULL {order}"

    def head(self, rows: int = 50) -> pd.DataFrame:
        """The first ``rows`` lines that will be stored, typed."""
        return self.raw.con.sql(self._clean("ORDER BY row_number LIMIT ?"), params=[int(rows)]).df()

    def stream(self) -> LineStream:
        """Every line to store, in the file's order, batch by batch (``core.store.add_upload`` reads it)."""
        summary = self.summary

        def batches(size: int) -> Iterator[pa.RecordBatch]:
            # a relation, not a result: DuckDB hands its batches over as they are read
            yield from self.raw.con.sql(self._clean()).to_arrow_reader(size)

        return LineStream(batches, summary["rows"], summary["date_min"], summary["date_max"])

    def release(self) -> None:
        """Drop the typed lines (a new validation of the same file replaces them)."""
        self.raw.con.execute(f"DROP TABLE IF EXISTS {quote_ident(self.checked)}")


def money_value(value) -> float | None:
    """An exact sum (DECIMAL) as the float it rounds to at 4 places; None stays None."""
    return None if value is None else round(float(value), 4)


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
    stats = raw.con.execute(sql("date_shapes").replace("{column}", quote_ident(column))).fetchall()[0]
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


def prepare(
    raw: RawTable, mapping: Mapping, date_order: str | None = None, *, sha256: str = "", today: date | None = None
) -> Prepared:
    """Validate and type every row of ``raw`` under ``mapping`` (one SQL pass).

    Raises ``InputError`` when a required role has no column, ``NeedsChoice``
    when the dates could be day-first or month-first and ``date_order`` is not
    given.
    """
    if raw.rows == 0 and not raw.malformed:
        raise InputError.keyed("err.no_rows", file=raw.file_name, columns=", ".join(raw.columns))
    if mapping.ambiguities:
        role, columns = next(iter(mapping.ambiguities.items()))
        raise NeedsChoice.keyed(
            "err.two_candidates",
            {"choice": role, "options": tuple(columns), "flag": f"--map {role}=COLUMN"},
            file=raw.file_name,
            role=RoleName(role),
            code=role,
            columns=", ".join(repr(c) for c in columns),
        )
    missing = mapping.missing()
    if missing:
        raise InputError.keyed(
            "err.missing_roles", file=raw.file_name, roles=RoleNames(missing), columns=", ".join(raw.columns)
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
    con = raw.con
    raw.prepared += 1
    checked = f"checked_{raw.prepared}"
    table = quote_ident(checked)
    styles = _decimal_commas(con, mapping)
    _macros(con)
    latest = (today or date.today()) + timedelta(days=31)
    con.execute(_validation_sql(mapping, detected, styles, latest).replace("{checked}", table))
    raw_row = "concat_ws(' | ', " + ", ".join("r." + quote_ident(c) for c in raw.columns) + ")"
    rejected_sql = sql("rejected_rows").replace("{raw_row}", raw_row).replace("{row}", quote_ident(ROW))
    rejected = con.execute(rejected_sql.replace("{checked}", table)).df()
    summary = dict(
        zip(
            ("rows", "clients", "date_min", "date_max", "amount", "margin", "returns_share"),
            con.execute(sql("upload_summary").replace("{checked}", table)).fetchall()[0],
            strict=False,
        )
    )
    if raw.malformed:
        shifted = pd.DataFrame(raw.malformed, columns=["row_number", "reason", "raw"])
        rejected = pd.concat([rejected, shifted], ignore_index=True).sort_values("row_number", ignore_index=True)
    for money in ("amount", "margin"):
        summary[money] = money_value(summary[money])
    summary["returns_share"] = float(summary["returns_share"] or 0)
    summary["rejected"] = len(rejected)
    summary["date_order"] = detected
    return Prepared(raw, mapping, sha256, mapping_rules.source_key(raw.columns), detected, checked, rejected, summary)


def _example(raw: RawTable, column: str) -> str:
    values = raw.filled(column, 1)
    return values[0] if values else ""


def _decimal_commas(con, mapping: Mapping) -> dict[str, bool]:
    """{numeric role: whether its column writes decimals with a comma}.

    A column without a single comma cannot be of the comma style, so one scan for commas
    over every numeric column spares most exports the counting of ``_decimal_comma``.
    """
    roles = [role for role in mapping_rules.NUMERIC_ROLES if mapping.column(role)]
    if not roles:
        return {}
    found = ", ".join(f"bool_or(contains({quote_ident(mapping.column(role))}, ','))" for role in roles)
    commas = con.execute(f"SELECT {found} FROM raw").fetchall()[0]
    return {
        role: bool(comma) and _decimal_comma(con, mapping.column(role))
        for role, comma in zip(roles, commas, strict=True)
    }


def _decimal_comma(con, column: str) -> bool:
    """True when the column writes decimals with a comma (``1.234,56`` or ``12,5``)."""
    comma, dot = con.execute(sql("decimal_style").replace("{column}", quote_ident(column)), [NUMBER_NOISE]).fetchall()[
        0
    ]
    return comma > dot


EDGE_CHARACTERS = mapping_rules.EDGE_CHARACTERS
EDGE_CODES = ", ".join(str(ord(character)) for character in EDGE_CHARACTERS)
CONTROL_CHARACTERS = r"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]"
NUMBER_LABELS = {role: setaside.label(role) for role in setaside.LABELS}
# Point style: 1234.56, 1,234.56, .5, 1.5e3; comma style: 1234,56, 1.234,56. A value of the other style is set aside.
POINT_NUMBER = (
    r"^[-+]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?$|^[-+]?\.[0-9]+$|^[-+]?[0-9]+(\.[0-9]+)?[eE][-+]?[0-9]+$"
)
COMMA_NUMBER = r"^[-+]?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$"


# Joins a row's cells for the screen (_suspect): any character that is neither an edge nor a control one.
SCREEN_SEPARATOR = "\ue000"


def _suspect(columns: list[str]) -> str:
    """Whether a row has a cell with a control character anywhere or an edge character at either end.

    One search over the row's cells joined by ``SCREEN_SEPARATOR`` instead of one per cell: the
    cleaning then runs on the flagged rows only, which are few (1M lines: 0.67 s → 0.33 s). It
    never misses a cell that needs cleaning; a separator inside a cell can only flag a row that
    needs none, which is then cleaned to what it was.
    """
    edge = "[" + "".join(f"\\x{{{ord(c):04X}}}" for c in EDGE_CHARACTERS) + "]"
    at_ends = f"(^|{SCREEN_SEPARATOR}){edge}|{edge}({SCREEN_SEPARATOR}|$)"
    joined = f"concat_ws({_literal(SCREEN_SEPARATOR)}, {', '.join(columns)})"
    return f"regexp_matches({joined}, {_literal(CONTROL_CHARACTERS + '|' + at_ends)})"


def _literal(text: str) -> str:
    """A constant of this module as a SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _macros(con) -> None:
    """The number reading rules as SQL macros on the private validation connection.

    ``point_number`` / ``comma_number`` give a cell's canonical text (``-1234.56``)
    when it fits that decimal style, else NULL; ``exact_number`` makes it an exact
    DECIMAL(20, 4), NULL when it is not finite or beyond ±10^15.
    """
    missing = ", ".join(_literal(w) for w in mapping_rules.MISSING_WORDS)
    statements = (
        # trimmed of every invisible edge; a cell whose first and last characters are no edge
        # (nearly all) is kept as it is, without the much slower trim over a set of characters
        f"CREATE OR REPLACE MACRO edge_trim(x) AS CASE WHEN ascii(x) IN ({EDGE_CODES}) "
        f"OR ascii(right(x, 1)) IN ({EDGE_CODES}) THEN trim(x, {_literal(EDGE_CHARACTERS)}) ELSE x END",
        # of a column (an earlier stage's), never an expression: a macro repeats its argument
        f"CREATE OR REPLACE MACRO missing_as_null(t) AS CASE WHEN t IN ({missing}) THEN NULL ELSE t END",
        "CREATE OR REPLACE MACRO signed_text(c) AS CASE WHEN c ~ '^\\(.*\\)$' THEN '-' || trim(c, '()') "
        "WHEN c ~ '^[0-9.,]+-$' THEN '-' || rtrim(c, '-') ELSE c END",
        f"CREATE OR REPLACE MACRO number_text(t) AS signed_text(regexp_replace(t, {_literal(NUMBER_NOISE)}, '', 'g'))",
        "CREATE OR REPLACE MACRO point_number(t) AS CASE WHEN t ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN t "
        f"WHEN number_text(t) ~ {_literal(POINT_NUMBER)} THEN replace(number_text(t), ',', '') END",
        "CREATE OR REPLACE MACRO comma_number(t) AS CASE WHEN t ~ '^-?[0-9]+(,[0-9]+)?$' THEN replace(t, ',', '.') "
        f"WHEN number_text(t) ~ {_literal(COMMA_NUMBER)} "
        "THEN replace(replace(number_text(t), '.', ''), ',', '.') END",
        "CREATE OR REPLACE MACRO exact_number(c) AS CASE WHEN abs(TRY_CAST(c AS DOUBLE)) <= 1e15 THEN "
        "CASE WHEN c ~ '[eE]' THEN TRY_CAST(TRY_CAST(c AS DOUBLE) AS DECIMAL(20, 4)) "
        "ELSE TRY_CAST(c AS DECIMAL(20, 4)) END END",
    )
    for statement in statements:
        con.execute(statement)


def _validation_sql(mapping: Mapping, date_kind: str, decimal_comma: dict[str, bool], latest: date) -> str:
    """The statement that types and checks every row (identifiers quoted, formats from a whitelist)."""

    def staged(role: str, text: bool = False) -> tuple[str, str]:
        """The role's cell without control characters (text only), then trimmed of its edges, each once:
        in the rows the screen flagged (``suspect``), the others as they are."""
        column = mapping.column(role)
        if not column:
            return f"CAST(NULL AS VARCHAR) AS {role}_c", f"CAST(NULL AS VARCHAR) AS {role}_e"
        value = quote_ident(column)
        if text:  # searched first: replacing copies every cell, and nearly none holds a control character
            controls = _literal(CONTROL_CHARACTERS)
            value = (
                f"CASE WHEN suspect AND regexp_matches({value}, {controls}) "
                f"THEN regexp_replace({value}, {controls}, '', 'g') ELSE {value} END"
            )
        trimmed = f"CASE WHEN suspect THEN edge_trim({role}_c) ELSE {role}_c END"
        return f"{value} AS {role}_c", f"nullif({trimmed}, '') AS {role}_e"

    def cleaned(role: str) -> str:
        return f"missing_as_null({role}_e)" if mapping.column(role) else "CAST(NULL AS VARCHAR)"

    def canonical(role: str) -> str:
        if not mapping.column(role):
            return "CAST(NULL AS VARCHAR)"
        return ("comma_number" if decimal_comma[role] else "point_number") + f"({role}_raw)"

    def value(role: str) -> str:
        return f"exact_number({role}_canon)" if mapping.column(role) else "CAST(NULL AS DECIMAL(20, 4))"

    def reasons(role: str) -> str:
        if not mapping.column(role):
            return ""
        label = NUMBER_LABELS[role]
        comma = decimal_comma[role]
        other = "point_number" if comma else "comma_number"
        misfit = (
            "is written with a decimal point; this column uses a decimal comma"
            if comma
            else "is written with a decimal comma; this column uses a decimal point"
        )
        shown = f"'{label} ''' || {role}_raw || ''' '"
        return (
            f"WHEN {role}_raw IS NOT NULL AND {role}_canon IS NULL THEN {shown} || "
            f"CASE WHEN {other}({role}_raw) IS NOT NULL THEN {_literal(misfit)} ELSE 'is not a number' END\n"
            f"           WHEN {role}_raw IS NOT NULL AND {role}_value IS NULL "
            f"THEN {shown} || 'is not finite or beyond ±10^15'\n           "
        )

    formats = "[" + ", ".join(f"'{f}'" for f in DATE_FORMATS[date_kind]) + "]"
    date_text = "split_part(split_part(date_raw, ' ', 1), 'T', 1)"
    amount = "round(quantity_value * unit_price_value, 4)" if mapping.amount_from_price else "amount_value"
    margin = "amount_line - cost_value" if mapping.margin_from_cost else "margin_value"
    statement = sql("validate_rows")
    for role in mapping_rules.NUMERIC_ROLES:
        statement = (
            statement.replace(f"{{{role}_raw}}", cleaned(role))
            .replace(f"{{{role}_canon}}", canonical(role))
            .replace(f"{{{role}_value}}", value(role))
        )
    number_reasons = "".join(reasons(r) for r in ("amount", "unit_price", "quantity", "margin", "cost"))
    texts = {"client_id", *TEXT_ROLES}
    stages = [staged(role, role in texts) for role in ("date", *mapping_rules.NUMERIC_ROLES, "client_id", *TEXT_ROLES)]
    used = dict.fromkeys(column for role, column in mapping.roles.items() if column)
    return (
        statement.replace("{suspect}", _suspect([quote_ident(column) for column in used]))
        .replace("{controls}", ",\n".join(c for c, _ in stages))
        .replace("{edges}", ",\n".join(e for _, e in stages))
        .replace("{date}", f"TRY_CAST(try_strptime({date_text}, {formats}) AS DATE)")
        .replace("{date_raw}", cleaned("date"))
        .replace("{client_raw}", cleaned("client_id"))
        .replace("{amount_expr}", amount)
        .replace("{margin_expr}", margin)
        .replace("{number_reasons}", number_reasons)
        .replace("{texts}", ",\n".join(f"{cleaned(r)} AS {r}" for r in TEXT_ROLES))
        .replace("{latest_date}", latest.isoformat())
        .replace("{date_style}", _literal(DATE_STYLES[date_kind]))
        .replace("{row}", quote_ident(ROW))
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
        "amount": money_value(found["amount"].sum()),
        "files": list(found["file_name"]),
    }


def store_prepared(
    store: Store,
    prepared: Prepared,
    *,
    replace_overlap: bool = False,
    loaded_by: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict:
    """Store a prepared file in one transaction; returns the upload's outcome.

    The checks (the same file already stored, an overlap to confirm) and the
    write run under the store's write lock, so two sessions dropping the same
    export at once store it once: the second is told it is ``unchanged``.
    ``progress(stored, total)`` counts the lines stored (``core.store.add_upload``),
    so a page can show a progress bar; other sessions keep reading the data as
    it was until the upload commits.
    """
    with store.serialized():
        earlier = already_loaded(store, prepared.sha256, prepared.raw.sheet)
        if earlier is not None:
            return _unchanged(prepared.raw.file_name, earlier)
        return _store_prepared(store, prepared, replace_overlap=replace_overlap, loaded_by=loaded_by, progress=progress)


def _unchanged(name: str, earlier: dict) -> dict:
    return {
        "file": name,
        "status": "unchanged",
        "rows_loaded": 0,
        "rows_rejected": 0,
        "message": f"Already loaded on {earlier['loaded_at']:%Y-%m-%d %H:%M} as '{earlier['file_name']}' "
        f"({int(earlier['rows_loaded']):,} rows); nothing changed.",
        "mapping": None,
        "summary": None,
    }


def _store_prepared(
    store: Store,
    prepared: Prepared,
    *,
    replace_overlap: bool = False,
    loaded_by: str | None = None,
    progress: Callable[[int, int], None] | None = None,
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
        prepared.stream(),
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
        progress=progress,
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
        "mapping": prepared.mapping.described(),
        "summary": public_summary(prepared.summary),
    }


def public_summary(summary: dict) -> dict:
    """What a person checks against their ERP: ``rows, clients, date_min, date_max, amount, margin``."""
    shown = {key: summary.get(key) for key in ("rows", "clients", "date_min", "date_max", "amount", "margin")}
    for key in ("date_min", "date_max"):
        shown[key] = shown[key].isoformat() if shown[key] is not None else None
    return shown


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
    progress: Callable[[int, int], None] | None = None,
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
        return _unchanged(name, earlier)
    raw = read_table(path, name, sheet)
    try:
        prepared = prepare(raw, mapping_for(store, raw, overrides), date_order, sha256=sha)
        return store_prepared(store, prepared, replace_overlap=replace_overlap, loaded_by=loaded_by, progress=progress)
    finally:
        raw.con.close()
