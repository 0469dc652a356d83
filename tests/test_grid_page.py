"""The grid page under AppTest: controls move the grid, a cell lists its clients, the Excel pack reads back."""

from __future__ import annotations

import io
import json
from datetime import date

import openpyxl
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from core.grid import CELLS, GridParams, abcxyz
from core.numbers import number
from core.store import Store
from tests.pagetest import open_page
from tests.test_grid import load, steady


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "page.duckdb"
    with Store(path) as store:
        # k1..k4: steady over 6 months (AX, AX, BX, CX); gap: irregular; late: too new
        months = [f"2024-{m:02d}-10" for m in range(1, 7)]
        load(
            store,
            steady("k1", 50, months)
            + steady("k2", 35, months)
            + steady("k3", 10, months)
            + steady("k4", 5, months)
            + [("gap", "2024-01-10", 30), ("gap", "2024-06-10", 30)]
            + [("late", "2024-06-01", 3)],
        )
    return path


def grid_texts(at) -> dict[str, str]:
    """The text drawn in each cell of the Plotly grid, by cell name."""
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    trace = figure["data"][0]
    return dict(zip(trace["customdata"], trace["text"], strict=True))


def test_page_draws_the_grid_the_strip_and_the_strategies(db):
    at = open_page(db, "grid")
    assert not at.exception and not at.error
    texts = grid_texts(at)
    assert "clients: 2" in texts["AX"] and "clients: 1" in texts["BX"] and "clients: 1" in texts["CX"]
    assert "clients: 1" in texts["too_new"]
    assert "clients: 1" in texts["AZ"]  # gap: 30, 0, 0, 0, 0, 30
    assert any("keep and protect" in m.value for m in at.markdown)
    # no margin column loaded: revenue is the only basis offered
    assert at.selectbox(key="grid_basis").options == ["Revenue"]


def test_moving_a_slider_changes_the_grid(db):
    at = open_page(db, "grid")
    before = grid_texts(at)
    at.slider(key="grid_a").set_value(40).run()
    after = grid_texts(at)
    assert not at.exception
    # with A below 40 % only k1 (before = 0) stays A; k2 (before = 300/663) is B
    assert "clients: 2" in before["AX"] and "clients: 1" in after["AX"]
    at.slider(key="grid_window").set_value(2).run()
    assert "clients: 0" in grid_texts(at)["AX"]  # two months of history: everyone is too new
    assert "clients: 6" in grid_texts(at)["too_new"]


def test_a_cell_lists_its_clients_and_the_choice_is_in_the_url(db):
    at = open_page(db, "grid", query={"grid_cell": "AX"})
    assert not at.exception
    listing = at.dataframe[0].value
    assert sorted(listing["client_id"]) == ["k1", "k2"]
    assert list(listing.columns[:6]) == ["dossier", "client", "client_id", "basis", "share", "abc_rank"]
    # one click on a client opens its dossier (a link relative to the app, the language along)
    assert listing.set_index("client_id").loc["k1", "dossier"] == "dossier?client=k1&lang=English"
    at.button_group(key="grid_cell").set_value("CX").run()
    assert list(at.dataframe[0].value["client_id"]) == ["k4"]


def test_clicking_the_chart_picks_the_cell(db):
    at = open_page(db, "grid")
    assert any("Pick a cell" in i.value for i in at.info)
    at.session_state["grid_chart"] = {"selection": {"points": [{"point_index": 2}], "point_indices": [2]}}
    at.run()
    assert at.session_state["grid_cell"] == "AZ"
    assert list(at.dataframe[0].value["client_id"]) == ["gap"]


def test_one_class_holding_nearly_everyone_offers_terciles(tmp_path):
    path = tmp_path / "z.duckdb"
    with Store(path) as store:
        # every client irregular: one purchase in three months, basis 10..60
        load(
            store,
            [(f"c{i}", "2024-01-10", 10 * i) for i in range(1, 7)]
            + [(f"c{i}", "2024-03-10", 0) for i in range(1, 7)]
            + [(f"c{i}", "2024-02-10", i) for i in range(1, 4)],
        )
    at = open_page(path, "grid")
    assert any("of the classified clients are in Z" in w.value for w in at.warning)
    at.button(key="grid_use_terciles").click().run()
    assert not at.exception
    x, y = at.number_input(key="grid_cv_x").value, at.number_input(key="grid_cv_y").value
    assert 25 < x < y
    with Store(path) as store:
        classes = abcxyz(store, GridParams(x=x, y=y)).classified["xyz"].value_counts()
    assert classes.max() < 6


def test_errors_are_shown_not_raised(db):
    at = open_page(db, "grid", query={"grid_a": "99", "grid_b": "90"})
    assert not at.exception, [e.value for e in at.exception]
    assert any("ABC limits" in e.value for e in at.error)


