"""``python -m core winback`` on the hand-made set of tests/test_winback.py."""

from __future__ import annotations

import csv
import io
import json

from openpyxl import load_workbook

from core.__main__ import main
from core.store import Store
from core.winback import set_status
from tests.test_winback import first_export, load


def _db(tmp_path):
    path = tmp_path / "cli.duckdb"
    with Store(path) as store:
        load(store, first_export(), "2024.csv")
        set_status(store, "A1", "contacted", owner="Nino")
    return str(path)


def test_json_contract(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["winback", "--db", db, "--min-value", "1000"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"parameters", "candidates", "funnel"}
    assert data["parameters"]["min_value"] == 1000 and data["parameters"]["as_of"] == "2024-12-31"
    first = data["candidates"][0]
    assert list(first) == [
        "client_id",
        "client_name",
        "value_before_loss",
        "last_purchase",
        "days_since",
        "former_cell",
        "manager",
        "reason",
        "lever",
        "status",
    ]
    assert first == {
        "client_id": "F6",
        "client_name": "Foxtrot",
        "value_before_loss": 150000.0,
        "last_purchase": "2024-07-04",
        "days_since": 180,
        "former_cell": "AX",
        "manager": "Nino",
        "reason": None,
        "lever": "meeting_and_offer",
        "status": "to_contact",
    }
    assert [c["client_id"] for c in data["candidates"]] == ["F6", "A1", "B2"]
    assert data["candidates"][1]["status"] == "contacted"
    assert data["funnel"] == [
        {"status": "to_contact", "clients": 2, "value": 151200.0},
        {"status": "contacted", "clients": 1, "value": 3000.0},
        {"status": "offer_made", "clients": 0, "value": 0.0},
        {"status": "won_back", "clients": 0, "value": 0.0},
        {"status": "declined", "clients": 0, "value": 0.0},
    ]


def test_options(tmp_path, capsys):
    db = _db(tmp_path)
    assert (
        main(
            [
                "winback",
                "--db",
                db,
                "--include-at-risk",
                "--where",
                "manager=Nino",
                "--lost-days",
                "170",
                "--as-of",
                "2024-12-31",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    # With L = 170, G7 (last purchase 5 Jul, 179 days, value 10) is lost too; E5 (150) is at risk.
    assert [c["client_id"] for c in data["candidates"]] == ["F6", "A1", "E5", "G7"]
    assert data["parameters"]["filters"]["manager"] == ["Nino"]


def test_csv_and_xlsx(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["winback", "--db", db, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert rows[0][0] == "Client ID" and [r[0] for r in rows[1:]] == ["F6", "A1", "B2", "C3"]
    out = tmp_path / "list.xlsx"
    assert main(["winback", "--db", db, "--format", "xlsx", "--out", str(out)]) == 0
    sheet = load_workbook(out)["Call list"]
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["F6", "A1", "B2", "C3"]


def test_errors_are_one_line(tmp_path, capsys):
    db = _db(tmp_path)
    assert main(["winback", "--db", db, "--format", "xlsx"]) == 1
    assert "--out" in capsys.readouterr().err
    assert main(["winback", "--db", db, "--basis", "margin"]) == 1
    assert "margin" in capsys.readouterr().err
    assert main(["winback", "--db", db, "--former", "Q"]) == 1
    assert "Unknown former cell" in capsys.readouterr().err
