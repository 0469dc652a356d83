"""The client dossier: edits kept with who and when, surviving uploads and deletes; the picture; the brief.

The hand-made set (as-of 2024-12-10, month window of 12, margin on every line):

| client | lines |
|---|---|
| k1 | 100 (margin 10) on the 10th of Jan … Jun, 20 (margin 10) on the 10th of Jul … Dec |
| k2 | 50 (margin 5) on the 10th of every month |
| k3 | 30 (margin 3) on 5 Jan only |

By hand: revenue in the window k1 720, k2 600, k3 30 (total 1,350), so k1's
share of revenue is 720 / 1,350 = 53.3 %; margin k1 120, k2 60, k3 3, so its
share of margin is 120 / 183 = 65.6 %. k1's cell at each month-end: too new in
January and February (fewer than 3 months), AX from March to June (three to
six equal months, CV 0), AZ from July (the 20s make CV 32 % > 25 %). k3 is lost
(5 Jan + 180 days = 3 Jul ≤ 10 Dec) with a value before loss of 30.
"""

from __future__ import annotations

import io
from datetime import date, datetime

import pandas as pd
import pytest
from openpyxl import load_workbook

from core.dossier import (
    BriefParams,
    DossierParams,
    brief,
    cell_path,
    competitors,
    dossier,
    events,
    facts,
    find_clients,
    history,
    known_client,
    people,
    period_ends,
    picture,
    remove_record,
    reporting_tree,
    save_competitor,
    save_event,
    save_person,
    set_facts,
)
from core.errors import InputError
from core.store import Store, add_upload

MONDAY = datetime(2024, 12, 9, 9, 30)


def sales() -> pd.DataFrame:
    rows = []
    for month in range(1, 13):
        rows.append(("k1", f"2024-{month:02d}-10", 100.0 if month < 7 else 20.0, 10.0))
        rows.append(("k2", f"2024-{month:02d}-10", 50.0, 5.0))
    rows.append(("k3", "2024-01-05", 30.0, 3.0))
    frame = pd.DataFrame(rows, columns=["client_id", "date", "amount", "margin"])
    frame["client_name"] = frame["client_id"].map({"k1": "Kartuli Ltd", "k2": "Kavkaz", "k3": "Kolkheti"})
    frame["manager"] = "Nino"
    frame["region"] = "East"
    return frame


def upload(store, name="2024.csv") -> int:
    return add_upload(store, sales(), file_name=name, sha256=name, source_key="erp")["upload_id"]


def fill(store) -> dict:
    """A dossier for k1 written by Ana on a Monday."""
    set_facts(store, "k1", {"description": "Wine exporter", "employees": "250"}, by="Ana", at=MONDAY)
    ids = {
        "event": save_event(
            store,
            "k1",
            event_date="2024-11-20",
            what="Annual price talk",
            our_people="Nino, director",
            their_people="Levan (CEO)",
            outcome="won",
            why="volume discount",
            by="Ana",
            at=MONDAY,
        ),
        "ceo": save_person(store, "k1", name="Levan", role="CEO", influence="high", attitude="supporter", by="Ana"),
    }
    ids["buyer"] = save_person(
        store, "k1", name="Eka", role="Buyer", influence="medium", reports_to=ids["ceo"], by="Ana"
    )
    ids["rival"] = save_competitor(store, "k1", competitor="Rival Co", offer="5 % lower price", since="2024-06-01")
    return ids


def test_edits_persist_with_author_and_time(tmp_path):
    path = tmp_path / "d.duckdb"
    with Store(path) as store:
        upload(store)
        fill(store)
    with Store(path) as again:  # a restart, another session
        current = facts(again, "k1").set_index("field")
        assert current.loc["description", "value"] == "Wine exporter"
        assert current.loc["employees", ["changed_by", "changed_at"]].tolist() == ["Ana", pd.Timestamp(MONDAY)]
        assert current.loc["history", "value"] is None
        event = events(again, "k1").iloc[0]
        assert (event.event_date, event.what, event.outcome, event.changed_by) == (
            date(2024, 11, 20),
            "Annual price talk",
            "won",
            "Ana",
        )
        assert people(again, "k1")[["name", "reports_to_name"]].values.tolist() == [["Eka", "Levan"], ["Levan", None]]
        assert competitors(again, "k1")[["competitor", "since", "changed_by"]].values.tolist() == [
            ["Rival Co", date(2024, 6, 1), "team"]
        ]


