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
