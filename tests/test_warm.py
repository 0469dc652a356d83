"""The first visit after a change is computed ahead (core.warm), and a key is computed once at a time (Kept.fetch)."""

from __future__ import annotations

import functools
import threading
from pathlib import Path

import pandas as pd
import pytest
from pagetest import open_page

import core.churn
import core.concentration
import core.grid
import core.managers
import core.periods
from core import warm
from core.churn import ChurnParams, churn
from core.demo import load_demo_if_empty
from core.kept import Kept
from core.store import Store, add_upload
from core.tags import set_kind


def test_a_key_asked_for_while_it_is_computed_waits_for_that_computation():
    kept = Kept(4)
    started, release = threading.Event(), threading.Event()
    calls = []

    def slow():
        calls.append("slow")
        started.set()
        release.wait(5)
        return "figures"

    results = []
    first = threading.Thread(target=lambda: results.append(kept.fetch("k", slow)))
    first.start()
    assert started.wait(5)
    second = threading.Thread(target=lambda: results.append(kept.fetch("k", lambda: calls.append("again") or "x")))
    second.start()
    second.join(0.2)
    assert second.is_alive(), "the second caller did not wait for the computation under way"
    release.set()
    first.join(5)
    second.join(5)
    assert calls == ["slow"] and results == ["figures", "figures"]
    assert kept.fetch("other", lambda: "own") == "own"  # another key is computed on its own


def test_when_the_computation_fails_the_next_caller_computes_it():
    kept = Kept(4)

    def broken():
        raise RuntimeError("no")

    with pytest.raises(RuntimeError):
        kept.fetch("k", broken)
    assert kept.fetch("k", lambda: 7) == 7
    assert kept._computing == {}


@pytest.fixture
def demo_path(tmp_path) -> Path:
    path = tmp_path / "warm.duckdb"
    with Store(path) as store:
        load_demo_if_empty(store)
    return path


def _counting_computations(monkeypatch) -> list:
    """Record every grid computed from the lines (the kept periods read, or a grid per former-cell date),
    every churn base built, every reading of the clients' managers and every concentration, by name."""
    computed = []
    for owner, name in (
        (core.grid, "_grid_frame"),
        (core.periods, "_read"),
        (core.churn._Spans, "__init__"),
        (core.managers, "client_managers"),
        (core.concentration, "concentration"),
        (core.concentration, "concentration_trend"),
    ):
        original = getattr(owner, name)

        @functools.wraps(original)  # pages.ui.compute names a view by its module and name
        def counted(*args, _original=original, _name=name, **kwargs):
            computed.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)
    return computed


def test_follow_warms_once_per_change_and_not_when_switched_off(demo_path, monkeypatch):
    with Store(demo_path) as store:
        monkeypatch.setenv("KAM_WARM", "0")
        assert warm.follow(store) is None
        monkeypatch.setenv("KAM_WARM", "1")
        thread = warm.follow(store)
        assert thread is not None and warm.wait(store, 60)
        assert warm.follow(store) is None  # the same data: nothing to do
        # the default churn view now reads what the warming kept: no grid is computed
        grids = _counting_computations(monkeypatch)
        churn(store, ChurnParams())
        assert grids == []
        set_kind(store, store.scalar("SELECT min(client_id) FROM clients"), "expert")
        assert warm.follow(store) is None  # a tag recorded: the lines are the same, nothing to warm
        # a change: warmed again, for the new data version
        lines = pd.DataFrame({"client_id": ["new"], "date": ["2030-01-05"], "amount": [5.0]})
        add_upload(store, lines, file_name="n.csv", sha256="n", source_key="n")
        assert warm.follow(store) is not None and warm.wait(store, 60)
        assert grids, "the warming after the change computed no grid"
        computed = len(grids)
        churn(store, ChurnParams())
        assert len(grids) == computed


def test_the_pages_open_on_what_the_warming_computed(demo_path, monkeypatch):
    monkeypatch.setenv("KAM_WARM", "1")
    at = open_page(demo_path, "data")  # any page: ui.store() starts the warming
    assert not at.exception
    from pages.ui import _open_store

    assert warm.wait(_open_store(str(demo_path)), 60)
    grids = _counting_computations(monkeypatch)
    for page in ("grid", "concentration", "churn", "winback", "managers"):
        at = open_page(demo_path, page)
        assert not at.exception, page
    assert grids == [], "a page computed what the warming should have kept for it"


def test_without_the_warming_the_first_visit_computes_the_grids(demo_path, monkeypatch):
    # the control for the test above: the same visits, nothing warmed
    grids = _counting_computations(monkeypatch)
    at = open_page(demo_path, "churn")
    assert not at.exception
    assert grids, "the churn page computed no grid on its first visit"


def test_at_exit_the_warming_finishes_its_view_and_starts_no_other(demo_path, monkeypatch):
    """A thread killed inside DuckDB when the process exits aborts it ("FATAL: exception not rethrown"):
    ``warm.stop`` (run at exit) lets the view under way finish, starts no other and waits."""
    monkeypatch.setenv("KAM_WARM", "1")
    started, release, ran = threading.Event(), threading.Event(), []

    def slow(store, params):
        ran.append("slow")
        started.set()
        release.wait(10)

    monkeypatch.setattr(warm, "views", lambda store: [(slow, None), (lambda s, p: ran.append("next"), None)])
    monkeypatch.setattr(warm, "_stopping", threading.Event())  # this process goes on after the test
    with Store(demo_path) as store:
        thread = warm.follow(store)
        assert started.wait(10)
        stopper = threading.Thread(target=warm.stop)
        stopper.start()
        stopper.join(0.2)
        assert stopper.is_alive(), "stop did not wait for the view under way"
        release.set()
        stopper.join(10)
        assert not stopper.is_alive() and not thread.is_alive()
        assert ran == ["slow"]
