"""Why a row was set aside, in English as stored and in Georgian on the pages (core.setaside)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from pagetest import open_page

from core import ingest, setaside
from core.i18n import CATALOGUE, t
from core.managers import load_assignments
from core.setaside import reason_key, reason_text

SAMPLE = {"value": "1'2 x", "detail": "Value with unterminated quote", "line": "1,234", "fields": 5, "width": 4}


@pytest.mark.parametrize("key", setaside.KEYS)
def test_every_english_reason_is_read_back_with_its_values(key):
    english, georgian = t(key), t(key, "ka")
    values = {name: value for name, value in SAMPLE.items() if "{" + name + "}" in english}
    role = "margin" if key == "setaside.too_large" else "unit_price"
    if "{label}" in english:
        values["label"] = setaside.label(role)
    if "{style}" in english:
        values["style"] = setaside.style("dayfirst")
    written = t(key, **values)
    assert reason_key(written) == (key, {name: str(v) for name, v in values.items()})
    said = {**values, "label": setaside.label(role, "ka"), "style": setaside.style("dayfirst", "ka")}
    assert reason_text(written, "ka") == georgian.format(**said) != written
    assert reason_text(written, "en") == written


def test_words_it_does_not_know_are_shown_as_they_are():
    assert reason_text("the ERP said so", "ka") == "the ERP said so"
    assert reason_text(None, "ka") == ""


def test_every_reason_the_reader_writes_is_known(tmp_path, store):
    late = (date.today() + timedelta(days=60)).isoformat()
    rows = [
        "2024-01-05,A,10.50,1.0,2,3.00",
        ",B,1.00,,,",  # no date
        "2024-02-31,C,1.00,,,",  # not a date
        "1899-12-30,D,1.00,,,",  # before 1900
        f"{late},E,1.00,,,",  # after the upload
        "2024-01-06,,1.00,,,",  # no client
        '2024-01-07,G,"12,5",,,',  # a decimal comma in a point column
        "2024-01-08,H,abc,,,",  # not a number
        "2024-01-09,I,1e400,,,",  # not finite
        "2024-01-10,J,,,,",  # no amount
        "2024-01-11,K,1.00,,,,extra",  # a field too many
        "2024-01-12,L,1.00",  # fields missing
        "2024-01-13,M,1.00,2.5,x,",  # quantity not a number
    ] + [f"2024-01-{d:02d},N{d},{d}.25,0.5,1,2.00" for d in range(14, 29)]
    path = tmp_path / "mixed.csv"
    path.write_text("Date,Client,Amount,Margin,Quantity,Unit price\n" + "\n".join(rows) + "\n", encoding="utf-8")
    ingest.ingest_path(store, path, overrides={"unit_price": ""})
    stored = [r for (r,) in store.query_rows("SELECT DISTINCT reason FROM rejected_rows ORDER BY 1")]
    assert len(stored) >= 10
    unknown = [r for r in stored if reason_key(r) is None]
    assert unknown == []
    for reason in stored:
        assert reason_text(reason, "ka") != reason


def test_an_assignments_files_reasons_are_known(tmp_path, store):
    path = tmp_path / "people.csv"
    text = "client id,manager,date from\nA,,\n,Nino,\nB,Nino,31/12/2024\nC,Nino,2024-01-01\n"
    path.write_text(text, encoding="utf-8")
    summary = load_assignments(store, path, loaded_by="Ana")
    reasons = [r["reason"] for r in summary["rejected"]]
    assert reasons == [
        "no manager",
        "no client id or region",
        "date_from '31/12/2024' is not a date (write YYYY-MM-DD)",
    ]
    assert [reason_text(r, "ka") for r in reasons] == [
        "მენეჯერი არ არის",
        "არ არის არც კლიენტის ID, არც რეგიონი",
        "date_from '31/12/2024' თარიღი არ არის (დაწერეთ YYYY-MM-DD)",
    ]


def test_the_georgian_data_page_gives_the_reasons_in_georgian(tmp_path):
    db = tmp_path / "page.duckdb"
    at = open_page(db, "data", lang="ka")
    text = b"Date,Client,Amount\n2024-01-01,A,1\n2024-01-02,,2\n2024-01-03,B,x\n2024-01-04,C,4\n2024-01-05,D,5\n"
    at.file_uploader(key="data_upload").set_value(("bad.csv", text, "text/csv"))
    at.run()
    assert not at.exception
    shown = at.dataframe[-1].value
    reasons = shown[t("data.reason", "ka")].tolist()
    assert sorted(reasons) == sorted(["კლიენტი არ არის", "თანხა 'x' რიცხვი არ არის"])
    assert all(key in CATALOGUE for key in setaside.KEYS)
