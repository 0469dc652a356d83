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


def role_box(at, role: str):
    return next(b for b in at.selectbox if b.key and b.key.startswith("data_role_") and b.key.endswith(f"_{role}"))


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_upload_preview_confirm_and_summary(tmp_path):
    db = tmp_path / "page.duckdb"
    at = open_page(db, "data")
    assert not at.exception
    at = upload(at, "sales_small.csv", (FIXTURES / "sales_small.csv").read_bytes())
    assert not at.exception
    # one control per role, the three required first, each preset from the headers
    labels = [b.label for b in at.selectbox if b.key and b.key.startswith("data_role_")]
    assert labels[:3] == ["Date (order / invoice) *", "Client ID *", "Amount (revenue) *"] and len(labels) == 15
    assert (role_box(at, "date").value, role_box(at, "amount").value) == ("Order Date", "Sales")
    # the preview says what will be stored before anything is
    assert metrics(at)["Rows to store"] == "4" and metrics(at)["Total amount"] == "1,340.75"
    assert "→ 2024-01-05 · 2024-01-20 · 2024-02-03" in [c.value for c in at.caption]
    with Store(db) as store:
        assert store.is_empty()
    confirm_button(at).click()
    at.run()
    assert not at.exception
    assert [s.value for s in at.success] == ["sales_small.csv: loaded 4 rows."]
    assert metrics(at)["Rows loaded"] == "4" and metrics(at)["Total amount"] == "1,340.75"
    assert "Rows set aside: 3" in at.warning[0].value
    with Store(db) as store:
        assert store.scalar("SELECT count(*) FROM lines") == 4


def test_a_changed_column_refreshes_the_examples_and_the_preview(tmp_path):
    db = tmp_path / "page.duckdb"
    text = b"Date,Client,Sales,Other\n2024-01-01,A,10.00,1000.50\n2024-01-02,B,20.00,2000.25\n"
    at = upload(open_page(db, "data"), "two.csv", text)
    assert metrics(at)["Total amount"] == "30.00"
    role_box(at, "amount").set_value("Other")
    at.run()
    assert metrics(at)["Total amount"] == "3,000.75"
    assert "→ 1,000.50 · 2,000.25" in [c.value for c in at.caption]
    confirm_button(at).click()
    at.run()
    with Store(db) as store:
        assert store.scalar("SELECT sum(amount)::DOUBLE FROM lines") == 3000.75


def test_a_close_call_is_asked_and_nothing_is_preselected(tmp_path):
    db = tmp_path / "page.duckdb"
    at = upload(open_page(db, "data"), "two.csv", b"Date,Client,Sales,Revenue\n2024-01-01,A,1,2\n")
    assert role_box(at, "amount").value is None
    assert any("Two columns fit about equally: Sales, Revenue" in w.value for w in at.warning)
    assert confirm_button(at).disabled
    assert not any("--map" in w.value or "amount=" in w.value for w in [*at.warning, *at.error])
    role_box(at, "amount").set_value("Revenue")
    at.run()
    assert not confirm_button(at).disabled
    confirm_button(at).click()
    at.run()
    assert [s.value for s in at.success] == ["two.csv: loaded 1 rows."]


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
    assert any("could be read two ways" in w.value for w in at.warning)
    assert confirm_button(at).disabled
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
    assert confirm_button(at).label == "სვეტების დადასტურება და ჩატვირთვა" and confirm_button(at).disabled
    assert not at.exception
    # the refusal speaks Georgian too, naming the roles and the columns it found, and no flag
    assert "„m.csv“-ში არ არის გამოსადეგი სვეტი: თარიღი (შეკვეთა / ინვოისი), კლიენტის ID" in at.error[0].value
    assert "--map" not in at.error[0].value and "client_id" not in at.error[0].value
    assert "When, Who, Total" in at.error[0].value
    with Store(db) as store:
        assert store.is_empty()


def log_selection(at, db, row: int):
    with Store(db) as store:
        key = f"data_uploads_table_{store.version()}"  # the table is keyed on the data version
    at.session_state[key] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    return at.run()


def test_upload_log_offers_set_aside_rows_and_deletes(tmp_path):
    db = tmp_path / "page.duckdb"
    at = upload(open_page(db, "data"), "sales_small.csv", (FIXTURES / "sales_small.csv").read_bytes())
    confirm_button(at).click()
    at.run()
    second = b"Date,Client,Amount\n2025-01-01,Z,5\n"
    at = upload(at, "later.csv", second)
    confirm_button(at).click()
    at.run()
    log = log_selection(open_page(db, "data"), db, 1)  # newest first: row 1 is sales_small.csv
    assert any("Delete 'sales_small.csv' and its 4 lines?" in w.value for w in log.warning)
    log.button(key="data_delete").click()
    log.run()
    assert not log.exception
    assert [s.value for s in log.success] == ["Deleted 'sales_small.csv' (4 lines)."]
    assert not [b for b in log.button if b.key == "data_delete"]  # nothing else stays selected
    with Store(db) as store:
        assert store.query_rows("SELECT DISTINCT client_id FROM lines") == [("Z",)]
    log = log_selection(log, db, 0)  # the last upload can go too, without an error
    log.button(key="data_delete").click()
    log.run()
    assert not log.exception and not log.error
    with Store(db) as store:
        assert store.is_empty()


def test_a_damaged_workbook_is_refused_with_the_readers_reason(tmp_path):
    db = tmp_path / "page.duckdb"
    at = open_page(db, "data")
    at.file_uploader(key="data_upload").set_value(("cut.xlsx", b"PK\x03\x04" + b"\x00" * 200, "application/zip"))
    at.run()
    assert not at.exception
    assert [e.value for e in at.error] == [
        "'cut.xlsx' is not a readable Excel workbook: invalid Zip archive: Could not find EOCD"
    ]
    with Store(db) as store:
        assert store.is_empty()
