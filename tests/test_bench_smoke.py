"""The benchmark harness (``bench/``) still runs: a small export, its references, one step end to end.

Speed is not asserted here (BENCHMARKS.md and bench/README.md hold the
figures); these tests keep the harness from rotting and check that its
plain-pandas references answer the same question as the product.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from bench import generate, reference
from bench.run import main
from core.churn import ChurnParams, churn
from core.grid import GridParams, abcxyz
from core.ingest import ingest_path
from core.store import Store


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench")
    big = generate.write_export(folder / "sales.csv", 3000, seed=7)
    fresh = generate.write_fresh(folder / "fresh.csv", 3000, lines=500, seed=7)
    return big, fresh


def test_the_export_is_seeded_and_the_fresh_one_follows_it(export, tmp_path):
    big, fresh = export
    again = generate.write_export(tmp_path / "again.csv", 3000, seed=7)
    assert again.read_bytes() == big.read_bytes()
    lines, follow = pd.read_csv(big), pd.read_csv(fresh)
    assert list(lines.columns) == list(generate.HEADERS.values())
    assert (len(lines), len(follow)) == (3000, 500)
    assert lines["Posting Date"].max() <= generate.END.isoformat() < follow["Posting Date"].min()
    assert (lines["Net Amount"] < 0).any() and lines["Customer No."].nunique() > 30


def test_the_pandas_references_agree_with_core(export, tmp_path):
    big, fresh = export
    with Store(tmp_path / "s.duckdb") as store:
        assert ingest_path(store, big)["status"] == "loaded"
        assert ingest_path(store, fresh)["status"] == "loaded"
        grid = abcxyz(store, GridParams()).clients
        periods = churn(store, ChurnParams(lost_days=90)).periods
    lines = pd.concat([reference.load_frame(big), reference.load_frame(fresh)], ignore_index=True)
    ours = reference.pandas_grid(lines).set_index("client_id")
    assert ours["cell"].fillna("new").to_dict() == grid.set_index("client_id")["cell"].fillna("new").to_dict()
    losses = reference.pandas_losses(lines, lost_days=90)
    counted = periods.set_index("period_start")["lost"]
    assert losses.to_dict() == counted[counted > 0].to_dict()


def test_one_command_runs_a_step_against_its_reference(tmp_path):
    out = tmp_path / "bench.json"
    steps = ["--steps", "grid,pandas_grid", "--keep", str(tmp_path), "--json", str(out)]
    assert main(["--size", "3000", "--repeats", "1", *steps]) == 0
    (row,) = json.loads(out.read_text())["sizes"]["3000"]["rows"]
    assert row["step"] == "grid" and row["result"] in ("met", "missed") and row["value"] > 0
