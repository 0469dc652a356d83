"""Results are shared between sessions (``pages.ui.compute`` keeps the objects themselves): a page
must only read them. Every main page is drawn in both languages, with its cached results reused,
and each result must read the same afterwards as when it was computed."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import pages.ui
from tests.pagetest import open_page

PAGES = ("overview", "grid", "concentration", "churn", "winback", "managers", "dossier")


def fingerprint(value, depth: int = 0):
    """What a result holds, as plain values: frames by their hashed rows, index and columns."""
    if isinstance(value, pd.DataFrame):
        return ("frame", tuple(map(str, value.columns)), int(pd.util.hash_pandas_object(value, index=True).sum()))
    if isinstance(value, pd.Series):
        return ("series", str(value.name), int(pd.util.hash_pandas_object(value, index=True).sum()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type) and depth < 4:
        return tuple((f.name, fingerprint(getattr(value, f.name), depth + 1)) for f in dataclasses.fields(value))
    if isinstance(value, dict) and depth < 4:
        return tuple(sorted((str(k), fingerprint(v, depth + 1)) for k, v in value.items()))
    if isinstance(value, list | tuple) and depth < 4:
        return tuple(fingerprint(v, depth + 1) for v in value)
    return repr(value)


@pytest.mark.parametrize("page", PAGES)
def test_a_page_leaves_the_shared_results_as_they_were(demo_db, page, monkeypatch):
    computed = []
    original = pages.ui.compute

    def recording(function, params):
        result = original(function, params)
        computed.append((function.__name__, result, fingerprint(result)))
        return result

    monkeypatch.setattr(pages.ui, "compute", recording)
    pages.ui._compute.clear()
    at = open_page(demo_db, page)
    assert not at.exception
    at.query_params["lang"] = "ქართული"
    at.run()  # drawn again in Georgian from the same shared objects
    assert not at.exception
    assert computed, f"the {page} page computed nothing through ui.compute"
    changed = [name for name, result, before in computed if fingerprint(result) != before]
    assert not changed, f"the {page} page changed shared results in place: {changed}"
