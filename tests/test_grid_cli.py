"""``python -m core abcxyz``: the same figures as ``core.grid.abcxyz``, in JSON, CSV and XLSX."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest

from core.__main__ import main
from core.grid import CELLS, GridParams, abcxyz
from core.store import Store
from tests.realdata import load_superstore
from tests.test_grid import load, steady


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    with Store(path) as store:
        load(
            store,
            steady("k1", 50, region="East")
            + steady("k2", 35, region="East")
            + steady("k3", 10)
            + steady("k4", 5)
            + [("=evil", "2024-03-01", 1, "East")],
        )
    return path


def run_json(capsys, *argv):
    assert main(["abcxyz", *argv]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_has_every_cell_and_fractions(db, capsys):
    payload = run_json(capsys, "--db", str(db), "--as-of", "2024-03-31")
    assert list(payload["cells"]) == list(CELLS)
    assert payload["cells"]["AX"] == {"clients": 2, "basis": 255.0, "share": pytest.approx(255 / 301)}
    assert payload["new"] == {"clients": 1, "basis": 1.0}
    by_id = {c["client_id"]: c for c in payload["clients"]}
    assert by_id["k3"]["abc"] == "B" and by_id["k3"]["xyz"] == "X"
    assert by_id["=evil"]["xyz"] is None and by_id["=evil"]["periods"] == 1
    assert payload["parameters"]["as_of"] == "2024-03-31"


def test_flags_reach_the_grid(db, capsys):
    payload = run_json(
        capsys,
        "--db",
        str(db),
        "--as-of",
        "2024-03-31",
        "--a",
        "50",
        "--b",
        "90",
        "--xyz",
        "frequency",
        "--x",
        "100",
        "--y",
        "50",
        "--where",
        "region=East",
    )
    assert {c["client_id"] for c in payload["clients"]} == {"k1", "k2", "=evil"}
    assert payload["parameters"]["a"] == 50 and payload["parameters"]["xyz"] == "frequency"
    assert payload["parameters"]["filters"]["region"] == ["East"]
    assert payload["cells"]["AX"]["clients"] == 1 and payload["cells"]["BX"]["clients"] == 1


def test_bad_input_is_one_line_and_exit_1(db, capsys):
    assert main(["abcxyz", "--db", str(db), "--a", "99", "--b", "90"]) == 1
    err = capsys.readouterr().err
    assert "ABC limits" in err and "Traceback" not in err


def test_csv_and_xlsx(db, tmp_path, capsys):
    out_csv, out_xlsx = tmp_path / "g.csv", tmp_path / "g.xlsx"
    assert main(["abcxyz", "--db", str(db), "--as-of", "2024-03-31", "--format", "csv", "--out", str(out_csv)]) == 0
    lines = out_csv.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("client_id,client_name,basis,share")
    assert any(line.startswith("'=evil,") for line in lines)
    assert main(["abcxyz", "--db", str(db), "--as-of", "2024-03-31", "--format", "xlsx", "--out", str(out_xlsx)]) == 0
    book = openpyxl.load_workbook(io.BytesIO(out_xlsx.read_bytes()))
    assert book.sheetnames == ["Grid", "Clients", "Migration", "Slipped", "Parameters"]
    grid = {row[0]: row for row in book["Grid"].iter_rows(min_row=2, values_only=True)}
    assert grid["AX"][3] == 2 and grid["AX"][4] == 255


def test_superstore_cli_agrees_with_core(tmp_path, real_dir, expected, capsys):
    path = tmp_path / "ss.duckdb"
    with Store(path) as store:
        load_superstore(store, real_dir)
        direct = abcxyz(store, GridParams(period="quarter", window=8))
    payload = run_json(capsys, "--db", str(path), "--period", "quarter", "--window", "8")
    entry = next(e for e in expected["superstore"]["abcxyz"] if e["parameters"] == {"period": "quarter", "window": 8})
    for cell in CELLS:
        assert payload["cells"][cell]["clients"] == entry["cells"][cell]["clients"] == direct.cells.loc[cell, "clients"]
        assert round(payload["cells"][cell]["basis"], 2) == pytest.approx(entry["cells"][cell]["basis"])
    assert payload["new"]["clients"] == entry["cells"]["new"]["clients"]
    assert len(payload["clients"]) == len(direct.clients)
