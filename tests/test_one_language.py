"""Every page reads in one language: Georgian only in Georgian, English only in English, on the demo data.

Each page is opened through AppTest with ``lang=ka`` against a store loaded with
the demo export (``core.demo.load_demo_if_empty``), and every string a person
reads is gathered: titles, headers, captions, markdown, notices, metric labels
and values, widget labels, help texts, placeholders and option labels, button,
tab and expander labels. The test fails on a translation key shown as such
(``grid.too_new``) or on a Latin word that is not one of the data's own values
(client names and ids, managers, regions, segments, file names, recorded
reasons) or an accepted code (ABC, XYZ, CV, HHI, the grid's cells, the symbols of
DOMAIN.md — L, k, N, P — file formats and the names of other products: ID, Excel,
CSV, ERP, CRM, Parquet). A command inside backticks is code, not English.
"""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import element_tree as tree

from core.demo import load_demo_if_empty
from core.i18n import CATALOGUE
from core.store import Store
from tests.pagetest import open_page

PAGES = ["overview", "data", "grid", "concentration", "churn", "winback", "dossier", "prospects", "managers"]
# the margin basis and a short L draw the notes the default view does not (negative margins, repeat losses)
VIEWS = [(page, {}) for page in PAGES] + [
    ("grid", {"grid_basis": "margin", "grid_cell": "too_new"}),
    ("concentration", {"concentration_basis": "margin"}),
    ("churn", {"churn_lost_days": "60", "churn_basis": "margin"}),
    ("winback", {"winback_at_risk": "true"}),
]
ACCEPTED = {"ABC", "XYZ", "CV", "HHI", "ID", "Excel", "CSV", "XLSX", "XLS", "ERP", "CRM", "Parquet", "L", "k", "N", "P"}
CELL_CODE = re.compile(r"^[ABC]?[XYZ]?$")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_']*[A-Za-z]|[A-Za-z]")
TEXT_ELEMENTS = (
    tree.Title,
    tree.Header,
    tree.Subheader,
    tree.Caption,
    tree.Markdown,
    tree.Info,
    tree.Warning,
    tree.Success,
    tree.Error,
    tree.Text,
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("georgian") / "demo.duckdb"
    with Store(path) as store:
        assert load_demo_if_empty(store)
        words = data_words(store, LINE_WORDS, ("file_name", "loaded_by"))
        top = store.query_rows("SELECT client_id FROM clients ORDER BY client_id LIMIT 1")[0][0]
    return path, words, top


LINE_WORDS = ("client_id", "client_name", "manager", "region", "segment", "loss_reason")


def data_words(store, line_columns, upload_columns) -> list[str]:
    """The data's own values a page may show (of these columns of ``lines`` and ``uploads``), longest
    first, so that ``english_left`` removes a whole name before any word inside it."""
    words = set()
    for table, columns in (("lines", line_columns), ("uploads", upload_columns)):
        for column in columns:
            rows = store.query_rows(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL")
            words.update(str(value) for (value,) in rows)
    return sorted(words, key=len, reverse=True)


def visible_texts(at) -> list[str]:
    """Every string a person reads on the page (not the data inside tables and charts)."""
    found = []

    def walk(node):
        if isinstance(node, TEXT_ELEMENTS):
            found.append(str(node.value))
        elif isinstance(node, tree.Metric):
            found.extend([node.label, str(node.value), str(node.proto.delta or ""), node.proto.help])
        elif isinstance(node, tree.Dataframe):
            found.extend(column_headers(node))
        elif isinstance(node, (tree.Tab, tree.Expander)):
            found.append(node.label)
        elif isinstance(node, tree.Element):
            proto = node.proto
            for field in ("label", "help", "placeholder"):
                value = getattr(proto, field, None)
                if isinstance(value, str):
                    found.append(value)
            options = getattr(proto, "options", None)
            if options is not None and not isinstance(options, str):
                found.extend(o if isinstance(o, str) else getattr(o, "content", "") for o in options)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return [text for text in found if text]


def column_headers(table) -> list[str]:
    """A table's column headers as shown: the configured label, else the column's own name."""
    config = json.loads(table.proto.columns or "{}")
    frame = table.value
    headers = []
    for position, name in enumerate(frame.columns):
        column = config.get(f"col:{name}") or config.get(str(name)) or config.get(f"index:{position}") or {}
        if column.get("hidden"):
            continue
        headers.append(str(column.get("label") or name))
    return headers


def english_left(text: str, data_words: list[str]) -> list[str]:
    for word in data_words:
        text = text.replace(word, " ")
    text = re.sub(r"https?://\S+|:material/\w+:|`[^`]*`|\.(?:csv|gz|zip|xlsx|xls)\b", " ", text)
    return [w for w in LATIN_WORD.findall(text) if w not in ACCEPTED and not CELL_CODE.match(w)]


@pytest.mark.parametrize("page, query", VIEWS)
def test_every_page_reads_in_georgian_only(demo, page, query):
    path, data_words, client = demo
    at = open_page(
        path, page, lang="ka", query={**query, **({"client": client} if page == "dossier" else {})}, timeout=120
    )
    assert not at.exception, [e.value for e in at.exception]
    texts = visible_texts(at)
    assert texts, "nothing was drawn"
    keys = [text for text in texts if text in CATALOGUE]
    assert not keys, f"untranslated keys on {page}: {keys}"
    english = {text: words for text in texts if (words := english_left(text, data_words))}
    assert not english, f"English on the Georgian {page} page: {english}"


@pytest.mark.parametrize("page, query", VIEWS)
def test_every_page_reads_in_english_only(demo, page, query):
    path, data_words, client = demo
    at = open_page(
        path, page, lang="en", query={**query, **({"client": client} if page == "dossier" else {})}, timeout=120
    )
    assert not at.exception, [e.value for e in at.exception]
    texts = visible_texts(at)
    georgian = [text for text in texts if re.search("[\u10a0-\u10ff]", text)]
    assert not georgian, f"Georgian on the English {page} page: {georgian}"
    unreadable = [text for text in texts if re.search(r"\bNone\b|\bnan\b|-0\.0+\b", text)]
    assert not unreadable, f"an empty value shown as such on {page}: {unreadable}"
