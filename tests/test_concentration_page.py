"""The concentration page under AppTest: sliders move the figures, tags persist after a re-upload."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from core.concentration import ConcentrationParams, concentration
from core.store import Store, add_upload
from core.tags import list_tags, set_kind
from tests.pagetest import open_page


def upload(path, bases: dict[str, float], *, replace_overlap: bool = False, margin: bool = True) -> None:
    lines = pd.DataFrame(
        {
            "date": date(2024, 6, 15),
            "client_id": list(bases),
            "client_name": [f"Client {c}" for c in bases],
            "amount": [float(v) for v in bases.values()],
            "margin": [float(v) / 10 for v in bases.values()] if margin else None,
        }
    )
    with Store(path) as s:
        add_upload(s, lines, file_name="crm.csv", sha256="crm", source_key="crm", replace_overlap=replace_overlap)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "page.duckdb"
    upload(path, {"a": 50, "b": 30, "c": 10, "d": 10})
    return path


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_sliders_change_the_figures(db):
    at = open_page(db, "concentration")
    assert not at.exception and not at.error
    shown = metrics(at)
    assert shown["Top 10 share"] == "100.0\u00a0%"
    assert shown["Key set, clients"] == "1"  # a alone holds 50 %
    assert shown["HHI"] == "3,600"
    at.slider(key="concentration_top").set_value(1).run()
    assert metrics(at)["Top 1 share"] == "50.0\u00a0%"
    at.slider(key="concentration_target").set_value(90).run()
    assert metrics(at)["Key set, clients"] == "3"
    assert "**3 clients** bring 90\u00a0%" in at.markdown[0].value
    assert any("unconcentrated" in i.value or "highly" in i.value for i in at.info)


def test_what_if_and_margin_side_by_side(db):
    at = open_page(db, "concentration", query={"concentration_top": "1"})
    at.multiselect(key="concentration_leaving").set_value(["a"]).run()
    assert not at.exception
    tables = [t.value for t in at.dataframe]
    what_if = next(t for t in tables if "Without them" in t.columns)
    row = what_if.set_index("Figure")
    assert row.at["HHI", "Now"] == "3,600" and row.at["HHI", "Without them"] == "4,400"
    assert row.at["Top 1 share", "Without them"] == "60.0\u00a0%"
    assert row.at["Top 1 share", "Change"] == "+10.0 pp" and row.at["Total", "Change"] == "-50"
    side = next(t for t in tables if "Margin" in t.columns and "Revenue" in t.columns)
    assert side.set_index("Figure").at["Total", "Margin"] == "10"
    # every client brings 10 % or more of the margin here: four breadwinners flagged
    assert any("4 breadwinner" in w.value for w in at.warning)


def test_page_and_core_agree_in_georgian(db):
    at = open_page(db, "concentration", lang="ka")
    assert not at.exception
    with Store(db) as s:
        result = concentration(s, ConcentrationParams())
    # Georgian: a decimal comma, thousands grouped with a space
    assert f"{100 * result.top_n_share:.1f}\u00a0%".replace(".", ",") in [m.value for m in at.metric]
    assert "3\u00a0600" in [m.value for m in at.metric]
    assert at.title[0].value == "კონცენტრაცია საკვანძო კლიენტებში"


def test_tag_editor_saves_and_tags_survive_a_reupload(db):
    at = open_page(db, "concentration")
    editor = at.data_editor(key="concentration_tags_editor")
    table = editor.value
    assert table["client_id"].tolist()[:2] == ["a", "b"]
    row_b = int(table.index[table["client_id"] == "b"][0])
    at.session_state["concentration_tags_editor"] = {
        "edited_rows": {row_b: {"image_maker": True, "expert": True}},
        "added_rows": [],
        "deleted_rows": [],
    }
    next(b for b in at.button if b.label == "Save kinds").click().run()
    assert not at.exception
    assert any("Saved 2 change(s) as team" in s.value for s in at.success)
    with Store(db) as s:
        tags = list_tags(s)
    assert tags[["client_id", "kind", "set_by"]].values.tolist() == [
        ["b", "expert", "team"],
        ["b", "image_maker", "team"],
    ]
    history = next(t.value for t in at.dataframe if "By" in t.value.columns)
    assert sorted(history["Kind"]) == ["Expert", "Image maker"] and set(history["Change"]) == {"set"}

    upload(db, {"a": 55, "b": 35, "c": 5}, replace_overlap=True)  # a fresh export of the same source
    at = open_page(db, "concentration")
    table = at.data_editor(key="concentration_tags_editor").value.set_index("client_id")
    assert bool(table.at["b", "image_maker"]) and bool(table.at["b", "expert"])
    assert not table.at["a", "image_maker"]
    assert table.at["b", "changed"].startswith("team, ")


def test_kind_filter_from_the_sidebar_state(db):
    with Store(db) as s:
        set_kind(s, "c", "expert", by="Nino")
    at = open_page(db, "concentration")
    assert metrics(at)["Clients"] == "4"
    at.session_state["f_kind"] = ["expert"]
    at.run()
    assert not at.exception
    assert metrics(at)["Clients"] == "1" and metrics(at)["Total"] == "10"


@pytest.mark.parametrize(("name", "entry_index"), [("superstore", 0), ("cdnow_master", 1)])
def test_page_shows_the_expected_real_figures(real_dir, expected, tmp_path, name, entry_index):
    from tests.realdata import load_cdnow, load_superstore

    path = tmp_path / "real.duckdb"
    with Store(path) as s:
        (load_superstore if name == "superstore" else load_cdnow)(s, real_dir)
    entry = expected[name]["concentration"][entry_index]
    query = {f"concentration_{k}": str(v) for k, v in entry["parameters"].items()}
    at = open_page(path, "concentration", query=query)
    assert not at.exception
    shown = metrics(at)
    top = entry["parameters"].get("top", 10)
    assert shown[f"Top {top} share"] == f"{100 * entry['top_n_share']:.1f}\u00a0%"
    assert shown["Key set, clients"] == f"{entry['key_set_clients']:,}"
    assert shown["Gini"] == f"{entry['gini']:.3f}"
    assert shown["HHI"] == f"{entry['hhi']:.0f}"


def test_trend_sentence_sits_under_the_headline_in_both_languages(tmp_path):
    # a: 10 of 20 in January, 30 of 40 in February, 70 of 80 in March; two-month windows rise
    path = tmp_path / "trend.duckdb"
    with Store(path) as s:
        for month, a in ((1, 10), (2, 30), (3, 70)):
            lines = pd.DataFrame({"date": date(2024, month, 10), "client_id": ["a", "b"], "amount": [float(a), 10.0]})
            add_upload(s, lines, file_name=f"m{month}.csv", sha256=f"m{month}", source_key=f"m{month}")
    query = {"concentration_window": "2", "concentration_top": "1"}
    at = open_page(path, "concentration", query=query)
    assert not at.exception and not at.error
    # drawn where it was before the trend moved down the page: right after the headline
    assert at.markdown[1].value.startswith("Dependence is **rising**: the top 1 share went from 66.7\u00a0% to 83.3")
    at = open_page(path, "concentration", query=query, lang="ka")
    assert at.markdown[1].value.startswith("დამოკიდებულება **იზრდება**")
