"""The prospects page under AppTest: suggestions confirmed, one added by hand, qualified by the three P, Georgian."""

from __future__ import annotations

import pandas as pd
import pytest

from core.prospects import prospect_history, prospects
from core.store import Store, add_upload
from tests.desk_texts import KEY, keys_showing
from tests.pagetest import open_page


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "page.duckdb"
    lines = pd.DataFrame(
        [("2023-01-10", "old", "Old", 100.0), ("2024-05-10", "new", "New Co", 900.0)],
        columns=["date", "client_id", "client_name", "amount"],
    )
    with Store(path) as store:
        add_upload(store, lines, file_name="crm.csv", sha256="crm", source_key="crm")
    return path


def submit(at, form: str):
    (button,) = [b for b in at.button if b.proto.form_id == form]
    return button.click().run()


def listing(at):
    (table,) = [t.value for t in at.dataframe if "qualified" in t.value.columns]
    return table


def test_confirm_add_and_qualify(db):
    at = open_page(db, "prospects")
    assert not at.exception and not at.error
    (suggested,) = [t.value for t in at.dataframe if "confirmed" in t.value.columns]
    assert suggested["client_id"].tolist() == ["new"]
    assert suggested["dossier"].tolist() == ["dossier?client=new&lang=English"]
    at.multiselect(key="prospects_confirm_pick").set_value(["new"])
    submit(at, "prospects_confirm_form")
    assert any("1 prospects confirmed" in s.value for s in at.success)

    at.text_input(key="prospects_add_name").input("Tbilisi Hotels")
    at.text_input(key="prospects_add_owner").input("Nino")
    submit(at, "prospects_add_form")
    assert not at.exception and not at.error
    assert listing(at)["name"].tolist() == ["New Co", "Tbilisi Hotels"]  # both 3 of 6: by name

    with Store(db) as store:
        hotel = int(prospects(store).set_index("name").loc["Tbilisi Hotels", "prospect_id"])
    at.selectbox(key="prospects_pick").set_value(hotel).run()
    for question in ("need", "pay", "power"):
        at.radio(key=f"prospects_{hotel}_{question}").set_value("yes")
    at.text_input(key=f"prospects_{hotel}_power_note").input("the owner signs")
    at.selectbox(key=f"prospects_{hotel}_status").set_value("negotiating")
    submit(at, f"prospects_qualify_{hotel}")
    assert not at.exception and not at.error
    table = listing(at)
    assert table["name"].tolist() == ["Tbilisi Hotels", "New Co"]  # qualified first
    assert table[["qualified", "score", "status"]].values.tolist()[0] == [True, 6, "negotiating"]
    with Store(db) as store:
        past = prospect_history(store, hotel)
    assert past[["score", "status", "power_note", "changed_by"]].values.tolist()[0] == [
        6,
        "negotiating",
        "the owner signs",
        "team",
    ]


def test_georgian_has_no_missing_key(db):
    with Store(db) as store:
        from core.prospects import add_prospect

        add_prospect(store, "Tbilisi Hotels", need="yes", pay="no")
    at = open_page(db, "prospects", lang="ka")
    assert not at.exception and not at.error
    assert KEY.findall("shown: prospects.status.gone") == ["prospects.status.gone"]  # the check can fail
    assert keys_showing(at) == []
    assert "კი" in at.radio(key=f"prospects_{int(listing_id(db))}_need").options


def listing_id(db):
    with Store(db) as store:
        return prospects(store)["prospect_id"].iloc[0]
