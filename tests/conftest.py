"""Shared fixtures: a fresh store per test, and the real files of ../shared when present."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

# No background warming (core.warm) under the pages the tests run in this process: each test
# counts and times its own computations. tests/test_warm.py turns it on where it is tested, and
# the browser tests' app (tests/browser.py) runs with it on, as a user's does.
os.environ["KAM_WARM"] = "0"

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
REAL = ROOT.parent / "shared" / "data" / "real"


@pytest.fixture
def store(tmp_path):
    from core.store import Store

    s = Store(tmp_path / "test.duckdb")
    yield s
    s.close()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """A database holding the demo data (``core.demo``), one per test module."""
    from core.demo import load_demo_if_empty
    from core.store import Store

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store(path) as store:
        load_demo_if_empty(store)
    return path


@pytest.fixture(scope="session")
def real_dir() -> Path:
    if not REAL.is_dir():
        pytest.skip(f"real data folder {REAL} is absent (it lives in ../shared, outside the repository)")
    return REAL


@pytest.fixture(scope="session")
def expected(real_dir) -> dict:
    return json.loads((real_dir / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def real_stores(tmp_path_factory, real_dir):
    """Superstore and CDNOW master loaded once per run by the independent loaders (read-only use)."""
    from core.store import Store
    from tests.realdata import load_cdnow, load_superstore

    stores = {}
    for name, loader in (("superstore", load_superstore), ("cdnow_master", load_cdnow)):
        stores[name] = Store(tmp_path_factory.mktemp(name) / "real.duckdb")
        loader(stores[name], real_dir)
    yield stores
    for s in stores.values():
        s.close()
