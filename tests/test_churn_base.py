"""The churn base (``core.churn._Base``): what every L shares, kept per data
version and settings, so that moving L filters grouped spans and one row per
client instead of every purchase day.

Its figures must be the direct ones (``KEEP_BASE = False``: one span per
purchase day) for every table of the view: by hand on a timeline where two
clients fall into one group and reasons come from the app and from a column,
on generated data with many clients, and on the real files.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

import core.churn as churn_module
from core.analysis import Filters
from core.churn import ChurnParams, at_risk, churn, lost_clients, returned_clients
from core.reasons import record_reason
from core.store import add_upload
from tests.test_speed_paths import same_churn

D = date.fromisoformat

# P and Q buy on the same days (2024-01-01, 2024-03-01, then Q once more on
# 2024-09-01), so their first spans fall into one group. R buys monthly in 2024
# and stops; its column gives a reason on its last line. S buys on 2024-01-15
# and 2024-08-15 and gets a reason in the app for its first loss.
ROWS = [
    ("P", "2024-01-01", 10.0, None, "North"),
    ("P", "2024-03-01", 20.0, None, "North"),
    ("Q", "2024-01-01", 5.0, None, "South"),
    ("Q", "2024-03-01", 5.0, None, "South"),
    ("Q", "2024-09-01", 7.0, None, "South"),
    *[("R", f"2024-{m:02d}-10", 3.0, None, "North") for m in range(1, 12)],
    ("R", "2024-12-10", 3.0, "price", "North"),
    ("S", "2024-01-15", 40.0, None, "East"),
    ("S", "2024-08-15", 1.0, None, "East"),
]


def load(store, rows=ROWS):
    lines = pd.DataFrame(rows, columns=["client_id", "date", "amount", "loss_reason", "region"])
    add_upload(store, lines, file_name="t.csv", sha256="t", source_key="t")


@pytest.fixture
def timeline(store):
    load(store)
    record_reason(store, "S", D("2024-01-15"), "service_level")
    return store


def direct(monkeypatch, compute):
    with monkeypatch.context() as patched:
        patched.setattr(churn_module, "KEEP_BASE", False)
        return compute()


def agree(store, monkeypatch, params):
    for compute in (churn, lost_clients, at_risk, returned_clients):
        kept = compute(store, params)
        same_churn(kept, direct(monkeypatch, lambda compute=compute: compute(store, params)))


def test_the_base_by_hand(timeline):
    params = ChurnParams(lost_days=60, as_of=D("2025-03-01"))
    base = churn_module._base(timeline, params, D("2025-03-01"))
    groups = base.span_groups.to_pandas().sort_values(["day", "gap"], na_position="last")
    # P and Q share their first span (2024-01-01, 60 days on): one group of two.
    first = groups[groups["day"] == D("2024-01-01")].iloc[0]
    assert (first["gap"], first["spans"], first["repeats"], float(first["value"])) == (60, 2, 0, 15.0)
    # R and S have reasons: their spans are kept one by one, not grouped.
    assert set(base.reason_spans.to_pandas()["client_id"]) == {"R", "S"}
    assert int(groups["spans"].sum()) == 2 + 3  # P's two days, Q's three
    cadence = base.cadence.to_pandas().set_index("client_id")
    assert cadence.loc["Q", "longest_gaps"].tolist() == [184, 60]
    assert cadence.loc["R", "purchase_days"] == 12 and bool(cadence.loc["R", "has_reason"])
    assert not cadence.loc["P", "has_reason"]


def test_churn_by_hand_through_the_base(timeline, monkeypatch):
    # L = 60. The 60-day gaps of P and Q keep them (a purchase exactly L days
    # later). P lost on 2024-04-30, never back; Q lost on 2024-04-30, back on
    # 2024-09-01, lost again on 2024-10-31 (value 5 + 5 + 7 in the 365 days);
    # R lost on 2025-02-08 ("price", from its last line); S lost on 2024-03-15
    # (service level, in the app), back on 2024-08-15, lost again on 2024-10-14
    # (no reason; value 40 + 1).
    result = churn(timeline, ChurnParams(lost_days=60, as_of=D("2025-03-01")))
    assert result.summary == {
        "losses": 6,
        "lost_clients": 4,
        "lost_again": 2,
        "won_back_events": 2,
        "won_back_clients": 2,
    }
    periods = result.periods.set_index("period_start")
    assert periods.loc["2024-03-01", "lost"] == 1 and periods.loc["2024-04-01", "lost"] == 2
    assert periods.loc["2024-10-01", "lost"] == 2  # Q and S
    assert periods.loc["2024-10-01", "lost_value"] == pytest.approx(17.0 + 41.0)
    assert periods.loc["2025-02-01", "lost"] == 1 and periods["lost"].sum() == 6
    reasons = result.reasons.set_index("reason")
    assert reasons.loc["unknown", "clients"] == 3  # P, Q (twice), S's second loss
    assert reasons.loc["unknown", "losses"] == 4
    assert reasons.loc["price", "clients"] == 1 and reasons.loc["service_level", "clients"] == 1
    assert sorted(result.lost["client_id"]) == ["P", "Q", "R", "S"]
    assert result.lost.set_index("client_id").loc["R", "reason"] == "price"
    same_churn(result, direct(monkeypatch, lambda: churn(timeline, ChurnParams(lost_days=60, as_of=D("2025-03-01")))))


def test_the_won_back_clients_by_hand(timeline, monkeypatch):
    # L = 60 as of 2024-09-30: Q lost on 2024-04-30 and back on 2024-09-01 (value 5 + 5, no
    # reason); S lost on 2024-03-15 and back on 2024-08-15 (service level, recorded in the
    # app). P was lost and never came back; R never went 60 days without buying.
    params = ChurnParams(lost_days=60, as_of=D("2024-09-30"))
    returned = returned_clients(timeline, params).set_index("client_id")
    assert returned.index.tolist() == ["Q", "S"]
    assert returned.loc["Q", "loss_date"] == pd.Timestamp("2024-04-30")
    assert returned.loc["Q", "won_back_date"] == pd.Timestamp("2024-09-01")
    assert float(returned.loc["Q", "value_before_loss"]) == 10.0 and returned.loc["Q", "reason"] is None
    assert returned.loc["S", "reason"] == "service_level"
    # Q's return purchase (2024-09-01) is lost exactly 60 days later, on 2024-10-31: from that
    # day its latest loss is that one, not won back; the day before, it is still the won-back one.
    assert "Q" in set(returned_clients(timeline, replace(params, as_of=D("2024-10-30")))["client_id"])
    assert "Q" not in set(returned_clients(timeline, replace(params, as_of=D("2024-10-31")))["client_id"])
    # A gap of exactly L is no loss: at L = 184 Q's 184-day gap (2024-03-01 to 09-01) loses nothing.
    assert "Q" not in set(returned_clients(timeline, replace(params, lost_days=184))["client_id"])
    assert "Q" in set(returned_clients(timeline, replace(params, lost_days=183))["client_id"])
    for days in (60, 183, 184):
        agree(timeline, monkeypatch, replace(params, lost_days=days))


HAND_CASES = [
    ChurnParams(lost_days=31, as_of=D("2025-03-01")),
    ChurnParams(lost_days=45, as_of=D("2024-10-20"), risk_k=0.5),
    ChurnParams(lost_days=92, period="quarter", as_of=D("2025-06-30")),
    ChurnParams(lost_days=120, basis="revenue", as_of=D("2024-12-31")),
    ChurnParams(lost_days=60, filters=Filters(region=("North", "South"))),  # the path over daily
    ChurnParams(lost_days=40, as_of=D("2025-01-31"), filters=Filters(date_to=D("2024-08-20"))),
    ChurnParams(lost_days=10, as_of=D("2025-01-31")),  # shorter than a month: periods direct
]


@pytest.mark.parametrize("params", HAND_CASES, ids=range(len(HAND_CASES)))
def test_base_equals_direct_by_hand(timeline, monkeypatch, params):
    agree(timeline, monkeypatch, params)


def test_base_is_used_only_where_it_counts_right(timeline):
    as_of = D("2025-03-01")
    assert isinstance(
        churn_module._reader(timeline, ChurnParams(lost_days=31), as_of, periods=True), churn_module._FromBase
    )
    assert isinstance(
        churn_module._reader(timeline, ChurnParams(lost_days=30), as_of, periods=True), churn_module._Spans
    )
    quarter = ChurnParams(lost_days=91, period="quarter")
    assert isinstance(churn_module._reader(timeline, quarter, as_of, periods=True), churn_module._Spans)
    # The lost and at-risk lists come from the base at any L.
    assert isinstance(churn_module._reader(timeline, ChurnParams(lost_days=5), as_of), churn_module._FromBase)


def test_the_base_follows_the_data(timeline):
    params = ChurnParams(lost_days=60, as_of=D("2025-03-01"))
    assert "T" not in set(lost_clients(timeline, params)["client_id"])
    more = pd.DataFrame([("T", "2024-06-01", 9.0)], columns=["client_id", "date", "amount"])
    upload = add_upload(timeline, more, file_name="t2.csv", sha256="t2", source_key="t2")["upload_id"]
    assert "T" in set(lost_clients(timeline, params)["client_id"])
    record_reason(timeline, "T", D("2024-06-01"), "moved")
    assert lost_clients(timeline, params).set_index("client_id").loc["T", "reason"] == "moved"
    timeline.delete_upload(upload)
    assert "T" not in set(lost_clients(timeline, params)["client_id"])


def test_a_status_or_a_tag_keeps_the_base_and_a_reason_does_not(timeline):
    # A status set in a meeting must not cost the churn base again (seconds at 10M lines);
    # a reason recorded changes the figures, and a kind filter makes the tags count.
    from core.tags import set_kind
    from core.winback import set_status

    params = ChurnParams(lost_days=60, as_of=D("2025-03-01"))
    base = churn_module._base(timeline, params, params.as_of)
    lost = lost_clients(timeline, params)
    set_status(timeline, "P", "contacted")
    set_kind(timeline, "P", "expert")
    assert churn_module._base(timeline, params, params.as_of) is base
    pd.testing.assert_frame_equal(lost_clients(timeline, params), lost)

    by_kind = ChurnParams(lost_days=60, as_of=D("2025-03-01"), filters=Filters(kind=("expert",)))
    assert set(lost_clients(timeline, by_kind)["client_id"]) == {"P"}
    set_kind(timeline, "Q", "expert")
    assert set(lost_clients(timeline, by_kind)["client_id"]) == {"P", "Q"}

    churn_version = timeline.churn_version()
    record_reason(timeline, "P", D("2024-03-01"), "moved")
    assert timeline.churn_version() == timeline.version() > churn_version
    assert churn_module._base(timeline, params, params.as_of) is not base
    assert lost_clients(timeline, params).set_index("client_id").loc["P", "reason"] == "moved"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    from bench.generate import write_export
    from core.ingest import ingest_path
    from core.store import Store

    folder = tmp_path_factory.mktemp("generated")
    store = Store(folder / "g.duckdb")
    ingest_path(store, str(write_export(folder / "g.csv", 6000)))
    clients = store.query("SELECT client_id, last_date FROM clients ORDER BY client_id LIMIT 40")
    for number, row in enumerate(clients.itertuples()):
        record_reason(store, row.client_id, row.last_date, ("price", "moved", "service_level")[number % 3])
    yield store
    store.close()


GENERATED_CASES = [
    ChurnParams(),
    ChurnParams(lost_days=31, risk_k=1.5),
    ChurnParams(lost_days=92, period="quarter", basis="margin"),
    ChurnParams(lost_days=200, as_of=D("2025-06-15")),
    ChurnParams(lost_days=60, filters=Filters(date_to=D("2025-12-31"))),
]


@pytest.mark.parametrize("params", GENERATED_CASES, ids=range(len(GENERATED_CASES)))
def test_base_equals_direct_on_generated_data(generated, monkeypatch, params):
    result = churn(generated, params)
    assert result.summary["lost_again"] > 0 and result.summary["won_back_clients"] > 0
    assert (result.reasons["reason"] != "unknown").any()
    agree(generated, monkeypatch, params)
    # Moving L reuses the base: the same kept tables answer.
    base = churn_module._base(generated, params, result.as_of)
    assert churn_module._base(generated, replace(params, lost_days=params.lost_days + 7), result.as_of) is base


@pytest.mark.parametrize("name", ["superstore", "cdnow_master"])
def test_base_equals_direct_on_the_real_files(real_stores, monkeypatch, name):
    store = real_stores[name]
    for params in (
        ChurnParams(),
        ChurnParams(lost_days=90, period="quarter"),
        ChurnParams(lost_days=365, risk_k=1.5),
        ChurnParams(lost_days=60, as_of=D("2016-06-30")),
    ):
        agree(store, monkeypatch, params)


def test_moving_l_computes_no_grid(generated, monkeypatch):
    # Every client's former cell is found once per base; moving L only looks them up.
    import core.grid

    first = churn(generated, ChurnParams(lost_days=150))
    assert first.lost["former_cell"].notna().any()

    def no_grid(*args, **kwargs):
        raise AssertionError("a grid was computed for a move of L")

    monkeypatch.setattr(core.grid, "_grid_frame", no_grid)
    for lost_days in (120, 170, 200):
        moved = churn(generated, ChurnParams(lost_days=lost_days))
        cells = pd.concat([first.lost, first.at_risk]).drop_duplicates("client_id").set_index("client_id")
        for table in (moved.lost, moved.at_risk):
            for client, cell in zip(table["client_id"], table["former_cell"], strict=True):
                if client in cells.index:
                    assert cell == cells.loc[client, "former_cell"] or (
                        pd.isna(cell) and pd.isna(cells.loc[client, "former_cell"])
                    )


def test_sums_too_large_for_64_bits_come_from_the_spans(store, monkeypatch):
    # Ten purchases of 900 trillion: the 365-day basis passes what 64-bit ten-thousandths
    # hold, so the base's arrays are not made and the spans answer, with the same figures.
    rows = [("W", f"2024-{m:02d}-01", 9e14, None, "North") for m in range(1, 11)]
    load(store, rows + [("V", "2024-01-05", 1.0, None, "North")])
    params = ChurnParams(lost_days=60, as_of=D("2025-03-01"))
    assert churn_module._sums(store, params, params.as_of) is None
    with churn_module._reader(store, params, params.as_of, periods=True) as reader:
        assert isinstance(reader, churn_module._Spans)
    result = churn(store, params)
    assert result.summary["lost_clients"] == 2
    assert result.lost.set_index("client_id").loc["W", "value_before_loss"] == 9e15
    agree(store, monkeypatch, params)
