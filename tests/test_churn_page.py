"""The Lost clients page under AppTest: the L slider moves the counts; a recorded reason shows."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from core.store import Store, add_upload
from tests.pagetest import open_page
from tests.test_churn import TIMELINE


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "page.duckdb"
    with Store(path) as store:
        lines = pd.DataFrame(TIMELINE, columns=["client_id", "date", "amount"])
        add_upload(store, lines, file_name="t.csv", sha256="t", source_key="t")
    return path


def metric(at, label):
    return next(m.value for m in at.metric if m.label == label)


def chart(at, key):
    return json.loads(next(c for c in at.get("plotly_chart") if c.proto.id and key in c.proto.id).proto.spec)


def test_l_slider_changes_the_counts(db):
    at = open_page(db, "churn")
    assert not at.exception
    # As of 2024-02-10 (the last line), with L = 180 nobody is lost now.
    assert metric(at, "Lost now") == "0"
    at.slider(key="churn_lost_days").set_value(10).run()
    assert not at.exception
    # L = 10: A (last bought 01-20) and C (01-01) are lost; B bought on 02-10.
    assert metric(at, "Lost now") == "2"
    lost = next(d.value for d in at.dataframe if "loss_date" in d.value.columns)
    assert sorted(lost["client_id"]) == ["A", "C"]


def test_the_lost_list_shows_the_biggest_and_says_where_the_rest_are(db, monkeypatch):
    import pages.tables

    monkeypatch.setattr(pages.tables, "SUMMARY_ROWS", 1)
    at = open_page(db, "churn", query={"churn_lost_days": "10"})
    assert not at.exception and not at.error
    lost = next(d.value for d in at.dataframe if "loss_date" in d.value.columns)
    # A's 60 before its loss ranks it above C's 57 (50 on 2023-01-02, 7 on 2024-01-01: 365 days)
    assert lost["client_id"].tolist() == ["A"]
    assert any("2 clients" in c.value and "Showing the first 1;" in c.value for c in at.caption)


def test_recording_a_reason_shows_in_the_breakdown(db):
    at = open_page(db, "churn", query={"churn_lost_days": "10"})
    assert metric(at, "Lost now") == "2"
    assert "Price" not in json.dumps(chart(at, "churn_pareto_chart"))
    at.selectbox(key="churn_record_client").set_value("A")
    at.selectbox(key="churn_record_reason").set_value("price")
    next(b for b in at.button if b.label == "Save reason").click().run()
    assert not at.exception
    assert any("Saved: A" in s.value for s in at.success)
    names = [trace["name"] for trace in chart(at, "churn_reasons_chart")["data"]]
    assert "Price" in names and "unknown" in names
    assert "Price" in json.dumps(chart(at, "churn_pareto_chart"))


def test_page_in_georgian(db):
    at = open_page(db, "churn", lang="ka", query={"churn_lost_days": "10"})
    assert not at.exception
    assert at.title[0].value == "დაკარგული კლიენტები და მათი დინამიკა"


@pytest.mark.parametrize("name", ["superstore", "cdnow_master"])
def test_page_and_cli_agree_on_the_real_files(tmp_path, capsys, real_dir, expected, name):
    from core.__main__ import main
    from tests.realdata import load_cdnow, load_superstore

    path = tmp_path / "real.duckdb"
    with Store(path) as store:
        (load_superstore if name == "superstore" else load_cdnow)(store, real_dir)
    assert main(["churn", "--db", str(path)]) == 0
    cli = json.loads(capsys.readouterr().out)
    at = open_page(path, "churn", timeout=120)
    assert not at.exception
    case = expected[name]["churn"][0]

    def shown(count):
        return f"{count:,}"

    assert metric(at, "Lost now") == shown(case["lost_now"]) == shown(len(cli["lost_clients"]))
    assert metric(at, "At risk now") == shown(case["at_risk"]) == shown(len(cli["at_risk"]))
    periods = next(d.value for d in at.dataframe if "active_start" in d.value.columns)
    assert list(periods["period"]) == [p["period"] for p in cli["periods"]]
    assert list(periods["lost"]) == [p["lost"] for p in cli["periods"]]
    assert list(periods["active_start"]) == [p["active_start"] for p in cli["periods"]]
    assert list(periods["lost_value"]) == pytest.approx([p["lost_value"] for p in cli["periods"]], abs=0.006)
    lost = next(d.value for d in at.dataframe if "loss_date" in d.value.columns)
    assert list(lost["client_id"].head(10)) == [r["client_id"] for r in cli["lost_clients"][:10]]
