"""The derived tables a change refreshes for the clients it touched equal a full rebuild from the lines.

``core.store`` refreshes ``daily``, ``client_months``, ``clients`` and ``client_days`` only for
the (client, day) and (client, month) pairs and clients an upload, a delete or an overlap replace
touched (``touch_lines``). These tests run such changes one after another, on
hand-made lines and on the real files, and after each one compare every
derived table with the same table rebuilt from every line
(``refresh_derived`` without ``touched``), then check the views on top of
them against the views of a store loaded from scratch.

A client with two managers (regions, segments, names) on its latest day with one
takes the first alphabetically, as the managers' pages read it, on either path.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

import core.grid
import core.periods
from core.analysis import Filters
from core.churn import ChurnParams, churn
from core.concentration import ConcentrationParams, concentration
from core.grid import GridParams, abcxyz, migration
from core.managers import manager_of
from core.store import Store, add_upload, refresh_derived
from core.tags import set_kind

D = date.fromisoformat
DERIVED = {
    "daily": "client_id, date, manager, region, segment",
    "clients": "client_id",
    "client_days": "client_id, date",
    "client_months": "client_id, month",
}


def snapshot(store: Store) -> dict[str, pd.DataFrame]:
    """Every derived table, sorted by its key, plus the client_days and client_months stamps."""
    tables = {name: store.query(f"SELECT * FROM {name} ORDER BY {key}") for name, key in DERIVED.items()}
    for stamp in ("client_days_built", "client_months_built"):
        tables[stamp] = store.query(f"SELECT * FROM {stamp}")
    return tables


def rebuilt(store: Store) -> dict[str, pd.DataFrame]:
    """The derived tables as a full rebuild from every line makes them (the store keeps the rebuild)."""
    store.write(lambda cur: refresh_derived(cur))
    return snapshot(store)


def assert_same(incremental: dict, full: dict) -> None:
    for name in full:
        pd.testing.assert_frame_equal(incremental[name], full[name], check_exact=True, obj=name)


def frame(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["client_id", "date", "amount", "margin", "manager", "region", "segment"])


def upload(store, rows, source="s", name="f.csv", **kwargs) -> dict:
    return add_upload(store, frame(rows), file_name=name, sha256=name, source_key=source, **kwargs)


JANUARY = [
    ("A", "2024-01-02", 10.0, 1.0, "Ann", "North", "Retail"),
    ("A", "2024-01-02", 5.5, None, "Ann", "North", "Retail"),
    ("A", "2024-01-20", 7.0, 2.0, "Ann", "North", "Retail"),
    ("B", "2024-01-05", 100.0, 30.0, "Bob", "South", "Trade"),
    ("C", "2024-01-09", 3.0, None, None, "East", None),
]
FEBRUARY = [
    ("A", "2024-02-03", 4.0, 1.0, "Bob", "North", "Retail"),  # A changes manager
    ("B", "2024-02-05", -100.0, -30.0, "Bob", "South", "Trade"),  # B's purchases and returns cancel out
    ("D", "2024-02-10", 50.0, 5.0, "Cid", "West", "Trade"),
    ("C", "2024-01-09", 2.0, 1.0, None, "East", None),  # a second line on a day C already bought
]
# Same source as FEBRUARY, dated 2024-02-01 … 2024-02-28: replaces its lines.
FEBRUARY_AGAIN = [
    ("A", "2024-02-03", 6.0, 1.5, "Bob", "North", "Retail"),
    ("E", "2024-02-28", 9.0, None, "Ann", "West", "Retail"),
]
LATER = [
    ("A", "2025-01-25", 1.0, 0.5, "Ann", "North", "Retail"),
    ("E", "2024-11-01", 20.0, 2.0, "Ann", "West", "Retail"),
]


def test_each_change_refreshes_exactly_what_a_full_rebuild_gives(store):
    upload(store, JANUARY, source="jan", name="jan.csv")
    assert_same(snapshot(store), rebuilt(store))
    february = upload(store, FEBRUARY, source="feb", name="feb.csv")
    assert_same(snapshot(store), rebuilt(store))
    later = upload(store, LATER, source="later", name="later.csv")
    assert_same(snapshot(store), rebuilt(store))
    replaced = upload(store, FEBRUARY_AGAIN, source="feb", name="feb2.csv", replace_overlap=True)
    assert replaced["replaced_rows"] == 3  # the C line of 2024-01-09 is outside February's range
    assert_same(snapshot(store), rebuilt(store))
    store.delete_upload(later["upload_id"])
    assert_same(snapshot(store), rebuilt(store))
    store.delete_upload(february["upload_id"])
    assert_same(snapshot(store), rebuilt(store))
    # What is left, by hand: January and FEBRUARY_AGAIN (C's second line went with its upload).
    assert store.query_rows("SELECT client_id, revenue, margin, first_date, last_date FROM clients ORDER BY 1") == [
        ("A", 28.5, 4.5, D("2024-01-02"), D("2024-02-03")),
        ("B", 100.0, 30.0, D("2024-01-05"), D("2024-01-05")),
        ("C", 3.0, None, D("2024-01-09"), D("2024-01-09")),
        ("E", 9.0, None, D("2024-02-28"), D("2024-02-28")),
    ]


def test_a_client_that_only_gained_later_days_is_carried_forward_as_a_rebuild_would_make_it(store):
    # The touched refresh carries a clients row forward (and reads its last stored day as the day
    # before) when every touched day is later than the client's stored last date; the others are
    # grouped again. Each case below is held to the full rebuild, and the carried figures by hand.
    upload(
        store,
        [
            ("keeps", "2024-01-10", 10.0, 2.0, "Ann", "North", "Retail"),
            ("margins", "2024-01-10", 10.0, None, "Ann", "North", "Retail"),
            ("gap", "2022-03-01", 8.0, 1.0, "Bob", "South", "Trade"),
            ("same_day", "2024-01-10", 4.0, 1.0, "Bob", "South", "Trade"),
        ],
        source="one",
        name="one.csv",
    )
    upload(
        store,
        [
            ("keeps", "2024-02-10", 5.0, None, None, None, None),  # no manager, region, segment, margin
            ("margins", "2024-02-10", 3.0, 1.5, "Cid", "West", None),  # the first margin it ever had
            ("gap", "2024-03-05", 2.0, None, "Bob", "South", "Trade"),  # back after two years
            ("same_day", "2024-01-10", 6.0, None, "Dan", "South", "Trade"),  # its last stored day again
            ("new", "2024-02-11", 7.0, 0.5, "Eve", "East", "Trade"),
        ],
        source="two",
        name="two.csv",
    )
    assert_same(snapshot(store), rebuilt(store))
    rows = {
        r[0]: r[1:]
        for r in store.query_rows(
            "SELECT client_id, manager, region, segment, first_date, last_date, revenue, margin FROM clients"
        )
    }
    assert rows["keeps"] == ("Ann", "North", "Retail", D("2024-01-10"), D("2024-02-10"), 15.0, 2.0)
    assert rows["margins"] == ("Cid", "West", "Retail", D("2024-01-10"), D("2024-02-10"), 13.0, 1.5)
    assert rows["gap"][3:] == (D("2022-03-01"), D("2024-03-05"), 10.0, 1.0)
    assert rows["new"] == ("Eve", "East", "Trade", D("2024-02-11"), D("2024-02-11"), 7.0, 0.5)
    days = store.query_rows(
        "SELECT date, previous_date, next_date, revenue_365 FROM client_days WHERE client_id = 'gap' ORDER BY date"
    )
    # the day before the return lies more than a year back: still its previous day, outside its year
    assert days == [(D("2022-03-01"), None, D("2024-03-05"), 8.0), (D("2024-03-05"), D("2022-03-01"), None, 2.0)]
    store.delete_upload(store.scalar("SELECT max(upload_id) FROM uploads"))
    assert_same(snapshot(store), rebuilt(store))


def test_two_managers_on_the_latest_day_give_the_first_alphabetically_on_either_path(store):
    upload(
        store,
        [
            ("A", "2024-01-10", 1.0, None, "Zed", "West", "Trade"),
            ("A", "2024-01-10", 2.0, None, "Ann", "North", "Retail"),
            ("A", "2024-01-03", 2.0, None, "Bob", "East", "Trade"),
        ],
        source="one",
        name="one.csv",
    )
    assert store.query_rows("SELECT manager, region, segment FROM clients") == [("Ann", "North", "Retail")]
    assert manager_of(store, "A") == "Ann"
    # a later export with a tie of its own, on the carried-forward path
    upload(
        store,
        [("A", "2024-02-01", 1.0, None, "Yul", "South", None), ("A", "2024-02-01", 1.0, None, "Cid", "West", None)],
        source="two",
        name="two.csv",
    )
    assert store.query_rows("SELECT manager, region, segment FROM clients") == [("Cid", "South", "Retail")]
    assert manager_of(store, "A") == "Cid"
    assert_same(snapshot(store), rebuilt(store))


def test_a_tag_or_a_status_recorded_keeps_the_grids_and_an_upload_does_not(store, monkeypatch):
    # The grid's kept figures follow the lines (Store.lines_version): recording a tag leaves them,
    # and with them every client's former cell, unless a kind filter makes the tags count.
    upload(store, JANUARY, source="jan", name="jan.csv")
    computed = []
    original = core.periods._read  # every client's periods read from the lines
    monkeypatch.setattr(core.periods, "_read", lambda *a: computed.append(a[1]) or original(*a))
    by_kind = GridParams(filters=Filters(kind=("expert",)))
    before = abcxyz(store, GridParams()).clients
    assert len(computed) == 1
    version, lines = store.version(), store.lines_version()
    set_kind(store, "A", "expert")
    assert store.version() > version and store.lines_version() == lines
    pd.testing.assert_frame_equal(abcxyz(store, GridParams()).clients, before)
    assert len(computed) == 1  # kept
    assert abcxyz(store, by_kind).clients["client_id"].tolist() == ["A"]
    set_kind(store, "B", "expert")
    assert sorted(abcxyz(store, by_kind).clients["client_id"]) == ["A", "B"]  # computed again: the tag counts
    assert len(computed) == 3
    abcxyz(store, GridParams())
    assert len(computed) == 3
    upload(store, LATER, source="later", name="later.csv")
    assert store.lines_version() == store.version() == store.churn_version()
    after = abcxyz(store, GridParams()).clients
    assert len(computed) == 4 and set(after["client_id"]) == {"A", "E"}


def test_the_refresh_touches_only_the_changed_clients(store):
    upload(store, JANUARY, source="jan", name="jan.csv")
    # Tamper with B's derived rows: a refresh of the touched clients leaves them alone,
    # so the tampering shows afterwards, and a full rebuild repairs it.
    store.write(lambda cur: cur.execute("UPDATE clients SET revenue = 1 WHERE client_id = 'B'"))
    upload(store, [("A", "2024-03-01", 1.0, None, "Ann", "North", "Retail")], source="mar", name="mar.csv")
    assert store.scalar("SELECT revenue FROM clients WHERE client_id = 'B'") == 1
    assert store.scalar("SELECT revenue FROM clients WHERE client_id = 'A'") == 23.5
    rebuilt(store)
    assert store.scalar("SELECT revenue FROM clients WHERE client_id = 'B'") == 100


def test_a_store_whose_derived_tables_lag_its_lines_is_rebuilt_whole(store):
    upload(store, JANUARY, source="jan", name="jan.csv")
    # An older program wrote lines without refreshing: the stamp no longer matches.
    store.write(lambda cur: cur.execute("DELETE FROM client_days_built"))
    store.write(lambda cur: cur.execute("DELETE FROM client_days WHERE client_id = 'B'"))
    upload(store, [("A", "2024-03-01", 1.0, None, "Ann", "North", "Retail")], source="mar", name="mar.csv")
    assert store.scalar("SELECT count(*) FROM client_days WHERE client_id = 'B'") == 1
    assert_same(snapshot(store), rebuilt(store))


def test_client_months_serves_the_grid_only_where_it_holds_the_same_days(store):
    from core.grid import _reads_months

    upload(store, JANUARY + FEBRUARY + LATER, source="all", name="all.csv")
    last = D("2025-01-25")
    assert _reads_months(store, GridParams(), [last])
    assert _reads_months(store, GridParams(period="quarter"), [last])
    assert _reads_months(store, GridParams(filters=Filters(date_to=last)), [D("2024-11-01"), last])
    assert not _reads_months(store, GridParams(filters=Filters(date_to=D("2025-01-24"))), [last])
    assert not _reads_months(store, GridParams(period="week"), [last])
    assert not _reads_months(store, GridParams(filters=Filters(region=("North",))), [last])
    assert not _reads_months(store, GridParams(filters=Filters(date_from=D("2024-01-02"))), [last])
    # By hand: A bought 10 + 5.5 + 7 in January 2024 (last on the 20th), 4 in February.
    months = "SELECT month, revenue, margin, last_date FROM client_months WHERE client_id = 'A' ORDER BY 1"
    assert store.query_rows(months) == [
        (D("2024-01-01"), 22.5, 3.0, D("2024-01-20")),
        (D("2024-02-01"), 4.0, 1.0, D("2024-02-03")),
        (D("2025-01-01"), 1.0, 0.5, D("2025-01-25")),
    ]


def test_a_store_made_before_client_months_reads_the_days_until_its_next_change(store):
    from core.grid import _reads_months

    upload(store, JANUARY + FEBRUARY, source="all", name="all.csv")
    expected = abcxyz(store, GridParams(window=2)).clients
    # What a store made by older code looks like: the table created empty at open, no stamp.
    store.write(lambda cur: cur.execute("DELETE FROM client_months; DELETE FROM client_months_built"))
    assert not _reads_months(store, GridParams(), [D("2024-02-10")])
    core.periods._PERIODS.clear()
    core.grid._CLASSIFIED.clear()
    pd.testing.assert_frame_equal(abcxyz(store, GridParams(window=2)).clients, expected)
    # Its next change rebuilds every derived table, stamps included.
    upload(store, [("A", "2024-03-01", 1.0, None, "Ann", "North", "Retail")], source="mar", name="mar.csv")
    assert _reads_months(store, GridParams(), [D("2024-03-01")])
    assert_same(snapshot(store), rebuilt(store))


def test_a_failed_change_leaves_no_mark_behind(store):
    upload(store, JANUARY, source="jan", name="jan.csv")

    def broken(cur):
        raise RuntimeError("disk full")  # after the new lines were stored and marked

    with pytest.raises(RuntimeError):
        upload(store, [("Z", "2024-05-01", 1.0, None, None, None, None)], source="bad", name="bad.csv", also=broken)
    assert store.scalar("SELECT count(*) FROM clients WHERE client_id = 'Z'") == 0
    upload(store, FEBRUARY, source="feb", name="feb.csv")
    assert store.scalar("SELECT count(*) FROM clients WHERE client_id = 'Z'") == 0
    assert_same(snapshot(store), rebuilt(store))


def _views(store: Store, as_of: date, margin: bool) -> list:
    """The figures of every view over the derived tables, for a few filters and both bases."""
    bases = ("revenue", "margin") if margin else ("revenue",)
    regions = store.query_rows("SELECT DISTINCT region FROM clients WHERE region IS NOT NULL ORDER BY 1 LIMIT 1")
    filter_sets = [Filters(), Filters(date_from=date(as_of.year - 1, 1, 1), date_to=as_of)]
    if regions:
        filter_sets.append(Filters(region=(regions[0][0],)))
    figures = []
    for basis in bases:
        for filters in filter_sets:
            grid = GridParams(basis=basis, as_of=as_of, filters=filters)
            figures.append(abcxyz(store, grid).clients)
            figures.append(migration(store, grid).transitions)
            figures.append(concentration(store, ConcentrationParams(basis=basis, as_of=as_of, filters=filters)).trend)
            result = churn(store, ChurnParams(lost_days=90, as_of=as_of, basis=basis, filters=filters))
            figures.extend([result.periods, result.lost, result.at_risk])
    return figures


@pytest.mark.parametrize("name", ["superstore", "cdnow_master"])
def test_uploads_deletes_and_replaces_on_the_real_files(tmp_path, real_dir, name):
    """The real file in three uploads, one replaced, one deleted and loaded again: same tables and views."""
    from tests.realdata import load_cdnow, load_superstore

    loader = load_superstore if name == "superstore" else load_cdnow
    with Store(tmp_path / "whole.duckdb") as whole:
        loader(whole, real_dir)
        lines = whole.query("SELECT * EXCLUDE (upload_id) FROM lines ORDER BY row_number")
        reference = snapshot(whole)
        as_of = whole.scalar("SELECT max(date) FROM lines")
        margin = whole.has_margin()
        expected_views = _views(whole, as_of, margin)

    days = sorted(lines["date"].unique())
    first_cut, second_cut = days[len(days) // 3], days[2 * len(days) // 3]
    early = lines[lines["date"] < first_cut]
    middle = lines[(lines["date"] >= first_cut) & (lines["date"] < second_cut)]
    late = lines[lines["date"] >= second_cut]
    with Store(tmp_path / "steps.duckdb") as steps:
        add_upload(steps, early, file_name="early", sha256="early", source_key="early")
        wrong = middle.assign(amount=middle["amount"] * 2)
        add_upload(steps, wrong, file_name="wrong", sha256="wrong", source_key="middle")
        late_id = add_upload(steps, late, file_name="late", sha256="late", source_key="late")["upload_id"]
        assert_same(snapshot(steps), rebuilt(steps))
        # The middle export sent again, right this time: it replaces the wrong lines.
        add_upload(steps, middle, file_name="middle", sha256="middle", source_key="middle", replace_overlap=True)
        steps.delete_upload(late_id)
        assert_same(snapshot(steps), rebuilt(steps))
        add_upload(steps, late, file_name="late again", sha256="late2", source_key="late")
        got = snapshot(steps)
        assert_same(got, rebuilt(steps))
        for table in DERIVED:
            pd.testing.assert_frame_equal(got[table], reference[table], check_exact=False, rtol=1e-12, obj=table)
        for fast, slow in zip(_views(steps, as_of, margin), expected_views, strict=True):
            pd.testing.assert_frame_equal(fast, slow, check_exact=False, rtol=1e-9, atol=1e-9)


# -- the grid's kept per-client figures ------------------------------------------------------


def _direct_former(store, params, wanted: pd.DataFrame) -> dict:
    """former_cells the direct way: one query over daily, XYZ only for the asked clients."""
    from core.grid import _grid_frame, _period_starts

    known = wanted.dropna(subset=["last_purchase"]).copy()
    known["last_purchase"] = pd.to_datetime(known["last_purchase"]).dt.date
    # Each period's latest day with a line (these cases have no filters).
    latest = dict(
        store.query_rows(f"SELECT CAST(date_trunc('{params.period}', date) AS DATE), max(date) FROM daily GROUP BY 1")
    )
    known["as_of"] = [latest[p.date()] for p in _period_starts(known["last_purchase"], params.period)]
    frame = _grid_frame(store, params, sorted(set(known["as_of"])), known[["as_of", "client_id"]])
    found = known.merge(frame[["as_of", "client_id", "cell"]], on=["as_of", "client_id"], how="left")
    return {c: (None if pd.isna(cell) else cell) for c, cell in zip(found["client_id"], found["cell"], strict=True)}


def _grid_cases(store) -> list:
    from core.grid import GridParams

    regions = [r[0] for r in store.query_rows("SELECT DISTINCT region FROM clients WHERE region IS NOT NULL")]
    margin = store.has_margin()
    cases = [
        GridParams(),
        GridParams(a=60, b=90, x=40, y=80),
        GridParams(period="quarter", window=8, xyz="frequency"),
        GridParams(period="week", window=26, xyz="frequency", x=50, y=20),
        GridParams(filters=Filters(date_from=store.scalar("SELECT min(date) + 200 FROM daily"))),
        # an end date leaves client_months to serve the whole periods before it
        GridParams(window=6, filters=Filters(date_to=store.scalar("SELECT max(date) - 40 FROM daily"))),
        # an as-of date inside its period: the later lines of that period left out
        GridParams(window=5, as_of=store.scalar("SELECT max(date) - 10 FROM daily")),
    ]
    if regions:
        cases.append(GridParams(filters=Filters(region=(sorted(regions)[0],))))
    if margin:
        cases.append(GridParams(basis="margin", a=70))
    return cases


def _few_asked_agree(store, params, direct: pd.DataFrame) -> None:
    """A few asked clients, ranked by counting the clients above them, rank as the sort over every client does."""
    from core.grid import FEW_ASKED, _grid_frame

    step = max(1, len(direct) // 20)
    picked = direct.iloc[::step].head(FEW_ASKED)[["as_of", "client_id"]]
    few = _grid_frame(store, params, sorted(set(picked["as_of"])), picked)
    expected = direct[direct["client_id"].isin(set(picked["client_id"]))].reset_index(drop=True)
    pd.testing.assert_frame_equal(few, expected)


def test_a_few_asked_clients_rank_as_everyone_sorted_does(store):
    from core.grid import GridParams, _grid_frame

    # equal totals (T1, T2 and T3 tie: the tie goes by client id), a zero and a negative basis
    rows = [
        (c, f"2024-0{m}-10", amount, None, None, None, None)
        for m in (1, 2, 3)
        for c, amount in (("T2", 30.0), ("T1", 30.0), ("T3", 30.0), ("BIG", 200.0), ("ZERO", 0.0), ("NEG", -5.0))
    ]
    upload(store, rows)
    params = GridParams(window=3, a=50, b=80)
    everyone = _grid_frame(store, params, [D("2024-03-31")])
    assert everyone["client_id"].tolist() == ["BIG", "T1", "T2", "T3", "ZERO", "NEG"]
    # positive total 870: before T1 600 (69 %, B), before T2 690 (79.3 %, B), before T3 780 (89.7 %, C)
    assert everyone["abc"].tolist() == ["A", "B", "B", "C", "C", "C"]
    for client in everyone["client_id"]:
        one = _grid_frame(
            store, params, [D("2024-03-31")], pd.DataFrame({"as_of": [D("2024-03-31")], "client_id": [client]})
        )
        pd.testing.assert_frame_equal(one, everyone[everyone["client_id"] == client].reset_index(drop=True))


def _rolling_agrees(store, monkeypatch, params, client_ids, as_of: date, count: int) -> int:
    """A client's cells at the ends of consecutive periods (the dossier's cell over time), ranked
    from every client's window sums in the kept periods, equal the direct query's for each of
    ``client_ids``, and the same with the kept periods read from the days alone."""
    from core.dossier import period_ends
    from core.grid import _kept_closes, cells_over_time

    dates = period_ends(as_of, params.period, count)
    assert _kept_closes(dates, params.period)
    shown = 0
    for client in client_ids:
        fast = cells_over_time(store, params, client, dates)
        with monkeypatch.context() as direct_only:
            direct_only.setattr(core.grid, "_kept_closes", lambda *_: False)
            direct = cells_over_time(store, params, client, dates)
        pd.testing.assert_frame_equal(fast, direct, check_exact=True)
        with monkeypatch.context() as days_only:  # every period from the days, none from client_months
            days_only.setattr(core.periods, "months_cover", lambda *_: False)
            core.periods._PERIODS.clear()
            pd.testing.assert_frame_equal(fast, cells_over_time(store, params, client, dates), check_exact=True)
        core.periods._PERIODS.clear()
        shown += int(fast["in_grid"].sum())
    return shown


def test_a_clients_cells_over_closing_periods_rank_as_the_direct_query_does(store, monkeypatch):
    from core.grid import GridParams, _kept_closes

    # T1-T3 tie in every window (by client id), ZERO and NEG have no share, LATE starts in
    # March, GAP buys in January and April only, AFTER buys after the as-of date too.
    # Only BIG and T1 carry a margin: on the margin basis the others have lines and no basis.
    margins = {"BIG": 20.0, "T1": 3.0}
    rows = [
        (c, f"2024-{m:02d}-{d:02d}", amount, margins.get(c), None, region, None)
        for m in range(1, 7)
        for d in (3, 17)
        for c, amount, region in (("T2", 30.0, "N"), ("T1", 30.0, "S"), ("T3", 30.0, "N"), ("BIG", 200.0 + m, "S"))
    ]
    rows += [("ZERO", f"2024-{m:02d}-05", 0.0, None, None, "N", None) for m in range(1, 7)]
    rows += [("NEG", f"2024-{m:02d}-05", -5.0, None, None, "S", None) for m in range(1, 7)]
    rows += [("LATE", f"2024-{m:02d}-20", 500.0, None, None, "N", None) for m in range(3, 7)]
    rows += [("GAP", "2024-01-09", 90.0, None, None, "N", None), ("GAP", "2024-04-09", 90.0, None, None, "N", None)]
    rows += [
        ("AFTER", "2024-05-02", 60.0, None, None, "S", None),
        ("AFTER", "2024-06-29", 999.0, None, None, "S", None),
    ]
    upload(store, rows)
    clients = ["T1", "T2", "T3", "BIG", "ZERO", "NEG", "LATE", "GAP", "AFTER", "NOBODY"]
    as_of = D("2024-06-20")
    shown = 0
    for params in (
        GridParams(window=3, a=50, b=80),
        GridParams(window=1),
        GridParams(window=2, xyz="frequency", x=60, y=30),
        GridParams(period="quarter", window=1),
        GridParams(period="week", window=4),
        GridParams(window=3, filters=Filters(region=("N",))),
        GridParams(basis="margin", window=2),
    ):
        shown += _rolling_agrees(store, monkeypatch, params, clients, as_of, 5 if params.period != "quarter" else 2)
    assert shown > 150
    # Dates closing their periods before the last one's come from the kept periods of the last;
    # a date inside an earlier period takes the direct query.
    assert _kept_closes([as_of], "month")
    assert not _kept_closes([D("2024-05-30"), as_of], "month")
    assert _kept_closes([D("2024-04-30"), as_of], "month")
    assert _kept_closes([D("2024-05-31"), as_of], "month")
    assert not _kept_closes([D("2024-06-30"), as_of], "month")


def _classified_grid(store, params: GridParams) -> pd.DataFrame:
    """The grid's clients summed from the kept periods, read afresh (none kept from an earlier call)."""
    core.grid._CLASSIFIED.clear()
    return abcxyz(store, params).clients


