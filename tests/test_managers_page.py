"""The managers page under AppTest: an assignments file loaded on the page, managers side by side, one in depth."""

from __future__ import annotations

import pytest

from core.managers import assignments
from core.store import Store
from tests.desk_texts import keys_showing
from tests.pagetest import open_page
from tests.test_managers import BY_REGION, region_lines


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "page.duckdb"
    with Store(path) as store:
        region_lines(store)
    return path


def side_by_side(at):
    (table,) = [t.value for t in at.dataframe if "key_clients" in t.value.columns]
    return table


def load_file(at):
    at.file_uploader(key="managers_assign_upload").set_value((BY_REGION.name, BY_REGION.read_bytes(), "text/csv"))
    at.run()
    assert at.selectbox(key="managers_role_region").value == "region"  # detected from the header
    assert at.selectbox(key="managers_role_date_from").value == "date from"
    (button,) = [b for b in at.button if b.proto.form_id == "managers_assign_form"]
    return button.click().run()


def test_load_assignments_on_the_page_and_see_each_manager(db):
    at = open_page(db, "managers", query={"managers_as_of": "2024-06-30"})
    assert not at.exception and not at.error
    assert side_by_side(at)["manager"].tolist() == ["(no manager)"]  # nothing assigned yet: shown, not dropped
    at = load_file(at)
    assert not at.exception and not at.error
    assert any("3 assignments loaded, 3 rows set aside" in s.value for s in at.success)
    with Store(db) as store:
        assert len(assignments(store)) == 3
    table = side_by_side(at)
    assert table[["manager", "clients", "basis"]].values.tolist() == [
        ["Nino", 2, 240.0],
        ["Ana", 1, 50.0],
        ["Giorgi", 0, 50.0],
        ["(no manager)", 1, 20.0],
    ]
    assert any("4 clients, 2 key clients, basis 360" in c.value for c in at.caption)


def test_one_manager_in_depth_from_the_url(db):
    with Store(db) as store:
        from core.managers import load_assignments

        load_assignments(store, BY_REGION)
    at = open_page(db, "managers", query={"managers_as_of": "2024-06-30", "managers_pick": "Nino"})
    assert not at.exception and not at.error
    metrics = {m.label: m.value for m in at.metric}
    assert (metrics["Key clients (A)"], metrics["Revenue"], metrics["Share"]) == ("1", "240", "66.7\u00a0%")
    (clients,) = [t.value for t in at.dataframe if "state" in t.value.columns]
    assert clients["client_id"].tolist() == ["a", "e"]
    assert clients["dossier"].tolist()[0] == "dossier?client=a&lang=English"
    at.selectbox(key="managers_pick").set_value("__none__").run()
    (clients,) = [t.value for t in at.dataframe if "state" in t.value.columns]
    assert clients["client_id"].tolist() == ["c"]


def test_georgian_has_no_missing_key(db):
    with Store(db) as store:
        from core.managers import load_assignments

        load_assignments(store, BY_REGION)
    at = open_page(db, "managers", lang="ka", query={"managers_as_of": "2024-06-30"})
    assert not at.exception and not at.error
    assert keys_showing(at) == []
    assert side_by_side(at)["manager"].tolist()[-1] == "(მენეჯერის გარეშე)"


def test_the_margin_basis_says_why_a_portfolio_share_drops(tmp_path):
    from tests.test_grid import load

    path = tmp_path / "margin.duckdb"
    months = [f"2024-{m:02d}-10" for m in range(1, 7)]
    with Store(path) as store:
        load(store, [(c, m, 100, None, margin) for c, margin in (("k1", 60), ("k2", -30), ("k3", -5)) for m in months])
    at = open_page(path, "managers", query={"managers_basis": "margin"})
    assert not at.exception
    assert any("2 clients lose money" in c.value for c in at.caption)
    at = open_page(path, "managers")
    assert not any("lose money" in c.value for c in at.caption)
