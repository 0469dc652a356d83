"""The overview: every headline by hand on a small store, equal to its own view on the demo, the CLI,
and the page in both languages with links that carry the filters."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from core.__main__ import main
from core.analysis import Filters
from core.churn import ChurnParams, churn
from core.concentration import ConcentrationParams, concentration
from core.grid import GridParams, abcxyz
from core.managers import ManagerParams, manager_portfolios
from core.overview import OverviewParams, band_reading, overview
from core.store import Store, add_upload
from core.winback import WinbackParams, win_back_list
from tests.pagetest import open_page

BAND = (0.30, 0.55)


def _monthly(client, amount, months, manager="Ann"):
    return [(client, date(2024, m, 15), amount, manager) for m in months]


# A, B, C buy every month of 2024 (60, 30, 10 a month): steady, X. D buys Jan–Mar (1 each) and stops:
# lost on 2024-03-15 + 180 days = 2024-09-11. E buys Jul–Sep (1 each), a 31-day rhythm, silent
# 91 days at the as-of date 2024-12-15: more than 2 × 31, less than 180, so at risk, with manager Zoe.
ROWS = (
    _monthly("A", 60.0, range(1, 13))
    + _monthly("B", 30.0, range(1, 13))
    + _monthly("C", 10.0, range(1, 13))
    + _monthly("D", 1.0, range(1, 4))
    + _monthly("E", 1.0, range(7, 10), manager="Zoe")
)


@pytest.fixture
def small(store):
    lines = pd.DataFrame(ROWS, columns=["client_id", "date", "amount", "manager"])
    add_upload(store, lines, file_name="t.csv", sha256="t", source_key="t")
    return store


def test_headlines_by_hand(small):
    result = overview(small, OverviewParams())
    total = 720 + 360 + 120 + 3 + 3
    assert result.as_of == date(2024, 12, 15)
    assert result.window_start == date(2024, 1, 1)
    assert result.total == total and result.clients == 5
    # A alone holds 720 / 1206 = 59.7 % >= 50 %: a key set of one, above the 30–55 % band
    assert result.key_clients == 1
    assert result.key_share == pytest.approx(720 / total)
    assert result.band == BAND and result.band_reading == "above"
    # A (before 0) and B (before 59.7 %) are class A; C crosses 80 % from 89.6 %: B; D, E: C
    assert result.a_share == pytest.approx((720 + 360) / total)
    assert result.cells == {"AX": 2, "AY": 0, "AZ": 0, "BX": 1, "BY": 0, "BZ": 0, "CX": 0, "CY": 0, "CZ": 2}
    assert result.too_new == 0
    # D's loss is dated 2024-09-11; nobody is lost in December
    assert result.period == "2024-12" and result.lost_in_period == 0
    assert result.lost_now == 1 and result.at_risk == 1
    assert result.pipeline == {"to_contact": 1, "contacted": 0, "offer_made": 0, "won_back": 0, "declined": 0}
    assert (result.riskiest_manager, result.riskiest_at_risk) == ("Zoe", 1)


def test_filters_narrow_every_headline(small):
    result = overview(small, OverviewParams(filters=Filters(manager=("Ann",))))
    assert result.clients == 4 and result.at_risk == 0
    assert result.riskiest_manager is None and result.riskiest_at_risk == 0


@pytest.mark.parametrize(
    ("share", "reading"),
    [(0.2999, "below"), (0.30, "inside"), (0.5, "inside"), (0.55, "inside"), (0.5501, "above")],
)
def test_band_ends_are_inside(share, reading):
    assert band_reading(share, BAND) == reading


@pytest.mark.parametrize("basis", ["revenue", "margin"])
def test_each_headline_is_its_view(demo_db, basis):
    with Store(demo_db) as s:
        filters = Filters(region=("Tbilisi", "Imereti"))
        result = overview(s, OverviewParams(filters=filters, basis=basis))
        grid = abcxyz(s, GridParams(basis=basis, filters=filters))
        held = concentration(s, ConcentrationParams(basis=basis, filters=filters))
        lost = churn(s, ChurnParams(basis=basis, filters=filters))
        worked = win_back_list(s, WinbackParams(basis=basis, filters=filters))
        managers = manager_portfolios(s, ManagerParams(basis=basis, filters=filters)).managers
    assert (result.key_clients, result.key_share) == (held.key_set_clients, held.key_set_share)
    assert result.cells == grid.cells["clients"].to_dict()
    assert result.a_share == pytest.approx(grid.clients.loc[grid.clients["abc"] == "A", "share"].sum())
    assert result.lost_in_period == lost.periods["lost"].iloc[-1]
    assert result.trend == lost.trend["direction"]
    assert (result.lost_now, result.at_risk) == (len(lost.lost), len(lost.at_risk))
    assert result.pipeline == dict(zip(worked.funnel["status"], worked.funnel["clients"], strict=True))
    named = managers[managers["manager"].notna()]
    most = named["at_risk"].max()
    assert result.riskiest_at_risk == most
    assert result.riskiest_manager == min(named.loc[named["at_risk"] == most, "manager"])


def test_cli_prints_the_same_figures(small, capsys):
    path = small.path
    small.close()
    assert main(["overview", "--db", str(path), "--where", "manager=Ann"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["clients"] == 4
    assert payload["key_set"] == {"clients": 1, "share": pytest.approx(720 / 1203), "band": [0.3, 0.55]}
    assert payload["key_set_in_band"] == "above"
    assert payload["churn"]["lost_now"] == 1 and payload["riskiest_manager"] is None


@pytest.mark.parametrize("lang", ["en", "ka"])
def test_page_links_carry_the_filters(demo_db, lang):
    at = open_page(demo_db, "overview", lang=lang, query={"f_region": "Tbilisi", "overview_basis": "margin"})
    assert not at.exception
    links = at.get("page_link")
    assert len(links) == 6
    for link in links:
        params = link.proto.query_string if hasattr(link.proto, "query_string") else ""
        assert "f_region=Tbilisi" in params, params
    assert any("concentration_basis=margin" in link.proto.query_string for link in links)
    assert at.title[0].value == ("How the key accounts stand" if lang == "en" else "საკვანძო კლიენტების მდგომარეობა")
