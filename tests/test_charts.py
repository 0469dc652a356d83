"""``pages.charts``: each figure from small frames a person can check by hand, in both languages.

The builders are pure (no Streamlit), so they are called directly: the traces a
figure has, the texts it carries in the page's language, its number separators
(Plotly's ``layout.separators``) and the axes it promises (round churn-rate ticks).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from core.grid import CELLS, TOO_NEW
from pages import charts

ROOT = Path(__file__).resolve().parent.parent


def test_charts_never_import_streamlit():
    code = "import sys, pages.charts\nprint(sorted(n for n in sys.modules if n.split('.')[0] == 'streamlit'))"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def grid_cells() -> pd.DataFrame:
    # AX holds two clients worth 1,234,567.5 (62.5 % of the total); every other cell is empty
    cells = pd.DataFrame({"clients": 0, "basis": 0.0, "share": 0.0}, index=list(CELLS))
    cells.loc["AX"] = [2, 1_234_567.5, 0.625]
    return cells


@pytest.mark.parametrize(
    "lang, separators, clients, basis, share, column",
    [
        ("en", ".,", "clients: 2", "1,234,568", "62.5\u00a0%", "X · steady"),
        ("ka", ",\u00a0", "კლიენტები: 2", "1\u00a0234\u00a0568", "62,5\u00a0%", "X · სტაბილური"),
    ],
)
def test_grid_figure_has_a_point_per_cell_in_the_language(lang, separators, clients, basis, share, column):
    figure = charts.grid_figure(grid_cells(), {"clients": 1, "basis": 30.0, "share": None}, "AX", lang)
    assert figure.layout.separators == separators
    (points,) = figure.data
    assert list(points.customdata) == [*CELLS, TOO_NEW] == charts.GRID_CHOICES  # a click's index names the cell
    texts = dict(zip(points.customdata, points.text, strict=True))
    assert clients in texts["AX"] and basis in texts["AX"] and share in texts["AX"]
    assert texts[TOO_NEW].endswith("—")  # no share: a dash, never "nan"
    assert figure.layout.xaxis.ticktext[0].startswith(column.split(" · ")[0])
    frames = [shape.line.width for shape in figure.layout.shapes]
    assert frames.count(4) == 1  # only the chosen cell is framed


def test_grid_figure_titles_read_in_georgian_only():
    figure = charts.grid_figure(grid_cells(), {"clients": 0, "basis": 0, "share": 0}, None, "ka")
    ticks = " ".join([*figure.layout.xaxis.ticktext, *figure.layout.yaxis.ticktext])
    assert "steady" not in ticks and "ძალიან" in ticks.replace("<br>", " ")


def ranking(n: int) -> pd.DataFrame:
    shares = pd.Series([1 / n] * n)
    return pd.DataFrame(
        {
            "rank": range(1, n + 1),
            "client_id": [f"c{i}" for i in range(1, n + 1)],
            "share": shares,
            "cumulative_share": shares.cumsum(),
        }
    )


@pytest.mark.parametrize("axis, key_x", [("rank", 5), ("share", 50.0)])
def test_pareto_figure_draws_the_band_the_target_and_the_key_set(axis, key_x):
    figure = charts.pareto_figure(ranking(10), axis=axis, clients=10, key_set_clients=5, target=50, lang="en")
    (curve,) = figure.data
    assert list(curve.y) == pytest.approx([10 * i for i in range(1, 11)])
    band, target, key_set = figure.layout.shapes
    assert (band.y0, band.y1) == (30, 55)  # the article's key-client band
    assert target.y0 == 50 and key_set.x0 == key_x
    texts = [a.text for a in figure.layout.annotations]
    assert any("30–55\u00a0%" in text for text in texts)


def test_a_long_pareto_curve_is_thinned_but_keeps_its_last_point():
    figure = charts.pareto_figure(ranking(10_000), axis="rank", clients=10_000, key_set_clients=1, target=50, lang="ka")
    (curve,) = figure.data
    assert len(curve.x) == 5_001  # ranks 1, 3, 5, … 9 999, and the last one
    assert curve.x[-1] == 10_000 and curve.y[-1] == pytest.approx(100)
    assert figure.layout.separators == ",\u00a0"


def test_concentration_trend_has_three_panels_on_periods():
    trend = pd.DataFrame({"period": ["2024-01", "2024-02"], "top_n_share": [0.5, 0.6], "key_set_clients": [3, 2]})
    figure = charts.concentration_trend_figure(trend.assign(hhi=[2500, 3000]), 10, "en")
    assert [list(trace.y) for trace in figure.data] == [[50, 60], [3, 2], [2500, 3000]]
    assert [a.text for a in figure.layout.annotations] == ["Top 10 share", "Key-set clients", "HHI"]
    assert figure.layout.xaxis.type == "category"
    # stacked top to bottom with a gap, the periods written under the last panel only
    domains = [figure.layout[f"yaxis{s}"].domain for s in ("", "2", "3")]
    assert domains == [(0.72, 1.0), (0.36, 0.64), (0.0, 0.28)]
    assert [trace.yaxis for trace in figure.data] == ["y", "y2", "y3"]
    assert [a.y for a in figure.layout.annotations] == [1.0, 0.64, 0.28]
    assert figure.layout.xaxis.matches == figure.layout.xaxis2.matches == "x3"
    assert figure.layout.xaxis.showticklabels is False and figure.layout.xaxis3.showticklabels is None


def periods() -> pd.DataFrame:
    return pd.DataFrame(
        {"period": ["2024-01", "2024-02", "2024-03"], "lost": [1, 3, 5], "churn_rate": [0.01, 0.02, 0.043]}
    )


def test_churn_dynamics_has_bars_a_trend_and_the_rate_on_round_ticks():
    figure = charts.churn_dynamics_figure(periods(), 2.0, "en")
    bars, trend, rate = figure.data
    assert (bars.type, trend.type, rate.type) == ("bar", "scatter", "scatter")
    assert list(trend.y) == pytest.approx([1, 3, 5])  # the least-squares line through 1, 3, 5
    assert list(rate.y) == pytest.approx([1, 2, 4.3])
    axis = figure.layout.yaxis2
    assert tuple(axis.range) == (0, 5.0) and axis.dtick == 1.0 and axis.tick0 == 0  # 0, 1, … 5: not 1.3, 2.7
    assert figure.layout.separators == ".,"


def test_churn_dynamics_without_a_trend_draws_no_line():
    figure = charts.churn_dynamics_figure(periods(), None, "ka")
    assert [trace.type for trace in figure.data] == ["bar", "scatter"]
    assert figure.data[1].name == "გადინების მაჩვენებელი, %"


def test_reasons_stack_known_reasons_below_unknown():
    by_period = pd.DataFrame(
        {"period": ["2024-01", "2024-01", "2024-02"], "reason": ["unknown", "price", "price"], "losses": [2, 1, 4]}
    )
    figure = charts.reasons_per_period_figure(by_period, pd.Series(["unknown", "price"]), ["2024-01", "2024-02"], "en")
    assert [trace.name for trace in figure.data] == ["Price", "unknown"]
    assert figure.data[1].marker.color == charts.GREY
    assert figure.layout.barmode == "stack" and list(figure.layout.xaxis.categoryarray) == ["2024-01", "2024-02"]


def test_reasons_pareto_in_georgian():
    pareto = pd.DataFrame({"reason": ["price", "unknown"], "value": [300.0, 100.0], "cumulative_share": [0.75, 1.0]})
    figure = charts.reasons_pareto_figure(pareto, "ka")
    bars, line = figure.data
    assert list(bars.x) == ["ფასი", "უცნობი"] and list(bars.marker.color) == ["#d62728", charts.GREY]
    assert list(line.y) == pytest.approx([75, 100])
    assert list(figure.layout.yaxis2.tickvals) == [0, 25, 50, 75, 100]


@pytest.mark.parametrize("has_margin, traces", [(True, ["bar", "scatter"]), (False, ["bar"])])
def test_sales_figure_adds_the_margin_only_when_there_is_one(has_margin, traces):
    sales = pd.DataFrame({"period": ["2024-01", "2024-02"], "revenue": [100.0, 150.0], "margin": [10.0, 12.0]})
    figure = charts.sales_figure(sales, has_margin, "en")
    assert [trace.type for trace in figure.data] == traces
    assert figure.data[0].name == "Revenue"


def test_cells_figure_colours_each_period_and_names_the_absent_ones():
    cells = pd.DataFrame({"period": ["2024-01", "2024-02", "2024-03"], "cell": [None, None, "AX"]})
    figure = charts.cells_figure(cells.assign(in_grid=[False, True, True]), "en")
    (bars,) = figure.data
    assert list(bars.text) == ["not in the grid", "too new", "AX"]
    assert bars.marker.color[0] == "#" + charts.ABSENT_COLOUR


def test_managers_figure_greys_the_clients_without_a_manager():
    managers = pd.DataFrame(
        {"manager": ["Nino", None], "basis": [240.0, 20.0], "share": [0.923, 0.077], "key_clients": [2, 0]}
    )
    figure = charts.managers_figure(managers, ["Nino", "(no manager)"], "revenue", "ka")
    (bars,) = figure.data
    assert list(bars.x) == ["Nino", "(no manager)"]
    assert list(bars.marker.color) == ["#1F77B4", "#BBBBBB"]
    assert "92,3\u00a0%" in bars.text[0]
    assert figure.layout.yaxis.title.text == "შემოსავალი"


@pytest.mark.parametrize("lang", ["en", "ka"])
def test_money_axes_have_no_english_suffixes(lang):
    managers = pd.DataFrame(
        {"manager": ["Ann", None], "basis": [1_500_000.0, 250_000.0], "share": [0.8, 0.2], "key_clients": [2, 0]}
    )
    figure = charts.managers_figure(managers, ["Ann", "—"], "revenue", lang)
    assert figure.layout.yaxis.exponentformat == "none" and figure.layout.yaxis.separatethousands
