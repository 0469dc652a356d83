"""Seeded synthetic B2B sales exports: ``python -m bench.generate --size 1M [--dir D] [--xlsx]``.

What a distributor's ERP exports, one line per invoice line, written by DuckDB
SQL (no Python loop over lines), so ten million lines (1.2 GB of CSV) take about a minute:

- **Clients** (one per 50 lines: 200,000 at 10M) with Zipf-like sizes: the
  client of rank r gets a share of the lines proportional to 1/r, so the
  biggest holds several percent of them and the smallest only a few lines.
  Their average line value is spread log-normally, and their margin rate too.
- **Purchase rhythms**, one per client: *steady* (an order every 7 or 14
  days, or on its own day of each month, 40 %), *seasonal* (purchases crowded around a peak month, 20 %),
  *bursty* (a few short bursts, 15 %), *lapsing* (buying ever less, then
  stopping for good: the churn the product looks for, 15 %) and *returning*
  (a pause of 200–500 days, then buying again: a win-back, 10 %). Most clients
  are there from the start, the others join at any time.
- **Lines**: about 3 % returns (negative amount and quantity), a margin per
  line (a few loss-making ones), an invoice number shared by a client's lines
  of one day, a product from a skewed catalogue, manager, region and segment
  (one client in ten changes manager half-way).
- **The export's look**: ERP-style headers (``Posting Date``, ``Customer No.``,
  ``Net Amount`` …), ISO dates, amounts with two decimals, sorted by date and
  invoice. XLSX holds the same lines in one sheet with real date and number
  cells (``write_xlsx``, about 10 s per million lines): a sheet holds at most
  1,048,576 rows, so XLSX is made up to 1M lines only.

Four years of lines end on ``END``; ``write_fresh`` writes a small export of
the three weeks after it (the clients still buying, a few new ones): the
"next month's file" that goes into a store already holding the big one.
Everything is a pure function of (size, seed) — DuckDB's ``hash`` of the line
number, never ``random()`` — so the same command writes the same bytes.
"""

from __future__ import annotations

import argparse
import re
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import duckdb

END = date(2026, 10, 31)  # the last day of the big export (the fresh one continues after it)
YEARS = 4
FRESH_DAYS = 21
LINES_PER_CLIENT = 50
XLSX_MAX_LINES = 1_048_575  # one sheet, one header row
SIZES = {"100k": 100_000, "1M": 1_000_000, "10M": 10_000_000}

HEADERS = {
    "date": "Posting Date",
    "invoice": "Invoice No.",
    "client_id": "Customer No.",
    "client_name": "Customer Name",
    "product": "Item No.",
    "description": "Item Description",
    "quantity": "Quantity",
    "amount": "Net Amount",
    "margin": "Gross Margin",
    "manager": "Salesperson",
    "region": "Sales Region",
    "segment": "Customer Segment",
}

NAME_WORDS = (
    "Alpha Baltic Cobalt Delta Emerald Falcon Granite Harbor Iris Juniper Keystone Lumen Meridian Nordic "
    "Orion Pioneer Quartz Redwood Summit Titan Union Vertex Willow Zenith Amber Beacon Cedar Drake Echo Fjord"
).split()
NAME_NOUNS = (
    "Foods Logistics Trading Retail Supply Industries Pharma Hotels Builders Motors Textiles Systems "
    "Markets Wholesale Distribution Energy Farms Brewing Plastics Paper"
).split()
LEGAL_FORMS = ("LLC", "Ltd", "GmbH", "JSC", "Group", "& Co", "Inc")
REGIONS = ("North", "South", "East", "West", "Central", "Coast", "Mountain", "Capital")
SEGMENTS = ("Retail chains", "Wholesale", "HoReCa", "Industrial", "Public sector")
FIRST_NAMES = "Anna Boris Clara David Elena Farid Giorgi Hanna Ivan Julia".split()
LAST_NAMES = "Kapanadze Lebedeva Moreau Novak Olsen".split()
PRODUCTS = "Cable Valve Bearing Filter Pump Sensor Panel Bracket Gasket Motor Fuse Relay".split()


def line_count(size: str) -> int:
    """``100k``, ``1M``, ``10M`` or a plain number of lines (``25000``, ``2.5M``)."""
    if size in SIZES:
        return SIZES[size]
    found = re.fullmatch(r"(\d+(?:\.\d+)?)([kKmM]?)", size.strip())
    if not found:
        raise ValueError(f"size must be like 100k, 1M, 10M or 25000, not {size!r}")
    factor = {"": 1, "k": 1_000, "m": 1_000_000}[found.group(2).lower()]
    return int(float(found.group(1)) * factor)


def _list(words) -> str:
    return "[" + ", ".join("'" + w.replace("'", "''") + "'" for w in words) + "]"


