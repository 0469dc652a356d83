"""Prospects and the three P: scoring, order, history, confirming a suggestion, linking once it buys."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from core.errors import InputError
from core.prospects import (
    add_prospect,
    confirm_suggestion,
    link_client,
    link_suggestions,
    prospect_history,
    prospects,
    qualified,
    score,
    update_prospect,
)
from core.store import add_upload
from core.tags import ProspectParams, client_kinds, suggested_prospects

MONDAY = datetime(2024, 6, 3, 9, 30)


def upload(store, rows, name="crm.csv"):
    lines = pd.DataFrame(rows, columns=["date", "client_id", "client_name", "amount"])
    lines["amount"] = lines["amount"].astype(float)
    add_upload(store, lines, file_name=name, sha256=name, source_key="crm")


@pytest.mark.parametrize(
    ("answers", "points", "ok"),
    [
        (("yes", "yes", "yes"), 6, True),
        (("yes", "yes", "unclear"), 5, False),
        (("yes", "unclear", "no"), 3, False),
        (("unclear", "unclear", "unclear"), 3, False),
        (("no", "no", "no"), 0, False),
    ],
)
def test_the_score_is_two_for_yes_one_for_unclear_none_for_no(answers, points, ok):
    assert score(*answers) == points
    assert qualified(*answers) is ok


def test_an_answer_must_be_yes_unclear_or_no(store):
    with pytest.raises(InputError, match="not an answer"):
        score("maybe", "yes", "yes")
    with pytest.raises(InputError, match="not an answer"):
        add_prospect(store, "Vine Ltd", need="perhaps")
    with pytest.raises(InputError, match="name"):
        add_prospect(store, "  ")


def test_prospects_by_hand_qualified_first_with_history(store):
    tbilisi = add_prospect(store, "Tbilisi Hotels", owner="Nino", by="Ana", at=MONDAY)  # not in the sales data
    batumi = add_prospect(store, "Batumi Port", by="Ana", at=MONDAY)
    kutaisi = add_prospect(store, "Kutaisi Mills", by="Ana", at=MONDAY)
    assert prospects(store)["score"].tolist() == [3, 3, 3]  # everything unclear: alphabetical
    assert prospects(store)["name"].tolist() == ["Batumi Port", "Kutaisi Mills", "Tbilisi Hotels"]
    update_prospect(store, tbilisi, need="yes", pay="yes", power="yes", power_note="the owner decides", by="Nino")
    update_prospect(store, kutaisi, need="yes", pay="yes", power="no", status="contacted", by="Nino")
    update_prospect(store, batumi, need="no", by="Nino")
    listed = prospects(store)
    assert listed[["name", "score", "qualified", "status"]].values.tolist() == [
        ["Tbilisi Hotels", 6, True, "new"],
        ["Kutaisi Mills", 4, False, "contacted"],
        ["Batumi Port", 2, False, "new"],
    ]
    first = listed.iloc[0]
    assert (first.power_note, first.owner, first.created_by, first.changed_by) == (
        "the owner decides",
        "Nino",
        "Ana",
        "Nino",
    )
    assert update_prospect(store, tbilisi, need="yes") is False  # nothing changed: no new entry
    past = prospect_history(store, tbilisi)
    assert past[["score", "changed_by"]].values.tolist() == [[6, "Nino"], [3, "Ana"]]


def test_a_prospect_that_starts_buying_is_linked_and_keeps_its_history(store):
    upload(store, [("2024-01-10", "old", "Old Client", 100)])
    hotel = add_prospect(store, "Tbilisi Hotels", need="yes", by="Ana", at=MONDAY)
    with pytest.raises(InputError, match="no client 'h-1'"):
        link_client(store, hotel, "h-1")
    upload(store, [("2024-06-01", "h-1", " tbilisi hotels ", 500)], name="june.csv")
    matches = link_suggestions(store)
    assert matches[["prospect_id", "client_id"]].values.tolist() == [[hotel, "h-1"]]
    assert link_client(store, hotel, "h-1", by="Nino") is True
    row = prospects(store).iloc[0]
    assert (row.client_id, row.first_purchase, row.revenue, row.need) == ("h-1", date(2024, 6, 1), 500.0, "yes")
    assert prospect_history(store, hotel)["client_id"].tolist() == ["h-1", None]
    assert ("h-1", "prospect") in set(client_kinds(store).itertuples(index=False, name=None))
    assert link_suggestions(store).empty


def test_confirming_a_suggestion_once(store):
    # "new" first bought in May (inside six months of 30 June) and is the only new client: suggested.
    upload(store, [("2023-01-10", "old", "Old", 100), ("2024-05-10", "new", "New Co", 900)])
    suggested = suggested_prospects(store, ProspectParams(as_of=date(2024, 6, 30)))
    assert suggested["client_id"].tolist() == ["new"]
    first = confirm_suggestion(store, "new", by="Ana")
    assert confirm_suggestion(store, "new", by="Ana") == first  # confirming again makes no second record
    listed = prospects(store)
    assert listed[["name", "client_id", "source", "status"]].values.tolist() == [["New Co", "new", "suggested", "new"]]
    assert suggested_prospects(store, ProspectParams(as_of=date(2024, 6, 30)))["confirmed"].tolist() == [True]


def test_prospects_survive_a_delete_of_the_sales_upload(store):
    upload(store, [("2024-06-01", "h-1", "Hotel", 500)])
    hotel = add_prospect(store, "Hotel", client_id="h-1")
    (upload_id,) = store.uploads()["upload_id"]
    store.delete_upload(upload_id)
    row = prospects(store).iloc[0]
    assert (row.prospect_id, row.client_id) == (hotel, "h-1") and pd.isna(row.first_purchase)
