"""The dossier page under AppTest: opened from the URL or a search, edits that persist, the brief, Georgian."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from core.dossier import events, people
from core.store import Store
from tests.desk_texts import keys_showing
from tests.pagetest import open_page
from tests.test_dossier import fill, upload


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "page.duckdb"
    with Store(path) as store:
        upload(store)
        fill(store)
    return path


def submit(at, form: str):
    """Press the submit button of ``form`` and run."""
    (button,) = [b for b in at.button if b.proto.form_id == form]
    return button.click().run()


def table_with(at, column: str):
    (found,) = [t.value for t in at.dataframe if column in t.value.columns]
    return found


def test_the_page_draws_the_picture_from_the_url(db):
    at = open_page(db, "dossier", query={"client": "k1"})
    assert not at.exception and not at.error
    assert at.header[0].value == "Kartuli Ltd · k1"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["ABC-XYZ cell now"] == "AZ"
    assert metrics["Share of revenue"] == "53.3\u00a0%"
    assert metrics["Share of margin"] == "65.6\u00a0%"
    assert metrics["Churn state"] == "active"
    assert any("too new ×2 → AX ×4 → AZ ×6" in c.value for c in at.caption)
    assert any("Manager: Nino" in c.value for c in at.caption)
    assert at.text_area(key="dossier_fact_description").value == "Wine exporter"
    assert table_with(at, "What happened")["What happened"].tolist() == ["Annual price talk"]
    assert table_with(at, "Reports to")["Reports to"].fillna("").tolist() == ["Levan", ""]


def test_adding_an_event_and_a_person_persists_with_who(db):
    at = open_page(db, "dossier", query={"client": "k1"})
    at.date_input(key="dossier_events_new_event_date").set_value(date(2024, 12, 5))
    at.text_area(key="dossier_events_new_what").input("Complaint about a late delivery")
    at.selectbox(key="dossier_events_new_outcome").set_value("lost")
    at.text_input(key="dossier_events_new_why").input("truck broke down")
    submit(at, "dossier_events_add")
    assert not at.exception and not at.error
    assert any("Saved by team" in s.value for s in at.success)
    at.text_input(key="dossier_people_new_name").input("Tamar")
    at.text_input(key="dossier_people_new_role").input("CFO")
    at.selectbox(key="dossier_people_new_influence").set_value("high")
    (ceo,) = [r for r in at.selectbox(key="dossier_people_new_reports_to").options if r != "–" and "Levan" in r]
    at.selectbox(key="dossier_people_new_reports_to").select(ceo)
    submit(at, "dossier_people_add")
    assert not at.exception and not at.error
    with Store(db) as again:
        first = events(again, "k1").iloc[0]
        assert (first.event_date, first.what, first.outcome, first.why, first.changed_by) == (
            date(2024, 12, 5),
            "Complaint about a late delivery",
            "lost",
            "truck broke down",
            "team",
        )
        tamar = people(again, "k1").set_index("name").loc["Tamar"]
        assert (tamar.role, tamar.influence, tamar.reports_to_name) == ("CFO", "high", "Levan")


def test_a_refused_edit_says_why_and_changes_nothing(db):
    at = open_page(db, "dossier", query={"client": "k1"})
    at.text_input(key="dossier_people_new_name").input("  ")
    submit(at, "dossier_people_add")
    assert not at.exception
    assert [e.value for e in at.error] == ["Give the person's name."]
    with Store(db) as again:
        assert len(people(again, "k1")) == 2


def test_the_search_opens_a_client_and_an_unknown_id_is_said_plainly(db):
    at = open_page(db, "dossier")
    assert any("Find a client" in i.value for i in at.info)
    at.text_input(key="dossier_search").input("kav").run()
    at.selectbox(key="dossier_pick").set_value("k2").run()
    assert not at.exception
    assert at.query_params["client"] == ["k2"] or at.query_params["client"] == "k2"
    assert at.header[0].value == "Kavkaz · k2"
    at = open_page(db, "dossier", query={"client": "nobody"})
    assert [w.value for w in at.warning] == ["There is no client 'nobody' in the sales data and no dossier for it."]


def test_the_brief_downloads(db, monkeypatch):
    captured = []
    original = MediaFileManager.add_deferred

    def capture(self, data_callable, *args, **kwargs):
        captured.append(data_callable)
        return original(self, data_callable, *args, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", capture)
    at = open_page(db, "dossier", lang="ka", query={"client": "k1"})
    assert not at.exception and captured
    sheet = openpyxl.load_workbook(io.BytesIO(captured[-1]())).active
    assert sheet.title == "ცნობარი"
    assert sheet["A1"].value == "მოლაპარაკების ცნობარი: Kartuli Ltd (k1)"


def test_georgian_has_no_missing_key(db):
    at = open_page(db, "dossier", lang="ka", query={"client": "k3"})  # a lost client: the loss and win-back parts
    assert not at.exception and not at.error
    assert keys_showing(at) == []
    assert {m.label: m.value for m in at.metric}["დაკარგვის მდგომარეობა"] == "დაკარგული"
    assert at.tabs[0].label == "სურათი"
