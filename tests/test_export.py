"""The Excel and CSV writers: injection-safe text, formats, fills, the parameters sheet."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pandas as pd
import pytest

from core.export import MONEY, PERCENT, Sheet, csv_bytes, safe_text, workbook


@pytest.mark.parametrize("text", ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://x")'])
def test_formula_like_text_gets_an_apostrophe(text):
    assert safe_text(text) == "'" + text


@pytest.mark.parametrize("value", ["Acme", "", "a=b", 5, -5.5, None, date(2024, 1, 1)])
def test_other_values_are_left_alone(value):
    assert safe_text(value) == value


def test_workbook_formats_fills_and_parameters():
    frame = pd.DataFrame(
        {
            "client": ["=cmd|' /C calc'!A0", "Ltd «ჯორჯია»"],
            "basis": [1234.5, -10.0],
            "share": [0.8, 0.2],
            "last": [date(2024, 3, 1), None],
        }
    )
    data = workbook(
        [Sheet("Clients", frame, {"basis": MONEY, "share": PERCENT}, {(1, "client"): "FF0000"})],
        {"basis": "revenue", "as_of": date(2024, 3, 31), "filters": {"region": ["East", "West"], "manager": []}},
    )
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Clients", "Parameters"]
    sheet = book["Clients"]
    assert [c.value for c in sheet[1]] == ["client", "basis", "share", "last"]
    assert sheet["A1"].font.bold
    assert sheet["A2"].value == "'=cmd|' /C calc'!A0"
    assert sheet["A3"].value == "Ltd «ჯორჯია»"
    assert sheet["B2"].value == 1234.5 and sheet["B2"].number_format == MONEY
    assert sheet["C2"].number_format == PERCENT
    assert sheet["D2"].value.date() == date(2024, 3, 1) and sheet["D3"].value is None
    assert sheet["A3"].fill.fgColor.rgb.endswith("FF0000")
    assert sheet["A2"].fill.fgColor.rgb in (None, "00000000")
    assert sheet.freeze_panes == "B2"
    parameters = {row[0]: row[1] for row in book["Parameters"].iter_rows(min_row=2, values_only=True)}
    assert parameters == {
        "basis": "revenue",
        "as_of": "2024-03-31",
        "filters.region": "East, West",
        "filters.manager": "(all)",
    }


def test_csv_is_utf8_with_bom_and_safe():
    data = csv_bytes(pd.DataFrame({"name": ["-2+3", "შპს ალფა"], "basis": [-1.5, 2.0]}))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines() == ["name,basis", "'-2+3,-1.5", "შპს ალფა,2.0"]


def test_control_characters_are_removed_on_the_way_out():
    assert safe_text("Acme\x00 Ltd\x07") == "Acme Ltd"
    assert safe_text("line\tone\nline two\r") == "line\tone\nline two\r"  # tab and line ends are kept
    assert safe_text("\x00=HYPERLINK(1)") == "'=HYPERLINK(1)"  # stripping cannot smuggle a formula in
    assert safe_text("\ufffeA\x7f\x1b[31m") == "A[31m"


def test_every_excel_writer_survives_a_client_name_with_control_characters(store):
    from core.grid import GridParams, abcxyz, grid_workbook, migration
    from core.winback import WinbackParams, export_csv, export_workbook, win_back_list
    from tests.test_winback import first_export, load

    frame = first_export()
    frame["client_name"] = frame["client_id"].map({"A1": "Acme\x00 Ltd\x07", "F6": "\x1bFox\x0b"}).astype(object)
    load(store, frame, "hostile.csv")
    grid = abcxyz(store, GridParams())
    books = {
        "grid": grid_workbook(grid, migration(store, GridParams())),
        "winback": export_workbook(win_back_list(store, WinbackParams())),
    }
    for name, data in books.items():
        cells = {
            cell
            for sheet in openpyxl.load_workbook(io.BytesIO(data)).worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if isinstance(cell, str)
        }
        assert "Acme Ltd" in cells, name
        assert not any(ch in cell for cell in cells for ch in "\x00\x07\x1b\x0b"), name
    call_list = openpyxl.load_workbook(io.BytesIO(books["winback"])).active
    assert "Fox" in {cell for row in call_list.iter_rows(values_only=True) for cell in row}
    text = export_csv(win_back_list(store, WinbackParams())).decode("utf-8-sig")
    assert "Acme Ltd" in text and "\x00" not in text and "\x07" not in text
