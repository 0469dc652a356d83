"""Portfolios by manager: who a line and a client belong to, assignments files, figures that add up.

The hand-made set for assignments (lines carry no manager; as-of 2024-06-30,
month window of 12: 2023-07-01 … 2024-06-30):

| client | region | lines |
|---|---|---|
| a | East | 100 on 10 Jan, 100 on 10 Jun |
| b | West | 50 on 10 Feb, 50 on 10 Jun |
| c | North | 10 on 10 Mar, 10 on 10 Jun (no assignment: no manager) |
| e | East | 40 on 10 May |

The file ``tests/fixtures/assignments_by_region.csv`` gives East to Nino,
West to Giorgi, and West to Ana from 2024-04-01. By hand: Nino 100 + 100 + 40
= 240, Giorgi 50 (February, before the reassignment), Ana 50 (June), no
manager 20; total 360. Clients follow their manager as of 30 June: Nino a and
e, Ana b, nobody c; Giorgi keeps money but no client. Three rows of the file
are set aside (no region, no manager, a date that is not YYYY-MM-DD).
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from core.analysis import Filters
from core.churn import ChurnParams, at_risk, lost_clients
from core.errors import InputError
from core.grid import GridParams, abcxyz
from core.managers import (
    ManagerParams,
    as_payload,
    assignment_loads,
    assignments,
    client_managers,
    delete_assignment_load,
    load_assignments,
    manager_of,
    manager_portfolios,
    portfolio,
)
from core.store import add_upload
from core.winback import WinbackParams, set_status, win_back_list
from tests.test_winback import first_export, load

FIXTURES = Path(__file__).parent / "fixtures"
JUNE = date(2024, 6, 30)
BY_REGION = FIXTURES / "assignments_by_region.csv"


def region_lines(store, manager: dict | None = None) -> int:
    rows = [
        ("a", "2024-01-10", 100, "East"),
        ("a", "2024-06-10", 100, "East"),
        ("b", "2024-02-10", 50, "West"),
        ("b", "2024-06-10", 50, "West"),
        ("c", "2024-03-10", 10, "North"),
        ("c", "2024-06-10", 10, "North"),
        ("e", "2024-05-10", 40, "East"),
    ]
    frame = pd.DataFrame(rows, columns=["client_id", "date", "amount", "region"])
    frame["client_name"] = "Client " + frame["client_id"]
    frame["amount"] = frame["amount"].astype(float)
    if manager:
        frame["manager"] = [manager.get((c, d)) for c, d in zip(frame["client_id"], frame["date"], strict=True)]
    return add_upload(store, frame, file_name="sales.csv", sha256="sales", source_key="erp")["upload_id"]


def by_manager(result) -> dict:
    return {row.manager: row for row in result.managers.itertuples(index=False)}


def test_an_assignments_file_by_region_gives_each_manager_its_regions(store):
    region_lines(store)
    summary = load_assignments(store, BY_REGION, loaded_by="Ana")
    assert (summary["status"], summary["rows_loaded"], summary["rows_rejected"]) == ("loaded", 3, 3)
    assert summary["columns"] == {"manager": "manager", "region": "region", "date_from": "date from"}
    assert [r["reason"] for r in summary["rejected"]] == [
        "no client id or region",
        "no manager",
        "date_from '31/12/2024' is not a date (write YYYY-MM-DD)",
    ]
    result = manager_portfolios(store, ManagerParams(as_of=JUNE))
    rows = by_manager(result)
    assert list(rows) == ["Nino", "Ana", "Giorgi", None]  # by basis, ties by name, no manager last
    assert {m: r.basis for m, r in rows.items()} == {"Nino": 240.0, "Ana": 50.0, "Giorgi": 50.0, None: 20.0}
    assert rows["Nino"].share == pytest.approx(240 / 360)
    assert {m: r.clients for m, r in rows.items()} == {"Nino": 2, "Ana": 1, "Giorgi": 0, None: 1}
    # a 200 of 360 (before 0) and b 100 (before 200 = 56 %) are A; e (before 83 %) and c (94 %) are B
    assert {m: r.key_clients for m, r in rows.items()} == {"Nino": 1, "Ana": 1, "Giorgi": 0, None: 0}
    assert set(portfolio(result, "Nino")["clients"]["client_id"]) == {"a", "e"}
    assert manager_of(store, "b") == "Ana" and manager_of(store, "b", date(2024, 3, 1)) == "Giorgi"


def test_a_clients_manager_is_its_latest_line_with_one_first_name_on_a_tie(store):
    rows = [
        ("t", "2024-01-10", "Zaza"),
        ("t", "2024-02-10", "Nino"),
        ("t", "2024-02-10", "Levan"),  # the same day: the first name
        ("t", "2024-03-10", None),  # a later line without a manager does not count
        ("u", "2024-01-10", None),  # never a manager: none
    ]
    frame = pd.DataFrame(rows, columns=["client_id", "date", "manager"]).assign(amount=10.0)
    add_upload(store, frame, file_name="m.csv", sha256="m", source_key="m")
    found = client_managers(store, Filters(), date(2024, 12, 31)).set_index("client_id")["manager"]
    assert found["t"] == "Levan" and found["u"] is None and len(found) == 2
    assert client_managers(store, Filters(), date(2024, 1, 31)).set_index("client_id")["manager"]["t"] == "Zaza"


def test_the_line_manager_wins_then_the_client_assignment_then_the_region(store, tmp_path):
    region_lines(store, manager={("a", "2024-01-10"): "Levan"})
    load_assignments(store, BY_REGION)
    by_client = tmp_path / "people.csv"
    by_client.write_text("Customer ID;Manager\ne;Eka\n", encoding="utf-8")
    assert load_assignments(store, by_client)["rows_loaded"] == 1
    rows = by_manager(manager_portfolios(store, ManagerParams(as_of=JUNE)))
    assert rows["Levan"].basis == 100.0  # the January line of a names its manager
    assert rows["Nino"].basis == 100.0  # a's June line has none: East's assignment
    assert rows["Eka"].basis == 40.0 and rows["Eka"].clients == 1  # the client's own beats its region's
    assert rows["Nino"].clients == 1  # a's latest line is June's


def test_a_client_with_no_manager_is_shown_as_such(store):
    region_lines(store)
    result = manager_portfolios(store, ManagerParams(as_of=JUNE))
    assert [m for m in result.managers["manager"]] == [None]  # no manager anywhere: one row, nothing dropped
    payload = as_payload(result)
    assert payload["managers"][0]["manager"] is None and payload["managers"][0]["clients"] == 4
    assert payload["managers"][0]["basis"] == 360.0
    assert sorted(portfolio(result, None)["clients"]["client_id"]) == ["a", "b", "c", "e"]


@pytest.mark.parametrize("filters", [Filters(), Filters(region=("East",)), Filters(manager=("Giorgi",))])
def test_manager_figures_add_up_to_the_other_pages(store, filters):
    load(store, first_export(), "2024.csv")
    as_of = date(2024, 12, 31)
    params = ManagerParams(as_of=as_of, filters=filters)
    result = manager_portfolios(store, params)
    table = result.managers
    grid = abcxyz(store, GridParams(as_of=as_of, filters=filters))
    churn = ChurnParams(as_of=as_of, filters=filters)
    lost, risky = lost_clients(store, churn), at_risk(store, churn)
    listed = win_back_list(store, WinbackParams(as_of=as_of, filters=filters))
    assert table["clients"].sum() == len(grid.clients)
    assert table["key_clients"].sum() == (grid.clients["abc"] == "A").sum()
    assert table["basis"].sum() == pytest.approx(grid.clients["basis"].sum())
    assert table["share"].sum() == pytest.approx(1.0)
    assert table["lost_clients"].sum() == len(lost)
    assert table["lost_value"].sum() == pytest.approx(lost["value_before_loss"].sum())
    assert table["at_risk"].sum() == len(risky)
    assert table["to_contact"].sum() == (listed.candidates["status"] == "to_contact").sum()
    assert table["won_back"].sum() == len(listed.won_back)
    # the managers' funnel, status by status, adds up to the win-back page's
    by_status = result.funnel.groupby("status")[["clients", "value", "recovered"]].sum()
    overall = listed.funnel.set_index("status")
    assert by_status["clients"].to_dict() == overall["clients"].to_dict()
    for column in ("value", "recovered"):
        assert by_status[column].to_dict() == pytest.approx(overall[column].to_dict())
    for cell, count in grid.cells["clients"].items():
        assert table[cell].sum() == count
    assert table["too_new"].sum() == grid.new["clients"]
    # each manager's portfolio is the whole list's rows of that manager, and every listed client is in one
    every = result.clients
    for manager in table["manager"]:
        mine = every["manager"].isna() if manager is None else every["manager"] == manager
        pd.testing.assert_frame_equal(portfolio(result, manager)["clients"], every[mine].reset_index(drop=True))
    assert sum(len(portfolio(result, m)["clients"]) for m in table["manager"]) == len(every)


def test_the_hand_made_win_back_set_by_manager(store):
    load(store, first_export(), "2024.csv")
    rows = by_manager(manager_portfolios(store, ManagerParams(as_of=date(2024, 12, 31))))
    # Nino: F6 (150,000) and A1 (3,000) lost, E5 at risk; Giorgi: B2 (1,200) and C3 (200) lost.
    assert (rows["Nino"].lost_clients, rows["Nino"].lost_value, rows["Nino"].at_risk) == (2, 153000.0, 1)
    assert (rows["Giorgi"].lost_clients, rows["Giorgi"].lost_value, rows["Giorgi"].at_risk) == (2, 1400.0, 0)
    # In the window (all of 2024): Giorgi 120,010 (D4) + 1,200 + 200; Nino 150,000 + 3,000 + 150 + 10.
    assert rows["Giorgi"].basis == 121410.0 and rows["Nino"].basis == 153160.0


def test_assignments_survive_a_delete_of_the_sales_upload_and_a_file_is_not_loaded_twice(store):
    upload_id = region_lines(store)
    load_assignments(store, BY_REGION)
    assert load_assignments(store, BY_REGION)["status"] == "unchanged"
    store.delete_upload(upload_id)
    assert len(assignments(store)) == 3
    region_lines(store)
    assert by_manager(manager_portfolios(store, ManagerParams(as_of=JUNE)))["Nino"].basis == 240.0
    (load_id,) = assignment_loads(store)["load_id"]
    assert delete_assignment_load(store, load_id, by="Ana") == 3
    assert assignments(store).empty


def test_a_later_file_restating_a_row_replaces_it_and_a_file_without_roles_is_refused(store, tmp_path):
    region_lines(store)
    load_assignments(store, BY_REGION)
    later = tmp_path / "later.csv"
    later.write_text("region,manager\nEast,Eka\n", encoding="utf-8")
    load_assignments(store, later)
    in_force = assignments(store)
    assert in_force[in_force["key"] == "East"]["manager"].tolist() == ["Eka"]
    no_manager = tmp_path / "bad.csv"
    no_manager.write_text("region,boss name\nEast,Eka\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column for: Key account manager"):
        load_assignments(store, no_manager)
    assert load_assignments(store, no_manager, overrides={"manager": "2"})["rows_loaded"] == 1
    copied = tmp_path / "again.xlsx"
    shutil.copy(FIXTURES / "assignments_by_client.xlsx", copied)
    summary = load_assignments(store, copied, overrides={"client_id": "Client", "manager": "KAM"})
    assert (summary["client_rows"], summary["region_rows"]) == (2, 0)


def test_the_portfolio_lists_every_client_with_its_state_value_days_and_status(store):
    """As of 30 June 2024, 12 months, L = 60 days, k = 2, by hand:

    | client | lines | in the window | state |
    |---|---|---|---|
    | a (Nino) | 100 on the 15th, January to June | basis 600 | active |
    | b (Ana) | 50 on 10 Aug 2023, 50 on 10 Sep 2023 | basis 100 | lost: 294 days, value 100 |
    | d (none) | 20 on 6, 16, 26 May and 5 June | basis 80 | at risk: 25 days > 2 × 10 |
    | c (Nino) | 30 on 1 Nov 2022, 30 on 1 Dec 2022 | no | lost: 577 days, value 60 |

    In the window by basis, then the lost and at-risk clients outside it; b's status is the
    one recorded, c is "to contact" like every lost client without one, a and d are not on
    the win-back list.
    """
    rows = [("a", f"2024-0{m}-15", 100, "Nino") for m in range(1, 7)]
    rows += [("b", "2023-08-10", 50, "Ana"), ("b", "2023-09-10", 50, "Ana")]
    rows += [("c", "2022-11-01", 30, "Nino"), ("c", "2022-12-01", 30, "Nino")]
    rows += [("d", f"2024-05-{day:02d}", 20, None) for day in (6, 16, 26)] + [("d", "2024-06-05", 20, None)]
    frame = pd.DataFrame(rows, columns=["client_id", "date", "amount", "manager"])
    frame["client_name"] = "Client " + frame["client_id"]
    frame["amount"] = frame["amount"].astype(float)
    add_upload(store, frame, file_name="s.csv", sha256="s", source_key="erp")
    set_status(store, "b", "contacted")
    result = manager_portfolios(store, ManagerParams(as_of=JUNE, lost_days=60))
    clients = result.clients.astype(object).where(result.clients.notna(), None)
    listed = clients[["client_id", "manager", "basis", "state", "value_before_loss", "days_since", "status"]]
    assert listed.values.tolist() == [
        ["a", "Nino", 600.0, "active", None, None, None],
        ["b", "Ana", 100.0, "lost", 100.0, 294, "contacted"],
        ["d", None, 80.0, "at_risk", None, 25, None],
        ["c", "Nino", None, "lost", 60.0, 577, "to_contact"],
    ]
    assert portfolio(result, "Nino")["clients"]["client_id"].tolist() == ["a", "c"]
    # A manager's portfolio, put together from that manager's rows alone, is the whole list's rows of it.
    for manager in ("Nino", "Ana", None):
        whole = result.clients[
            result.clients["manager"].isna() if manager is None else result.clients["manager"] == manager
        ]
        pd.testing.assert_frame_equal(portfolio(result, manager)["clients"], whole.reset_index(drop=True))


def test_the_managers_view_needs_no_former_cells(store, monkeypatch):
    """The funnel and the statuses do not depend on the former cells: no grid per month of history."""
    load(store, first_export(), "2024.csv")

    def refuse(*args, **kwargs):
        raise AssertionError("former cells computed")

    monkeypatch.setattr("core.winback.former_cells", refuse)
    result = manager_portfolios(store, ManagerParams())
    assert result.funnel["clients"].sum() > 0


@pytest.mark.parametrize("filters", [Filters(), Filters(region=("East",))])
def test_the_lists_managers_taken_by_place_are_the_looked_up_ones(store, filters, monkeypatch):
    # listed_places: each list's clients are the base's at its places, in the list's order; the
    # managers' view takes the lost and at-risk clients' managers by those places, kept per base,
    # over two moves of L and after the base's clients were read again (another object).
    import core.churn as churn_module
    from core.churn import listed_places
    from core.managers import _owned, _owners

    load(store, first_export(), "2024.csv")
    as_of = date(2024, 12, 31)
    owners = _owners(client_managers(store, filters, as_of))
    for move, lost_days in enumerate((240, 120, 120)):
        if move == 2:
            churn_module._CLIENTS.clear()  # the base's clients read again: another object, the same ids
        params = ManagerParams(as_of=as_of, filters=filters, lost_days=lost_days)
        churn = params.churn_params(as_of)
        lost, risky = lost_clients(store, churn), at_risk(store, churn)
        assert len(lost) and len(risky)
        for which, listed in (("lost", lost), ("at_risk", risky)):
            ids, places = listed_places(store, churn, which)
            assert ids.iloc[places].tolist() == listed["client_id"].tolist()
        result = manager_portfolios(store, params)
        expected_lost, expected_risky = _owned(owners, lost, risky)
        pd.testing.assert_frame_equal(result.lost, expected_lost)
        pd.testing.assert_frame_equal(result.at_risk, expected_risky)
        assert result.lost["manager"].notna().any()
    monkeypatch.setattr(churn_module, "KEEP_BASE", False)
    assert listed_places(store, ChurnParams(as_of=as_of, filters=filters), "lost") is None


def test_positions_and_among_look_ids_up_as_pandas_does():
    # the lookups the managers' view (and the win-back list) make for 100,000s of ids
    import numpy as np

    from core.analysis import among, positions

    column = pd.Series(["b", "x", None, "a", "b"], dtype="str")
    values = pd.Index(["a", "b", "c"], dtype="str")
    assert positions(column, values).tolist() == [1, -1, -1, 0, 1]
    assert positions(column, values).tolist() == values.get_indexer(column.fillna("\0")).tolist()
    assert among(column, values).tolist() == [True, False, False, True, True]
    assert positions(pd.Series([], dtype="str"), values).dtype.kind == "i"
    assert isinstance(positions(column, pd.Series(["a"], dtype=object)), np.ndarray)
    # each row's manager from them: none where the client is unknown, or no client is known
    from core.managers import _owned

    owners = pd.Series(["Nino", None], index=pd.Index(["a", "b"], dtype="str"), dtype=object)
    frame = pd.DataFrame({"client_id": pd.Series(["b", "a", "z"], dtype="str")})
    assert _owned(owners, frame)[0]["manager"].tolist() == [None, "Nino", None]
    assert _owned(owners.iloc[:0], frame)[0]["manager"].tolist() == [None, None, None]
    both = _owned(owners, frame, frame.iloc[::-1])
    assert both[1]["manager"].tolist() == [None, "Nino", None][::-1]
    # an id twice in the table: its first value, as positions finds it
    from core.analysis import looked_up

    twice = pd.Series(["first", "second"], index=pd.Index(["a", "a"], dtype="str"), dtype=object)
    assert looked_up(pd.Series(["a", "q"], dtype="str"), twice).tolist() == ["first", None]
