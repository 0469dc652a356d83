"""``python -m core managers``, ``assignments`` and ``dossier``: the exact JSON contracts."""

from __future__ import annotations

import json

from core.__main__ import main
from core.store import Store
from tests.test_dossier import fill
from tests.test_dossier import upload as dossier_upload
from tests.test_managers import BY_REGION, region_lines

MANAGER_KEYS = [
    "manager",
    "clients",
    "key_clients",
    "basis",
    "share",
    "margin",
    "lost_clients",
    "lost_value",
    "at_risk",
]


def test_assignments_then_managers(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    with Store(db) as store:
        region_lines(store)
    assert main(["assignments", str(BY_REGION), "--db", str(db)]) == 0
    loaded = json.loads(capsys.readouterr().out)
    assert loaded == {
        "files": [
            {
                "file": "assignments_by_region.csv",
                "status": "loaded",
                "rows_loaded": 3,
                "rows_rejected": 3,
                "message": "3 assignments stored from 'assignments_by_region.csv', 3 rows set aside.",
            }
        ]
    }
    assert main(["managers", "--db", str(db), "--as-of", "2024-06-30"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["parameters", "managers"]
    assert data["parameters"]["window_start"] == "2023-07-01"
    assert [list(m) for m in data["managers"]] == [MANAGER_KEYS] * 4
    assert [(m["manager"], m["basis"], m["clients"]) for m in data["managers"]] == [
        ("Nino", 240.0, 2),
        ("Ana", 50.0, 1),
        ("Giorgi", 50.0, 0),
        (None, 20.0, 1),
    ]
    assert data["managers"][0]["margin"] is None  # no margin loaded
    assert main(["managers", "--db", str(db), "--as-of", "2024-06-30", "--where", "region=West"]) == 0
    west = json.loads(capsys.readouterr().out)["managers"]
    assert [(m["manager"], m["basis"], m["share"]) for m in west] == [("Ana", 50.0, 0.5), ("Giorgi", 50.0, 0.5)]


def test_assignments_refused_and_unchanged(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    bad = tmp_path / "bad.csv"
    bad.write_text("region,boss name\nEast,Eka\n", encoding="utf-8")
    assert main(["assignments", str(bad), "--db", str(db)]) == 1
    captured = capsys.readouterr()
    refused = json.loads(captured.out)["files"][0]
    assert refused["status"] == "refused" and "no column for: Key account manager" in captured.err
    assert main(["assignments", str(bad), "--db", str(db), "--map", "manager=boss name"]) == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["rows_loaded"] == 1
    assert main(["assignments", str(bad), "--db", str(db), "--map", "manager=2"]) == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["status"] == "unchanged"


def test_dossier(tmp_path, capsys):
    db = tmp_path / "cli.duckdb"
    with Store(db) as store:
        dossier_upload(store)
        fill(store)
    assert main(["dossier", "k1", "--db", str(db)]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("facts", "events", "people", "competitors", "sales", "cells", "kinds", "churn", "winback", "manager"):
        assert key in data, key
    assert data["facts"]["employees"]["value"] == "250"
    assert [p["name"] for p in data["people"]] == ["Eka", "Levan"]
    assert data["competitors"][0]["competitor"] == "Rival Co"
    assert data["cells"][-1] == {
        "period": "2024-12",
        "as_of": "2024-12-10",
        "in_grid": True,
        "cell": "AZ",
        "basis": 720.0,
        "share": round(720 / 1350, 6),
    }
    assert data["sales"][-1] == {"period": "2024-12", "revenue": 20.0, "margin": 10.0}
    assert (data["kinds"], data["churn"]["state"], data["manager"]) == (["breadwinner"], "active", "Nino")
    assert main(["dossier", "nobody", "--db", str(db)]) == 1
    assert "no client 'nobody'" in capsys.readouterr().err