def test_the_rolling_windows_months_from_client_months_equal_the_days(store, monkeypatch):
    """The concentration trend's (the grid's, the dossier's) client-periods read from client_months for
    months equal those summed from the days: the as-of month from its days up to the as-of date
    (a line later in that month left out), no month before the earliest window, clients left out."""
    from core.analysis import months_cover
    from core.concentration import concentration_trend

    rows = [
        (c, f"2024-{m:02d}-{d:02d}", amount * m, margin, None, "N", None)
        for m in range(1, 8)
        for d in (1, 15, 28)
        for c, amount, margin in (("T1", 30.0, 3.0), ("T2", 30.0, 3.0), ("BIG", 200.0, None), ("NEG", -5.0, -1.0))
    ]
    rows += [("ZERO", "2024-03-10", 40.0, 4.0, None, "N", None), ("ZERO", "2024-03-11", -40.0, -4.0, None, "N", None)]
    rows += [("ONLY", "2024-07-02", 70.0, 7.0, None, "N", None), ("LATE", "2024-07-29", 900.0, 90.0, None, "N", None)]
    rows += [("T2", "2024-06-30", 11.0, 1.0, None, "N", None)]  # the last day before the as-of month
    upload(store, rows)
    as_of = D("2024-07-20")  # LATE's line is in the as-of month, after the as-of date
    assert months_cover(store, Filters(), [as_of])
    compared = 0
    for params in (
        ConcentrationParams(window=1, as_of=as_of),
        ConcentrationParams(window=2, as_of=as_of, top=1, target=80),
        ConcentrationParams(window=3, as_of=as_of, basis="margin"),
        ConcentrationParams(window=3, as_of=as_of, without=("BIG",)),
        ConcentrationParams(window=2, filters=Filters(date_to=D("2024-07-31"))),
        ConcentrationParams(window=4, as_of=D("2024-05-31")),
    ):
        grid_params = GridParams(basis=params.basis, window=params.window, as_of=params.as_of, filters=params.filters)
        kept, grid = concentration_trend(store, params), _classified_grid(store, grid_params)
        with monkeypatch.context() as days_only:
            days_only.setattr(core.periods, "months_cover", lambda *_: False)
            core.periods._PERIODS.clear()  # else the periods read from client_months answer again
            pd.testing.assert_frame_equal(kept, concentration_trend(store, params), check_exact=True)
            pd.testing.assert_frame_equal(grid, _classified_grid(store, grid_params), check_exact=True)
        core.periods._PERIODS.clear()
        compared += len(kept) + len(grid)
    assert compared > 40
    # By hand, the last window of one month at 2024-07-20: T1 and T2 bought 210 on the 1st and
    # the 15th (420 each), BIG 2,800, ONLY 70, NEG -70 (no share), LATE nothing yet.
    last = concentration_trend(store, ConcentrationParams(window=1, as_of=as_of)).iloc[-1]
    assert last["clients"] == 4
    assert last["total"] == pytest.approx(420 + 420 + 2800 + 70)


