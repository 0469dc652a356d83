"""The Excel packs carry numbers as numbers with a number format, never as text written the page's way.

Excel then shows ``1,234.50`` or ``1 234,50`` as the reader's own Excel is set,
and a director can sum and sort the columns. Checked on the demo data for the
grid pack and the win-back workbook, in both languages.
"""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from core.demo import load_demo_if_empty
from core.export import PARAMETERS_SHEET
from core.grid import GridParams, PackParams, grid_pack
from core.store import Store
from core.winback import WinbackParams, export_workbook, win_back_list

# a text cell that is really a figure written for reading: "1,234.5", "1 234,5", "12.3 %", "35.7 M"
WRITTEN_NUMBER = re.compile(r"^-?\d{1,3}([,\u00a0 .]\d{3})*([.,]\d+)?(\u00a0| )?(%|K|M|B|ათ\.|მლნ|მლრდ)?$")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("excel") / "demo.duckdb"
    store = Store(path)
    load_demo_if_empty(store)
    yield store
    store.close()


def packs(store, lang):
    yield "grid", grid_pack(store, PackParams(GridParams(), lang))
    yield "winback", export_workbook(win_back_list(store, WinbackParams(include_at_risk=True)), lang)


@pytest.mark.parametrize("lang", ["en", "ka"])
def test_figures_are_numbers_with_a_format(demo, lang):
    for name, data in packs(demo, lang):
        book = load_workbook(io.BytesIO(data))
        numbers = 0
        for sheet in book.worksheets:
            if sheet.title == PARAMETERS_SHEET:
                continue
            for row in sheet.iter_rows(min_row=2):
                for cell in row:
                    if cell.data_type == "n" and isinstance(cell.value, float):
                        numbers += 1
                        assert cell.number_format != "General", (name, sheet.title, cell.coordinate, cell.value)
                    if isinstance(cell.value, str):
                        assert not WRITTEN_NUMBER.match(cell.value.strip()), (name, sheet.title, cell.coordinate)
        assert numbers > 0, f"the {name} pack holds no figure at all"