def _connect(seed: int) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    # u(key, salt): a uniform number in [0, 1) that depends only on the seed, the key and the salt.
    con.execute(f"CREATE MACRO u(key, salt) AS (hash({int(seed)}, key, salt) % 1000000007) / 1000000007.0")
    # z(key, salt): a standard normal number (Box-Muller on two of the above).
    con.execute(
        "CREATE MACRO z(key, salt) AS sqrt(-2 * ln(1 - u(key, salt || 'a'))) * cos(2 * pi() * u(key, salt || 'b'))"
    )
    return con


def _clients_sql(clients: int, span: int) -> str:
    """One row per client: rank, weight, rhythm and its parameters (days counted from the export's start)."""
    managers = [f"{f} {ln}" for ln in LAST_NAMES for f in FIRST_NAMES][: 5 * len(REGIONS)]
    return f"""
    CREATE OR REPLACE TABLE clients AS
    WITH base AS (
        SELECT k,
               row_number() OVER (ORDER BY u(k, 'rank'), k) AS size_rank,
               u(k, 'kind') AS kind_draw,
               CASE WHEN k >= {clients} THEN {span}                      -- new in the fresh export
                    WHEN u(k, 'old') < 0.6 THEN 0                        -- there from the start
                    ELSE floor(u(k, 'start') * {span} * 0.9)::INTEGER END AS start_day
        FROM range({clients + clients // 400 + 5}) t(k)
    ),
    shaped AS (
        SELECT *,
               CASE WHEN kind_draw < 0.40 THEN 'steady' WHEN kind_draw < 0.60 THEN 'seasonal'
                    WHEN kind_draw < 0.75 THEN 'bursty' WHEN kind_draw < 0.90 THEN 'lapsing'
                    ELSE 'returning' END AS rhythm,
               1.0 / size_rank AS weight
        FROM base
    )
    SELECT k, size_rank, rhythm, start_day, weight,
           'C' || lpad(CAST(100000 + k AS VARCHAR), 7, '0') AS client_id,
           list_element({_list(NAME_WORDS)}, 1 + k % {len(NAME_WORDS)}) || ' '
               || list_element({_list(NAME_NOUNS)}, 1 + (k // {len(NAME_WORDS)}) % {len(NAME_NOUNS)}) || ' '
               || list_element({_list(LEGAL_FORMS)}, 1 + (k // 7) % {len(LEGAL_FORMS)})
               || CASE WHEN k >= {len(NAME_WORDS) * len(NAME_NOUNS)} THEN ' ' || (k // 600) ELSE '' END
               AS client_name,
           -- lapsing clients stop for good somewhere in the second half of their life
           CASE WHEN rhythm = 'lapsing'
                THEN start_day + floor(({span} - start_day) * (0.35 + 0.5 * u(k, 'stop')))::INTEGER
                ELSE {span + FRESH_DAYS} END AS end_day,
           list_element([7, 14, 30], 1 + floor(u(k, 'cadence') * 3)::INTEGER) AS cadence,
           list_element([75, 255, 320], 1 + floor(u(k, 'peak') * 3)::INTEGER) AS peak_day,
           3 + floor(u(k, 'bursts') * 10)::INTEGER AS bursts,
           200 + floor(u(k, 'gap') * 300)::INTEGER AS gap_days,
           0.2 + 0.4 * u(k, 'gap_at') AS gap_at,
           exp(4.6 + 0.9 * z(k, 'scale')) AS line_value,
           0.08 + 0.25 * u(k, 'rate') AS margin_rate,
           list_element({_list(REGIONS)}, 1 + k % {len(REGIONS)}) AS region,
           list_element({_list(SEGMENTS)}, 1 + floor(u(k, 'segment') ^ 1.5 * {len(SEGMENTS)})::INTEGER) AS segment,
           list_element({_list(managers)}, 1 + (k % {len(REGIONS)}) * 5 + (k // {len(REGIONS)}) % 5) AS manager,
           list_element({_list(managers)}, 1 + (k % {len(REGIONS)}) * 5 + (k // {len(REGIONS)} + 1) % 5)
               AS next_manager,
           u(k, 'moves') < 0.1 AS changes_manager
    FROM shaped
    """


