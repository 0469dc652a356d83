"""Ingest of the real public files in ../shared/data/real (skipped when that folder is absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from core import ingest
from core.errors import InputError
from core.reading import read_table

ROOT = Path(__file__).resolve().parent.parent


def totals(store):
    money = "round(sum(amount), 2)::DOUBLE, round(sum(margin), 2)::DOUBLE"
    return store.query_rows(f"SELECT count(*), {money} FROM lines")[0]


def test_superstore_month_first_and_totals(store, real_dir):
    path = real_dir / "superstore" / "Sample - Superstore.csv"
    raw = read_table(path)
    assert raw.encoding == "utf-8-sig" and raw.columns[0] == "Row ID"
    assert ingest.detect_date_order(raw, "Order Date")[0] == "monthfirst"
    outcome = ingest.ingest_path(store, path)
    assert (outcome["rows_loaded"], outcome["rows_rejected"]) == (9994, 0)
    assert totals(store) == (9994, 2297200.86, 286397.02)
    assert store.query_rows("SELECT min(date), max(date) FROM lines")[0][0].isoformat() == "2016-01-03"
    assert store.scalar("SELECT count(DISTINCT client_id) FROM lines") == 793
    # 11/8/2018 is 8 November, not 11 August
    assert store.scalar("SELECT count(*) FROM lines WHERE order_id = 'CA-2018-152156' AND date = '2018-11-08'") == 2
    assert ingest.ingest_path(store, path)["status"] == "unchanged"
    assert totals(store)[0] == 9994


def test_cdnow_master_keeps_zero_padded_ids(store, real_dir):
    outcome = ingest.ingest_path(store, real_dir / "cdnow" / "CDNOW_master.txt")
    assert outcome["rows_loaded"] == 69659
    assert totals(store)[:2] == (69659, 2500315.63)
    assert store.scalar("SELECT min(client_id) FROM lines") == "00001"
    assert store.scalar("SELECT count(DISTINCT client_id) FROM lines") == 23570


def test_cdnow_sample_without_header_through_the_cli(tmp_path, real_dir):
    db = tmp_path / "cd.duckdb"
    command = [
        sys.executable,
        "-m",
        "core",
        "ingest",
        str(real_dir / "cdnow" / "CDNOW_sample.txt"),
        "--db",
        str(db),
        "--map",
        "client_id=1",
        "--map",
        "date=3",
        "--map",
        "quantity=4",
        "--map",
        "amount=5",
    ]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["files"][0]["rows_loaded"] == 6919
    second = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert json.loads(second.stdout)["files"][0]["status"] == "unchanged"


def test_telco_workbook_is_not_a_sales_export(store, real_dir):
    path = real_dir / "telco_churn" / "Telco_customer_churn.xlsx"
    raw = read_table(path)
    assert raw.sheets == ["Telco_Churn"] and raw.rows == 7043
    with pytest.raises(InputError, match="no usable column for: Date"):
        ingest.ingest_path(store, path)
    assert store.is_empty()
