"""The reference points a view's speed is judged against: what a peer writes without the product.

- ``raw_csv``: DuckDB's own ``read_csv`` of the export into a table of a
  database file (types detected, nothing validated) — the floor for ingest.
- ``raw_xlsx``: fastexcel reading the sheet to Arrow — the floor for XLSX ingest
  (the product's reader is fastexcel too, every column as text).
- ``load_frame``: the export as a pandas DataFrame held in memory (date,
  client_id, amount), read once; the two figures below are timed on it.
- ``pandas_grid``: the ABC-XYZ grid of DOMAIN.md (revenue, calendar months,
  the last ``window`` of them to the as-of date, CV limits 10/25 %, A/B at
  80/95 %), straight vectorised pandas: one groupby by client and month.
- ``pandas_losses``: the churn loss count of DOMAIN.md: every gap of more than
  L days between two purchase days, and a last purchase L or more days before
  as-of, is a loss dated ``last purchase + L``; losses counted per month.

Both pandas functions are checked against ``core`` on the generated data
(``tests/test_bench_smoke.py``), so the comparison is between two answers
to the same question.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

DATE, CLIENT, AMOUNT = "Posting Date", "Customer No.", "Net Amount"


def raw_csv(csv_path: str | Path, db_path: str | Path) -> int:
    """Read the CSV into table ``lines`` of a new database file, closed (written) before returning."""
    con = duckdb.connect(str(db_path))
    try:
        con.execute("CREATE TABLE lines AS SELECT * FROM read_csv(?)", [str(csv_path)])
        return con.execute("SELECT count(*) FROM lines").fetchall()[0][0]
    finally:
        con.close()


def xlsx_reader() -> str:
    """The XLSX reference's name, for the reports."""
    return "fastexcel"


def raw_xlsx(xlsx_path: str | Path) -> int:
    """Read the first sheet to Arrow with fastexcel, its types inferred (the product reads it as text)."""
    import fastexcel

    return fastexcel.read_excel(str(xlsx_path)).load_sheet(0).to_arrow().num_rows


def load_frame(csv_path: str | Path) -> pd.DataFrame:
    """The lines a peer would work on: date (datetime64), client_id (text), amount (float)."""
    frame = pd.read_csv(csv_path, usecols=[DATE, CLIENT, AMOUNT], parse_dates=[DATE], engine="pyarrow")
    return frame.rename(columns={DATE: "date", CLIENT: "client_id", AMOUNT: "amount"})


def pandas_grid(lines: pd.DataFrame, *, window: int = 12, a: float = 80, b: float = 95, x: float = 10, y: float = 25):
    """One row per client in the window: basis, abc, xyz (None when too new), cell."""
    as_of = lines["date"].max()
    month = lines["date"].dt.year * 12 + lines["date"].dt.month
    last = as_of.year * 12 + as_of.month
    first = last - window + 1
    first_month = month.groupby(lines["client_id"]).min()
    in_window = (month >= first) & (lines["date"] <= as_of)
    per_month = lines["amount"][in_window].groupby([lines["client_id"][in_window], month[in_window]]).sum()
    clients = pd.DataFrame(
        {
            "basis": per_month.groupby(level=0).sum(),
            "squares": (per_month**2).groupby(level=0).sum(),
        }
    )
    clients["periods"] = last - np.maximum(first_month.reindex(clients.index), first) + 1
    clients["mean"] = clients["basis"] / clients["periods"]
    variance = (clients["squares"] / clients["periods"] - clients["mean"] ** 2).clip(lower=0)
    clients["cv"] = np.sqrt(variance) / clients["mean"].where(clients["mean"] > 0)
    clients = clients.reset_index(names="client_id").sort_values(["basis", "client_id"], ascending=[False, True])
    positive = clients["basis"].clip(lower=0).sum()
    before = (clients["basis"].cumsum() - clients["basis"]) / positive
    clients["abc"] = np.select([clients["basis"] <= 0, before < a / 100, before < b / 100], ["C", "A", "B"], "C")
    clients["xyz"] = np.select(
        [clients["periods"] < 3, clients["mean"] <= 0, clients["cv"] <= x / 100, clients["cv"] <= y / 100],
        [None, "Z", "X", "Y"],
        "Z",
    )
    clients["cell"] = (clients["abc"] + clients["xyz"]).where(clients["xyz"].notna())
    return clients[["client_id", "basis", "periods", "abc", "xyz", "cell"]].reset_index(drop=True)


def pandas_losses(lines: pd.DataFrame, *, lost_days: int = 180) -> pd.Series:
    """Losses per calendar month (indexed by the month's first day), up to the as-of date."""
    as_of = lines["date"].max()
    days = lines[["client_id", "date"]].drop_duplicates().sort_values(["client_id", "date"])
    following = days.groupby("client_id")["date"].shift(-1)
    loss_date = days["date"] + pd.Timedelta(days=lost_days)
    lost = (following > loss_date) | (following.isna() & (loss_date <= as_of))
    months = loss_date[lost].dt.to_period("M").dt.start_time
    return months.value_counts().sort_index()
