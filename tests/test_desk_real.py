"""The desk on the real files: managers by a region assignments file on Superstore; dossiers on both files."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from core.dossier import DossierParams, picture
from core.grid import GridParams, abcxyz
from core.managers import ManagerParams, load_assignments, manager_portfolios
from core.store import Store


def test_superstore_regions_assigned_to_managers(tmp_path, real_dir):
    from tests.realdata import load_superstore

    with Store(tmp_path / "superstore.duckdb") as store:
        load_superstore(store, real_dir)
        people = tmp_path / "people.csv"
        people.write_text("Region;Manager\nCentral;Nino\nEast;Giorgi\nSouth;Ana\nWest;Levan\n", encoding="utf-8")
        assert load_assignments(store, people)["rows_loaded"] == 4
        result = manager_portfolios(store, ManagerParams())
        grid = abcxyz(store, GridParams())
    # independently, with pandas: each region's sales in the grid's window (2017-01-01 … 2017-12-30)
    raw = pd.read_csv(real_dir / "superstore" / "Sample - Superstore.csv", encoding="utf-8-sig")
    raw["date"] = pd.to_datetime(raw["Order Date"], format="%m/%d/%Y").dt.date
    window = raw[(raw["date"] >= result.window_start) & (raw["date"] <= result.as_of)]
    by_region = window.groupby("Region")["Sales"].sum()
    managers = result.managers.set_index("manager")
    for region, manager in (("Central", "Nino"), ("East", "Giorgi"), ("South", "Ana"), ("West", "Levan")):
        assert managers.loc[manager, "revenue"] == pytest.approx(by_region[region], abs=0.01)
    assert list(result.managers["manager"]).count(None) == 0  # every line has a region, so a manager
    assert managers["clients"].sum() == len(grid.clients)
    assert managers["basis"].sum() == pytest.approx(grid.clients["basis"].sum())


@pytest.mark.parametrize("name", ["superstore", "cdnow_master"])
def test_a_dossier_picture_on_the_real_files(real_stores, name):
    store = real_stores[name]
    client_id = store.scalar("SELECT client_id FROM clients ORDER BY revenue DESC, client_id LIMIT 1")
    started = time.perf_counter()
    seen = picture(store, DossierParams(client_id))
    elapsed = time.perf_counter() - started
    assert len(seen.cells) == 12 and len(seen.sales) <= 24  # from the client's first month (CDNOW: 18 months)
    grid = abcxyz(store, GridParams()).clients.set_index("client_id")
    assert seen.shares["revenue"] == pytest.approx(grid.loc[client_id, "share"])
    assert seen.cells["cell"].iloc[-1] == grid.loc[client_id, "cell"]
    assert seen.sales["revenue"].tail(12).sum() == pytest.approx(grid.loc[client_id, "basis"])
    print(f"{name}: dossier picture of {client_id} in {elapsed:.2f} s")
