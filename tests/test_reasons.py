"""Loss reasons: recorded in the app, from a reasons file, from an uploaded column.

Timeline (L = 10 days): client B buys on 2024-01-01, 01-15 and 02-10, so it is
lost on 01-11 (won back 01-15), on 01-25 (won back 02-10) and on 02-20.
Client A buys on 2024-01-01 only: lost on 01-11.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from core.churn import ChurnParams, churn, loss_events, lost_clients
from core.errors import InputError
from core.reasons import (
    BUILTIN_REASONS,
    catalogue,
    load_reasons_file,
    reason_label,
    record_reason,
    recorded_reasons,
    save_catalogue,
)
from core.store import add_upload

D = date.fromisoformat
PARAMS = ChurnParams(lost_days=10, as_of=D("2024-03-31"))
ROWS = [("A", "2024-01-01", 7), ("B", "2024-01-01", 5), ("B", "2024-01-15", 5), ("B", "2024-02-10", 5)]


def upload(store, rows=ROWS, reasons=None):
    lines = pd.DataFrame(rows, columns=["client_id", "date", "amount"])
    if reasons is not None:
        lines["loss_reason"] = reasons
    return add_upload(store, lines, file_name="t.csv", sha256="t", source_key="t")


def reasons_of(store, client="B", params=PARAMS):
    events = loss_events(store, params)
    return list(events.loc[events.client_id == client, "reason"])


def test_recorded_reason_lands_on_its_loss_and_survives_a_reupload(store):
    first = upload(store)
    record_reason(store, "B", D("2024-01-15"), "price", "ana@example.com")
    assert reasons_of(store) == [None, "price", None]
    # The lines are deleted and loaded again: the reason is keyed by client, not upload.
    store.delete_upload(first["upload_id"])
    assert store.scalar("SELECT count(*) FROM lines") == 0
    upload(store)
    assert reasons_of(store) == [None, "price", None]
    history = recorded_reasons(store)
    assert history.loc[0, "set_by"] == "ana@example.com" and history.loc[0, "source"] == "app"


def test_recording_again_replaces_the_reason(store):
    upload(store)
    record_reason(store, "B", D("2024-02-10"), "price", None)
    record_reason(store, "B", D("2024-02-10"), "competitor", "team")
    assert reasons_of(store) == [None, None, "competitor"]
    assert len(recorded_reasons(store)) == 1
    lost = lost_clients(store, PARAMS).set_index("client_id")
    assert lost.loc["B", "reason"] == "competitor" and pd.isna(lost.loc["A", "reason"])
    with pytest.raises(InputError):
        record_reason(store, "B", D("2024-02-10"), "  ", "team")


def test_breakdown_counts_unknown_and_known(store):
    upload(store)
    record_reason(store, "B", D("2024-02-10"), "price", "team")
    result = churn(store, PARAMS)
    pareto = result.reasons.set_index("reason")
    # Losses: A 01-11 (7), B 01-11 (5), B 01-25 (10), B 02-20 (15, price).
    assert pareto.loc["unknown", ["clients", "losses", "value"]].tolist() == [2, 3, 22]
    assert pareto.loc["price", ["clients", "losses", "value"]].tolist() == [1, 1, 15]
    assert list(pareto.index) == ["unknown", "price"]
    assert pareto["cumulative_share"].iloc[-1] == pytest.approx(1.0)
    by_period = result.reasons_by_period.set_index(["period", "reason"])
    assert by_period.loc[("2024-01", "unknown"), "losses"] == 3
    assert by_period.loc[("2024-02", "price"), "losses"] == 1


def test_reasons_from_an_uploaded_column(store):
    # A reason on a line belongs to the first loss after that line's day.
    upload(store, reasons=[None, None, "price", None])
    assert reasons_of(store) == [None, "price", None]
    # The app's reason is stronger than the column's.
    record_reason(store, "B", D("2024-01-15"), "quality", "team")
    assert reasons_of(store) == [None, "quality", None]


def write_csv(tmp_path, text, name="reasons.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reasons_file_dated_undated_and_unknown_ids(store, tmp_path):
    upload(store)
    path = write_csv(tmp_path, "Client ID,Loss reason,Date\nB,service_level,2024-01-12\nA,price,\nZZ-9,price,\nB,,\n")
    summary = load_reasons_file(store, path)
    assert summary["columns"] == {"client_id": "Client ID", "reason": "Loss reason", "date": "Date"}
    assert summary["reasons_loaded"] == 3 and summary["rows_skipped"] == 1
    assert summary["unknown_clients"] == 1 and summary["unknown_client_ids"] == ["ZZ-9"]
    assert "ZZ-9" in summary["message"]
    # 2024-01-12 falls in B's first loss (01-11, won back 01-15); A's undated reason goes to its latest loss.
    assert reasons_of(store) == ["service_level", None, None]
    assert reasons_of(store, "A") == ["price"]
    # The unknown id is stored: it applies once the client is uploaded.
    upload(store, [("ZZ-9", "2024-01-01", 3)])
    assert reasons_of(store, "ZZ-9") == ["price"]
    # Loading the file again replaces its rows instead of piling them up.
    load_reasons_file(store, path)
    assert store.scalar("SELECT count(*) FROM loss_reasons") == 3


def test_reasons_file_refused(store, tmp_path):
    upload(store)
    with pytest.raises(InputError, match="reason"):
        load_reasons_file(store, write_csv(tmp_path, "Client ID,Amount\nB,3\n"))
    with pytest.raises(InputError, match="no row"):
        load_reasons_file(store, write_csv(tmp_path, "Client ID,Reason\nB,\n", "empty.csv"))
    with pytest.raises(InputError, match="cannot be read"):
        load_reasons_file(store, write_csv(tmp_path, "Client ID,Reason,Date\nB,price,yesterday\n", "d.csv"))
    with pytest.raises(InputError, match="no column 'Why'"):
        load_reasons_file(store, write_csv(tmp_path, "Client ID,Reason\nB,x\n", "w.csv"), reason_column="Why")
    assert store.scalar("SELECT count(*) FROM loss_reasons") == 0


def test_telco_file_ids_reported_as_unknown(store, real_dir):
    upload(store)
    summary = load_reasons_file(store, real_dir / "telco_churn" / "Telco_customer_churn.xlsx")
    assert summary["columns"]["client_id"] == "CustomerID" and summary["columns"]["reason"] == "Churn Reason"
    assert summary["reasons_loaded"] == 1869 and summary["rows_skipped"] == 7043 - 1869
    assert summary["unknown_clients"] == 1869 and summary["known_clients"] == 0
    assert len(summary["unknown_client_ids"]) == 20


def test_catalogue_is_seeded_once_and_editable(store):
    assert catalogue(store) == list(BUILTIN_REASONS)
    save_catalogue(store, ["price", " delivery too slow ", "price", ""])
    assert catalogue(store) == ["price", "delivery too slow"]
    with pytest.raises(InputError):
        save_catalogue(store, [" "])


def test_reason_labels():
    assert reason_label("service_level") == "Service level declined"
    assert reason_label("service_level", "ka") == "მომსახურების დონის შემცირება"
    assert reason_label(None) == "unknown" and reason_label("delivery too slow") == "delivery too slow"


def test_labels_of_built_in_reasons_count_as_those_reasons(store, tmp_path):
    # The column says "Service level declined" for B's 01-25 loss; the file says it in
    # Georgian for A; the app records the code for B's 02-20 loss: one reason, three losses.
    upload(store, reasons=[None, None, " service LEVEL declined ", None])
    load_reasons_file(store, write_csv(tmp_path, "client id,reason\nA,მომსახურების დონის შემცირება\n"))
    record_reason(store, "B", D("2024-02-10"), "service_level", "team")
    assert reasons_of(store) == [None, "service_level", "service_level"]
    assert reasons_of(store, "A") == ["service_level"]
    pareto = churn(store, PARAMS).reasons.set_index("reason")
    assert pareto.loc["service_level", ["clients", "losses"]].tolist() == [2, 3]


def test_common_spellings_count_as_built_in_reasons(store):
    upload(store, reasons=[None, None, "Missed deadlines", None])
    assert reasons_of(store) == [None, "broken_promises", None]
