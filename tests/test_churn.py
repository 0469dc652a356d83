"""Lost clients, losses and at-risk on hand-computed timelines and on the real files.

The small timelines use L = 10 days so every figure can be checked on a
calendar. Three clients (amounts in brackets):

- A: 2024-01-01 (10), 01-11 (20), 01-20 (30). The 10-day gap is exactly L and
  is not a loss; lost on 01-30 with 60 before loss.
- B: 2024-01-01 (5), 01-15 (5), 02-10 (5). Lost on 01-11 (won back 01-15),
  on 01-25 (won back 02-10) and on 02-20: three losses worth 5, 10, 15.
- C: 2023-01-01 (100), 2023-01-02 (50), 2024-01-01 (7). Lost on 2023-01-12
  with 150 (won back 2024-01-01), lost again on 2024-01-11 with 57: the
  2023-01-01 line is 365 days before the last purchase, outside the window.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from core.analysis import Filters
from core.churn import ChurnParams, at_risk, churn, loss_events, lost_clients, trend
from core.errors import InputError
from core.store import add_upload

D = date.fromisoformat


def load(store, rows, **extra):
    lines = pd.DataFrame(rows, columns=["client_id", "date", "amount", *extra.get("columns", [])])
    add_upload(store, lines, file_name="t.csv", sha256="t", source_key="t")


TIMELINE = [
    ("A", "2024-01-01", 10),
    ("A", "2024-01-11", 20),
    ("A", "2024-01-20", 30),
    ("B", "2024-01-01", 5),
    ("B", "2024-01-15", 5),
    ("B", "2024-02-10", 5),
    ("C", "2023-01-01", 100),
    ("C", "2023-01-02", 50),
    ("C", "2024-01-01", 7),
]


@pytest.fixture
def timeline(store):
    load(store, TIMELINE)
    return store


def params(**kw):
    kw.setdefault("lost_days", 10)
    kw.setdefault("as_of", D("2024-03-31"))
    return ChurnParams(**kw)


def as_tuples(frame, *columns):
    out = []
    for row in frame[list(columns)].itertuples(index=False):
        out.append(tuple(None if pd.isna(v) else (v.date() if isinstance(v, pd.Timestamp) else v) for v in row))
    return out


def test_every_loss_with_its_win_back(timeline):
    events = loss_events(timeline, params())
    assert as_tuples(events, "client_id", "last_purchase", "loss_date", "value_before_loss", "won_back_date") == [
        ("A", D("2024-01-20"), D("2024-01-30"), 60, None),
        ("B", D("2024-01-01"), D("2024-01-11"), 5, D("2024-01-15")),
        ("B", D("2024-01-15"), D("2024-01-25"), 10, D("2024-02-10")),
        ("B", D("2024-02-10"), D("2024-02-20"), 15, None),
        ("C", D("2023-01-02"), D("2023-01-12"), 150, D("2024-01-01")),
        ("C", D("2024-01-01"), D("2024-01-11"), 57, None),
    ]
    assert events["reason"].isna().all()


def test_loss_exactly_l_days_after_the_last_purchase(timeline):
    # A's last purchase is 2024-01-20: on 01-29 it is 9 days, on 01-30 exactly 10 = L.
    assert "A" not in set(lost_clients(timeline, params(as_of=D("2024-01-29")))["client_id"])
    lost = lost_clients(timeline, params(as_of=D("2024-01-30")))
    row = lost.set_index("client_id").loc["A"]
    assert row["days_since"] == 10 and row["loss_date"] == pd.Timestamp("2024-01-30")


def test_lost_clients_sorted_by_value_before_loss(timeline):
    lost = lost_clients(timeline, params())
    assert as_tuples(lost, "client_id", "value_before_loss", "days_since") == [
        ("A", 60, 71),
        ("C", 57, 90),
        ("B", 15, 50),
    ]
    assert list(lost.columns) == [
        "client_id",
        "client_name",
        "last_purchase",
        "loss_date",
        "days_since",
        "value_before_loss",
        "manager",
        "region",
        "segment",
        "reason",
    ]


def test_kept_lists_are_copies_and_follow_the_data(timeline):
    # the win-back list, the managers and the dossier read the same kept lists and loss events: a caller changing its
    # frame changes nobody else's, and a new upload is never answered from them
    lost = lost_clients(timeline, params())
    lost["client_id"] = "changed by a caller"
    risky = at_risk(timeline, params(lost_days=60))
    at_risk_ids = risky["client_id"].tolist()
    risky.drop(risky.index, inplace=True)
    assert lost_clients(timeline, params())["client_id"].tolist() == ["A", "C", "B"]
    assert at_risk_ids and at_risk(timeline, params(lost_days=60))["client_id"].tolist() == at_risk_ids
    events = loss_events(timeline, params())
    events["won_back_date"] = pd.Timestamp("2030-01-01")
    a_loss = loss_events(timeline, params()).set_index("client_id").loc["A"]
    assert pd.isna(a_loss["won_back_date"])
    add_upload(
        timeline,
        pd.DataFrame({"client_id": ["A"], "date": [D("2024-03-30")], "amount": [1.0]}),
        file_name="later.csv",
        sha256="later",
        source_key="later",
    )
    assert lost_clients(timeline, params())["client_id"].tolist() == ["C", "B"]
    # A's loss of 2024-01-30 is won back by the new purchase
    a_loss = loss_events(timeline, params()).set_index("client_id").loc["A"]
    assert a_loss["won_back_date"] == pd.Timestamp("2024-03-30")


def test_as_of_cuts_the_history(timeline):
    # On 2024-01-25 B's 02-10 purchase has not happened: its loss of 01-25 stands.
    cut = params(as_of=D("2024-01-25"))
    assert as_tuples(lost_clients(timeline, cut), "client_id", "value_before_loss") == [("C", 57), ("B", 10)]
    events = loss_events(timeline, cut)
    assert as_tuples(events[events.client_id == "B"], "loss_date", "won_back_date") == [
        (D("2024-01-11"), D("2024-01-15")),
        (D("2024-01-25"), None),
    ]


def test_periods_count_losses_win_backs_and_active_clients(timeline):
    result = churn(timeline, params())
    periods = result.periods.set_index("period")
    assert list(periods.index) == [f"2023-{m:02d}" for m in range(1, 13)] + ["2024-01", "2024-02", "2024-03"]
    assert periods.loc["2023-01", ["lost", "lost_value", "won_back", "active_start"]].tolist() == [1, 150, 0, 0]
    assert periods.loc["2024-01", ["lost", "lost_value", "won_back"]].tolist() == [4, 132, 2]
    assert periods.loc["2024-02", ["lost", "lost_value", "won_back"]].tolist() == [1, 15, 1]
    # Active on 2024-01-01: only C (bought before, and buys that very day). A and B
    # start that day, so they had not bought before the period.
    assert periods.loc["2024-01", "active_start"] == 1
    assert periods.loc["2024-01", "churn_rate"] == 4.0
    # On 02-01 everyone's last purchase is 10+ days old: nobody active, no rate.
    assert periods.loc["2024-02", "active_start"] == 0 and pd.isna(periods.loc["2024-02", "churn_rate"])
    assert periods["lost"].sum() == len(loss_events(timeline, params()))


def test_churn_rate_denominator(store):
    # L = 10. On 2024-02-01: P bought 01-25 (7 days: active), Q bought 01-22 (10 days:
    # lost that day, not active), R first buys 02-01 (not before the period),
    # S bought 01-05 and again 02-01 (last purchase on or before 02-01 is 02-01: active).
    load(
        store,
        [
            ("P", "2024-01-25", 1),
            ("Q", "2024-01-22", 1),
            ("R", "2024-02-01", 1),
            ("S", "2024-01-05", 1),
            ("S", "2024-02-01", 1),
        ],
    )
    periods = churn(store, params(as_of=D("2024-02-29"))).periods.set_index("period")
    assert periods.loc["2024-02", "active_start"] == 2
    # February losses: P on 02-04, R on 02-11, S on 02-11 (Q's loss is 02-01, also February).
    assert periods.loc["2024-02", "lost"] == 4
    assert periods.loc["2024-02", "churn_rate"] == 2.0


def test_quarters(timeline):
    periods = churn(timeline, params(period="quarter")).periods.set_index("period")
    assert periods.loc["2023Q1", "lost"] == 1 and periods.loc["2024Q1", "lost"] == 5
    assert periods.loc["2024Q1", "won_back"] == 3


def test_at_risk_needs_three_purchase_days(store):
    load(
        store,
        [
            ("D", "2024-01-01", 1),
            ("D", "2024-01-11", 1),
            ("D", "2024-01-21", 2),  # gaps 10, 10
            ("E", "2024-01-01", 1),
            ("E", "2024-01-11", 1),  # 2 days only
            ("G", "2024-01-01", 1),
            ("G", "2024-01-11", 1),
            ("G", "2024-02-10", 1),  # gaps 10, 30: median 20
        ],
    )
    risky = lambda day, k=2.0: list(at_risk(store, ChurnParams(lost_days=100, as_of=D(day), risk_k=k))["client_id"])  # noqa: E731
    assert risky("2024-02-10") == []  # D: 20 days, not above 2 x 10
    assert risky("2024-02-11") == ["D"]  # D: 21 > 20; E has 2 days only
    assert risky("2024-03-21") == ["D"]  # G: 40 days, not above 2 x 20
    assert sorted(risky("2024-03-22")) == ["D", "G"]
    assert risky("2024-02-11", k=3.0) == []
    row = at_risk(store, ChurnParams(lost_days=100, as_of=D("2024-02-11"))).iloc[0]
    assert (row["median_gap_days"], row["days_since"], row["basis"]) == (10, 21, 4)
    # Lost clients are no longer "at risk": D with L = 21 on 02-11.
    assert list(at_risk(store, ChurnParams(lost_days=21, as_of=D("2024-02-11")))["client_id"]) == []


def test_trend_direction():
    assert trend([1, 2, 3, 4])["direction"] == "rising" and trend([1, 2, 3, 4])["slope"] == pytest.approx(1.0)
    assert trend([4, 3, 2, 1])["direction"] == "falling"
    assert trend([10, 10, 11, 10])["direction"] == "flat"
    assert trend([5]) == {"slope": None, "direction": "flat"}


def test_filters_and_bad_parameters(timeline):
    # Without an as-of date the last date the filters keep is the as-of (A's 01-20).
    cut = loss_events(timeline, params(as_of=None, filters=Filters(date_to=D("2024-01-25"))))
    assert as_tuples(cut, "client_id", "loss_date") == [
        ("B", D("2024-01-11")),
        ("C", D("2023-01-12")),
        ("C", D("2024-01-11")),
    ]
    with pytest.raises(InputError):
        churn(timeline, params(period="week"))
    with pytest.raises(InputError):
        churn(timeline, params(lost_days=0))
    with pytest.raises(InputError, match="margin"):
        churn(timeline, params(basis="margin"))


# -- the real files ----------------------------------------------------------------------


def period_params(case):
    p = case["parameters"]
    return ChurnParams(lost_days=p.get("lost_days", 180), period=p.get("period", "month"))


@pytest.fixture(scope="module")
def real_stores(tmp_path_factory, real_dir):
    from core.store import Store
    from tests.realdata import load_cdnow, load_superstore

    stores = {}
    for name, loader in (("superstore", load_superstore), ("cdnow_master", load_cdnow)):
        s = Store(tmp_path_factory.mktemp(name) / "real.duckdb")
        loader(s, real_dir)
        stores[name] = s
    yield stores
    for s in stores.values():
        s.close()


@pytest.mark.parametrize("name", ["superstore", "cdnow_master"])
def test_real_files_reproduce_expected(real_stores, expected, name):
    store = real_stores[name]
    for case in expected[name]["churn"]:
        result = churn(store, period_params(case))
        assert result.as_of.isoformat() == expected[name]["as_of"]
        shown = result.periods[result.periods["lost"] > 0]
        assert dict(zip(shown["period"], shown["lost"].astype(int), strict=True)) == case["lost_per_period"], case[
            "parameters"
        ]
        values = dict(zip(shown["period"], shown["lost_value"], strict=True))
        assert values == pytest.approx(case["lost_value_per_period"], abs=0.0051), case["parameters"]
        assert len(result.lost) == case["lost_now"] and len(result.at_risk) == case["at_risk"], case["parameters"]


@pytest.mark.parametrize("name", ["superstore", "cdnow_master"])
def test_real_files_win_back_candidates(real_stores, expected, name):
    lost = lost_clients(real_stores[name], ChurnParams())
    reference = expected[name]["winback"]
    assert len(lost) == reference["candidates"]
    top = [(r.client_id, round(r.value_before_loss, 2)) for r in lost.head(10).itertuples()]
    assert top == [(r["client_id"], r["value_before_loss"]) for r in reference["top10"]]


def test_summary_counts_each_client_once(store):
    # x: lost (last bought 01-01, L = 10), back on 02-01, lost again; y: lost once, never back
    lines = pd.DataFrame(
        [("x", "2024-01-01", 100), ("x", "2024-02-01", 50), ("y", "2024-01-05", 70), ("z", "2024-03-30", 1)],
        columns=["client_id", "date", "amount"],
    )
    add_upload(store, lines, file_name="s.csv", sha256="s", source_key="s")
    result = churn(store, ChurnParams(lost_days=10, period="month"))
    assert result.summary == {
        "losses": 3,
        "lost_clients": 2,
        "lost_again": 1,
        "won_back_events": 1,
        "won_back_clients": 1,
    }
    assert result.periods["won_back"].sum() == 1 and result.periods["lost"].sum() == 3
