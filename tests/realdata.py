"""Independent loaders of the real files, for the analysis tests.

These read the files with plain pandas (the way ../shared/data/real/README.md
says they must be read) and store them through ``core.store.add_upload``, so the
analysis tests do not depend on the product's own reader. The ingest tests check
separately that the product's reader gives the same lines.
"""

from __future__ import annotations

import pandas as pd

from core.store import Store, add_upload


def load_superstore(store: Store, real_dir) -> None:
    raw = pd.read_csv(real_dir / "superstore" / "Sample - Superstore.csv", encoding="utf-8-sig", dtype=str)
    lines = pd.DataFrame(
        {
            "row_number": range(2, len(raw) + 2),
            "date": pd.to_datetime(raw["Order Date"], format="%m/%d/%Y"),
            "client_id": raw["Customer ID"],
            "client_name": raw["Customer Name"],
            "amount": raw["Sales"].astype(float),
            "margin": raw["Profit"].astype(float),
            "quantity": raw["Quantity"].astype(float),
            "product": raw["Product Name"],
            "order_id": raw["Order ID"],
            "region": raw["Region"],
            "segment": raw["Segment"],
        }
    )
    add_upload(store, lines, file_name="Sample - Superstore.csv", sha256="superstore", source_key="superstore")


def load_cdnow(store: Store, real_dir) -> None:
    raw = pd.read_csv(real_dir / "cdnow" / "CDNOW_master.txt", sep=r"\s+", dtype={"customer_id": str, "date": str})
    lines = pd.DataFrame(
        {
            "row_number": range(1, len(raw) + 1),
            "date": pd.to_datetime(raw["date"], format="%Y%m%d"),
            "client_id": raw["customer_id"],
            "amount": raw["dollar_value"].astype(float),
            "quantity": raw["number_of_cds"].astype(float),
        }
    )
    add_upload(store, lines, file_name="CDNOW_master.txt", sha256="cdnow", source_key="cdnow")
