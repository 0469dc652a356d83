"""Kinds of key client: tags with who and when, history, survival across uploads, prospects, the view."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import pytest

from core.analysis import Filters
from core.errors import InputError
from core.store import add_upload
from core.tags import (
    ProspectParams,
    client_kinds,
    list_tags,
    remove_kind,
    set_kind,
    set_kinds,
    suggested_prospects,
    tag_history,
)

MONDAY = datetime(2024, 6, 3, 9, 30)


def upload(store, rows: list[tuple[str, str, float]], *, source="crm", replace_overlap=False, margin=None) -> int:
    """Lines (date, client, revenue) as one upload; returns its id."""
    lines = pd.DataFrame(rows, columns=["date", "client_id", "amount"])
    lines["client_name"] = "Client " + lines["client_id"]
    if margin is not None:
        lines["margin"] = margin
    return add_upload(
        store,
        lines,
        file_name=f"{source}.csv",
        sha256=f"{source}{len(rows)}",
        source_key=source,
        replace_overlap=replace_overlap,
    )["upload_id"]


def kinds(store) -> set[tuple[str, str]]:
    return set(client_kinds(store).itertuples(index=False, name=None))


def tagged(store) -> set[tuple[str, str]]:
    return set(list_tags(store)[["client_id", "kind"]].itertuples(index=False, name=None))


def test_set_and_remove_record_who_and_when_and_keep_history(store):
    upload(store, [("2024-05-01", "a", 10), ("2024-05-01", "b", 10)])
    assert set_kind(store, "a", "expert", by="Nino", at=MONDAY) is True
    assert set_kind(store, "a", "expert", by="Giorgi") is False  # already an expert: no change, no history
    set_kind(store, "b", "image_maker", by="", at=MONDAY)  # nobody logged in
    tags = list_tags(store)
    assert tags[["client_id", "client_name", "kind", "set_by"]].values.tolist() == [
        ["a", "Client a", "expert", "Nino"],
        ["b", "Client b", "image_maker", "team"],
    ]
    assert tags["set_at"].iloc[0] == pd.Timestamp(MONDAY)
    assert remove_kind(store, "a", "expert", by="Giorgi", at=datetime(2024, 6, 4)) is True
    assert remove_kind(store, "a", "expert", by="Giorgi") is False
    history = tag_history(store, "a")
    assert history[["action", "changed_by"]].values.tolist() == [["removed", "Giorgi"], ["set", "Nino"]]
    assert list_tags(store)["client_id"].tolist() == ["b"]


def test_breadwinner_and_unknown_kinds_cannot_be_set(store):
    with pytest.raises(InputError, match="computed"):
        set_kind(store, "a", "breadwinner", by="Nino")
    with pytest.raises(InputError, match="Unknown kind"):
        set_kinds(store, [("a", "expert", True), ("a", "vip", True)], by="Nino")
    assert list_tags(store).empty  # one bad change stops the whole batch


def test_tags_survive_reupload_and_delete_of_lines(store):
    first = upload(store, [("2024-05-01", "a", 10), ("2024-05-02", "b", 20)])
    set_kinds(store, [("a", "image_maker", True), ("b", "prospect", True)], by="Nino", at=MONDAY)
    # a fresh export of the same source over the same dates replaces the lines
    upload(store, [("2024-05-01", "a", 11), ("2024-05-02", "b", 21)], replace_overlap=True)
    assert store.scalar("SELECT count(*) FROM lines") == 2
    assert tagged(store) == {("a", "image_maker"), ("b", "prospect")}
    for upload_id in store.uploads()["upload_id"]:
        store.delete_upload(int(upload_id))
    assert store.is_empty() and first
    # with no lines left nobody is a breadwinner, but the people's tags stay
    assert kinds(store) == {("a", "image_maker"), ("b", "prospect")}
    upload(store, [("2024-07-01", "a", 5)], source="erp")
    assert list_tags(store).set_index("client_id").at["a", "client_name"] == "Client a"


def test_view_computes_breadwinners_over_the_last_twelve_months_of_margin(store):
    # the latest date is 2024-12-10, so the view looks at 2024-01-01 .. 2024-12-10
    upload(
        store,
        [("2023-12-31", "old", 10_000), ("2024-01-01", "a", 50), ("2024-12-10", "b", 950)],
        margin=[10_000.0, 10.0, 90.0],
    )
    assert kinds(store) == {("a", "breadwinner"), ("b", "breadwinner")}  # 10 % of margin exactly counts
    upload(store, [("2024-06-01", "c", 1)], source="more", margin=[1.0])
    # a: 10 of 101 < 10 % now
    assert kinds(store) == {("b", "breadwinner")}


def test_view_uses_revenue_without_margin(store):
    upload(store, [("2024-03-01", "a", 91), ("2024-03-01", "b", 9)])
    assert kinds(store) == {("a", "breadwinner")}


def test_suggested_prospects_first_purchase_within_six_months_top_twenty_percent(store):
    as_of = date(2024, 12, 31)
    rows = [
        ("2024-06-30", "exactly6", 10_000),  # first purchase exactly 6 months back: not new
        ("2023-01-05", "old", 50_000),
        ("2024-12-01", "old", 1),
    ]
    # ten new clients bringing 100 .. 1000; the top 20 % is the first two
    rows += [("2024-07-01", f"n{i:02d}", 100 * i) for i in range(1, 11)]
    rows += [("2024-08-01", "refund", -5), ("2025-01-05", "n01", 5_000)]  # after as-of: left out
    upload(store, rows)
    suggested = suggested_prospects(store, ProspectParams(as_of=as_of))
    assert suggested["client_id"].tolist() == ["n10", "n09"]
    assert suggested["revenue"].tolist() == [1000, 900]
    assert not suggested["confirmed"].any()
    set_kind(store, "n10", "prospect", by="Nino")
    assert suggested_prospects(store, ProspectParams(as_of=as_of))["confirmed"].tolist() == [True, False]
    wider = suggested_prospects(store, ProspectParams(as_of=as_of, months=7, top_share=50))
    assert wider["client_id"].tolist()[:1] == ["exactly6"] and len(wider) == 6  # ceil(11 * 0.5)


def test_suggestion_rounds_up_and_resists_floating_point(store):
    upload(store, [("2024-12-01", f"c{i:02d}", i) for i in range(1, 16)])
    # 15 new clients x 20 % = 3 (not 4, which 15 * 0.2 = 3.0000000000000004 would give)
    assert len(suggested_prospects(store, ProspectParams())) == 3
    with pytest.raises(InputError):
        suggested_prospects(store, ProspectParams(top_share=0))


def test_kind_filter_keeps_tagged_clients(store):
    upload(store, [("2024-05-01", "a", 10), ("2024-05-01", "b", 10), ("2024-05-01", "c", 10)])
    set_kind(store, "b", "expert", by="Nino")
    condition, values = Filters(kind=("expert",)).where()
    kept = store.query_rows("SELECT DISTINCT client_id FROM daily WHERE " + condition, values)
    assert kept == [("b",)]
    assert Filters.from_where(["kind=expert", "kind=prospect"]).kind == ("expert", "prospect")
    with pytest.raises(InputError, match="unknown kind"):
        Filters.from_where(["kind=vip"])
