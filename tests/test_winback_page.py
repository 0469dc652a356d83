"""The win-back page under AppTest: the list, a status change that persists, the rules, both languages."""

from __future__ import annotations

import pytest

from core.store import Store
from core.winback import status_history
from tests.pagetest import open_page
from tests.test_winback import first_export, load


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "page.duckdb"
    with Store(path) as store:
        load(store, first_export(), "2024.csv")
    return path


def _table(at):
    return at.dataframe[0].value


def test_list_and_status_change(db):
    at = open_page(db, "winback")
    assert not at.exception, at.exception
    table = _table(at)
    assert table["Client ID"].tolist() == ["F6", "A1", "B2", "C3"]
    assert table["Suggested lever"].tolist()[0] == "Personal meeting by the manager plus a special offer"
    assert table["Rule that fired"].tolist()[1] == "#10: reason: Price"
    # what decides the call first: rank, client, lost or at risk, value, days since, lever, status
    assert list(table.columns[:7]) == [
        "#",
        "Client",
        "Lost or at risk",
        "Value before loss",
        "Days since",
        "Suggested lever",
        "Status",
    ]
    assert set(table["Lost or at risk"]) == {"Lost"}

    at.selectbox(key="winback_client").set_value("A1|2024-03-10").run()
    key = "A1|2024-03-10"
    at.selectbox(key=f"winback_status_{key}").set_value("contacted")
    at.text_input(key=f"winback_owner_{key}").input("Nino")
    at.text_area(key=f"winback_note_{key}").input("called, will think")
    at.button[0].click()  # the form's submit button
    at.run()
    assert not at.exception, at.exception
    assert any("Contacted" in s.value for s in at.success)
    assert _table(at).set_index("Client ID").loc["A1", "Status"] == "Contacted"

    with Store(db) as again:  # a restart and a second session: the status is in the database
        history = status_history(again, "A1")
    assert history[["status", "owner", "note", "changed_by"]].values.tolist() == [
        ["contacted", "Nino", "called, will think", "team"]
    ]


def test_filters_from_the_url_and_georgian(db):
    at = open_page(db, "winback", lang="ka", query={"winback_min_value": "1000", "winback_managers": "Giorgi"})
    assert not at.exception, at.exception
    table = _table(at)
    assert table["კლიენტის ID"].tolist() == ["B2"]
    assert table["სტატუსი"].tolist() == ["დასაკავშირებელი"]


def test_edited_rule_changes_the_lever(db):
    with Store(db) as store:
        from core.winback import lever_rules, save_lever_rules

        rules = lever_rules(store)
        rules.loc[rules["position"] == 40, "lever"] = "Dinner with the director"
        save_lever_rules(store, rules)
    at = open_page(db, "winback")
    assert not at.exception, at.exception
    assert _table(at)["Suggested lever"].tolist()[0] == "Dinner with the director"


@pytest.mark.parametrize(
    "lang, words", [("en", "Showing the first 2 of 4 rows"), ("ka", "ნაჩვენებია პირველი 2 სტრიქონი 4-დან")]
)
def test_a_long_call_list_shows_its_first_rows_and_says_so(db, monkeypatch, lang, words):
    import pages.tables

    monkeypatch.setattr(pages.tables, "MAX_ROWS", 2)
    at = open_page(db, "winback", lang=lang)
    assert not at.exception, at.exception
    table = _table(at)
    assert len(table) == 2 and table.iloc[:, 0].tolist() == [1, 2]  # the ranks of the first two
    assert any(words in caption.value for caption in at.caption)