def _lines_sql(lines: int, first_day: int, days: int, start: date, salt: str) -> str:
    """The export's SELECT: ``lines`` lines dated in days ``first_day`` … ``first_day + days - 1``."""
    last_day = first_day + days - 1
    columns = ",\n           ".join(f'{expression} AS "{HEADERS[role]}"' for role, expression in _LINE_COLUMNS.items())
    return f"""
    WITH buyers AS (
        -- the clients that buy in these days, their cumulative weight for picking one per line
        SELECT *, (sum(weight) OVER (ORDER BY size_rank) - weight) / sum(weight) OVER () AS pick_from
        FROM clients WHERE start_day <= {last_day} AND end_day >= {first_day}
    ),
    drawn AS (
        SELECT i, u(i, '{salt}pick') AS pick, u(i, '{salt}t') AS t, u(i, '{salt}j') AS j
        FROM range({lines}) r(i)
    ),
    placed AS (
        SELECT d.i, d.t, d.j, c.*,
               greatest(c.start_day, {first_day}) AS lo, least(c.end_day, {last_day}) AS hi
        FROM drawn d ASOF JOIN buyers c ON d.pick >= c.pick_from
    ),
    dated AS (
        SELECT *,
               least(hi, greatest(lo, CASE rhythm
                   -- monthly buyers order on their own day of each calendar month, the others every 7 or 14 days
                   WHEN 'steady' THEN CASE WHEN cadence = 30
                       THEN date_diff('day', DATE '{start}', CAST(date_trunc('month', DATE '{start}' + lo)
                            + to_months(floor(t * (hi - lo + 1) / 30.44)::INTEGER) AS DATE)) + k % 25
                       ELSE lo + cadence * floor(t * (hi - lo + 1) / cadence)::INTEGER + floor(j * 3)::INTEGER END
                   WHEN 'seasonal' THEN lo + floor(t * (hi - lo + 1))::INTEGER
                       -- pull each day 70 % of the way towards the nearest peak of its year
                       - round(0.7 * (((lo + floor(t * (hi - lo + 1))::INTEGER - peak_day) % 365 + 547) % 365
                                      - 182))::INTEGER
                   WHEN 'bursty' THEN lo + (hash(k, floor(j * bursts)::INTEGER, '{salt}') % (hi - lo + 1))::INTEGER
                                      + floor(t * 10)::INTEGER
                   WHEN 'lapsing' THEN lo + floor((1 - sqrt(1 - t)) * (hi - lo + 1))::INTEGER
                   ELSE lo + floor(t * greatest(hi - lo + 1 - gap_days, 1))::INTEGER
                        + CASE WHEN t >= gap_at THEN gap_days ELSE 0 END
               END))::INTEGER AS day
        FROM placed
    ),
    priced AS (
        SELECT *, DATE '{start}' + day AS posting_date,
               u(i, '{salt}return') < 0.03 AS is_return,
               1 + floor(u(i, '{salt}qty') ^ 2 * 40)::INTEGER AS qty,
               line_value * exp(CASE WHEN rhythm = 'steady' THEN 0.3 ELSE 0.7 END * z(i, '{salt}value')) AS value,
               margin_rate + 0.1 * (u(i, '{salt}margin') - 0.5)
                   - CASE WHEN u(i, '{salt}loss') < 0.02 THEN 0.4 ELSE 0 END AS line_rate,
               floor(3000 * u(i, '{salt}product') ^ 3)::INTEGER AS product_no
        FROM dated
    )
    SELECT {columns}
    FROM priced
    ORDER BY posting_date, "{HEADERS["invoice"]}", i
    """


_LINE_COLUMNS = {
    "date": "posting_date",
    "invoice": "'INV-' || lpad(CAST(10000000 + hash(k, day) % 89999999 AS VARCHAR), 8, '0')",
    "client_id": "client_id",
    "client_name": "client_name",
    "product": "'P' || lpad(CAST(product_no AS VARCHAR), 5, '0')",
    "description": f"list_element({_list(PRODUCTS)}, 1 + product_no % {len(PRODUCTS)}) || ' ' || (product_no % 97)",
    "quantity": "CASE WHEN is_return THEN -qty ELSE qty END",
    "amount": "CAST(round(CASE WHEN is_return THEN -value ELSE value END, 2) AS DECIMAL(18, 2))",
    "margin": "CAST(round(CASE WHEN is_return THEN -value ELSE value END * line_rate, 2) AS DECIMAL(18, 2))",
    "manager": "CASE WHEN changes_manager AND day > (start_day + end_day) // 2 THEN next_manager ELSE manager END",
    "region": "region",
    "segment": "segment",
}


def _span() -> tuple[date, int]:
    start = END.replace(year=END.year - YEARS) + timedelta(days=1)
    return start, (END - start).days + 1


def write_export(path: str | Path, lines: int, *, seed: int = 42) -> Path:
    """The big export: ``lines`` lines over the four years ending on ``END``, one client per 50 lines."""
    return _write(path, lines, clients_for(lines), seed=seed, fresh=False)


def write_fresh(path: str | Path, big_lines: int, lines: int = 10_000, *, seed: int = 42) -> Path:
    """The fresh export: ``lines`` lines in the three weeks after ``END``, from the clients of the big
    export of ``big_lines`` lines that still buy (and a few new ones)."""
    return _write(path, lines, clients_for(big_lines), seed=seed, fresh=True)