def test_the_dossier_survives_a_re_upload_and_a_delete_of_the_sales_upload(store):
    first = upload(store)
    fill(store)
    store.delete_upload(first)
    assert store.is_empty()
    assert known_client(store, "k1")
    assert facts(store, "k1").set_index("field").loc["description", "value"] == "Wine exporter"
    assert len(events(store, "k1")) == 1 and len(people(store, "k1")) == 2
    assert picture(store, DossierParams("k1")).churn["state"] == "no_lines"
    upload(store, "2024-again.csv")
    assert len(events(store, "k1")) == 1 and len(competitors(store, "k1")) == 1
    assert picture(store, DossierParams("k1")).churn["state"] == "active"


def test_a_change_is_a_new_version_and_a_removal_keeps_the_history(store):
    upload(store)
    ids = fill(store)
    save_event(store, "k1", record_id=ids["event"], event_date="2024-11-20", what="Annual price talk", outcome="lost")
    assert events(store, "k1")["outcome"].tolist() == ["lost"]
    unchanged = save_event(
        store, "k1", record_id=ids["event"], event_date="2024-11-20", what="Annual price talk", outcome="lost"
    )
    assert unchanged == ids["event"]
    remove_record(store, "k1", "people", ids["ceo"], by="Giorgi")
    left = people(store, "k1")
    assert left["name"].tolist() == ["Eka"] and pd.isna(left["reports_to"].iloc[0])  # nobody reports to a leaver
    parts = history(store, "k1")
    assert (parts["part"] == "events").sum() == 2  # the first version and the change (the unchanged save wrote nothing)
    assert parts[parts["part"] == "people"]["action"].tolist()[:2] == ["saved", "removed"]
    assert parts.iloc[0]["changed_by"] == "Giorgi"
    assert set_facts(store, "k1", {"description": "Wine exporter", "employees": "260"}) == 1  # only what changed


def test_what_a_dossier_refuses(store):
    upload(store)
    ids = fill(store)
    with pytest.raises(InputError, match="no client 'zz'"):
        set_facts(store, "zz", {"description": "x"})
    with pytest.raises(InputError, match="what happened"):
        save_event(store, "k1", event_date="2024-01-01", what=" ")
    with pytest.raises(InputError, match="is not one of"):
        save_person(store, "k1", name="X", influence="huge")
    with pytest.raises(InputError, match="circle"):
        save_person(store, "k1", record_id=ids["ceo"], name="Levan", reports_to=ids["buyer"])
    with pytest.raises(InputError, match="not a date"):
        save_competitor(store, "k1", competitor="Y", since="next spring")
    with pytest.raises(InputError, match="Unknown dossier field"):
        set_facts(store, "k1", {"turnover": "big"})


def test_the_computed_picture_by_hand(store):
    upload(store)
    seen = picture(store, DossierParams("k1"))
    assert seen.as_of == date(2024, 12, 10)
    assert seen.shares["revenue"] == pytest.approx(720 / 1350)
    assert seen.shares["margin"] == pytest.approx(120 / 183)
    assert seen.cells["period"].tolist()[:2] == ["2024-01", "2024-02"]
    assert seen.cells["as_of"].tolist()[-2:] == [date(2024, 11, 30), date(2024, 12, 10)]
    assert seen.cells["cell"].tolist() == [None, None] + ["AX"] * 4 + ["AZ"] * 6
    assert cell_path(seen.cells) == "too new ×2 → AX ×4 → AZ ×6"
    assert seen.sales["revenue"].tolist()[-7:] == [100.0] + [20.0] * 6
    assert seen.sales["margin"].tolist()[-1] == 10.0
    assert (seen.manager, seen.kinds, seen.churn["state"]) == ("Nino", ["breadwinner"], "active")
    lost = picture(store, DossierParams("k3"))
    assert lost.churn["state"] == "lost" and lost.churn["value_before_loss"] == 30.0
    assert lost.churn["loss_date"] == date(2024, 7, 3)
    assert lost.winback["status"] == "to_contact"
    # k3 at 10 Dec: 1,320 of 1,350 ranked above it (C), one purchase in twelve months (Z)
    assert lost.cells["cell"].tolist()[-1] == "CZ"
    assert period_ends(date(2024, 3, 15), "quarter", 3) == [date(2023, 9, 30), date(2023, 12, 31), date(2024, 3, 15)]


