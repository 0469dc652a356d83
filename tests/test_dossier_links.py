"""Every client list of the app opens the client's dossier in one click (the link column, or a page link)."""

from __future__ import annotations

import pytest

from core.store import Store
from tests.pagetest import open_page
from tests.test_winback import first_export, load


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "links.duckdb"
    with Store(path) as store:
        load(store, first_export(), "2024.csv")
    return path


def link(client_id: str) -> str:
    return f"dossier?client={client_id}&lang=English"


def tables(at) -> list:
    return [t.value for t in at.dataframe]


def test_lost_and_at_risk_lists_on_the_churn_page(db):
    at = open_page(db, "churn")
    assert not at.exception
    lost, risky = [t for t in tables(at) if "dossier" in t.columns]
    assert lost["dossier"].tolist() == [link(c) for c in lost["client_id"]]
    assert risky["dossier"].tolist() == [link("E5")]


def test_key_set_and_breadwinners_on_the_concentration_page(db):
    at = open_page(db, "concentration")
    assert not at.exception
    (key_set,) = [t for t in tables(at) if "Dossier" in t.columns]
    assert key_set["Dossier"].tolist()[0] == link(key_set["Client ID"].iloc[0])
    breadwinners = [p for p in at.get("page_link")]
    assert [p.proto.page.split("/")[-1] for p in breadwinners] == ["dossier", "dossier"]
    assert [p.proto.query_string for p in breadwinners] == ["client=F6", "client=D4"]


def test_the_call_list_on_the_win_back_page(db):
    at = open_page(db, "winback")
    assert not at.exception
    listing = tables(at)[0]
    assert listing["Dossier"].tolist() == [link(c) for c in listing["Client ID"]]


def test_a_client_id_with_awkward_characters_is_escaped(tmp_path):
    from pages import ui

    assert ui.dossier_link("A&B 1/2") == "dossier?client=A%26B%201%2F2&lang=English"
    assert ui.dossier_link(None) is None
