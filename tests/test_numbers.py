"""``core.numbers``: one way to read a number per language, checked by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from core.numbers import EMPTY, compact, number, numbers_of, percent, percents_of, plotly_separators, signed


def test_english_and_georgian_group_and_mark_decimals_their_own_way():
    assert number(1234567.891, "en", 2) == "1,234,567.89"
    assert number(1234567.891, "ka", 2) == "1\u00a0234\u00a0567,89"
    assert number(553925.65, "en") == "553,926"
    assert number(57851, "ka") == "57\u00a0851"
    assert number(0.5, "en", 1) == "0.5"


@pytest.mark.parametrize("empty", [None, math.nan, float("inf"), pd.NA, pd.NaT, "text"])
def test_nothing_reads_as_none_or_nan(empty):
    assert number(empty, "en") == EMPTY and percent(empty, "ka") == EMPTY and compact(empty) == EMPTY


def test_no_minus_zero():
    assert number(-0.0001, "en", 1) == "0.0"
    assert signed(-0.0001, "en", 1) == "0.0"
    assert percent(-0.0000001, "ka") == "0,0\u00a0%"
    assert signed(12.5, "en", 1) == "+12.5" and signed(-1234, "ka") == "-1\u00a0234"


def test_a_column_written_at_once_reads_as_each_value_would():
    # ties of the last place, values that round to zero from either side, empties, whole numbers, text
    edges = [None, pd.NA, math.nan, math.inf, -math.inf, "text", "12", 0.0, -0.0, -0.004, -0.005, 0.005]
    edges += [0.015, 0.025, 2.675, 1.005, -1.005, 0.5, 1.5, 2.5, -0.5, -2.5, 9.995, 999999.995, -999.5]
    edges += [1e15, -1e15, 123456789.125, 1e-9, -1e-9, 7, -3, True, -0.0004, -0.00049, 0.00051]
    spread = [(-1) ** i * 10 ** (i % 12) / 7 for i in range(200)]
    for lang in ("en", "ka"):
        for places in (0, 1, 2, 4):
            values = edges + spread
            assert numbers_of(values, lang, places) == [number(v, lang, places) for v in values]
            assert numbers_of(pd.Series(spread), lang, places) == [number(v, lang, places) for v in spread]
        shares = [v for v in edges if not isinstance(v, str)] + [v / 1e5 for v in spread]
        assert percents_of(shares, lang) == [percent(v, lang) for v in shares]
        assert percents_of(shares, lang, 0) == [percent(v, lang, 0) for v in shares]
    assert numbers_of([-0.0004, 1234.5], "ka", 2) == ["0,00", "1\u00a0234,50"]


def test_percent_of_a_share():
    assert percent(0.1234, "en") == "12.3\u00a0%"
    assert percent(0.1234, "ka") == "12,3\u00a0%"
    assert percent(-1.186, "en") == "-118.6\u00a0%"


def test_compact_keeps_metrics_short():
    assert compact(35_748_123, "en") == "35.7\u00a0M"
    assert compact(35_748_123, "ka") == "35,7\u00a0მლნ"
    assert compact(99_999, "en") == "99,999"
    assert compact(553_925.65, "en") == "553.9\u00a0K"
    assert compact(999_990, "en") == "1.0\u00a0M"
    assert compact(-2_500_000_000, "ka") == "-2,5\u00a0მლრდ"


def test_plotly_separators():
    assert plotly_separators("en") == ".,"
    assert plotly_separators("ka") == ",\u00a0"


def test_round_ticks_for_a_rate_axis():
    from core.numbers import round_ticks

    assert round_ticks(4.0) == (4.0, 1.0, 0)  # not 1.3, 2.7, 4.0
    assert round_ticks(4.3) == (5.0, 1.0, 0)
    assert round_ticks(12.7) == (15.0, 5.0, 0)
    assert round_ticks(0.37) == (0.4, 0.1, 1)
    assert round_ticks(0) == (1.0, 0.2, 1)
    assert round_ticks(None) == (1.0, 0.2, 1)
