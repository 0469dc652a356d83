"""Numbers on the pages read one way per language: metrics compact with the exact help, tables grouped."""

from __future__ import annotations

import io

import pyarrow as pa
import pytest

from core.store import Store
from tests.pagetest import open_page
from tests.test_grid import load, steady


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "big.duckdb"
    months = [f"2024-{m:02d}-10" for m in range(1, 7)]
    with Store(path) as store:
        load(store, steady("k1", 5_000_000.25, months) + steady("k2", 958_000.5, months))
    return path


def shown_cells(table) -> list[str]:
    """The strings the table shows (the Styler's display values), row by row."""
    display = pa.ipc.open_stream(io.BytesIO(table.proto.arrow_data.styler.display_values)).read_all().to_pandas()
    return [str(v) for row in display.itertuples(index=False) for v in row]


@pytest.mark.parametrize(
    "lang, total, exact, basis",
    [
        ("en", "35.7\u00a0M", "35,748,004", "30,000,001.50"),
        ("ka", "35,7\u00a0მლნ", "35\u00a0748\u00a0004", "30\u00a0000\u00a0001,50"),
    ],
)
def test_metric_compact_with_the_exact_value_and_tables_grouped(db, lang, total, exact, basis):
    at = open_page(db, "concentration", lang=lang)
    assert not at.exception
    metric = at.metric[0]
    assert metric.value == total and exact in metric.proto.help
    key_set = next(t for t in at.dataframe if t.proto.arrow_data.styler.display_values)
    assert basis in shown_cells(key_set)
    assert float(key_set.value.iloc[0, 4]) == pytest.approx(30_000_001.5)  # the value stays a number


def test_written_tables_read_as_pandas_own_styler_writes_them():
    """``ui.written`` hands Streamlit the same display values as pandas' Styler with the same formats:
    numbers and shares in the page's language, dates whole or with their time, empty cells blank, a column
    without a format as pandas writes it (floats to six places)."""
    import pandas as pd
    from streamlit.elements.lib.pandas_styler_utils import marshall_styler
    from streamlit.proto.ArrowData_pb2 import ArrowData

    from core import numbers
    from pages import ui

    frame = pd.DataFrame(
        {
            "name": pd.Series(["Ana", None, "ბაჩო"], dtype="str"),
            "client_id": pd.Series(["C1", "C2", "C3"], dtype="str"),
            "periods": [3, 0, 12],
            "money": [1234567.891, float("nan"), -0.5],
            "share": [0.1234, None, 1.0],
            "count": pd.array([3, None, 7], dtype="Int64"),
            "whole": pd.to_datetime(["2024-01-02", None, "2024-03-04"]),
            "timed": pd.to_datetime(["2024-01-02 10:30", "2024-01-03 00:00", None]),
            "ratio": [0.25, 1 / 3, None],
            "flag": [True, False, True],
            "kept": pd.Series(["x", None, 5], dtype=object),
        }
    )
    for here in ("en", "ka"):
        formats = {
            "money": lambda v, here=here: numbers.number(v, here, 2),
            "count": lambda v, here=here: numbers.number(v, here, 0),
            "share": lambda v, here=here: numbers.percent(v, here),
            "whole": lambda v: v.strftime("%Y-%m-%d"),
            "timed": lambda v: v.strftime("%Y-%m-%d %H:%M"),
        }
        # the same numbers and shares written a column at a time (what ui.styled hands over)
        columns = {
            "money": lambda v, here=here: numbers.numbers_of(v, here, 2),
            "count": lambda v, here=here: numbers.numbers_of(v, here, 0),
            "share": lambda v, here=here: numbers.percents_of(v, here),
        }
        by_column = {k: f for k, f in formats.items() if k not in columns}
        written, by_columns, theirs = ArrowData(), ArrowData(), ArrowData()
        marshall_styler(written, ui.written(frame, formats), "u")
        marshall_styler(by_columns, ui.written(frame, by_column, columns), "u")
        marshall_styler(theirs, frame.style.format(na_rep="").format(formats, na_rep=""), "u")
        protos = (written, by_columns, theirs)
        read = [pa.ipc.open_stream(io.BytesIO(p.styler.display_values)).read_all() for p in protos]
        assert read[0].equals(read[2]), (read[0].to_pandas(), read[2].to_pandas())
        assert read[1].equals(read[2]), (read[1].to_pandas(), read[2].to_pandas())
        assert written.styler.styles == by_columns.styler.styles == theirs.styler.styles == ""
    assert "1\u00a0234\u00a0567,89" in read[0].column("money").to_pylist()  # the last language written: ka
