"""The demo export shows something in every view: nine cells, lost and at-risk clients, reasons, kinds."""

from __future__ import annotations

import pytest

from core.churn import ChurnParams, at_risk, lost_clients
from core.concentration import ConcentrationParams, concentration
from core.demo import DEMO_FILE, load_demo_if_empty, write
from core.grid import GridParams, abcxyz


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory):
    from core.store import Store

    store = Store(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    assert load_demo_if_empty(store) is True
    assert load_demo_if_empty(store) is False  # only ever into an empty store
    yield store
    store.close()


def test_committed_demo_is_what_the_seed_generates(tmp_path):
    assert write(tmp_path / "demo.csv").read_bytes() == DEMO_FILE.read_bytes()


def test_demo_fills_all_nine_cells(demo_store):
    result = abcxyz(demo_store, GridParams())
    assert all(result.cells.loc[cell, "clients"] > 0 for cell in ("AX", "AY", "AZ", "BX", "BY", "BZ", "CX", "CY", "CZ"))
    assert result.new["clients"] > 0


def test_demo_has_returns_lost_at_risk_reasons_and_kinds(demo_store):
    assert demo_store.scalar("SELECT count(*) FROM lines WHERE amount < 0") > 0
    assert len(lost_clients(demo_store, ChurnParams())) > 0
    assert len(at_risk(demo_store, ChurnParams())) > 0
    assert demo_store.scalar("SELECT count(DISTINCT client_id) FROM lines WHERE loss_reason IS NOT NULL") > 0
    assert {k for (k,) in demo_store.query_rows("SELECT DISTINCT kind FROM client_kinds")} >= {"image_maker", "expert"}
    assert demo_store.scalar("SELECT count(DISTINCT manager) FROM lines") == 5


def test_demo_key_set_sits_in_the_articles_band(demo_store):
    result = concentration(demo_store, ConcentrationParams())
    assert 0.30 <= result.key_set_share <= 0.55
