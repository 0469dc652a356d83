"""``ui.coded``: option labels in the page's language, language-neutral codes in the URL.

A link made in a Georgian session (``?grid_period=quarter&grid_basis=margin``) opens
the same view in an English one, and the other way round; an unknown code falls
back to the default instead of breaking the page.
"""

from __future__ import annotations

import pytest

from core.store import Store
from tests.pagetest import open_page
from tests.test_grid import load, steady


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "codes.duckdb"
    months = [f"2024-{m:02d}-10" for m in range(1, 7)]
    with Store(path) as store:
        load(store, steady("k1", 50, months) + steady("k2", 10, months))
    return path


def url(at, key) -> list[str]:
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)


@pytest.mark.parametrize("lang, shown", [("en", "Quarter"), ("ka", "კვარტალი")])
def test_a_code_in_the_url_opens_the_same_view_in_either_language(db, lang, shown):
    at = open_page(db, "grid", lang=lang, query={"grid_period": "quarter", "grid_cell": "too_new"})
    assert not at.exception
    period = at.selectbox(key="grid_period")
    assert period.value == "quarter" and shown in period.options
    assert all("·" not in option for option in period.options)
    assert at.button_group(key="grid_cell").value == "too_new"
    assert url(at, "grid_period") == ["quarter"]


def test_a_change_writes_the_code_and_the_default_leaves_the_url(db):
    at = open_page(db, "grid", lang="ka")
    assert url(at, "grid_period") == []  # the default (month) stays out of the URL
    at.selectbox(key="grid_period").set_value("week").run()
    assert not at.exception
    assert url(at, "grid_period") == ["week"]
    at.selectbox(key="grid_period").set_value("month").run()
    assert url(at, "grid_period") == []
    at.button_group(key="grid_cell").set_value("AX").run()
    assert url(at, "grid_cell") == ["AX"]


def test_an_unknown_code_falls_back_to_the_default(db):
    at = open_page(db, "grid", query={"grid_period": "Quarter · კვარტალი", "grid_basis": "margin"})
    assert not at.exception
    assert at.selectbox(key="grid_period").value == "month"
    assert at.selectbox(key="grid_basis").value == "revenue"  # no margin column in this store


def test_a_multiselect_keeps_one_code_per_choice(db):
    at = open_page(db, "winback", lang="ka", query={"winback_former": ["A", "too_new"]})
    assert not at.exception
    assert at.multiselect(key="winback_former").value == ["A", "too_new"]
    assert url(at, "winback_former") == ["A", "too_new"]
