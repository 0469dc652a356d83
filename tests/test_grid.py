"""The ABC-XYZ grid on small hand-computed cases, one per rule of DOMAIN.md, and on the real files."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from core.analysis import Filters
from core.errors import InputError
from core.grid import (
    CELLS,
    GridParams,
    abcxyz,
    as_payload,
    cell_table,
    cells_over_time,
    dominant_xyz,
    former_cells,
    migration,
    tercile_limits,
)
from core.store import add_upload

MARCH = date(2024, 3, 31)


def load(store, rows, **extra_columns):
    """Store lines given as (client_id, 'YYYY-MM-DD', amount[, region[, margin]]) tuples."""
    frame = pd.DataFrame(
        [(*r, *([None] * (5 - len(r)))) for r in rows],
        columns=["client_id", "date", "amount", "region", "margin"],
    )
    frame["client_name"] = "Name of " + frame["client_id"]
    frame["amount"] = frame["amount"].astype(float)
    frame["margin"] = pd.to_numeric(frame["margin"])
    add_upload(store, frame, file_name="t.csv", sha256="t", source_key="t")


def steady(client, amount, months=("2024-01-15", "2024-02-15", "2024-03-15"), region=None):
    return [(client, m, amount, region) for m in months]


def row(result, client_id):
    found = result.clients[result.clients["client_id"] == client_id]
    assert len(found) == 1, f"{client_id} not in the grid"
    return found.iloc[0]


def test_the_client_that_crosses_80_percent_is_still_a(store):
    # shares 50 / 35 / 10 / 5: before() = 0, 50, 85, 95
    load(store, steady("k1", 50) + steady("k2", 35) + steady("k3", 10) + steady("k4", 5))
    result = abcxyz(store, GridParams(as_of=MARCH))
    assert [row(result, c).abc for c in ("k1", "k2", "k3", "k4")] == ["A", "A", "B", "C"]
    assert row(result, "k2").share == pytest.approx(0.35)
    assert row(result, "k4").share_before == pytest.approx(0.95)
    assert result.cells.loc["AX", "clients"] == 2
    assert result.cells.loc["AX", "share"] == pytest.approx(0.85)


def test_ties_are_broken_by_client_id(store):
    # three clients at 30 and one at 10; with A below 50 %: before() = 0, 30, 60, 90
    load(store, steady("t3", 30) + steady("t1", 30) + steady("t2", 30) + steady("t0", 10))
    result = abcxyz(store, GridParams(as_of=MARCH, a=50, b=95))
    ranked = result.clients.sort_values("abc_rank")
    assert list(ranked["client_id"]) == ["t1", "t2", "t3", "t0"]
    assert list(ranked["abc"]) == ["A", "A", "B", "B"]


def test_equal_totals_tie_even_when_float_sums_differ_in_the_last_bit(store):
    # 0.1 + 0.2 is 0.30000000000000004 in floating point; as money it equals 0.3,
    # so "b" (two lines) and "a" (one line) tie and the client id decides.
    load(store, [("b", "2024-03-01", 0.1), ("b", "2024-03-02", 0.2), ("a", "2024-03-01", 0.3)])
    result = abcxyz(store, GridParams(as_of=MARCH))
    assert list(result.clients.sort_values("abc_rank")["client_id"]) == ["a", "b"]


def test_zero_and_negative_basis_are_c_and_z_when_they_have_history(store):
    load(store, steady("rich", 100) + steady("zero", 0) + steady("minus", -5) + [("fresh", "2024-03-01", 0.0)])
    result = abcxyz(store, GridParams(as_of=MARCH))
    assert (row(result, "zero").abc, row(result, "zero").xyz) == ("C", "Z")
    assert (row(result, "minus").abc, row(result, "minus").xyz) == ("C", "Z")
    assert pd.isna(row(result, "minus").cv)
    # negative basis does not enlarge the total the shares are taken of
    assert row(result, "rich").share == pytest.approx(1.0)
    assert row(result, "minus").share == pytest.approx(-0.05)
    # one period of history: too new, not Z
    assert row(result, "fresh").abc == "C"
    assert row(result, "fresh").xyz is None or pd.isna(row(result, "fresh").xyz)
    assert result.new == {"clients": 1, "basis": 0.0, "share": 0.0}
    assert result.cells.loc["CZ", "clients"] == 2
    assert result.cells.loc["CZ", "basis"] == pytest.approx(-15)
    # the cells counted from the grid's class numbers, as from the clients' cell letters
    pd.testing.assert_frame_equal(result.cells, cell_table(result.clients, result.total_positive), check_exact=True)


def test_purchase_frequency_classifies_a_zero_basis_client_like_any_other(store):
    # DOMAIN.md: frequency looks only at whether the client bought in each period;
    # "zero" bought in 3 of 3 months (lines of 0.00), so X, and C for its basis.
    load(store, steady("rich", 100) + steady("zero", 0))
    result = abcxyz(store, GridParams(as_of=MARCH, xyz="frequency"))
    assert row(result, "rich").cell == "AX"
    assert row(result, "zero").cell == "CX"
    assert row(abcxyz(store, GridParams(as_of=MARCH)), "zero").cell == "CZ"  # no CV: Z


def test_months_without_purchases_count_as_zero_in_the_cv(store):
    # 100, 0, 100: mean 200/3, population sd sqrt(2)·100/3, CV = 1/sqrt(2)
    load(store, [("gap", "2024-01-10", 100), ("gap", "2024-03-10", 100)])
    gap = row(abcxyz(store, GridParams(as_of=MARCH)), "gap")
    assert gap.periods == 3
    assert gap.cv == pytest.approx(1 / math.sqrt(2))
    assert gap.xyz == "Z"
    assert gap.frequency == pytest.approx(2 / 3)


def test_a_client_starting_mid_window_is_judged_on_its_own_months(store):
    # window of 12 months: April 2023 .. March 2024; "late" starts in October
    months = [f"2023-{m:02d}-05" for m in (10, 11, 12)] + ["2024-01-05", "2024-02-05", "2024-03-05"]
    load(store, [("late", m, 100) for m in months] + [("old", "2022-06-01", 1), ("old", "2024-03-01", 100)])
    result = abcxyz(store, GridParams(as_of=MARCH))
    late = row(result, "late")
    assert (late.periods, late.cv, late.frequency, late.xyz) == (6, 0.0, 1.0, "X")
    # a client whose first purchase is before the window counts all 12 months
    old = row(result, "old")
    assert old.periods == 12
    assert old.frequency == pytest.approx(1 / 12)
    assert result.window_start == date(2023, 4, 1)


def test_fewer_than_three_periods_is_too_new_but_still_ranked_by_value(store):
    load(store, steady("three", 10) + [("two", "2024-02-01", 500), ("two", "2024-03-01", 500)])
    result = abcxyz(store, GridParams(as_of=MARCH))
    two = row(result, "two")
    assert two.periods == 2 and pd.isna(two.xyz) and pd.isna(two.cell)
    assert (two.abc, two.abc_rank) == ("A", 1)
    assert row(result, "three").cell == "CX"  # ranked after the too-new client: before = 1000/1030
    assert result.new["clients"] == 1 and result.new["basis"] == pytest.approx(1000)
    assert result.cells["clients"].sum() == 1


def test_cv_limits_are_inclusive(store):
    # 90, 110, 90, 110: mean 100, population sd 10, CV exactly 10 %
    load(
        store,
        [("c", d, v) for d, v in [("2023-12-01", 90), ("2024-01-01", 110), ("2024-02-01", 90), ("2024-03-01", 110)]],
    )
    assert row(abcxyz(store, GridParams(as_of=MARCH)), "c").xyz == "X"
    assert row(abcxyz(store, GridParams(as_of=MARCH, x=9.9, y=10)), "c").xyz == "Y"
    assert row(abcxyz(store, GridParams(as_of=MARCH, x=5, y=9.9)), "c").xyz == "Z"


def test_frequency_limits_are_inclusive(store):
    # bought in 3 of 4 months: 75 %; in 2 of 5: 40 %
    load(
        store,
        [("f75", d, 10) for d in ("2023-12-01", "2024-01-01", "2024-03-01")]
        + [("f40", d, 10) for d in ("2023-11-01", "2024-03-01")],
    )
    result = abcxyz(store, GridParams(as_of=MARCH, xyz="frequency"))
    assert row(result, "f75").frequency == pytest.approx(0.75) and row(result, "f75").xyz == "X"
    assert row(result, "f40").frequency == pytest.approx(0.40) and row(result, "f40").xyz == "Y"
    assert row(abcxyz(store, GridParams(as_of=MARCH, xyz="frequency", x=76, y=41)), "f40").xyz == "Z"


def test_weeks_start_on_monday(store):
    # as of Wednesday 13 March 2024: weeks of 26 Feb, 4 Mar, 11 Mar. Sunday 3 March
    # belongs to the week of Monday 26 February, so "sunday" has three weeks of history.
    load(
        store,
        [
            ("sunday", "2024-03-03", 10),
            ("sunday", "2024-03-13", 10),
            ("monday", "2024-03-04", 10),
            ("monday", "2024-03-13", 10),
        ],
    )
    result = abcxyz(store, GridParams(period="week", window=4, as_of=date(2024, 3, 13)))
    assert row(result, "sunday").periods == 3
    assert row(result, "sunday").frequency == pytest.approx(2 / 3)
    assert row(result, "monday").periods == 2
    assert result.window_start == date(2024, 2, 19)


def test_quarters(store):
    # as of 15 May 2024 (Q2): Q4 2023, Q1 and Q2 2024 → 3 quarters, 100 / 0 / 100
    load(store, [("q", "2023-12-31", 100), ("q", "2024-05-15", 100), ("q", "2024-05-16", 999)])
    q = row(abcxyz(store, GridParams(period="quarter", window=4, as_of=date(2024, 5, 15))), "q")
    assert (q.periods, q.basis) == (3, 200)
    assert q.cv == pytest.approx(1 / math.sqrt(2))
    # a window of two quarters cannot hold three periods: too new
    q2 = row(abcxyz(store, GridParams(period="quarter", window=2, as_of=date(2024, 5, 15))), "q")
    assert q2.periods == 2 and pd.isna(q2.xyz)


def test_an_as_of_date_inside_the_data_leaves_later_lines_out(store):
    load(store, steady("k", 10) + [("k", "2024-03-20", 1000), ("later", "2024-03-16", 5)])
    result = abcxyz(store, GridParams(as_of=date(2024, 3, 15)))
    assert list(result.clients["client_id"]) == ["k"]
    assert row(result, "k").basis == 30
    assert row(result, "k").last_purchase == date(2024, 3, 15)
    # without an as-of date the latest date in the data is used
    assert abcxyz(store, GridParams()).params.as_of == date(2024, 3, 20)


def test_clients_without_a_line_in_the_window_are_not_in_the_grid(store):
    load(store, [("gone", "2022-01-01", 100)] + steady("here", 10))
    result = abcxyz(store, GridParams(as_of=MARCH))
    assert list(result.clients["client_id"]) == ["here"]
    assert row(result, "here").share == 1.0


def test_filters_narrow_the_clients(store):
    load(
        store,
        steady("east1", 70, region="East") + steady("east2", 30, region="East") + steady("west", 1000, region="West"),
    )
    result = abcxyz(store, GridParams(as_of=MARCH, filters=Filters(region=("East",))))
    assert sorted(result.clients["client_id"]) == ["east1", "east2"]
    assert row(result, "east2").share == pytest.approx(0.3)
    assert row(result, "east2").abc == "A"  # before = 70 % < 80 %


def test_margin_basis(store):
    load(
        store,
        [("m", d, 100, None, -10) for d in ("2024-01-01", "2024-02-01", "2024-03-01")]
        + [("p", d, 10, None, 5) for d in ("2024-01-01", "2024-02-01", "2024-03-01")],
    )
    result = abcxyz(store, GridParams(basis="margin", as_of=MARCH))
    assert row(result, "m").basis == -30 and row(result, "m").cell == "CZ"
    assert row(result, "p").cell == "AX"


def test_margin_without_a_margin_column_is_refused(store):
    load(store, steady("k", 10))
    with pytest.raises(InputError, match="margin"):
        abcxyz(store, GridParams(basis="margin"))


@pytest.mark.parametrize(
    "params",
    [
        GridParams(a=96, b=95),
        GridParams(a=0),
        GridParams(xyz="cv", x=30, y=20),
        GridParams(xyz="frequency", x=30, y=60),
        GridParams(window=0),
        GridParams(period="day"),
        GridParams(xyz="entropy"),
    ],
)
def test_impossible_parameters_are_refused_with_a_message(store, params):
    load(store, steady("k", 10))
    with pytest.raises(InputError):
        abcxyz(store, params)


def test_no_data_is_said_plainly(store):
    with pytest.raises(InputError, match="load a file"):
        abcxyz(store, GridParams())


def test_former_cell_is_the_cell_at_the_last_purchase(store):
    # "k" stops after January 2024 (steady 3 months from November); "n" starts in January
    load(
        store,
        [("k", d, 100) for d in ("2023-11-10", "2023-12-10", "2024-01-10")]
        + [("n", d, 1) for d in ("2024-01-05", "2024-02-05", "2024-03-05")],
    )
    last = pd.DataFrame({"client_id": ["k", "n", "x"], "last_purchase": [date(2024, 1, 10), date(2024, 1, 5), None]})
    former = former_cells(store, GridParams(), last)
    assert list(former["client_id"]) == ["k", "n", "x"]
    # as of 10 Jan: k has 3 months (AX); n has one month (too new); x never bought
    assert list(former["former_cell"]) == ["AX", None, None]
    assert row(abcxyz(store, GridParams(as_of=date(2024, 1, 10))), "k").cell == "AX"


def test_migration_against_the_previous_window(store):
    # window of 3 months: now Jan–Mar 2024, before Oct–Dec 2023
    load(
        store,
        [("stays", d, 10) for d in ("2023-10-01", "2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01", "2024-03-01")]
        + [("slips", d, 100) for d in ("2023-10-01", "2023-11-01", "2023-12-01", "2024-01-01")]
        + [("left", d, 1) for d in ("2023-10-01", "2023-11-01", "2023-12-01")]
        + [("came", d, 1) for d in ("2024-02-01", "2024-03-01")],
    )
    moved = migration(store, GridParams(window=3, as_of=MARCH))
    assert moved.previous_as_of == date(2023, 12, 31)
    table = moved.transitions
    assert table.loc["AX", "AZ"] == 1  # slips: steady 100s, then 100, 0, 0
    assert table.loc["BX", "AX"] == 1  # stays: B before (behind slips), A now
    assert table.loc["CX", "gone"] == 1
    assert table.loc["new", "too_new"] == 1
    assert int(table.to_numpy().sum()) == 4
    assert list(moved.slipped["client_id"]) == ["slips"]
    assert moved.slipped.iloc[0][["basis_then", "basis_now"]].tolist() == [300, 100]


def test_dominant_class_and_tercile_limits(store):
    # CVs: 0 (steady), 1/sqrt(2) (gap), sqrt(2) (one purchase in 3 months)
    load(
        store,
        steady("s", 10)
        + [("g", "2024-01-10", 10), ("g", "2024-03-10", 10)]
        + [("o", "2024-01-10", 10), ("o", "2024-03-10", 0), ("o", "2024-02-10", 0)],
    )
    result = abcxyz(store, GridParams(as_of=MARCH))
    assert dominant_xyz(result) is None  # X, Z, Z: two thirds
    assert dominant_xyz(result, threshold=0.6) == ("Z", pytest.approx(2 / 3))
    low, high = tercile_limits(result)
    assert low == pytest.approx(math.ceil(1000 * (1 / math.sqrt(2)) * 2 / 3) / 10)
    assert 70.7 < high < 141.5


def test_payload_keys_and_fractions(store):
    load(store, steady("k1", 80) + steady("k2", 20) + [("new", "2024-03-01", 5)])
    payload = as_payload(abcxyz(store, GridParams(as_of=MARCH)))
    assert set(payload) == {"parameters", "cells", "new", "clients"}
    assert list(payload["cells"]) == list(CELLS)
    assert set(payload["cells"]["AX"]) == {"clients", "basis", "share"}
    assert payload["new"] == {"clients": 1, "basis": 5.0}
    first = payload["clients"][0]
    assert set(first) == {"client_id", "client_name", "basis", "share", "abc", "xyz", "cv", "frequency", "periods"}
    assert first["share"] == pytest.approx(240 / 305)
    assert payload["parameters"]["as_of"] == "2024-03-31"
    assert payload["parameters"]["x"] == 10 and payload["parameters"]["y"] == 25


# -- the real files -------------------------------------------------------------------


def _check_expected(result, expected_cells):
    for cell in CELLS:
        assert int(result.cells.loc[cell, "clients"]) == expected_cells[cell]["clients"], cell
        assert round(float(result.cells.loc[cell, "basis"]), 2) == pytest.approx(expected_cells[cell]["basis"]), cell
    assert result.new["clients"] == expected_cells["new"]["clients"]
    assert round(result.new["basis"], 2) == pytest.approx(expected_cells["new"]["basis"])


@pytest.mark.parametrize("dataset", ["superstore", "cdnow_master"])
def test_real_files_reproduce_expected(real_stores, expected, dataset):
    store = real_stores[dataset]
    entries = expected[dataset]["abcxyz"]
    assert len(entries) >= 6
    for entry in entries:
        result = abcxyz(store, GridParams(**entry["parameters"]))
        assert result.params.as_of.isoformat() == expected[dataset]["as_of"]
        _check_expected(result, entry["cells"])


def test_superstore_with_classic_limits_is_all_z(real_stores):
    result = abcxyz(real_stores["superstore"], GridParams())
    assert dominant_xyz(result) == ("Z", 1.0)
    x, y = tercile_limits(result)
    split = abcxyz(real_stores["superstore"], GridParams(x=x, y=y))
    counts = split.classified["xyz"].value_counts()
    assert set(counts.index) == {"X", "Y", "Z"}
    assert counts.max() / counts.sum() < 0.4


def test_no_tercile_offer_when_every_client_looks_the_same(store):
    load(store, steady("a", 10) + steady("b", 20))
    result = abcxyz(store, GridParams(as_of=MARCH))
    assert dominant_xyz(result) == ("X", 1.0)
    assert tercile_limits(result) is None


def test_former_cells_of_several_periods_match_the_grid_at_each_last_purchase(store, monkeypatch):
    # "other" buys on the last day of January, February and March: each
    # client's cell is the grid's at the latest day with a line in the month of
    # its last purchase, whoever else is asked about.
    load(
        store,
        [("jan", d, 100) for d in ("2023-10-03", "2023-11-03", "2023-12-03", "2024-01-20")]
        + [("feb", d, v) for d, v in (("2023-11-05", 10), ("2023-12-05", 90), ("2024-02-11", 40))]
        + [("mar", d, 7) for d in ("2023-09-09", "2023-12-09", "2024-03-02")]
        + [("other", d, 50) for d in ("2023-09-01", "2024-01-31", "2024-02-29", "2024-03-31")],
    )
    last = pd.DataFrame(
        {"client_id": ["jan", "feb", "mar"], "last_purchase": [date(2024, 1, 20), date(2024, 2, 11), date(2024, 3, 2)]}
    )
    former = former_cells(store, GridParams(window=6), last).set_index("client_id")["former_cell"]
    for client, day in zip(last["client_id"], ["2024-01-31", "2024-02-29", "2024-03-31"], strict=True):
        assert former[client] == row(abcxyz(store, GridParams(window=6, as_of=date.fromisoformat(day))), client).cell
    for client in last["client_id"]:  # asked about alone
        alone = former_cells(store, GridParams(window=6), last[last["client_id"] == client])
        assert alone["former_cell"].iloc[0] == former[client]
    # Not after the grid's as-of date: March's latest day up to the 15th is mar's own 2024-03-02.
    capped = former_cells(store, GridParams(window=6, as_of=date(2024, 3, 15)), last).set_index("client_id")
    assert (
        capped.loc["mar", "former_cell"] == row(abcxyz(store, GridParams(window=6, as_of=date(2024, 3, 2))), "mar").cell
    )
    assert former.notna().all()
    # March's latest day was kept for mar alone; other, asked about at that day now, gets
    # the whole grid's cell there, and mar keeps its own
    asked = pd.DataFrame({"client_id": ["other", "mar"], "last_purchase": [date(2024, 3, 31)] * 2})
    both = former_cells(store, GridParams(window=6), asked).set_index("client_id")["former_cell"]
    march = abcxyz(store, GridParams(window=6, as_of=date(2024, 3, 31)))
    assert both["other"] == row(march, "other").cell and both["mar"] == former["mar"] == row(march, "mar").cell
    # A client's cell over time (the dossier's) is kept for the former cells asked after it: jan's
    # at the end of January (AX there, AZ at the later ends) is read back, not computed again.
    import core.grid
    from core.kept import Kept

    monkeypatch.setattr(core.grid, "_CELLS", Kept(256))
    ends = [date(2024, 1, 31), date(2024, 2, 29), date(2024, 3, 31)]
    over_time = cells_over_time(store, GridParams(window=6), "jan", ends)
    assert over_time["cell"].tolist() == ["AX", "AZ", "AZ"] and former["jan"] == "AX"
    computed = []
    grid_frame = core.grid._grid_frame

    def counted(store, params, as_of_dates, *args, **kwargs):
        computed.extend(as_of_dates)
        return grid_frame(store, params, as_of_dates, *args, **kwargs)

    monkeypatch.setattr(core.grid, "_grid_frame", counted)
    alone = former_cells(store, GridParams(window=6), last[last["client_id"] == "jan"])
    assert alone["former_cell"].tolist() == ["AX"] and computed == []
    # the others at the dates kept for jan alone: the whole grid there, once
    again = former_cells(store, GridParams(window=6), last).set_index("client_id")["former_cell"]
    pd.testing.assert_series_equal(again, former)


def test_a_start_date_filter_counts_periods_from_the_first_kept_month(store):
    # "old" buys every month of 2024 H1. Unfiltered its first period is January (6 months as of
    # June); from April on it is April (3 months). An end date alone moves nothing.
    load(store, steady("old", 10, [f"2024-{m:02d}-15" for m in range(1, 7)]))
    june = date(2024, 6, 30)
    assert row(abcxyz(store, GridParams(as_of=june)), "old").periods == 6
    assert row(abcxyz(store, GridParams(as_of=june, filters=Filters(date_to=june))), "old").periods == 6
    from_april = Filters(date_from=date(2024, 4, 1))
    assert row(abcxyz(store, GridParams(as_of=june, filters=from_april)), "old").periods == 3
