"""Ingest on hand-made files: encodings, separators, number and date shapes, mapping, the one transaction."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from core import ingest, mapping
from core.errors import InputError, NeedsChoice, StoreBusy, StoreError
from core.reading import read_table
from core.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


def write(tmp_path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def totals(store: Store) -> tuple:
    money = "round(sum(amount), 2)::DOUBLE, round(sum(margin), 2)::DOUBLE"
    return store.query_rows(f"SELECT count(*), {money} FROM lines")[0]


def test_small_file_loads_clean_rows_and_sets_aside_the_rest(store):
    outcome = ingest.ingest_path(store, FIXTURES / "sales_small.csv")
    assert (outcome["status"], outcome["rows_loaded"], outcome["rows_rejected"]) == ("loaded", 4, 3)
    # 100 + 50.50 - 10 + 1,200.25 (the thousands comma is read) = 1,340.75
    assert totals(store) == (4, 1340.75, 323.0)
    reasons = store.query("SELECT row_number, reason FROM rejected_rows ORDER BY row_number")
    assert list(reasons["row_number"]) == [6, 7, 8]
    assert (
        reasons["reason"][0]
        == "date 'not a date' cannot be read as a date written year first, like the rest of the column (2024-01-31)"
    )
    assert reasons["reason"][1] == "no client"
    assert reasons["reason"][2] == "amount 'abc' is not a number"
    # the order date wins over the ship date
    assert store.scalar("SELECT min(date) FROM lines").isoformat() == "2024-01-05"


def test_same_file_twice_is_unchanged(store):
    ingest.ingest_path(store, FIXTURES / "sales_small.csv")
    version = store.version()
    again = ingest.ingest_path(store, FIXTURES / "sales_small.csv")
    assert again["status"] == "unchanged" and "nothing changed" in again["message"]
    assert store.version() == version and totals(store)[0] == 4


def test_semicolons_decimal_commas_and_every_kind_of_space(tmp_path, store):
    text = (
        "Дата;Контрагент;Сумма;Маржа\n"
        "03.02.2024;ООО Ромашка;1 234,50 руб.;10%\n"
        "13.02.2024;ООО Ромашка;2\u00a0000,00;5,5\n"
        "14.02.2024;ИП Лютик;1000,25 руб;(3,25)\n"
        "15.02.2024;ИП Лютик;12,5;0\n"
    )
    path = write(tmp_path, "export.csv", text, "cp1251")
    raw = read_table(path)
    assert (raw.encoding, raw.delimiter) == ("cp1251", ";")
    ingest.ingest_path(store, path)
    # 1,234.50 + 2,000.00 + 1,000.25 + 12.5 ; margin 10 + 5.5 - 3.25 + 0
    assert totals(store) == (4, 4247.25, 12.25)
    assert store.scalar("SELECT min(date) FROM lines").isoformat() == "2024-02-03"  # day-first: 13.02 proves it
    assert store.scalar("SELECT count(DISTINCT client_id) FROM lines") == 2  # names used as ids


def test_lari_signs_narrow_spaces_and_accounting_negatives(tmp_path, store):
    text = "Date;Client;Amount\n2024-01-01;A;1\u202f000,25 ₾\n2024-01-02;A;250,00-\n2024-01-03;A;nan\n"
    ingest.ingest_path(store, write(tmp_path, "gel.csv", text))
    assert totals(store)[:2] == (2, 750.25)  # 1,000.25 − 250.00; 'nan' is set aside, not read as a number


def test_cp1252_tabs_and_thousands_points(tmp_path, store):
    text = "Date\tCustomer\tAmount\n2024-01-01\tCafé Müller\t1.234,00\n2024-01-02\tCafé Müller\t0,50\n"
    path = write(tmp_path, "tabs.txt", text, "cp1252")
    raw = read_table(path)
    assert (raw.encoding, raw.delimiter) == ("cp1252", "\t")
    ingest.ingest_path(store, path)
    assert totals(store)[:2] == (2, 1234.5)
    assert store.scalar("SELECT client_id FROM lines LIMIT 1") == "Café Müller"


def test_utf8_bom_gz_and_zip_read_alike(tmp_path, store):
    text = '\ufeffDate,Client,Amount\n2024-01-01,A,"$1,000.00"\n2024-01-02,B,2.5\n'
    plain = write(tmp_path, "a.csv", text)
    gz = tmp_path / "a.csv.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    zipped = tmp_path / "a.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.write(plain, "inside.csv")
    for path in (plain, gz, zipped):
        raw = read_table(path)
        assert raw.columns == ["Date", "Client", "Amount"]
        assert raw.sample()["Amount"].tolist() == ["$1,000.00", "2.5"]
    ingest.ingest_path(store, gz)
    assert totals(store)[:2] == (2, 1002.5)


def test_whitespace_aligned_file_without_header_maps_by_shape(tmp_path, store):
    text = " 00004 0001 19970101  2   29.33\r\n 00004 0001 19970118  2   29.73\r\n 00005 0002 19970102  1   12.00\r\n"
    path = write(tmp_path, "cd.txt", text)
    raw = read_table(path)
    assert not raw.has_header and raw.columns == [f"column {i}" for i in range(1, 6)]
    guessed = mapping.guess(raw)
    assert (guessed.column("date"), guessed.column("client_id"), guessed.column("amount")) == (
        "column 3",
        "column 1",
        "column 5",
    )
    ingest.ingest_path(store, path, overrides={"client_id": "2"})  # by 1-based position
    assert store.query_rows("SELECT DISTINCT client_id FROM lines ORDER BY 1") == [("0001",), ("0002",)]
    assert totals(store)[:2] == (3, 71.06)


def test_ambiguous_dates_are_never_guessed(tmp_path, store):
    path = write(tmp_path, "amb.csv", "Date,Client,Amount\n03/01/19,A,10\n04/02/19,A,20\n")
    with pytest.raises(NeedsChoice) as refused:
        ingest.ingest_path(store, path)
    assert "--dayfirst or --monthfirst" in refused.value.message
    assert store.is_empty()
    ingest.ingest_path(store, path, date_order="dayfirst")
    assert [d.isoformat() for (d,) in store.query_rows("SELECT date FROM lines ORDER BY date")] == [
        "2019-01-03",
        "2019-02-04",
    ]


def test_month_first_is_detected_from_a_day_above_12(tmp_path, store):
    path = write(tmp_path, "us.csv", "Order Date,Client,Amount\n11/8/2018,A,10\n1/13/2019,A,20\n")
    ingest.ingest_path(store, path)
    assert [d.isoformat() for (d,) in store.query_rows("SELECT date FROM lines ORDER BY date")] == [
        "2018-11-08",
        "2019-01-13",
    ]


def test_amount_from_quantity_times_unit_price(tmp_path, store):
    path = write(tmp_path, "q.csv", "Date,Client,Quantity,Unit Price\n2024-01-01,A,3,2.50\n2024-01-02,A,-1,2.50\n")
    guessed = mapping.guess(read_table(path))
    assert guessed.amount_from_price and not guessed.missing()
    ingest.ingest_path(store, path)
    assert totals(store)[:2] == (2, 5.0)  # 3 × 2.50 − 1 × 2.50; the return is kept


def test_file_without_amount_is_refused_naming_its_columns(tmp_path, store):
    path = write(tmp_path, "bad.csv", "Date,Client,Comment\n2024-01-01,A,hello\n")
    with pytest.raises(InputError) as refused:
        ingest.ingest_path(store, path)
    assert "no usable column for: Amount (revenue)" in refused.value.message
    assert "Date, Client, Comment" in refused.value.message
    assert store.is_empty()


def test_two_amount_candidates_are_not_picked_between(tmp_path, store):
    path = write(tmp_path, "two.csv", "Date,Client,Sales,Revenue\n2024-01-01,A,1,2\n")
    with pytest.raises(NeedsChoice) as refused:
        ingest.ingest_path(store, path)
    assert "--map amount=COLUMN" in refused.value.message
    ingest.ingest_path(store, path, overrides={"amount": "Revenue"})
    assert totals(store)[:2] == (1, 2.0)


def test_xlsx_every_sheet_listed_and_numeric_ids_cleaned(tmp_path, store):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    sheet = workbook.create_sheet("Sales")
    sheet.append(["თარიღი", "კლიენტი", "თანხა", "მოგება", "მენეჯერი"])
    sheet.append([__import__("datetime").datetime(2024, 5, 1), 13085.0, 100.5, 10, "ნინო"])
    sheet.append([__import__("datetime").datetime(2024, 5, 2), 13085, 99.5, 9, "ნინო"])
    path = tmp_path / "book.xlsx"
    workbook.save(path)
    raw = read_table(path, sheet="Sales")
    assert raw.sheets == ["Notes", "Sales"]
    guessed = mapping.guess(raw)
    assert {r: guessed.column(r) for r in ("date", "client_id", "amount", "margin", "manager")} == {
        "date": "თარიღი",
        "client_id": "კლიენტი",
        "amount": "თანხა",
        "margin": "მოგება",
        "manager": "მენეჯერი",
    }
    ingest.ingest_path(store, path, sheet="Sales")
    assert store.query_rows("SELECT DISTINCT client_id FROM lines") == [("13085",)]
    assert totals(store) == (2, 200.0, 19.0)


def test_xlsx_typed_cells_read_as_canonical_text(tmp_path):
    from datetime import datetime, time

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Date", "Client", "Amount", "Paid", "At", "Note"])
    sheet.append([datetime(2024, 5, 1), 13085.0, 100.5, True, time(9, 30), "true"])
    sheet.append([datetime(2024, 5, 2, 14, 5), 13085, -0.0, False, time(0, 0), "  kept  "])
    sheet.append([date(2024, 5, 3), "13085.0", 1e-5, None, datetime(2024, 5, 3), ""])
    sheet.append([datetime(2024, 5, 4), 1234567890123456.0, 12.345678901234, 1, None, "x"])
    path = tmp_path / "typed.xlsx"
    workbook.save(path)
    rows = read_table(path).frame().drop(columns="__row").astype(object)
    rows = rows.where(rows.notna(), None).values.tolist()
    assert rows == [
        ["2024-05-01", "13085", "100.5", "TRUE", "09:30:00", "TRUE"],
        ["2024-05-02 14:05:00", "13085", "0", "FALSE", "00:00:00", "  kept  "],
        # a text cell stays as written; an empty text is an empty cell
        ["2024-05-03", "13085.0", "0.00001", None, "2024-05-03", None],
        # no exponent and no ".0" for a 16-digit whole number; 9 decimals (the store keeps 4)
        ["2024-05-04", "1234567890123456", "12.345678901", "1", None, "x"],
    ]


def test_xlsx_rows_are_numbered_as_excel_numbers_them(tmp_path, store):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append([])
    sheet.append([])  # two blank rows, then the table from column B
    sheet.append([None, "Date", "Client", "Amount"])
    for day in range(1, 6):
        sheet.append([None, f"2024-05-0{day}", f"C{day}", 10 * day])
    sheet["B6"] = "not a date"
    sheet.insert_rows(8)  # a blank row inside the table: skipped, as a blank line of a CSV
    path = tmp_path / "offset.xlsx"
    workbook.save(path)
    raw = read_table(path)
    assert raw.columns == ["Date", "Client", "Amount"]
    assert raw.frame()["__row"].tolist() == [4, 5, 6, 7, 9]
    ingest.ingest_path(store, path)
    assert store.query_rows("SELECT row_number FROM rejected_rows") == [(6,)]
    assert store.query_rows("SELECT row_number, client_id FROM lines ORDER BY 1") == [
        (4, "C1"),
        (5, "C2"),
        (7, "C4"),
        (9, "C5"),
    ]


def test_a_workbook_under_the_other_excel_name_is_read(tmp_path, store):
    """ERPs save .xlsx workbooks as ".xls" and people rename files: the content decides."""
    workbook = openpyxl.Workbook()
    workbook.active.append(["Date", "Client", "Amount"])
    workbook.active.append([date(2024, 5, 1), "A", 10.5])
    xlsx_named_xls = tmp_path / "export.xls"
    workbook.save(xlsx_named_xls)
    xls_named_xlsx = tmp_path / "legacy.xlsx"
    xls_named_xlsx.write_bytes((FIXTURES / "legacy_two_sheets.xls").read_bytes())
    assert read_table(xlsx_named_xls).frame()[["Date", "Client", "Amount"]].values.tolist() == [
        ["2024-05-01", "A", "10.5"]
    ]
    assert read_table(xls_named_xlsx, sheet="Sales").sheets == ["Info", "Sales"]
    ingest.ingest_path(store, xls_named_xlsx, sheet="Sales")
    assert totals(store)[:2] == (3, 2450.75)


def test_damaged_workbook_is_refused_with_the_readers_reason(tmp_path):
    path = tmp_path / "cut.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(InputError, match=r"'cut.xlsx' is not a readable Excel workbook: invalid Zip archive"):
        read_table(path)


def test_legacy_xls_with_russian_headers(store):
    ingest.ingest_path(store, FIXTURES / "legacy_two_sheets.xls", sheet="Sales")
    assert totals(store)[:2] == (3, 2450.75)
    assert store.query_rows("SELECT client_id, count(*) FROM lines GROUP BY 1 ORDER BY 1") == [
        ("13085", 2),
        ("20001", 1),
    ]
    with pytest.raises(InputError, match="no sheet 'Nope'"):
        ingest.ingest_path(store, FIXTURES / "legacy_two_sheets.xls", sheet="Nope")


def test_confirmed_mapping_is_remembered_for_the_same_headers(tmp_path, store):
    first = write(tmp_path, "m1.csv", "When,Who,Total\n2024-01-01,A,1\n")
    second = write(tmp_path, "m2.csv", "When,Who,Total\n2024-02-01,B,2\n")
    with pytest.raises(InputError):
        ingest.ingest_path(store, first)  # nothing to guess from
    ingest.ingest_path(store, first, overrides={"date": "When", "client_id": "Who", "amount": "Total"})
    ingest.ingest_path(store, second)  # no overrides needed now
    assert totals(store)[:2] == (2, 3.0)


def test_overlapping_export_replaces_its_period_only_when_confirmed(tmp_path, store):
    january_march = write(tmp_path, "q1.csv", "Date,Client,Amount\n2024-01-10,A,1\n2024-02-10,A,2\n2024-03-10,A,4\n")
    march_april = write(tmp_path, "q2.csv", "Date,Client,Amount\n2024-03-01,A,40\n2024-04-01,A,80\n")
    ingest.ingest_path(store, january_march)
    with pytest.raises(NeedsChoice) as refused:
        ingest.ingest_path(store, march_april)
    assert "overlaps 1 lines" in refused.value.message and "--replace-overlap" in refused.value.message
    assert totals(store)[:2] == (3, 7.0)
    outcome = ingest.ingest_path(store, march_april, replace_overlap=True)
    assert outcome["replaced_rows"] == 1
    assert totals(store)[:2] == (4, 123.0)  # 1 + 2 + 40 + 80: March replaced


def test_failure_inside_the_transaction_leaves_the_store_as_it_was(tmp_path, store, monkeypatch):
    ingest.ingest_path(store, FIXTURES / "sales_small.csv")
    before = (totals(store), store.uploads().shape[0], store.version())
    path = write(tmp_path, "next.csv", "Order Date,Customer ID,Sales\n2025-01-01,Z,99\n")

    def broken(cur):
        raise RuntimeError("disk full")

    monkeypatch.setattr("core.store.refresh_derived", lambda cur, **scope: broken(cur))
    with pytest.raises(RuntimeError):
        ingest.ingest_path(store, path)
    assert (totals(store), store.uploads().shape[0], store.version()) == before
    assert store.scalar("SELECT count(*) FROM daily WHERE client_id = 'Z'") == 0


def test_lines_go_in_batch_by_batch_from_the_files_own_connection(tmp_path, store, monkeypatch):
    # 7 lines stored 3 at a time: every batch lands, in the file's order, and the bar counts them
    monkeypatch.setattr("core.store.INSERT_ROWS", 3)
    rows = "".join(f"2024-01-{day:02d},C{day % 2},{day}\n" for day in range(1, 8))
    path = write(tmp_path, "week.csv", "Date,Client,Amount\n" + rows)
    raw = read_table(path)
    assert (raw.rows, raw.filled("Client", 2)) == (7, ["C1", "C0"])
    prepared = ingest.prepare(raw, ingest.mapping_for(store, raw))
    assert prepared.head(2)["amount"].astype(float).tolist() == [1.0, 2.0]
    seen = []
    ingest.store_prepared(store, prepared, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(3, 7), (6, 7), (7, 7), (7, 7)]
    assert store.query_rows("SELECT row_number, amount::INTEGER FROM lines ORDER BY row_number") == [
        (day + 1, day) for day in range(1, 8)
    ]


def test_an_upload_stopped_from_its_progress_bar_stores_nothing_and_the_store_goes_on(tmp_path, store, monkeypatch):
    # A page stopped mid-upload raises from its progress bar: the INSERT running on the store's
    # worker thread is interrupted, the transaction rolls back, and the next upload goes in whole.
    monkeypatch.setattr("core.store.INSERT_ROWS", 2)
    ingest.ingest_path(store, FIXTURES / "sales_small.csv")
    before = (totals(store), store.uploads().shape[0], store.version())
    rows = "".join(f"2024-02-{day:02d},N{day % 3},{day}\n" for day in range(1, 21))
    path = write(tmp_path, "february.csv", "Date,Client,Amount\n" + rows)
    seen = []

    def stopped(done, total):
        seen.append(done)
        if done >= 4:
            raise KeyboardInterrupt  # what stopping a page raises is no Exception either

    with pytest.raises(KeyboardInterrupt):
        ingest.ingest_path(store, path, progress=stopped)
    assert seen[:2] == [2, 4]
    assert (totals(store), store.uploads().shape[0], store.version()) == before
    assert store.scalar("SELECT count(*) FROM daily WHERE client_id LIKE 'N%'") == 0
    outcome = ingest.ingest_path(store, path)
    assert (outcome["status"], outcome["rows_loaded"]) == ("loaded", 20)
    assert store.scalar("SELECT sum(amount)::INTEGER FROM lines WHERE client_id LIKE 'N%'") == 210


def test_a_second_validation_of_the_same_file_keeps_the_first_apart(tmp_path, store):
    path = write(tmp_path, "two.csv", "Date,Client,Net,Gross\n2024-01-05,A,10,12\n2024-01-06,B,20,24\n")
    raw = read_table(path)
    net = ingest.prepare(raw, mapping.apply_overrides(ingest.mapping_for(store, raw), raw, {"amount": "Net"}))
    gross = ingest.prepare(raw, mapping.apply_overrides(ingest.mapping_for(store, raw), raw, {"amount": "Gross"}))
    assert (net.summary["amount"], gross.summary["amount"]) == (30.0, 36.0)
    assert net.head()["amount"].astype(float).tolist() == [10.0, 20.0]
    net.release()
    ingest.store_prepared(store, gross)
    assert totals(store)[:2] == (2, 36.0)


def test_a_stream_that_ends_early_stores_nothing(store):
    import pyarrow as pa

    from core.store import LINE_COLUMNS, LineStream, add_upload

    one = pa.table(
        {
            **{c: pa.nulls(1, pa.string()) for c in LINE_COLUMNS},
            "row_number": pa.array([2]),
            "date": pa.array([date(2024, 1, 5)]),
            "client_id": pa.array(["A"]),
            "amount": pa.array([10.0]),
        }
    ).to_batches()
    short = LineStream(lambda size: iter(one), 2, date(2024, 1, 5), date(2024, 1, 6))
    with pytest.raises(StoreError, match="1 lines read of 2"):
        add_upload(store, short, file_name="short.csv", sha256="x", source_key="k")
    assert store.is_empty() and store.uploads().empty


def test_read_memory_is_a_size_or_a_plain_refusal(monkeypatch):
    from core.dbopen import read_memory

    monkeypatch.setenv("KAM_READ_MEMORY", "2GB")
    assert read_memory() == "2GB"
    monkeypatch.setenv("KAM_READ_MEMORY", "lots")
    with pytest.raises(StoreError, match="write it like 512MB"):
        read_memory()


def test_an_upload_is_copied_to_disk_from_its_start(tmp_path):
    import io

    from core.reading import spill_upload

    upload = io.BytesIO(b"Date,Client,Amount\n" * 100_000)
    upload.read(10)  # a page that looked at the upload's head already
    path = spill_upload(upload, ".csv")
    assert path.read_bytes() == upload.getvalue()
    path.unlink()


def test_delete_upload_removes_its_lines_and_refreshes_clients(store):
    outcome = ingest.ingest_path(store, FIXTURES / "sales_small.csv")
    assert store.delete_upload(outcome["upload_id"]) == 4
    assert store.is_empty() and store.scalar("SELECT count(*) FROM clients") == 0


def test_cli_json_and_exit_status(tmp_path):
    db = tmp_path / "cli.duckdb"
    ambiguous = write(tmp_path, "amb.csv", "Date,Client,Amount\n03/01/19,A,10\n")
    run = subprocess.run(
        [sys.executable, "-m", "core", "ingest", str(FIXTURES / "sales_small.csv"), str(ambiguous), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    files = json.loads(run.stdout)["files"]
    assert [(f["status"], f["rows_loaded"], f["rows_rejected"]) for f in files] == [("loaded", 4, 3), ("refused", 0, 0)]
    assert "--dayfirst or --monthfirst" in files[1]["message"]
    assert "Traceback" not in run.stderr and "--dayfirst" in run.stderr
    again = subprocess.run(
        [sys.executable, "-m", "core", "ingest", str(ambiguous), "--db", str(db), "--monthfirst"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0 and json.loads(again.stdout)["files"][0]["status"] == "loaded"


def test_busy_database_is_said_plainly_and_nothing_is_lost(tmp_path):
    db = tmp_path / "busy.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from core.store import Store; s = Store({str(db)!r}); print('ready', flush=True); "
            "import sys; sys.stdin.read()",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreBusy, match="open in another program"):
            Store(db)
        run = subprocess.run(
            [sys.executable, "-m", "core", "ingest", str(FIXTURES / "sales_small.csv"), "--db", str(db)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 1 and "open in another program" in run.stderr and "Traceback" not in run.stderr
    finally:
        holder.communicate("")
    with Store(db) as store:
        assert store.is_empty()


def test_database_errors_are_wrapped(store):
    with pytest.raises(StoreError):
        store.query("SELECT * FROM no_such_table")


def test_kind_column_tags_image_makers_and_experts(tmp_path, store):
    text = (
        "Date,Client,Amount,Client type\n"
        "2024-01-01,A,10,Image maker\n2024-01-02,B,20,Эксперт\n2024-01-03,C,30,\n2024-01-04,D,40,ექსპერტი\n"
    )
    ingest.ingest_path(store, write(tmp_path, "kinds.csv", text))
    kinds = store.query_rows("SELECT client_id, kind FROM client_kinds WHERE kind <> 'breadwinner' ORDER BY 1")
    assert kinds == [("A", "image_maker"), ("B", "expert"), ("D", "expert")]
    from core.analysis import Filters

    condition, values = Filters(kind=("expert",)).where()
    assert store.query_rows("SELECT DISTINCT client_id FROM daily WHERE " + condition + " ORDER BY 1", values) == [
        ("B",),
        ("D",),
    ]


def test_a_database_from_before_the_kind_column_opens(tmp_path):
    import duckdb

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE lines (upload_id INTEGER, row_number BIGINT, date DATE, client_id VARCHAR)")
    con.close()
    with Store(db) as store:
        assert "client_kind" in [c[0] for c in store.query_rows("DESCRIBE lines")]


def test_cli_takes_several_roles_after_one_map_flag(tmp_path):
    db = tmp_path / "m.duckdb"
    path = write(tmp_path, "nohead.csv", "x1,2024-01-05,10.5\nx2,2024-01-06,4.5\n")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "core",
            "ingest",
            str(path),
            "--db",
            str(db),
            "--map",
            "client_id=1",
            "date=2",
            "amount=3",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["files"][0]["rows_loaded"] == 2
