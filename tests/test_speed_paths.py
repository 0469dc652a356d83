"""The churn figures read the stored ``client_days`` when no filter is active, and
sort the filtered ``daily`` table otherwise: both paths must give the same answer.

``client_days`` is rebuilt with ``daily`` and ``clients`` at every change to the
lines (``core/sql/refresh_client_days.sql``). These tests check its rows by hand
on a small timeline, that the fast path is taken exactly when it is valid, and
that every churn table comes out the same on both paths, on hand-made data and
on the real files.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

import core.churn as churn_module
from core.analysis import Filters
from core.churn import ChurnParams, at_risk, churn, loss_events, lost_clients
from core.store import add_upload
from core.winback import WinbackParams, win_back_list

D = date.fromisoformat

# Client A buys on 2024-01-01 (10, margin 1), 2024-01-05 (twice, with two
# managers: 5 + 7, margin 2 + NULL), 2025-01-03 (3, no margin). 2025-01-03 is
# 368 days after 2024-01-01 and 364 days after 2024-01-05, so its 365 days
# (2024-01-05 … 2025-01-03) hold 12 + 3. B buys on 2024-03-01 and exactly 365
# days later, on 2025-03-01: that day's 365 days hold only itself. C buys every
# 10 days in region East, then once more in region West.
ROWS = [
    ("A", "2024-01-01", 10.0, 1.0, "Ann", "North"),
    ("A", "2024-01-05", 5.0, 2.0, "Ann", "North"),
    ("A", "2024-01-05", 7.0, None, "Bob", "North"),
    ("A", "2025-01-03", 3.0, None, "Bob", "North"),
    ("B", "2024-03-01", 100.0, 40.0, "Bob", "South"),
    ("B", "2025-03-01", 1.0, None, "Bob", "South"),
    ("C", "2024-01-10", 20.0, 5.0, "Ann", "East"),
    ("C", "2024-01-20", 20.0, 5.0, "Ann", "East"),
    ("C", "2024-01-30", 20.0, 5.0, "Ann", "East"),
    ("C", "2024-02-09", 20.0, 5.0, "Ann", "East"),
    ("C", "2024-06-01", 50.0, -5.0, "Ann", "West"),
]


def load(store, rows=ROWS):
    lines = pd.DataFrame(rows, columns=["client_id", "date", "amount", "margin", "manager", "region"])
    add_upload(store, lines, file_name="t.csv", sha256="t", source_key="t")


@pytest.fixture
def small(store):
    load(store)
    return store


def stored_path_used(store, params: ChurnParams, as_of: date) -> bool:
    return churn_module._spans_sql(store, params, as_of)[2]


def test_client_days_rows_by_hand(small):
    rows = small.query_rows(
        "SELECT client_id, date, previous_date, next_date, revenue, margin, revenue_365, margin_365 "
        "FROM client_days WHERE client_id IN ('A', 'B') ORDER BY client_id, date"
    )
    assert rows == [
        ("A", D("2024-01-01"), None, D("2024-01-05"), 10.0, 1.0, 10.0, 1.0),
        ("A", D("2024-01-05"), D("2024-01-01"), D("2025-01-03"), 12.0, 2.0, 22.0, 3.0),
        ("A", D("2025-01-03"), D("2024-01-05"), None, 3.0, None, 15.0, 2.0),
        ("B", D("2024-03-01"), None, D("2025-03-01"), 100.0, 40.0, 100.0, 40.0),
        ("B", D("2025-03-01"), D("2024-03-01"), None, 1.0, None, 1.0, None),
    ]


def test_client_days_follow_a_deleted_upload(small):
    more = pd.DataFrame([("D", "2024-05-01", 9.0)], columns=["client_id", "date", "amount"])
    upload = add_upload(small, more, file_name="d.csv", sha256="d", source_key="d")["upload_id"]
    assert small.scalar("SELECT count(*) FROM client_days WHERE client_id = 'D'") == 1
    small.delete_upload(upload)
    assert small.scalar("SELECT count(*) FROM client_days WHERE client_id = 'D'") == 0
    assert stored_path_used(small, ChurnParams(), D("2025-03-01"))


def test_stored_path_only_without_a_filter(small):
    as_of = D("2025-03-01")
    first, last = D("2024-01-01"), D("2025-03-01")
    # No filter, and the sidebar's default range (the data's first and last day), take the stored table.
    assert stored_path_used(small, ChurnParams(), as_of)
    assert stored_path_used(small, ChurnParams(filters=Filters(date_from=first, date_to=last)), as_of)
    assert stored_path_used(small, ChurnParams(filters=Filters(date_from=D("2020-01-01"))), as_of)
    # date_to only moves the cutoff.
    assert stored_path_used(small, ChurnParams(filters=Filters(date_to=D("2024-02-01"))), as_of)
    # Anything that drops lines before the cutoff takes the path over daily.
    assert not stored_path_used(small, ChurnParams(filters=Filters(date_from=D("2024-01-02"))), as_of)
    assert not stored_path_used(small, ChurnParams(filters=Filters(region=("East",))), as_of)
    assert not stored_path_used(small, ChurnParams(filters=Filters(manager=("Ann",))), as_of)
    assert not stored_path_used(small, ChurnParams(filters=Filters(segment=("x",))), as_of)
    assert not stored_path_used(small, ChurnParams(filters=Filters(kind=("breadwinner",))), as_of)


def test_stale_client_days_are_not_read(small):
    # A database loaded before client_days existed: the table is empty and unstamped.
    small.write(lambda cur: cur.execute("DELETE FROM client_days_built"))
    assert not stored_path_used(small, ChurnParams(), D("2025-03-01"))
    # Lines changed behind the table's back (an older program): the stamp no longer matches.
    small.write(lambda cur: cur.execute("INSERT INTO client_days_built SELECT 999, 1"))
    assert not stored_path_used(small, ChurnParams(), D("2025-03-01"))


def _both_paths(store, monkeypatch, compute):
    fast = compute()
    with monkeypatch.context() as patched:
        patched.setattr(churn_module, "_stored_cutoff", lambda *args: None)
        slow = compute()
    return fast, slow


def same_churn(fast, slow):
    """Two churn answers alike: a table, or every table, the trend, the summary and the settings of a view."""
    if isinstance(fast, pd.DataFrame):
        pd.testing.assert_frame_equal(fast, slow, check_exact=False, rtol=1e-9, atol=1e-9)
        return
    for name in ("periods", "lost", "at_risk", "reasons", "reasons_by_period"):
        same_churn(getattr(fast, name), getattr(slow, name))
    assert fast.trend == pytest.approx(slow.trend)
    assert fast.summary == slow.summary
    assert fast.parameters == slow.parameters


SMALL_CASES = [
    ChurnParams(lost_days=10, as_of=D("2025-03-01")),
    ChurnParams(lost_days=10, as_of=D("2024-01-25"), basis="margin"),
    ChurnParams(lost_days=4, as_of=D("2024-01-05"), risk_k=0.5),
    ChurnParams(lost_days=30, as_of=D("2024-12-31"), period="quarter"),
    ChurnParams(lost_days=30, as_of=D("2024-02-25"), risk_k=1.0),  # C is at risk
    ChurnParams(lost_days=5, filters=Filters(date_from=D("2024-01-01"), date_to=D("2024-02-01"))),
    ChurnParams(lost_days=5, as_of=D("2024-06-01"), filters=Filters(date_to=D("2024-01-30")), risk_k=0.1),
]


@pytest.mark.parametrize("params", SMALL_CASES, ids=range(len(SMALL_CASES)))
def test_both_paths_agree_on_hand_made_data(small, monkeypatch, params):
    as_of = params.as_of or D("2025-03-01")
    assert stored_path_used(small, params, as_of)
    for compute in (churn, loss_events, lost_clients, at_risk):
        fast, slow = _both_paths(small, monkeypatch, lambda compute=compute: compute(small, params))
        same_churn(fast, slow)


def test_hand_made_cases_are_not_empty(small):
    events = pd.concat([loss_events(small, p) for p in SMALL_CASES])
    risky = pd.concat([at_risk(small, p) for p in SMALL_CASES])
    assert len(events) >= 5 and events["won_back_date"].notna().any() and len(risky) >= 1


def test_win_back_list_agrees_on_both_paths(small, monkeypatch):
    params = WinbackParams(lost_days=10, as_of=D("2025-03-01"), include_at_risk=True)
    fast, slow = _both_paths(small, monkeypatch, lambda: win_back_list(small, params))
    assert len(fast.candidates) + len(fast.won_back) > 0
    for name in ("candidates", "won_back", "funnel", "funnel_by_manager"):
        same_churn(getattr(fast, name), getattr(slow, name))


REAL_CASES = [
    ChurnParams(),
    ChurnParams(lost_days=90, period="quarter", basis="margin"),
    ChurnParams(lost_days=365, risk_k=1.5),
    ChurnParams(lost_days=60, as_of=D("2016-06-30")),
]


@pytest.mark.parametrize("name", ["superstore", "cdnow_master"])
def test_both_paths_agree_on_the_real_files(real_stores, monkeypatch, name):
    store = real_stores[name]
    for params in REAL_CASES:
        assert stored_path_used(store, params, params.as_of or D("2000-01-01"))
        if params.basis == "margin" and not store.has_margin():
            continue
        fast, slow = _both_paths(store, monkeypatch, lambda params=params: churn(store, params))
        same_churn(fast, slow)
        assert len(fast.lost) or len(fast.at_risk) or fast.periods["lost"].sum()
        events = _both_paths(store, monkeypatch, lambda params=params: loss_events(store, params))
        same_churn(*events)


@pytest.mark.parametrize("name", ["superstore", "cdnow_master"])
def test_former_cells_match_the_whole_grid_on_the_real_files(real_stores, name):
    # former_cells computes XYZ only for the clients it is asked about; each
    # answer must be the cell that client has in the whole grid at its period's
    # latest day with a line.
    from core.grid import GridParams, _period_starts, abcxyz, former_cells

    store = real_stores[name]
    lost = lost_clients(store, ChurnParams(lost_days=90)).head(300)
    params = GridParams(window=6)
    former = former_cells(store, params, lost).set_index("client_id")["former_cell"]
    wanted = lost[["client_id", "last_purchase"]].copy()
    wanted["last_purchase"] = pd.to_datetime(wanted["last_purchase"]).dt.date
    latest = dict(store.query_rows("SELECT CAST(date_trunc('month', date) AS DATE), max(date) FROM daily GROUP BY 1"))
    wanted["as_of"] = [latest[p.date()] for p in _period_starts(wanted["last_purchase"], "month")]
    assert wanted["as_of"].nunique() > 3 and former.notna().sum() > 50
    for as_of, group in wanted.groupby("as_of"):
        grid = abcxyz(store, GridParams(window=6, as_of=as_of)).clients.set_index("client_id")["cell"]
        for client in group["client_id"]:
            whole = grid.get(client)
            assert former[client] == (None if pd.isna(whole) else whole), (client, as_of)
