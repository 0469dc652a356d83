"""``python -m core churn`` and ``python -m core reasons`` through ``core.__main__.main``."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from core.__main__ import main
from core.store import Store, add_upload
from tests.test_churn import TIMELINE


def run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, (json.loads(captured.out) if captured.out.strip() else None), captured.err


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.duckdb"
    with Store(path) as store:
        lines = pd.DataFrame(TIMELINE, columns=["client_id", "date", "amount"])
        add_upload(store, lines, file_name="t.csv", sha256="t", source_key="t")
    return str(path)


def test_churn_json_keys_and_figures(capsys, db):
    code, out, _ = run(capsys, "churn", "--db", db, "--lost-days", "10", "--as-of", "2024-03-31")
    assert code == 0
    assert set(out) == {"parameters", "periods", "trend", "lost_clients", "at_risk", "reasons"}
    assert out["parameters"]["lost_days"] == 10 and out["parameters"]["as_of"] == "2024-03-31"
    january = next(p for p in out["periods"] if p["period"] == "2024-01")
    assert january == {
        "period": "2024-01",
        "lost": 4,
        "lost_value": 132.0,
        "active_start": 1,
        "churn_rate": 4.0,
        "won_back": 2,
    }
    february = next(p for p in out["periods"] if p["period"] == "2024-02")
    assert february["churn_rate"] is None
    assert out["trend"]["direction"] in ("rising", "falling", "flat") and out["trend"]["slope"] > 0
    assert out["lost_clients"][0] == {
        "client_id": "A",
        "last_purchase": "2024-01-20",
        "loss_date": "2024-01-30",
        "value_before_loss": 60.0,
        "reason": None,
    }
    assert out["reasons"] == [{"reason": "unknown", "clients": 3, "value": 297.0}]
    assert out["at_risk"] == []


def test_churn_quarter_and_bad_input(capsys, db):
    code, out, _ = run(capsys, "churn", "--db", db, "--lost-days", "10", "--period", "quarter", "--as-of", "2024-03-31")
    assert code == 0 and [p["period"] for p in out["periods"]][-1] == "2024Q1"
    code, out, err = run(capsys, "churn", "--db", db, "--lost-days", "0")
    assert code == 1 and out is None and "at least 1" in err
    code, _, err = run(capsys, "churn", "--db", db, "--where", "colour=red")
    assert code == 1 and "unknown column" in err


def test_reasons_cli_loads_reports_and_refuses(capsys, db, tmp_path):
    good = tmp_path / "reasons.csv"
    good.write_text("customer id;reason\nB;price\nNOPE;quality\n", encoding="utf-8")
    code, out, err = run(capsys, "reasons", str(good), "--db", db)
    assert code == 0 and out["reasons_loaded"] == 2 and out["unknown_client_ids"] == ["NOPE"]
    assert "NOPE" in err
    code, out, _ = run(capsys, "churn", "--db", db, "--lost-days", "10", "--as-of", "2024-03-31")
    by_client = {row["client_id"]: row["reason"] for row in out["lost_clients"]}
    assert by_client["B"] == "Price" and by_client["A"] is None
    bad = tmp_path / "bad.csv"
    bad.write_text("customer id;amount\nB;3\n", encoding="utf-8")
    code, out, err = run(capsys, "reasons", str(bad), "--db", db)
    assert code == 1 and out["status"] == "refused" and "reason" in err
    code, out, err = run(capsys, "reasons", str(tmp_path / "missing.csv"), "--db", db)
    assert code == 1 and "does not exist" in err


@pytest.mark.parametrize("name", ["superstore", "cdnow_master"])
def test_cli_agrees_with_expected(capsys, tmp_path, real_dir, expected, name):
    from tests.realdata import load_cdnow, load_superstore

    path = tmp_path / "real.duckdb"
    with Store(path) as store:
        (load_superstore if name == "superstore" else load_cdnow)(store, real_dir)
    case = expected[name]["churn"][0]
    code, out, _ = run(capsys, "churn", "--db", str(path))
    assert code == 0
    counts = {p["period"]: p["lost"] for p in out["periods"] if p["lost"]}
    assert counts == case["lost_per_period"]
    assert len(out["lost_clients"]) == case["lost_now"] and len(out["at_risk"]) == case["at_risk"]
    top = [(r["client_id"], r["value_before_loss"]) for r in out["lost_clients"][:10]]
    assert top == [(r["client_id"], r["value_before_loss"]) for r in expected[name]["winback"]["top10"]]
