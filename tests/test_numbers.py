"""``core.numbers``: one way to read a number per language, checked by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from core.numbers import EMPTY, compact, number, percent, plotly_separators, signed


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