def test_the_picture_follows_new_lines_and_tags_under_the_same_settings(store):
    # the kinds, sales, manager and last purchase a move of the window leaves as they were are
    # kept per data version: a tag or an upload is seen at once, as-of date unchanged
    from core.tags import set_kind

    upload(store)
    seen = picture(store, DossierParams("k1", window=6))
    assert (seen.manager, seen.kinds, seen.sales["revenue"].iloc[-1]) == ("Nino", ["breadwinner"], 20.0)
    assert picture(store, DossierParams("k1", window=5)).kinds == ["breadwinner"]
    set_kind(store, "k1", "expert", by="nino@example.com")
    assert picture(store, DossierParams("k1", window=6)).kinds == ["breadwinner", "expert"]
    more = pd.DataFrame(
        {"client_id": ["k1"], "date": ["2024-12-10"], "amount": [5.0], "margin": [1.0], "manager": ["Giorgi"]}
    )
    add_upload(store, more, file_name="more.csv", sha256="more", source_key="crm")
    moved = picture(store, DossierParams("k1", window=6))
    assert moved.as_of == seen.as_of and moved.sales["revenue"].iloc[-1] == 25.0
    assert moved.manager == "Giorgi"  # two managers on the latest day: the first alphabetically
    assert moved.churn["last_purchase"] == date(2024, 12, 10)


def test_search_by_name_or_id(store):
    upload(store)
    assert find_clients(store, "kav")["client_id"].tolist() == ["k2"]
    assert find_clients(store, "K")["client_id"].tolist() == ["k1", "k2", "k3"]
    assert find_clients(store, "k3")["client_id"].tolist()[0] == "k3"


def test_the_brief_downloads_and_reads_back(store):
    upload(store)
    fill(store)
    set_facts(store, "k1", {"environment": '=HYPERLINK("http://evil","x")'}, by="Ana")
    book = load_workbook(io.BytesIO(brief(store, BriefParams(DossierParams("k1"), "en"))))
    sheet = book["Brief"]
    cells = {c.value: c for row in sheet.iter_rows() for c in row if c.value is not None}
    assert "Negotiation brief: Kartuli Ltd (k1)" in cells
    labels = {sheet.cell(row=c.row, column=1).value: sheet.cell(row=c.row, column=2) for c in sheet["A"] if c.value}
    assert labels["Manager"].value == "Nino"
    assert labels["ABC-XYZ cell now"].value == "AZ"
    assert labels["Share of revenue"].value == pytest.approx(720 / 1350)
    assert labels["Share of revenue"].number_format == "0.0%"
    assert labels["Churn state"].value == "active"
    assert labels["Employees"].value == "250"
    assert labels["Environment (market, partners, situation)"].value.startswith("'=HYPERLINK")  # stays text
    for expected in ("Levan", "Eka", "Rival Co", "5 % lower price", "Annual price talk", "volume discount"):
        assert expected in cells, expected
    assert sheet.page_setup.fitToHeight == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage

    georgian = load_workbook(io.BytesIO(brief(store, BriefParams(DossierParams("k1"), "ka"))))
    sheet = georgian["ცნობარი"]
    texts = {c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    assert "მოლაპარაკების ცნობარი: Kartuli Ltd (k1)" in texts
    assert "მოვიგეთ" in texts and "მხარდამჭერი" in texts  # won, supporter


def test_dossier_as_data(store):
    upload(store)
    fill(store)
    data = dossier(store, DossierParams("k1"))
    assert list(data) == [
        "client_id",
        "client_name",
        "parameters",
        "facts",
        "events",
        "people",
        "competitors",
        "sales",
        "cells",
        "shares",
        "kinds",
        "churn",
        "winback",
        "reasons",
        "manager",
    ]
    assert data["facts"]["description"] == {
        "value": "Wine exporter",
        "changed_by": "Ana",
        "changed_at": "2024-12-09 09:30:00",
    }
    assert data["events"][0]["event_date"] == "2024-11-20"
    assert [c["cell"] for c in data["cells"]][-1] == "AZ"
    with pytest.raises(InputError, match="no client 'nobody'"):
        dossier(store, DossierParams("nobody"))


def test_the_decision_map_reads_as_a_tree(store):
    upload(store)
    ids = fill(store)
    deputy = save_person(store, "k1", name="Ana", role="Deputy", reports_to=ids["ceo"])
    save_person(store, "k1", name="Dato", role="Driver", reports_to=deputy)
    save_person(store, "k1", name="Ia", role="Lawyer")
    tree = [(depth, person["name"]) for depth, person in reporting_tree(people(store, "k1"))]
    # people come alphabetically; each one under whom they report to
    assert tree == [(0, "Ia"), (0, "Levan"), (1, "Ana"), (2, "Dato"), (1, "Eka")]