def clients_for(lines: int) -> int:
    return max(lines // LINES_PER_CLIENT, 10)


def _write(path: str | Path, lines: int, clients: int, *, seed: int, fresh: bool) -> Path:
    start, span = _span()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = _connect(seed)
    try:
        con.execute(_clients_sql(clients, span))
        first_day, days, salt = (span, FRESH_DAYS, "fresh") if fresh else (0, span, "")
        select = _lines_sql(lines, first_day, days, start, salt)
        con.execute(f"COPY ({select}) TO '{_sql_path(path)}' (HEADER, DELIMITER ',')")
    finally:
        con.close()
    return path


XLSX_PARTS = {
    "[Content_Types].xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    ),
    "_rels/.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="xl/workbook.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
        "</Relationships>"
    ),
    "xl/workbook.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<sheets><sheet name="Sales lines" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ),
    "xl/_rels/workbook.xml.rels": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Target="worksheets/sheet1.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
        '<Relationship Id="rId2" Target="styles.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>'
        "</Relationships>"
    ),
    # style 1 is a date (built-in number format 14), style 2 a number with two decimals (format 4)
    "xl/styles.xml": (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    ),
}


def write_xlsx(csv_path: str | Path, xlsx_path: str | Path) -> Path:
    """The same lines as a one-sheet workbook: date cells, number cells, text as inline strings.

    The sheet's XML is written by DuckDB, row by row in SQL (openpyxl's
    write-only mode needs about 200 s per million lines here; this takes a
    tenth of that), and zipped as a stream. Inline strings instead of a shared
    string table are what many ERP exporters write; every reader takes both.
    """
    con = duckdb.connect()
    try:
        source = con.sql(f"SELECT * FROM read_csv('{_sql_path(Path(csv_path))}')")
        count = con.execute("SELECT count(*) FROM source").fetchall()[0][0]
        if count > XLSX_MAX_LINES:
            raise ValueError(f"{count:,} lines do not fit one sheet (at most {XLSX_MAX_LINES:,}); XLSX only up to 1M")
        header = "".join(f'<c t="inlineStr"><is><t>{_xml(name)}</t></is></c>' for name in source.columns)
        cells = []
        for name, kind in zip(source.columns, source.types, strict=True):
            column = '"' + name.replace('"', '""') + '"'
            if str(kind) == "DATE":
                cells.append(f"'<c s=\"1\"><v>' || ({column} - DATE '1899-12-30') || '</v></c>'")
            elif str(kind) in ("DOUBLE", "BIGINT", "INTEGER") or str(kind).startswith("DECIMAL"):
                style = ' s="2"' if str(kind) != "BIGINT" else ""
                cells.append(f"'<c{style}><v>' || {column} || '</v></c>'")
            else:
                text = f"replace(replace(replace({column}, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')"
                cells.append(f"'<c t=\"inlineStr\"><is><t>' || {text} || '</t></is></c>'")
        rows = con.execute(
            "SELECT '<row r=\"' || (row_number() OVER () + 1) || '\">' || "
            + " || ".join(f"coalesce({c}, '')" for c in cells)
            + " || '</row>' FROM source"
        )
        with zipfile.ZipFile(xlsx_path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
            for part, text in XLSX_PARTS.items():
                book.writestr(part, text)
            with book.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                sheet.write(
                    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                    + f'<row r="1">{header}</row>'.encode()
                )
                while batch := rows.fetchmany(50_000):
                    sheet.write("".join(r[0] for r in batch).encode())
                sheet.write(b"</sheetData></worksheet>")
    finally:
        con.close()
    return Path(xlsx_path)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100k", help="100k, 1M, 10M or a number of lines")
    parser.add_argument("--dir", default="/tmp/kam-bench", help="where the files go")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--xlsx", action="store_true", help="also write the XLSX (up to 1M lines)")
    args = parser.parse_args()
    lines = line_count(args.size)
    folder = Path(args.dir)
    started = time.perf_counter()
    big = write_export(folder / f"sales_{args.size}.csv", lines, seed=args.seed)
    print(f"{big}: {lines:,} lines, {big.stat().st_size / 1e6:,.0f} MB, {time.perf_counter() - started:.1f} s")
    fresh = write_fresh(folder / f"fresh_{args.size}.csv", lines, seed=args.seed)
    print(f"{fresh}: 10,000 lines after {END}")
    if args.xlsx:
        started = time.perf_counter()
        book = write_xlsx(big, folder / f"sales_{args.size}.xlsx")
        print(f"{book}: {book.stat().st_size / 1e6:,.0f} MB, {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
