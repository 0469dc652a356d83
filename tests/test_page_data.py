"""The Data page under AppTest: upload, confirm the mapping, set-aside rows, re-upload unchanged, delete."""

from __future__ import annotations

from pathlib import Path

from pagetest import open_page

from core.store import Store

FIXTURES = Path(__file__).parent / "fixtures"


def confirm_button(at):
    return next(b for b in at.button if b.key and b.key.startswith("data_confirm"))


def upload(at, name: str, content: bytes):
    at.file_uploader(key="data_upload").set_value((name, content, "text/csv"))
    return at.run()


def test_upload_confirm_and_summary(tmp_path):
    db = tmp_path / "page.duckdb"
    at = open_page(db, "data")
    assert not at.exception
    at = upload(at, "sales_small.csv", (FIXTURES / "sales_small.csv").read_bytes())
    editor = at.get("arrow_data_frame") or at.dataframe
    assert not at.exception and editor  # the mapping table is shown before anything is stored
    with Store(db) as store:
        assert store.is_empty()
    confirm_button(at).click()
    at.run()
    assert not at.exception
    assert [s.value for s in at.success] == ["sales_small.csv: loaded 4 rows."]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Rows loaded"] == "4" and metrics["Total amount"] == "1,340.75"
    assert "Rows set aside: 3" in at.warning[0].value
    with Store(db) as store:
        assert store.scalar("SELECT count(*) FROM lines") == 4


def test_same_file_again_says_unchanged(tmp_path):
    db = tmp_path / "page.duckdb"
    at = upload(open_page(db, "data"), "sales_small.csv", (FIXTURES / "sales_small.csv").read_bytes())
    confirm_button(at).click()
    at.run()
    again = upload(open_page(db, "data"), "copy.csv", (FIXTURES / "sales_small.csv").read_bytes())
    assert any("nothing changed" in i.value for i in again.info)
    assert not [b for b in again.button if b.key and b.key.startswith("data_confirm")]


def test_ambiguous_dates_ask_the_person(tmp_path):
    db = tmp_path / "page.duckdb"
    at = upload(open_page(db, "data"), "amb.csv", b"Date,Client,Amount\n03/01/19,A,10\n04/02/19,B,20\n")
    order = at.radio(key=next(r.key for r in at.radio if r.key.startswith("data_order")))
    assert order.value is None
    confirm_button(at).click()
    at.run()
    assert any("--dayfirst" in w.value or "day-first" in w.value for w in at.warning)
    order = at.radio(key=order.key)
    order.set_value("dayfirst")
    at.run()
    confirm_button(at).click()
    at.run()
    assert [s.value for s in at.success] == ["amb.csv: loaded 2 rows."]


def test_georgian_page_refuses_unmapped_file_plainly(tmp_path):
    db = tmp_path / "page.duckdb"
    at = open_page(db, "data", lang="ka")
    at = upload(at, "m.csv", b"When,Who,Total\n2024-01-01,A,1\n2024-01-02,B,2\n")
    assert at.title[0].value == "მონაცემები"
    assert confirm_button(at).label == "სვეტების დადასტურება და ჩატვირთვა"
    confirm_button(at).click()
    at.run()
    assert not at.exception
    # the refusal speaks Georgian too, naming the columns it found
    assert "„m.csv“-ში არ არის გამოსადეგი სვეტი: თარიღი (შეკვეთა / ინვოისი), კლიენტის ID" in at.error[0].value
    assert "--map" not in at.error[0].value
    assert "When, Who, Total" in at.error[0].value
    with Store(db) as store:
        assert store.is_empty()


def test_upload_log_offers_set_aside_rows_and_deletes(tmp_path):
    db = tmp_path / "page.duckdb"
    at = upload(open_page(db, "data"), "sales_small.csv", (FIXTURES / "sales_small.csv").read_bytes())
    confirm_button(at).click()
    at.run()
    log = open_page(db, "data")
    log.session_state["data_uploads_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    log.run()
    assert any("Delete 'sales_small.csv' and its 4 lines?" in w.value for w in log.warning)
    log.button(key="data_delete").click()
    log.run()
    assert not log.exception
    with Store(db) as store:
        assert store.is_empty()