def test_the_excel_pack_reads_back_with_the_same_numbers(db, monkeypatch):
    captured = []
    original = MediaFileManager.add_deferred

    def capture(self, data_callable, *args, **kwargs):
        captured.append(data_callable)
        return original(self, data_callable, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", capture)
    at = open_page(db, "grid", query={"grid_a": "50"})
    assert not at.exception and captured
    assert at.download_button(key="grid_export").label == "Download the Excel pack"
    book = openpyxl.load_workbook(io.BytesIO(captured[-1]()))
    assert book.sheetnames == ["Grid", "Clients", "Migration", "Slipped", "Parameters"]
    with Store(db) as store:
        expected = abcxyz(store, GridParams(a=50))
    rows = {r[0]: r for r in book["Grid"].iter_rows(min_row=2, values_only=True)}
    for cell in CELLS:
        assert rows[cell][3] == expected.cells.loc[cell, "clients"]
        assert rows[cell][4] == pytest.approx(expected.cells.loc[cell, "basis"])
        assert rows[cell][5] == pytest.approx(expected.cells.loc[cell, "share"])
    assert rows["Too new"][3] == 1
    parameters = {r[0]: r[1] for r in book["Parameters"].iter_rows(min_row=2, values_only=True)}
    assert parameters["a"] == 50 and parameters["as_of"] == date(2024, 6, 10).isoformat()
    assert parameters["data_first_date"] == "2024-01-10"
    clients = list(book["Clients"].iter_rows(min_row=2, values_only=True))
    assert len(clients) == len(expected.clients) == 6


def test_errors_speak_georgian_on_a_georgian_page(db):
    at = open_page(db, "grid", lang="ka", query={"grid_a": "99", "grid_b": "90"})
    assert not at.exception
    assert any("ABC ზღვრები" in e.value for e in at.error)
    assert at.title[0].value == "ABC-XYZ ბადე"


def test_superstore_page_shows_the_expected_figures(tmp_path, real_dir, expected):
    from tests.realdata import load_superstore

    path = tmp_path / "superstore.duckdb"
    with Store(path) as store:
        load_superstore(store, real_dir)
    at = open_page(path, "grid", query={"grid_period": "quarter", "grid_window": "8"})
    assert not at.exception
    # Superstore has a margin column: both bases are offered
    assert at.selectbox(key="grid_basis").options == ["Revenue", "Margin"]
    entry = next(e for e in expected["superstore"]["abcxyz"] if e["parameters"] == {"period": "quarter", "window": 8})
    texts = grid_texts(at)
    for cell in CELLS:
        figures = entry["cells"][cell]
        assert f"clients: {figures['clients']:,}" in texts[cell]
        assert f"{figures['basis']:,.0f}" in texts[cell]
    assert f"clients: {entry['cells']['new']['clients']}" in texts["too_new"]


@pytest.mark.parametrize("lang, words", [("en", "2 clients lose money"), ("ka", "2 კლიენტი ზარალზეა")])
def test_the_margin_basis_says_why_a_share_is_negative(tmp_path, lang, words):
    path = tmp_path / "margin.duckdb"
    months = [f"2024-{m:02d}-10" for m in range(1, 7)]
    with Store(path) as store:
        load(
            store,
            [
                (c, m, 100, None, margin)
                for c, margin in (("k1", 60), ("k2", 40), ("k3", -30), ("k4", -5))
                for m in months
            ],
        )
    at = open_page(path, "grid", lang=lang, query={"grid_basis": "margin"})
    assert not at.exception
    note = next(c.value for c in at.caption if words in c.value)
    assert number(600, lang) in note  # the base: the positive margins, 60 + 40 over six months
    at = open_page(path, "grid", lang=lang)
    assert not any(words in c.value for c in at.caption)  # revenue: nothing to explain


def test_the_slipped_clients_show_the_biggest_first_and_say_how_many(tmp_path, monkeypatch):
    import pages.tables

    # s1-s3 buy 300, 200, 100 every month of the earlier window (AX then), then once in April
    # only (Z now): three slips, the biggest basis then first; k buys steadily throughout.
    months = [f"2024-{m:02d}-10" for m in range(1, 7)]
    path = tmp_path / "slips.duckdb"
    with Store(path) as store:
        load(
            store,
            steady("k", 50, months)
            + [(c, m, amount) for c, amount in (("s1", 300), ("s2", 200), ("s3", 100)) for m in months[:4]],
        )
    monkeypatch.setattr(pages.tables, "SUMMARY_ROWS", 2)
    at = open_page(path, "grid", query={"grid_window": "3"})
    assert not at.exception and not at.error
    slipped = at.dataframe[1].value
    assert slipped["client_id"].tolist() == ["s1", "s2"]
    assert any("Showing the first 2 of 3 rows" in caption.value for caption in at.caption)