def _from_days(store, params, as_of_dates) -> pd.DataFrame:
    """The direct query with every period summed from the filtered days, never from client_months."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(core.grid, "_reads_months", lambda *_: False)
        return core.grid._grid_frame(store, params, as_of_dates)


def _grid_paths_agree(store) -> int:
    """Every case: the kept-figures grid equals the direct query, twice (the second from memory),
    and the direct query equals the same query over the days alone (no client_months).
    The default grid reads client_months, so that comparison is not empty."""
    from core.grid import _classified, _grid_frame, _reads_months, abcxyz, migration

    compared = 0
    for params in _grid_cases(store):
        as_of = abcxyz(store, params).params.as_of
        direct = _grid_frame(store, params, [as_of])
        pd.testing.assert_frame_equal(direct, _from_days(store, params, [as_of]))
        for _ in range(2):
            pd.testing.assert_frame_equal(_classified(store, params, [as_of]), direct)
        _few_asked_agree(store, params, direct)
        moved = migration(store, params)
        both = _grid_frame(store, params, [moved.previous_as_of, as_of])
        pd.testing.assert_frame_equal(both, _from_days(store, params, [moved.previous_as_of, as_of]))
        pd.testing.assert_frame_equal(_classified(store, params, [moved.previous_as_of, as_of]), both)
        _migration_agrees(moved, both[both["as_of"] == moved.previous_as_of], both[both["as_of"] == as_of])
        # the earlier grid kept from a grid of its own (other kept periods): matched by id, the same
        core.grid._CLASSIFIED.clear()
        abcxyz(store, replace(params, as_of=moved.previous_as_of))
        _migration_agrees(
            migration(store, params), both[both["as_of"] == moved.previous_as_of], both[both["as_of"] == as_of]
        )
        compared += len(direct)
    assert _reads_months(store, GridParams(), [store.scalar("SELECT max(date) FROM daily")])
    return compared


def _migration_agrees(moved, then: pd.DataFrame, now: pd.DataFrame) -> None:
    """The migration equals an outer join of the two direct grids: the count of every (label then,
    label now) pair, and the slipped clients in order."""
    joined = then.merge(now, on="client_id", how="outer", suffixes=("_then", "_now"), indicator=True)
    label_then = joined["cell_then"].astype(object).where(joined["cell_then"].notna(), "too_new")
    label_now = joined["cell_now"].astype(object).where(joined["cell_now"].notna(), "too_new")
    label_then[joined["_merge"] == "right_only"] = "new"
    label_now[joined["_merge"] == "left_only"] = "gone"
    expected = pd.crosstab(label_then, label_now)
    for then_label in expected.index:
        for now_label in expected.columns:
            assert moved.transitions.loc[then_label, now_label] == expected.loc[then_label, now_label]
    assert moved.transitions.to_numpy().sum() == len(joined)
    slipped = joined[
        (joined["_merge"] == "both")
        & (
            ((joined["abc_then"] == "A") & joined["abc_now"].isin(["B", "C"]))
            | (joined["xyz_then"].isin(["X", "Y"]) & (joined["xyz_now"] == "Z"))
        )
    ].sort_values(["basis_then", "client_id"], ascending=[False, True])
    assert moved.slipped["client_id"].tolist() == slipped["client_id"].tolist()
    assert moved.slipped["basis_now"].tolist() == pytest.approx(slipped["basis_now"].tolist())


def test_kept_grid_figures_equal_the_direct_query_and_follow_uploads(store):
    from core.grid import GridParams, abcxyz

    upload(store, JANUARY + FEBRUARY + LATER, source="all", name="all.csv")
    assert _grid_paths_agree(store) > 0
    before = abcxyz(store, GridParams()).clients.set_index("client_id")["basis"]
    # A new upload (inside the window, as-of date unchanged) changes the data version:
    # nothing is answered from the old figures.
    upload(store, [("A", "2024-12-20", 1000.0, 1.0, "Ann", "North", "Retail")], source="more", name="more.csv")
    after = abcxyz(store, GridParams()).clients.set_index("client_id")["basis"]
    assert after["A"] == before["A"] + 1000
    assert _grid_paths_agree(store) > 0


@pytest.mark.parametrize("name", ["superstore", "cdnow_master"])
def test_kept_grid_figures_equal_the_direct_query_on_the_real_files(real_stores, name, monkeypatch):
    from core.grid import GridParams, former_cells

    store = real_stores[name]
    assert _grid_paths_agree(store) > 1000
    biggest = [r[0] for r in store.query_rows("SELECT client_id FROM clients ORDER BY revenue DESC, client_id LIMIT 3")]
    smallest = [r[0] for r in store.query_rows("SELECT client_id FROM clients ORDER BY revenue, client_id LIMIT 2")]
    last = store.scalar("SELECT max(date) FROM daily")
    for params in (GridParams(), GridParams(period="quarter", window=4, xyz="frequency")):
        assert _rolling_agrees(store, monkeypatch, params, biggest + smallest, last, 12) > 0
    wanted = store.query("SELECT client_id, last_date AS last_purchase FROM clients ORDER BY client_id")
    half = wanted.iloc[::2]
    for params in (GridParams(), GridParams(period="quarter", window=4, xyz="frequency")):
        # Half the clients, then all of them (new clients asked about at dates seen before),
        # then half again (from memory): each time the cells of the direct query.
        for asked in (half, wanted, half):
            kept = former_cells(store, params, asked)
            got = dict(zip(kept["client_id"], kept["former_cell"], strict=True))
            assert got == _direct_former(store, params, asked)
        assert sum(cell is not None for cell in got.values()) > 100


# -- large uploads: progress, and readers meanwhile ----------------------------------------------


def test_progress_counts_the_rows_stored_while_readers_see_the_data_as_it_was(store, monkeypatch):
    import threading

    import core.store as store_module

    upload(store, JANUARY, source="jan", name="jan.csv")
    monkeypatch.setattr(store_module, "INSERT_ROWS", 2)
    seen, read_meanwhile = [], []

    def progress(done, total):
        seen.append((done, total))
        # Another session's read, from another thread and cursor, while the upload's transaction is open.
        reader = threading.Thread(target=lambda: read_meanwhile.append(store.scalar("SELECT count(*) FROM lines")))
        reader.start()
        reader.join(timeout=30)

    rows = FEBRUARY + LATER + FEBRUARY_AGAIN[1:]
    upload(store, rows, source="more", name="more.csv", progress=progress)
    assert seen == [(2, 7), (4, 7), (6, 7), (7, 7), (7, 7)]  # per INSERT, then once committed
    assert read_meanwhile[:4] == [len(JANUARY)] * 4 and read_meanwhile[4] == len(JANUARY) + 7
    assert_same(snapshot(store), rebuilt(store))


def test_ingest_passes_progress_through(tmp_path, store):
    from core.ingest import ingest_path

    path = tmp_path / "sales.csv"
    path.write_text("Date,Client,Amount\n2024-01-02,A,10\n2024-01-03,B,20\n2024-01-04,A,5\n", encoding="utf-8")
    seen = []
    ingest_path(store, path, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (3, 3) and all(total == 3 for _, total in seen)


def test_a_clients_name_is_its_latest_named_lines(store):
    # a: named on its last day (two names that day: the first alphabetically). b: its last day has no
    # name, so the name of its latest named line before. A later export renames a.
    def named(rows, name):
        lines = pd.DataFrame(rows, columns=["client_id", "date", "amount", "client_name"])
        return add_upload(store, lines, file_name=name, sha256=name, source_key=name)

    named(
        [
            ("a", "2024-01-10", 10.0, "Alpha"),
            ("a", "2024-02-10", 10.0, "Alpha Ltd"),
            ("a", "2024-02-10", 5.0, "Alpha LLC"),
            ("b", "2024-01-10", 10.0, "Beta"),
            ("b", "2024-02-10", 10.0, None),
        ],
        "one.csv",
    )
    assert dict(store.query_rows("SELECT client_id, client_name FROM clients")) == {"a": "Alpha LLC", "b": "Beta"}
    named([("a", "2024-03-10", 1.0, "Alpha Group")], "two.csv")
    assert dict(store.query_rows("SELECT client_id, client_name FROM clients")) == {"a": "Alpha Group", "b": "Beta"}
    assert_same(snapshot(store), rebuilt(store))
