"""Browser journey: the concentration page draws its Pareto curve with the article's band, in both languages."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from browser import chromium, open_app, running_app, wait_for_count

from core.store import Store, add_upload

pytestmark = pytest.mark.browser


def test_pareto_chart_renders_with_its_band_and_target(tmp_path):
    db = tmp_path / "concentration.duckdb"
    bases = {"a": 50, "b": 30, "c": 10, "d": 10}
    lines = pd.DataFrame({"date": date(2024, 6, 15), "client_id": list(bases), "amount": list(bases.values())})
    with Store(db) as store:
        add_upload(store, lines, file_name="t.csv", sha256="t", source_key="t")
    with running_app(db) as url, chromium() as browser:
        for lang, band, target in (
            ("en", "30–55\u00a0%: the typical key-client share of sales (key-client article)", "Target 50\u00a0%"),
            (
                "ka",
                "30–55\u00a0%: საკვანძო კლიენტების გაყიდვების ტიპური წილი (სტატია საკვანძო კლიენტებზე)",
                "მიზანი 50\u00a0%",
            ),
        ):
            page = open_app(browser, url, "concentration", lang=lang, height=2400)
            chart = page.locator(".js-plotly-plot").first
            chart.wait_for(timeout=30_000)
            # wait until Plotly has drawn the annotations (count() does not wait)
            chart.get_by_text(band).wait_for(timeout=30_000)
            chart.get_by_text(target).wait_for(timeout=30_000)
            # the band, the target line and the key-set line are shapes of the chart
            assert wait_for_count(chart.locator(".shapelayer path"), 3) >= 3
            assert chart.get_by_text(band).count() == 1
            assert chart.get_by_text(target).count() == 1
            page.screenshot(path=str(tmp_path / f"concentration_{lang}.png"), full_page=True)
            page.close()
