"""Excel and CSV writers for every view: formatted workbooks, injection-safe text.

What it promises:

- ``safe_text`` neutralises CSV/formula injection the way OWASP recommends: a
  text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
  gets a leading apostrophe, so a client named ``=HYPERLINK(...)`` stays text
  in Excel. Numbers and dates are left alone. Every text cell of a workbook
  and of a CSV goes through it.
- ``safe_text`` also removes the characters an Excel file cannot hold (NUL and
  the other control characters except tab, line feed and carriage return,
  U+FFFE/U+FFFF and lone surrogates), so a client name carrying one from a
  hostile or broken export never breaks a workbook (openpyxl would raise
  ``IllegalCharacterError``) and the CSV matches it.
- ``workbook(sheets, parameters)`` writes one sheet per ``Sheet`` (styled
  header row, number formats per column, frozen header and first column,
  autofilter, optional fill colours per cell) and a last "Parameters" sheet
  listing every parameter and filter, so a figure can be reproduced.
- ``csv_bytes`` writes UTF-8 with a byte-order mark, which Excel needs to read
  Georgian names correctly.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = "1F3A5F"
MONEY = "#,##0.00"
PERCENT = "0.0%"
INTEGER = "#,##0"
DATE = "yyyy-mm-dd"
PARAMETERS_SHEET = "Parameters"
# Characters XML 1.0 (and so .xlsx) cannot carry, plus DEL: removed from every text cell.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def safe_text(value):
    """``value`` without unwritable characters, with a leading apostrophe when Excel would read a formula."""
    if not isinstance(value, str):
        return value
    value = UNWRITABLE.sub("", value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


@dataclass
class Sheet:
    """One worksheet: a frame, Excel number formats per column, optional fills.

    ``fills`` maps (row position, column name) to an RGB colour such as
    ``"C6EFCE"``; ``index`` writes the frame's index as the first column.
    """

    name: str
    frame: pd.DataFrame
    number_formats: dict[str, str] = field(default_factory=dict)
    fills: dict[tuple[int, str], str] = field(default_factory=dict)
    index: bool = False


def _cell_value(value):
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item") and not isinstance(value, str | date | datetime):
        value = value.item()  # numpy scalars
    return safe_text(value)


def _write_sheet(ws, sheet: Sheet) -> None:
    """Write one sheet in openpyxl's write-only mode (rows streamed, styles set as cells are made).

    Write-only mode keeps a workbook of a hundred thousand clients to seconds
    and flat memory; only cells that carry a number format or a fill become
    styled cell objects.
    """
    frame = sheet.frame.reset_index() if sheet.index else sheet.frame
    columns = [str(c) for c in frame.columns]
    for position, column in enumerate(columns, start=1):
        sample = [len(column)] + [len(str(v)) for v in frame.iloc[:200, position - 1].tolist()]
        ws.column_dimensions[get_column_letter(position)].width = min(max(sample) + 2, 48)
    ws.freeze_panes = "B2" if len(columns) > 1 else "A2"
    if len(frame):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(frame) + 1}"

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    header_alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(ws, safe_text(column))
        cell.font, cell.fill, cell.alignment = header_font, header_fill, header_alignment
        header.append(cell)
    ws.append(header)

    formats = []
    for position, column in enumerate(columns):
        number_format = sheet.number_formats.get(column)
        if number_format is None and pd.api.types.is_datetime64_any_dtype(frame.iloc[:, position]):
            number_format = DATE
        formats.append(number_format)
    fills_by_row: dict[int, dict[int, PatternFill]] = {}
    for (row_position, column), colour in sheet.fills.items():
        if column in columns:
            fills_by_row.setdefault(row_position, {})[columns.index(column)] = PatternFill("solid", fgColor=colour)
    styled = [i for i, f in enumerate(formats) if f]
    for row_position, values in enumerate(frame.itertuples(index=False, name=None)):
        row = [_cell_value(v) for v in values]
        row_fills = fills_by_row.get(row_position, {})
        for i in set(styled) | set(row_fills):
            cell = WriteOnlyCell(ws, row[i])
            if formats[i]:
                cell.number_format = formats[i]
            if i in row_fills:
                cell.fill = row_fills[i]
            row[i] = cell
        ws.append(row)


def _flatten(parameters: dict, prefix: str = "") -> list[tuple[str, object]]:
    rows = []
    for key, value in parameters.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows.extend(_flatten(value, name + "."))
        elif isinstance(value, list | tuple):
            rows.append((name, ", ".join(str(v) for v in value) if value else "(all)"))
        else:
            rows.append((name, "(none)" if value is None else value))
    return rows


def workbook(sheets: list[Sheet], parameters: dict) -> bytes:
    """A formatted .xlsx: the given sheets, then a "Parameters" sheet with every parameter and filter."""
    book = Workbook(write_only=True)
    for sheet in sheets:
        _write_sheet(book.create_sheet(sheet.name[:31]), sheet)
    rows = pd.DataFrame(_flatten(parameters), columns=["parameter", "value"])
    rows["value"] = rows["value"].map(lambda v: v.isoformat() if isinstance(v, date) else v).astype(object)
    _write_sheet(book.create_sheet(PARAMETERS_SHEET), Sheet(PARAMETERS_SHEET, rows))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as CSV, text made injection-safe, UTF-8 with a BOM for Excel."""
    safe = frame.copy()
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):
            safe[column] = safe[column].map(safe_text)
    return safe.to_csv(index=False).encode("utf-8-sig")
