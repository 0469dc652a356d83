"""Concentration: hand-computed cases at every boundary, the real files, the CLI."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from core.__main__ import main
from core.analysis import Filters, shift_periods
from core.concentration import (
    ConcentrationParams,
    concentration,
    concentration_trend,
    dependence_direction,
    hhi_reading,
    what_if,
)
from core.errors import InputError
from core.store import Store, add_upload
from tests.realdata import load_cdnow, load_superstore


def load(
    store,
    bases: dict[str, float],
    *,
    day: date = date(2024, 6, 15),
    margins: dict | None = None,
    region: str = "North",
    source: str = "test",
) -> None:
    """One line per client on ``day`` with the given revenue (and margin)."""
    lines = pd.DataFrame(
        {
            "date": [day] * len(bases),
            "client_id": list(bases),
            "client_name": [f"Client {c}" for c in bases],
            "amount": [float(v) for v in bases.values()],
            "margin": [float(margins[c]) for c in bases] if margins else None,
            "region": region,
        }
    )
    add_upload(store, lines, file_name=f"{source}.csv", sha256=source, source_key=source)


def test_equal_clients_have_gini_zero_and_hhi_ten_thousand_over_n(store):
    load(store, {"a": 100, "b": 100, "c": 100, "d": 100})
    result = concentration(store, ConcentrationParams(top=1))
    assert result.gini == pytest.approx(0)
    assert result.hhi == pytest.approx(4 * 25**2)  # 2,500
    assert result.top_n_share == pytest.approx(0.25)
    assert result.total == 400 and result.clients == 4


def test_one_client_holding_nearly_all_has_gini_n_minus_one_over_n(store):
    # Gini counts positive clients only, so the others hold a cent rather than nothing.
    load(store, {"big": 1_000_000_000, "a": 0.01, "b": 0.01, "c": 0.01, "d": 0.01})
    result = concentration(store, ConcentrationParams())
    assert result.gini == pytest.approx(4 / 5, abs=1e-9)


def test_monopoly_has_hhi_ten_thousand(store):
    load(store, {"only": 500, "returns": -20, "nothing": 0})
    result = concentration(store, ConcentrationParams())
    assert result.hhi == pytest.approx(10_000)
    assert result.gini == pytest.approx(0)
    assert result.clients == 1 and result.clients_left_out == 2
    assert result.key_set_ids == ["only"] and result.key_set_share == pytest.approx(1)


def test_key_set_stops_where_target_is_hit_exactly(store):
    load(store, {"a": 40, "b": 30, "c": 20, "d": 10})
    # 40 + 30 = 70 % exactly (0.4 + 0.3 is 0.7000000000000001 in floating point, 0.7 * 100 is 70.00000000000001)
    assert concentration(store, ConcentrationParams(target=70)).key_set_clients == 2
    assert concentration(store, ConcentrationParams(target=70.5)).key_set_clients == 3
    assert concentration(store, ConcentrationParams(target=40)).key_set_clients == 1
    assert concentration(store, ConcentrationParams(target=100)).key_set_clients == 4
    hit = concentration(store, ConcentrationParams(target=90))
    assert hit.key_set_ids == ["a", "b", "c"] and hit.key_set_share == pytest.approx(0.9)


def test_the_key_set_ends_among_close_and_equal_bases_where_the_running_share_reaches_the_target(store):
    # The key set is found in the one band of close bases where the running share reaches the
    # target (core.concentration.window_figures sorts the biggest bases first): here five clients
    # of 1,000 and one of 999 are close, above them 10,000 and 9,000. Total 25,099.
    bases = {"big": 10_000, "second": 9_000, **{f"t{i}": 1_000 for i in range(5)}, "near": 999, "small": 100}
    load(store, bases)
    # 90 % is 22,589.1: 10,000 + 9,000 + four of the 1,000s is 23,000, the sixth client
    ninety = concentration(store, ConcentrationParams(target=90))
    assert ninety.key_set_clients == 6 and ninety.key_set_share == pytest.approx(23_000 / 25_099)
    # 95 % is 23,844.05: all five 1,000s (24,000), the seventh client, the 999 left out
    assert concentration(store, ConcentrationParams(target=95)).key_set_clients == 7
    # 99 % is 24,848.01: the 999 too (24,999), the eighth
    assert concentration(store, ConcentrationParams(target=99)).key_set_clients == 8
    # 76 % is 19,075.24: the first 1,000 after the two above it
    assert concentration(store, ConcentrationParams(target=76)).key_set_clients == 3
    # 75 % is 18,824.25: 10,000 + 9,000 reaches it, the band above the 1,000s
    assert concentration(store, ConcentrationParams(target=75)).key_set_clients == 2
    # just under everything: the smallest client's band, the last; the top 9 are all of it
    everyone = concentration(store, ConcentrationParams(target=99.99999, top=9))
    assert everyone.key_set_clients == 9 and everyone.top_n_share == pytest.approx(1)


@pytest.mark.parametrize(("guess", "floor_ranks"), [(1024, 2), (3, 1)])
def test_every_trend_window_ranks_as_a_direct_sort_of_its_clients(store, monkeypatch, guess, floor_ranks):
    # 400 clients over ten months with bases from cents to millions (log-uniform), some
    # repeated exactly, some returning more than they bought; each of the eight
    # three-month windows ranked directly here, its figures held against the trend's.
    # A guess of 3 searches the key set's end among the 3, 12, 48 … biggest first; a floor
    # at the previous key set's own end falls short whenever the next key set is longer.
    import numpy as np

    import core.concentration

    monkeypatch.setattr(core.concentration, "KEY_SET_GUESS", guess)
    monkeypatch.setattr(core.concentration, "FLOOR_RANKS", floor_ranks)

    rng = np.random.default_rng(13)
    clients = [f"c{i:03d}" for i in range(400)]
    rows = []
    for month in range(1, 11):
        buyers = rng.choice(400, size=240, replace=False)
        amounts = np.round(10 ** rng.uniform(-2, 6.5, size=240), 2)
        amounts[:30] = 1234.5  # equal bases in one band
        amounts[30:40] = -np.round(10 ** rng.uniform(0, 4, size=10), 2)
        rows += [(date(2024, month, 5), clients[b], float(a)) for b, a in zip(buyers, amounts, strict=True)]
    lines = pd.DataFrame(rows, columns=["date", "client_id", "amount"])
    add_upload(store, lines, file_name="many.csv", sha256="many", source_key="many")
    without = tuple(clients[:400:7])  # a what-if: every seventh client leaves
    for target, top, period, leaving in (
        (50, 10, "month", ()),
        (80, 1, "month", ()),
        (95, 57, "month", without),
        (30, 400, "month", ()),
        (80, 5, "week", ()),
        (60, 3, "quarter", without),
    ):
        params = ConcentrationParams(window=3, top=top, target=target, period=period, without=leaving)
        result = concentration(store, params)
        trend = result.trend
        # the trend alone (without the ranking's Gini) and the as-of window alone agree with it
        pd.testing.assert_frame_equal(concentration_trend(store, params), trend, check_exact=True)
        alone = concentration(store, replace(params, trend=False)).trend
        pd.testing.assert_frame_equal(alone, trend.tail(1).reset_index(drop=True), check_exact=True, check_dtype=False)
        assert concentration(store, replace(params, trend=False, ranked=False)).gini == result.gini
        assert len(trend) == {"month": 8, "week": 38, "quarter": 2}[period]
        for row in trend.itertuples():
            end = pd.Timestamp(shift_periods(row.last_period, period, 1))  # the window's last period included
            days = pd.to_datetime(lines["date"])
            inside = lines[(days < end) & (days >= pd.Timestamp(row.first_period)) & ~lines["client_id"].isin(leaving)]
            basis = inside.groupby("client_id")["amount"].sum().round(2)
            positive = basis[basis > 0].sort_values(ascending=False).to_numpy()
            total = positive.sum()
            running = np.cumsum(positive) / total
            assert row.clients == len(positive) and row.clients_left_out == (basis <= 0).sum()
            if not len(positive):  # a few weeks with no line: nothing to share out
                assert row.total == 0 and pd.isna(row.top_n_share) and pd.isna(row.key_set_clients)
                continue
            assert row.top_n_share == pytest.approx(positive[:top].sum() / total, rel=1e-12)
            first = int(np.argmax(running >= target / 100 - 1e-9))
            assert row.key_set_clients == first + 1, (target, end)
            assert row.key_set_share == pytest.approx(running[first], rel=1e-12)
            assert row.hhi == pytest.approx(((100 * positive / total) ** 2).sum(), rel=1e-9)
        n = len(positive)  # the last window's, the headline: Gini ranks every client
        gini = ((n + 1 - 2 * np.arange(1, n + 1)) * positive).sum() / (n * total)
        assert trend["gini"].iloc[-1] == pytest.approx(gini, rel=1e-9)
        assert trend["gini"].iloc[:-1].isna().all()


def test_negative_basis_clients_are_left_out_of_shares_gini_hhi_and_key_set(store):
    load(store, {"a": 60, "b": 20, "c": 20, "loss": -50, "zero": 0})
    result = concentration(store, ConcentrationParams(target=60))
    assert result.total == 100  # the positive bases only: shares are of 100, not 50
    assert result.clients == 3 and result.clients_left_out == 2
    assert result.key_set_ids == ["a"]
    assert result.hhi == pytest.approx(60**2 + 20**2 + 20**2)
    # Gini of (60, 20, 20): sum((n + 1 - 2 rank) * x) / (n * total) = (2*60 + 0*20 - 2*20) / 300
    assert result.gini == pytest.approx(80 / 300)
    ranked = result.ranking.set_index("client_id")
    assert pd.isna(ranked.at["loss", "share"]) and ranked.at["loss", "rank"] == 5
    assert ranked.at["a", "share"] == pytest.approx(0.6)


def test_top_n_ties_rank_by_client_id_and_n_beyond_clients_is_everything(store):
    load(store, {"b": 50, "a": 50, "c": 100})
    result = concentration(store, ConcentrationParams(top=2, target=50))
    assert result.ranking["client_id"].tolist() == ["c", "a", "b"]
    assert result.top_n_share == pytest.approx(0.75)
    assert concentration(store, ConcentrationParams(top=10)).top_n_share == pytest.approx(1)


def test_what_if_clients_leave(store):
    load(store, {"a": 50, "b": 30, "c": 10, "d": 10})
    before, after = what_if(store, ConcentrationParams(top=1, target=50), ("a",))
    assert (before.total, before.top_n_share, before.key_set_clients) == (100, 0.5, 1)
    assert before.hhi == pytest.approx(50**2 + 30**2 + 10**2 + 10**2)  # 3,600
    assert after.total == 50
    assert after.top_n_share == pytest.approx(0.6)  # b: 30 of 50
    assert after.key_set_ids == ["b"]
    assert after.hhi == pytest.approx(60**2 + 20**2 + 20**2)  # 4,400
    both = concentration(store, ConcentrationParams(top=1, without=("a", "b")))
    assert both.total == 20 and both.hhi == pytest.approx(5_000)


def test_window_drops_lines_before_it_and_after_as_of(store):
    load(store, {"a": 10, "b": 10}, day=date(2024, 1, 31), source="jan")
    load(store, {"a": 30}, day=date(2024, 2, 1), source="feb")
    load(store, {"b": 1000}, day=date(2024, 3, 1), source="mar")
    feb = concentration(store, ConcentrationParams(window=1, as_of=date(2024, 2, 29)))
    assert feb.total == 30 and feb.key_set_ids == ["a"]
    two = concentration(store, ConcentrationParams(window=2, as_of=date(2024, 2, 29)))
    assert two.total == 50 and two.ranking["client_id"].tolist() == ["a", "b"]


def test_breadwinner_is_ten_percent_of_margin_whatever_the_basis(store):
    load(store, {"a": 10, "b": 10, "c": 80}, margins={"a": 10, "b": -5, "c": 90})
    result = concentration(store, ConcentrationParams(basis="revenue"))
    assert result.breadwinner_basis == "margin"
    # margin shares of the positive margins (100): a 10 % (exactly the threshold), c 90 %; b loses money
    assert result.breadwinners["client_id"].tolist() == ["c", "a"]
    assert result.breadwinners["share"].tolist() == pytest.approx([0.9, 0.1])
    stricter = concentration(store, ConcentrationParams(breadwinner_share=10.5))
    assert stricter.breadwinners["client_id"].tolist() == ["c"]


def test_breadwinner_uses_revenue_without_margin_and_margin_basis_needs_margin(store):
    load(store, {"a": 95, "b": 5})
    result = concentration(store, ConcentrationParams())
    assert result.breadwinner_basis == "revenue"
    assert result.breadwinners["client_id"].tolist() == ["a"]
    with pytest.raises(InputError, match="margin"):
        concentration(store, ConcentrationParams(basis="margin"))


def test_trend_rolls_the_window_and_ends_with_the_headline(store):
    load(store, {"a": 10, "b": 10}, day=date(2024, 1, 10), source="jan")
    load(store, {"a": 30, "b": 10}, day=date(2024, 2, 10), source="feb")
    load(store, {"a": 70, "b": 10}, day=date(2024, 3, 10), source="mar")
    result = concentration(store, ConcentrationParams(window=2, top=1))
    # windows of two months ending Feb (a 40 of 60) and Mar (a 100 of 120); January alone is not a full window
    assert result.trend["period"].tolist() == ["2024-02", "2024-03"]
    assert result.trend["top_n_share"].tolist() == pytest.approx([40 / 60, 100 / 120])
    # each window ranks and sums its own clients: a alone reaches half in both
    assert result.trend["key_set_clients"].tolist() == [1, 1]
    assert result.trend["key_set_share"].tolist() == pytest.approx([40 / 60, 100 / 120])
    # Gini, the headline's alone (it ranks every client): (2 + 1 - 2) x a + (2 + 1 - 4) x b over 2 x total
    assert pd.isna(result.trend["gini"].iloc[0])
    assert result.trend["gini"].iloc[-1] == pytest.approx((100 - 20) / 240) == pytest.approx(result.gini)
    assert result.trend["hhi"].tolist() == pytest.approx(
        [(4000 / 60) ** 2 + (2000 / 60) ** 2, (10000 / 120) ** 2 + (2000 / 120) ** 2]
    )
    assert result.trend["top_n_share"].iloc[-1] == pytest.approx(result.top_n_share)
    assert result.trend["hhi"].iloc[-1] == pytest.approx(result.hhi)
    assert dependence_direction(result.trend) == "rising"
    # the trend alone (the page asks for it after drawing the headline) is the same table
    pd.testing.assert_frame_equal(concentration_trend(store, ConcentrationParams(window=2, top=1)), result.trend)
    short = concentration(store, ConcentrationParams(window=6))
    assert short.trend["period"].tolist() == ["2024-03"]


def test_trend_follows_a_client_out_of_the_windows_and_back(store):
    # three-month windows over January to June: b buys every month; a in January and May
    # only, so it leaves the window ending April and comes back; c buys 20 in February and
    # returns it in March, so it sits in three windows with nothing (and then less) to show
    b = {month: 10 for month in range(1, 7)}
    extra = {1: {"a": 50}, 2: {"c": 20}, 3: {"c": -20}, 5: {"a": 40}}
    for month in range(1, 7):
        load(store, {"b": b[month], **extra.get(month, {})}, day=date(2024, month, 10), source=f"m{month}")
    trend = concentration(store, ConcentrationParams(window=3, top=1)).trend
    assert trend["period"].tolist() == ["2024-03", "2024-04", "2024-05", "2024-06"]
    # Jan-Mar: a 50, b 30; Feb-Apr: b 30 alone; Mar-May and Apr-Jun: a 40, b 30
    assert trend["total"].tolist() == pytest.approx([80, 30, 70, 70])
    assert trend["clients"].tolist() == [2, 1, 2, 2]
    assert trend["top_n_share"].tolist() == pytest.approx([50 / 80, 1.0, 40 / 70, 40 / 70])
    # c: 0 in Jan-Mar and Feb-Apr, -20 in Mar-May, gone by Apr-Jun
    assert trend["clients_left_out"].tolist() == [1, 1, 1, 0]
    assert trend["hhi"].tolist() == pytest.approx(
        [
            (5000 / 80) ** 2 + (3000 / 80) ** 2,
            10000.0,
            (4000 / 70) ** 2 + (3000 / 70) ** 2,
            (4000 / 70) ** 2 + (3000 / 70) ** 2,
        ]
    )
    for period in ("quarter", "week"):  # the same windows counted in other periods end with the headline
        other = concentration(store, ConcentrationParams(period=period, window=2, top=1))
        assert other.trend["top_n_share"].iloc[-1] == pytest.approx(other.top_n_share)
        assert other.trend["clients"].iloc[-1] == other.clients


def test_without_the_trend_the_headline_is_the_same(store):
    # Without the trend the one window's periods are summed at once; with it, the windows roll
    # from the first period of the data, one period in and one out: the same figures, to the last digit.
    # d ties b in March, z nets to nothing and n is negative there; c is gone by March; e buys
    # on the first day of the February-March window.
    load(store, {"a": 10, "b": 10, "n": 4}, day=date(2024, 1, 10), source="jan")
    load(store, {"a": 30, "b": 10, "c": 5, "z": 7}, day=date(2024, 2, 10), source="feb")
    load(store, {"e": 3}, day=date(2024, 2, 1), source="feb1")  # the first day of a window
    load(store, {"a": 70, "b": 10, "d": 10, "z": -7, "n": -9}, day=date(2024, 3, 10), source="mar")
    for params in (
        ConcentrationParams(window=2, top=1),
        ConcentrationParams(window=1, target=80, without=("a",)),
        ConcentrationParams(window=2, top=3, target=90),
        ConcentrationParams(period="week", window=5, top=2),
        ConcentrationParams(window=2, target=100, without=("b", "d")),
    ):
        whole, alone = concentration(store, params), concentration(store, replace(params, trend=False))
        assert len(whole.trend) > 1 and len(alone.trend) == 1
        pd.testing.assert_frame_equal(alone.trend, whole.trend.tail(1).reset_index(drop=True))
        for name in ("total", "clients", "top_n_share", "key_set_clients", "key_set_share", "gini", "hhi"):
            assert getattr(alone, name) == getattr(whole, name), name
        pd.testing.assert_frame_equal(alone.ranking, whole.ranking)
        # without the ranked clients: the same figures, an empty ranking of the same columns
        bare = concentration(store, replace(params, trend=False, ranked=False))
        for name in ("total", "clients", "top_n_share", "key_set_clients", "key_set_share", "gini", "hhi"):
            assert getattr(bare, name) == getattr(whole, name), name
        assert bare.ranking.empty and bare.breadwinners.empty and not whole.ranking.empty
        pd.testing.assert_series_equal(bare.ranking.dtypes, whole.ranking.dtypes)


def test_filters_and_kind_filter_apply(store):
    load(store, {"a": 60, "b": 40}, region="North", source="north")
    load(store, {"c": 900}, region="South", source="south")
    north = concentration(store, ConcentrationParams(filters=Filters(region=("North",))))
    assert north.total == 100
    # c brings 90 % of revenue (no margin loaded): the only breadwinner of the client_kinds view
    bread = concentration(store, ConcentrationParams(filters=Filters(kind=("breadwinner",))))
    assert bread.ranking["client_id"].tolist() == ["c"]


def test_readings_and_bad_parameters(store):
    assert [hhi_reading(h) for h in (1499.9, 1500, 2500, 2500.1)] == ["unconcentrated", "moderate", "moderate", "high"]
    load(store, {"a": 1})
    for bad in (
        ConcentrationParams(top=0),
        ConcentrationParams(target=0),
        ConcentrationParams(target=101),
        ConcentrationParams(window=0),
        ConcentrationParams(period="day"),
    ):
        with pytest.raises(InputError):
            concentration(store, bad)
    with pytest.raises(InputError, match="positive"):
        concentration(store, ConcentrationParams(without=("a",)))


def test_empty_store_says_load_data(store):
    with pytest.raises(InputError, match="Data page"):
        concentration(store, ConcentrationParams())


# -- real files --------------------------------------------------------------------------

LOADERS = {"superstore": load_superstore, "cdnow_master": load_cdnow}


@pytest.fixture(scope="module", params=list(LOADERS))
def real_store(request, real_dir, tmp_path_factory):
    """The real file loaded into a database file, closed (tests open it, the CLI opens it itself)."""
    path = tmp_path_factory.mktemp(request.param) / "real.duckdb"
    with Store(path) as s:
        LOADERS[request.param](s, real_dir)
    return request.param, path


def test_real_files_reproduce_expected(real_store, expected):
    name, path = real_store
    entries = expected[name]["concentration"]
    assert len(entries) >= 3
    with Store(path) as s:
        results = [concentration(s, ConcentrationParams(**entry["parameters"])) for entry in entries]
    for entry, result in zip(entries, results, strict=True):
        assert round(result.top_n_share, 6) == entry["top_n_share"], entry
        assert result.key_set_clients == entry["key_set_clients"], entry
        assert round(result.key_set_share, 6) == entry["key_set_share"], entry
        assert round(result.gini, 6) == entry["gini"], entry
        assert round(result.hhi, 6) == pytest.approx(entry["hhi"], abs=2e-6), entry


def test_cli_agrees_with_core_on_real_files(real_store, expected, capsys):
    name, path = real_store
    entry = expected[name]["concentration"][1]
    args = [f"--{k}={v}" for k, v in entry["parameters"].items()]
    assert main(["concentration", "--db", str(path), *args]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) == {
        "parameters",
        "total",
        "clients",
        "top_n_share",
        "key_set",
        "gini",
        "hhi",
        "breadwinners",
        "trend",
    }
    assert round(payload["top_n_share"], 6) == entry["top_n_share"]
    assert payload["key_set"]["clients"] == entry["key_set_clients"] == len(payload["key_set"]["client_ids"])
    assert round(payload["key_set"]["share"], 6) == entry["key_set_share"]
    assert round(payload["gini"], 6) == entry["gini"]
    assert set(payload["trend"][-1]) == {"period", "top_n_share", "key_set_clients", "hhi"}
    assert payload["trend"][-1]["top_n_share"] == payload["top_n_share"]


def test_cli_small_case_and_errors(tmp_path, capsys):
    path = tmp_path / "cli.duckdb"
    with Store(path) as s:
        load(s, {"a": 50, "b": 30, "c": 20}, margins={"a": 5, "b": 3, "c": 2})
    assert (
        main(
            [
                "concentration",
                "--db",
                str(path),
                "--top",
                "1",
                "--target",
                "80",
                "--basis",
                "margin",
                "--where",
                "region=North",
            ]
        )
        == 0
    )
    payload = json.loads(capsys.readouterr().out)
    assert payload["total"] == 10 and payload["clients"] == 3
    assert payload["top_n_share"] == pytest.approx(0.5)
    assert payload["key_set"] == {"clients": 2, "share": pytest.approx(0.8), "client_ids": ["a", "b"]}
    assert payload["hhi"] == pytest.approx(50**2 + 30**2 + 20**2)
    assert payload["breadwinners"] == [
        {"client_id": "a", "share": pytest.approx(0.5)},
        {"client_id": "b", "share": pytest.approx(0.3)},
        {"client_id": "c", "share": pytest.approx(0.2)},
    ]
    assert payload["parameters"]["as_of"] == "2024-06-15"
    assert main(["concentration", "--db", str(path), "--target", "0"]) == 1
    assert "target" in capsys.readouterr().err
    assert main(["concentration", "--db", str(path), "--where", "kind=vip"]) == 1
    assert "kind" in capsys.readouterr().err


def test_params_are_hashable_for_the_page_cache():
    params = ConcentrationParams(filters=Filters(kind=("expert",)))
    assert hash(params) == hash(replace(params))


def test_margin_ranking_puts_clients_without_a_margin_last_and_counts_them_left_out(store):
    # m has margins in two months (one of them blank), n has none at all, loss loses money.
    lines = pd.DataFrame(
        {
            "date": [date(2024, 5, 3), date(2024, 6, 3), date(2024, 6, 4), date(2024, 6, 5), date(2024, 6, 6)],
            "client_id": ["m", "m", "big", "n", "loss"],
            "amount": [100.0, 50.0, 300.0, 80.0, 40.0],
            "margin": [30.0, None, 60.0, None, -5.0],
        }
    )
    add_upload(store, lines, file_name="margins.csv", sha256="margins", source_key="margins")
    result = concentration(store, ConcentrationParams(basis="margin", target=60))
    ranked = result.ranking
    assert ranked["client_id"].tolist() == ["big", "m", "loss", "n"]
    assert ranked["basis"].tolist()[:3] == [60, 30, -5] and pd.isna(ranked["basis"].iloc[3])
    assert pd.isna(ranked["margin"].iloc[3]) and ranked["revenue"].tolist() == [300, 150, 40, 80]
    # shares of the positive margins (90): big 2/3, m 1/3; the loss and n have none
    assert ranked["share"].tolist()[:2] == pytest.approx([2 / 3, 1 / 3]) and ranked["share"].iloc[2:].isna().all()
    assert ranked["cumulative_share"].tolist()[:2] == pytest.approx([2 / 3, 1.0])
    assert result.clients == 2 and result.clients_left_out == 2 and result.key_set_ids == ["big"]
    assert result.total == 90 and result.hhi == pytest.approx((200 / 3) ** 2 + (100 / 3) ** 2)
    # the breadwinners are of the margin whatever the basis: big and m, not n (no margin)
    by_revenue = concentration(store, ConcentrationParams(basis="revenue", breadwinner_share=30))
    assert by_revenue.ranking["client_id"].tolist() == ["big", "m", "n", "loss"]
    assert by_revenue.breadwinners["client_id"].tolist() == ["big", "m"]
    # a what-if ranks the others only
    without = concentration(store, ConcentrationParams(basis="margin", without=("big",)))
    assert without.ranking["client_id"].tolist() == ["m", "loss", "n"] and without.total == 30


def test_sales_too_large_to_sum_exactly_are_refused_with_a_message(store):
    # 2^62 ten-thousandths is about 461 trillion: three lines of 200 trillion pass it
    load(store, {"a": 2e14, "b": 2e14, "c": 2e14})
    with pytest.raises(InputError, match="too large to sum exactly"):
        concentration(store, ConcentrationParams())
