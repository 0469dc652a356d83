"""The win-back list on a hand-made set of clients, and on the real files.

The hand-made set (as-of 2024-12-31, L = 180 days, month grid of 12 periods):

| client | purchases | value before loss | last purchase → loss date | former cell |
|---|---|---|---|---|
| F6 | 50,000 on 4 May, 4 Jun, 4 Jul | 150,000 | 4 Jul → 31 Dec (exactly L days) | AX |
| A1 | 1,000 on 10 Jan, 10 Feb, 10 Mar (reason price) | 3,000 | 10 Mar → 6 Sep | BX |
| B2 | 500 on 1 Feb, 700 on 1 Apr (reason quality) | 1,200 | 1 Apr → 28 Sep | CZ |
| C3 | 200 on 1 May | 200 | 1 May → 28 Oct | too new |
| E5 | 50 on 1, 11, 21 Sep: at risk (101 days > 2 × 10) | 150 | — | too new |
| G7 | 10 on 5 Jul: 179 days, neither lost nor at risk | | | |
| D4 | 10,000 on the 15th of every month, 10 on 31 Dec: active | | | |

Former cells by hand: A1 at 10 Mar ranks behind D4 (20,000 of 23,500, so
before = 85 % → B) with three equal months (CV 0 → X); B2 at 1 Apr has 33,000
of 34,200 before it (96 % → C) and months 500, 0, 700 (CV 73 % → Z); F6 at
5 Jul (the July group's date) leads (A) with three equal months (X).
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pandas as pd
import pytest
from openpyxl import load_workbook

from core.errors import InputError
from core.store import Store, add_upload
from core.winback import (
    DEFAULT_RULES,
    WinbackParams,
    candidates,
    export_csv,
    export_workbook,
    lever_rules,
    reset_lever_rules,
    save_lever_rules,
    set_status,
    status_history,
    suggest_levers,
    win_back_list,
)

PEOPLE = {
    "F6": ("Foxtrot", "Nino", "East"),
    "A1": ("Acme", "Nino", "East"),
    "B2": ("Beta", "Giorgi", "West"),
    "C3": ("Gamma", "Giorgi", "West"),
    "E5": ("Echo", "Nino", "East"),
    "G7": ("Golf", "Nino", "East"),
    "D4": ("Delta", "Giorgi", "West"),
    "H8": ("Hotel", "Giorgi", "West"),  # only where a test loads it
}


def _lines(rows) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["client_id", "date", "amount", "loss_reason"])
    frame["client_name"] = frame["client_id"].map(lambda c: PEOPLE[c][0])
    frame["manager"] = frame["client_id"].map(lambda c: PEOPLE[c][1])
    frame["region"] = frame["client_id"].map(lambda c: PEOPLE[c][2])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def first_export() -> pd.DataFrame:
    rows = [
        ("F6", "2024-05-04", 50000, None),
        ("F6", "2024-06-04", 50000, None),
        ("F6", "2024-07-04", 50000, None),
        ("A1", "2024-01-10", 1000, None),
        ("A1", "2024-02-10", 1000, None),
        ("A1", "2024-03-10", 1000, "price"),
        ("B2", "2024-02-01", 500, None),
        ("B2", "2024-04-01", 700, "quality"),
        ("C3", "2024-05-01", 200, None),
        ("E5", "2024-09-01", 50, None),
        ("E5", "2024-09-11", 50, None),
        ("E5", "2024-09-21", 50, None),
        ("G7", "2024-07-05", 10, None),
        *((("D4", f"2024-{m:02d}-15", 10000, None)) for m in range(1, 13)),
        ("D4", "2024-12-31", 10, None),
    ]
    return _lines(rows)


def load(store, frame, name):
    add_upload(store, frame, file_name=name, sha256=name, source_key="erp")


@pytest.fixture
def handmade(store):
    load(store, first_export(), "2024.csv")
    return store


def ids(frame) -> list[str]:
    return frame["client_id"].tolist()


# -- ranking and the columns ---------------------------------------------------------------


def test_ranking_and_columns(handmade):
    listed = candidates(handmade, WinbackParams())
    assert ids(listed) == ["F6", "A1", "B2", "C3"]
    assert listed["value_before_loss"].tolist() == [150000, 3000, 1200, 200]
    assert listed["loss_date"].dt.date.tolist() == [
        date(2024, 12, 31),
        date(2024, 9, 6),
        date(2024, 9, 28),
        date(2024, 10, 28),
    ]
    assert listed["days_since"].tolist() == [180, 296, 274, 244]
    assert listed["former_cell"].tolist()[:3] == ["AX", "BX", "CZ"]
    assert pd.isna(listed["former_cell"].iloc[3])
    assert listed["reason"].tolist()[:3] == [None, "price", "quality"]
    assert listed["status"].tolist() == ["to_contact"] * 4
    assert listed["manager"].tolist() == ["Nino", "Nino", "Giorgi", "Giorgi"]


def test_one_clients_rows_are_its_rows_in_the_whole_list(handmade):
    # The dossier asks for one client: its row (former cell, lever, status ...) is the whole list's.
    whole = win_back_list(handmade, WinbackParams(include_at_risk=True))
    everyone = pd.concat([whole.candidates, whole.won_back], ignore_index=True)
    assert len(everyone) >= 4
    for client in everyone["client_id"]:
        alone = win_back_list(handmade, WinbackParams(include_at_risk=True, clients=(client,)))
        rows = pd.concat([alone.candidates, alone.won_back], ignore_index=True)
        expected = everyone[everyone["client_id"] == client].reset_index(drop=True)
        pd.testing.assert_frame_equal(rows, expected, check_dtype=False)
    assert win_back_list(handmade, WinbackParams(clients=("nobody",))).candidates.empty


def test_without_cells_the_funnel_and_the_rows_are_the_same(handmade):
    # The overview counts the funnel without the former cells (a grid per month of history).
    params = WinbackParams(include_at_risk=True)
    whole, light = win_back_list(handmade, params), win_back_list(handmade, params, cells=False)
    pd.testing.assert_frame_equal(light.funnel, whole.funnel)
    pd.testing.assert_frame_equal(light.funnel_by_manager, whole.funnel_by_manager)
    left_out = ["former_cell", "lever", "rule", "rule_position", "rule_former", "rule_reason"]
    pd.testing.assert_frame_equal(
        light.candidates.drop(columns=left_out), whole.candidates.drop(columns=left_out), check_dtype=False
    )
    assert light.candidates["former_cell"].isna().all() and whole.candidates["former_cell"].notna().any()
    # A list filtered by former cell still finds them.
    assert ids(win_back_list(handmade, WinbackParams(former=("A",)), cells=False).candidates) == ["F6"]


def test_default_levers_and_the_rule_that_fired(handmade):
    listed = candidates(handmade, WinbackParams()).set_index("client_id")
    # F6: former A, no reason → class rule; A1: former B but price → the reason rule comes first.
    assert listed.loc["F6", ["lever", "rule"]].tolist() == ["meeting_and_offer", "#40: former A"]
    assert listed.loc["A1", ["lever", "rule"]].tolist() == ["discount", "#10: reason price"]
    assert listed.loc["B2", ["lever", "rule"]].tolist() == ["meeting_then_offer", "#20: reason quality"]
    assert listed.loc["C3", ["lever", "rule"]].tolist() == ["standard_offer", "#70: any client"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"min_value": 1000}, ["F6", "A1", "B2"]),
        ({"min_value": 3000}, ["F6", "A1"]),
        ({"lost_since": date(2024, 9, 28)}, ["F6", "B2", "C3"]),
        ({"lost_before": date(2024, 9, 28)}, ["A1", "B2"]),
        ({"lost_since": date(2024, 9, 7), "lost_before": date(2024, 10, 28)}, ["B2", "C3"]),
        ({"managers": ("Giorgi",)}, ["B2", "C3"]),
        ({"regions": ("East",)}, ["F6", "A1"]),
        ({"former": ("A",)}, ["F6"]),
        ({"former": ("CZ",)}, ["B2"]),
        ({"former": ("B", "C")}, ["A1", "B2"]),
        ({"former": ("too_new",)}, ["C3"]),
        ({"reasons": ("price",)}, ["A1"]),
        ({"reasons": ("unknown",)}, ["F6", "C3"]),
        ({"include_at_risk": True}, ["F6", "A1", "B2", "C3", "E5"]),
        ({"include_at_risk": True, "lost_since": date(2024, 10, 1)}, ["F6", "C3", "E5"]),
        ({"lost_days": 300}, []),
    ],
)
def test_list_filters(handmade, change, expected):
    assert ids(candidates(handmade, WinbackParams(**change))) == expected


def test_at_risk_row(handmade):
    listed = candidates(handmade, WinbackParams(include_at_risk=True)).set_index("client_id")
    assert listed.loc["E5", "at_risk"]
    assert listed.loc["E5", "value_before_loss"] == 150
    assert listed.loc["E5", "days_since"] == 101
    assert pd.isna(listed.loc["E5", "loss_date"])
    assert not listed.loc["F6", "at_risk"]


def test_bad_parameters(handmade):
    with pytest.raises(InputError, match="after"):
        candidates(handmade, WinbackParams(lost_since=date(2024, 10, 1), lost_before=date(2024, 9, 1)))
    with pytest.raises(InputError, match="former cell"):
        candidates(handmade, WinbackParams(former=("Q",)))
    with pytest.raises(InputError, match="margin"):
        candidates(handmade, WinbackParams(basis="margin"))


# -- lever rules ------------------------------------------------------------------------------


def test_edited_rule_fires_and_is_shown(handmade):
    rules = lever_rules(handmade)
    assert rules[["position", "former", "reason", "lever"]].astype(object).where(
        rules.notna(), None
    ).values.tolist() == [list(r) for r in DEFAULT_RULES]
    edited = pd.concat(
        [
            pd.DataFrame([{"position": 5, "former": "b", "reason": "Price", "lever": "Call from the director"}]),
            rules,
        ]
    )
    assert save_lever_rules(handmade, edited, by="nino@example.com") == 8
    listed = candidates(handmade, WinbackParams()).set_index("client_id")
    assert listed.loc["A1", ["lever", "rule"]].tolist() == ["Call from the director", "#5: former B and reason price"]
    assert listed.loc["F6", "lever"] == "meeting_and_offer"  # untouched
    assert lever_rules(handmade)["changed_by"].iloc[0] == "nino@example.com"

    # A whole cell as a condition; without the catch-all, C3 gets no lever.
    save_lever_rules(
        handmade,
        pd.DataFrame(
            [
                {"position": 1, "former": "AX", "reason": None, "lever": "meeting_and_offer"},
                {"position": 2, "former": "C", "reason": None, "lever": "gift_or_standard"},
            ]
        ),
    )
    listed = candidates(handmade, WinbackParams()).set_index("client_id")
    assert listed["lever"].fillna("none").tolist() == ["meeting_and_offer", "none", "gift_or_standard", "none"]
    assert reset_lever_rules(handmade) == len(DEFAULT_RULES)


def test_rule_table_checks(handmade):
    with pytest.raises(InputError, match="position 10 is used twice"):
        save_lever_rules(
            handmade,
            pd.DataFrame(
                [
                    {"position": 10, "former": "A", "reason": None, "lever": "x"},
                    {"position": 10, "former": "B", "reason": None, "lever": "y"},
                ]
            ),
        )
    with pytest.raises(InputError, match="'Q'"):
        save_lever_rules(handmade, pd.DataFrame([{"position": 1, "former": "Q", "reason": None, "lever": "x"}]))
    with pytest.raises(InputError, match="which lever"):
        save_lever_rules(handmade, pd.DataFrame([{"position": 1, "former": "A", "reason": None, "lever": " "}]))
    assert len(lever_rules(handmade)) == len(DEFAULT_RULES)  # nothing saved


def test_suggest_levers_first_rule_by_position():
    frame = pd.DataFrame({"client_id": ["x", "y"], "former_cell": ["AZ", None], "reason": ["Service_Level", None]})
    rules = pd.DataFrame(
        [
            {"position": 2, "former": None, "reason": "service_level", "lever": "meeting_then_offer"},
            {"position": 1, "former": "A", "reason": None, "lever": "meeting_and_offer"},
        ]
    )
    fired = suggest_levers(frame, rules)
    assert fired["lever"].iloc[0] == "meeting_and_offer" and pd.isna(fired["lever"].iloc[1])
    assert fired["rule_position"].tolist()[0] == 1


# -- status ----------------------------------------------------------------------------------


def test_status_history_persists_and_is_shared(tmp_path):
    path = tmp_path / "shared.duckdb"
    with Store(path) as first:
        load(first, first_export(), "2024.csv")
        set_status(
            first,
            "A1",
            "contacted",
            owner="Nino",
            next_step="2025-01-10",
            note="called, will think",
            by="nino@example.com",
            at=datetime(2025, 1, 2, 9, 0),
        )
        set_status(
            first,
            "A1",
            "offer_made",
            owner="Nino",
            next_step=date(2025, 1, 20),
            note="5 % off",
            by="giorgi@example.com",
            at=datetime(2025, 1, 3, 9, 0),
        )
    with Store(path) as second:
        row = candidates(second, WinbackParams()).set_index("client_id").loc["A1"]
        assert row[["status", "owner", "note", "changed_by"]].tolist() == [
            "offer_made",
            "Nino",
            "5 % off",
            "giorgi@example.com",
        ]
        assert row["next_step"] == pd.Timestamp("2025-01-20")
        history = status_history(second, "A1")
        assert history["status"].tolist() == ["offer_made", "contacted"]
        assert history["last_purchase"].dt.date.tolist() == [date(2024, 3, 10)] * 2
        set_status(second, "B2", "declined", by="")
    with Store(path) as third:
        listed = candidates(third, WinbackParams()).set_index("client_id")
        assert listed.loc["B2", ["status", "changed_by"]].tolist() == ["declined", "team"]
        assert listed.loc["C3", "status"] == "to_contact"


def test_status_survives_a_re_upload(handmade):
    set_status(handmade, "C3", "contacted", owner="Giorgi")
    for upload_id in handmade.uploads()["upload_id"]:
        handmade.delete_upload(int(upload_id))
    load(handmade, first_export(), "2024 again.csv")
    assert candidates(handmade, WinbackParams()).set_index("client_id").loc["C3", "status"] == "contacted"


def test_status_checks(handmade):
    with pytest.raises(InputError, match="Unknown status"):
        set_status(handmade, "A1", "called")
    with pytest.raises(InputError, match="no client 'ZZ'"):
        set_status(handmade, "ZZ", "contacted")
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        set_status(handmade, "A1", "contacted", next_step="next week")
    assert status_history(handmade).empty


# -- automatic won-back --------------------------------------------------------------------


def later_export() -> pd.DataFrame:
    return _lines(
        [
            ("A1", "2025-01-20", 200, None),  # lost since 6 Sep, seen lost in the first export → won back
            ("G7", "2025-01-25", 30, None),  # lost on 1 Jan, after the first export ended → never listed
            ("D4", "2025-01-31", 10000, None),
        ]
    )


def test_won_back_after_a_later_upload(handmade):
    set_status(handmade, "B2", "contacted", owner="Giorgi")
    load(handmade, later_export(), "2025-01.csv")
    result = win_back_list(handmade, WinbackParams())
    assert result.as_of == date(2025, 1, 31)
    assert "A1" not in ids(result.candidates)
    assert ids(result.won_back) == ["A1"]
    won = result.won_back.iloc[0]
    assert won["status"] == "won_back" and won["status_source"] == "data" and not won["worked"]
    assert won["won_back_date"] == pd.Timestamp("2025-01-20")
    assert won["revenue_since"] == 200
    assert won["value_before_loss"] == 3000

    funnel = result.funnel.set_index("status")
    assert funnel.loc["won_back", ["clients", "value", "recovered"]].tolist() == [1, 3000, 200]
    assert funnel.loc["contacted", ["clients", "value"]].tolist() == [1, 1200]
    assert funnel.loc["to_contact", ["clients", "value"]].tolist() == [2, 150200]  # F6, C3
    assert funnel.loc["declined", "clients"] == 0
    by_manager = result.funnel_by_manager.set_index(["manager", "status"])
    assert by_manager.loc[("Nino", "won_back"), "recovered"] == 200
    assert by_manager.loc[("Giorgi", "contacted"), "clients"] == 1
    assert by_manager.loc[("Giorgi", "won_back"), "clients"] == 0


def returns_read(store, monkeypatch) -> list:
    """The client ids of each reading of return purchases (winback_returns.sql's returned_pairs), as it happens."""
    read = []
    real_query = store.query

    def query(statement, *args, **kwargs):
        pairs = (kwargs.get("tables") or {}).get("returned_pairs")
        if pairs is not None:
            read.append(sorted(pairs.column("client_id").to_pylist()))
        return real_query(statement, *args, **kwargs)

    monkeypatch.setattr(store, "query", query)
    return read


def test_moving_l_reuses_the_return_purchases_found_and_reads_the_new_ones(handmade, monkeypatch):
    import core.winback

    load(handmade, later_export(), "2025-01.csv")
    # H8: 209 days without buying (5 Jan to 1 Aug), then 19, 122 (20 Aug to 20 Dec) and 26
    hh = [("H8", day, 100, None) for day in ("2024-01-05", "2024-08-01", "2024-08-20", "2024-12-20", "2025-01-15")]
    load(handmade, _lines(hh), "h8.csv")
    read = returns_read(handmade, monkeypatch)
    first = win_back_list(handmade, WinbackParams(lost_days=100))
    assert read == [["A1", "G7", "H8"]]  # H8 back on 20 Dec
    # At L = 150 H8's latest loss is the one it came back from on 1 Aug: a return purchase not
    # read before; A1's (20 Jan) and G7's (25 Jan) are the same and looked up.
    moved = win_back_list(handmade, WinbackParams(lost_days=150))
    assert read[1:] == [["H8"]]
    # At L = 120 every return purchase was read before (H8 back on 20 Dec again).
    again = win_back_list(handmade, WinbackParams(lost_days=120))
    assert read[2:] == []
    # G7 (5 Jul to 25 Jan) is seen lost at L = 150 (lost on 2 Dec, inside the first export)
    won = moved.won_back.set_index("client_id")
    assert won.loc[["A1", "G7"], "revenue_since"].tolist() == [200, 30]
    assert won.loc["G7", "loss_date"] == pd.Timestamp("2024-12-02")
    # each the same as a first reading
    for days, kept in ((100, first), (150, moved), (120, again)):
        monkeypatch.setattr(core.winback, "_RETURNS", core.winback.Kept(4))
        fresh = win_back_list(handmade, WinbackParams(lost_days=days))
        pd.testing.assert_frame_equal(kept.won_back, fresh.won_back)
        pd.testing.assert_frame_equal(kept.candidates, fresh.candidates)


def test_returns_nobody_saw_are_not_read(handmade, monkeypatch):
    # One upload: a client that left and came back inside it was never seen lost in the data,
    # so its return purchase is not read at all, unless the team recorded something about it.
    from core.churn import ChurnParams, returned_clients

    read = returns_read(handmade, monkeypatch)
    # L = 30: D4 (buying on the 15th) was lost on 14 Nov, 30 days after 15 Oct, and came back the next day
    returned = returned_clients(handmade, ChurnParams(lost_days=30)).set_index("client_id")
    assert returned.loc["D4", "won_back_date"] == pd.Timestamp("2024-11-15")
    assert win_back_list(handmade, WinbackParams(lost_days=30)).won_back.empty and read == []
    set_status(handmade, "D4", "contacted")
    won = win_back_list(handmade, WinbackParams(lost_days=30)).won_back
    assert read == [["D4"]] and ids(won) == ["D4"]
    # 10,000 on 15 Nov and 15 Dec, 10 on 31 Dec
    assert won.iloc[0][["status", "worked", "revenue_since"]].tolist() == ["won_back", True, 20010]


def test_team_status_kept_beside_the_automatic_won_back(handmade):
    set_status(handmade, "A1", "offer_made", owner="Nino", note="5 % off")
    load(handmade, later_export(), "2025-01.csv")
    won = win_back_list(handmade, WinbackParams()).won_back.set_index("client_id").loc["A1"]
    assert won[["status", "owner", "note", "worked"]].tolist() == ["won_back", "Nino", "5 % off", True]


def test_a_new_loss_starts_again_at_to_contact(handmade):
    set_status(handmade, "A1", "offer_made")
    load(handmade, later_export(), "2025-01.csv")
    # By the end of 2025 A1 (last purchase 20 Jan 2025) is lost again: the entry was about the old loss.
    listed = candidates(handmade, WinbackParams(as_of=date(2025, 12, 31))).set_index("client_id")
    assert listed.loc["A1", ["status", "last_purchase"]].tolist() == ["to_contact", pd.Timestamp("2025-01-20")]


# -- exports -----------------------------------------------------------------------------


def test_exports_keep_a_formula_as_text(store):
    frame = first_export()
    frame.loc[frame["client_id"] == "C3", "client_name"] = '=HYPERLINK("http://x","y")'
    load(store, frame, "2024.csv")
    result = win_back_list(store, WinbackParams())

    book = load_workbook(io.BytesIO(export_workbook(result)))
    assert book.sheetnames == ["Call list", "Won back", "Funnel", "Parameters"]
    values = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [c for c in values if c.data_type == "f"]
    assert not [c for c in values if isinstance(c.value, str) and c.value.startswith("=")]
    names = [row[1] for row in book["Call list"].iter_rows(min_row=2, values_only=True)]
    assert names == ["Foxtrot", "Acme", "Beta", '\'=HYPERLINK("http://x","y")']
    parameters = dict(book["Parameters"].iter_rows(min_row=2, values_only=True))
    assert parameters["lost_days"] == 180 and parameters["as_of"] == "2024-12-31"

    rows = list(csv.reader(io.StringIO(export_csv(result).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Client ID", "Client", "Value before loss"]
    assert [r[1] for r in rows[1:]] == ["Foxtrot", "Acme", "Beta", '\'=HYPERLINK("http://x","y")']
    assert not [field for r in rows for field in r if field.startswith(("=", "+", "@"))]


def test_georgian_export_headers(handmade):
    result = win_back_list(handmade, WinbackParams())
    rows = list(csv.reader(io.StringIO(export_csv(result, "ka").decode("utf-8-sig"))))
    assert rows[0][1] == "კლიენტი"
    assert rows[1][12] == "მენეჯერის პირადი შეხვედრა და სპეციალური შეთავაზება"


# -- the real files ------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["superstore", "cdnow_master"])
def test_real_files_reproduce_expected(tmp_path, real_dir, expected, name):
    from tests.realdata import load_cdnow, load_superstore

    with Store(tmp_path / "real.duckdb") as real:
        (load_superstore if name == "superstore" else load_cdnow)(real, real_dir)
        listed = candidates(real, WinbackParams())
    reference = expected[name]["winback"]
    assert len(listed) == reference["candidates"]
    top = listed.head(10)
    assert top["client_id"].tolist() == [r["client_id"] for r in reference["top10"]]
    assert top["value_before_loss"].round(2).tolist() == [r["value_before_loss"] for r in reference["top10"]]
    assert listed["lever"].notna().all()


def test_kind_of_key_client(handmade):
    from core.tags import set_kind

    assert pd.isna(candidates(handmade, WinbackParams()).set_index("client_id").loc["A1", "kind"])
    set_kind(handmade, "A1", "expert", by="nino@example.com")  # the list read before does not hide it
    listed = candidates(handmade, WinbackParams()).set_index("client_id")
    # F6 holds 150,000 of the 274,570 sold in the last 12 months (55 % ≥ 10 %): a breadwinner.
    assert listed.loc["F6", "kind"] == "breadwinner"
    assert listed.loc["A1", "kind"] == "expert"
    assert pd.isna(listed.loc["B2", "kind"])


@pytest.mark.parametrize("lang", ["en", "ka"])
def test_lever_rules_edited_in_words_are_stored_as_keys(store, lang):
    from core.winback import DEFAULT_RULES, lever_rules, rules_from_words, rules_in_words

    rules = lever_rules(store)[["position", "former", "reason", "lever"]]
    shown = rules_in_words(rules, lang)
    assert "meeting_and_offer" not in set(shown["lever"]) and "price" not in set(shown["reason"].dropna())
    back = rules_from_words(shown, lang)
    assert [tuple(None if pd.isna(v) else v for v in r) for r in back.itertuples(index=False)] == [
        tuple(r) for r in DEFAULT_RULES
    ]
    own = shown.assign(lever=["Dinner with the director", *shown["lever"][1:]])
    assert rules_from_words(own, lang)["lever"].iloc[0] == "Dinner with the director"
