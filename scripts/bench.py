"""Benchmark at scale: ``python scripts/bench.py [--lines 10000000] [--clients 50000] [--dir /tmp/kam-bench]``.

Writes a synthetic sales export of ``--lines`` lines (DuckDB's COPY, seeded),
loads it through the product's own ingest path (read → map → validate → store,
with the derived tables rebuilt), then times what a slider move costs on each
view: the ABC-XYZ grid, concentration, churn dynamics and the win-back list,
each called as the page calls it (no cache), first and second call.

Speed is measured here, not asserted in tests; results are written down in
BENCHMARKS.md with the machine they were measured on.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from core.churn import ChurnParams, churn  # noqa: E402
from core.concentration import ConcentrationParams, concentration  # noqa: E402
from core.grid import GridParams, abcxyz  # noqa: E402
from core.ingest import ingest_path  # noqa: E402
from core.store import Store  # noqa: E402
from core.winback import WinbackParams, win_back_list  # noqa: E402

EXPORT_SQL = """
COPY (
    SELECT DATE '2023-01-01' + CAST(floor(random() * 1095) AS INTEGER) AS "Invoice Date",
           'C' || lpad(CAST(c AS VARCHAR), 6, '0') AS "Customer Code",
           'Client ' || CAST(c AS VARCHAR) AS "Customer Name",
           round(10 + random() * 990 * (1 + (c % 97 = 0)::INTEGER * 20), 2) AS "Amount",
           round(random() * 150, 2) AS "Margin",
           'Manager ' || CAST(c % 12 AS VARCHAR) AS "Manager",
           'Region ' || CAST(c % 5 AS VARCHAR) AS "Region",
           'Segment ' || CAST(c % 4 AS VARCHAR) AS "Segment"
    FROM (SELECT CAST(floor(pow(random(), 2) * $clients) AS INTEGER) AS c FROM range($lines))
) TO '$path' (HEADER, DELIMITER ',')
"""


def timed(label: str, function, *args) -> tuple[str, float]:
    started = time.perf_counter()
    function(*args)
    return label, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=10_000_000)
    parser.add_argument("--clients", type=int, default=50_000)
    parser.add_argument("--dir", default="/tmp/kam-bench")
    args = parser.parse_args()
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    export = folder / f"sales_{args.lines}.csv"
    db = folder / "bench.duckdb"
    if not export.exists():
        con = duckdb.connect()
        con.execute("SELECT setseed(0.42)")
        con.execute(
            EXPORT_SQL.replace("$clients", str(args.clients))
            .replace("$lines", str(args.lines))
            .replace("$path", str(export))
        )
        con.close()
    for stale in (db, Path(str(db) + ".wal")):
        stale.unlink(missing_ok=True)
    rows = []
    with Store(db) as store:
        rows.append(
            timed(
                f"ingest {args.lines:,} lines ({export.stat().st_size / 1e6:,.0f} MB CSV)", ingest_path, store, export
            )
        )
        as_of = date(2025, 12, 31)
        for attempt in ("first", "again"):
            rows.append(timed(f"ABC-XYZ grid, month × 12 ({attempt})", abcxyz, store, GridParams(as_of=as_of)))
        rows.append(
            timed(
                "ABC-XYZ grid, week × 26, frequency",
                abcxyz,
                store,
                GridParams(as_of=as_of, period="week", window=26, xyz="frequency"),
            )
        )
        rows.append(timed("concentration with rolling trend", concentration, store, ConcentrationParams(as_of=as_of)))
        rows.append(timed("churn dynamics, L = 180", churn, store, ChurnParams(as_of=as_of)))
        rows.append(timed("win-back list with former cells", win_back_list, store, WinbackParams(as_of=as_of)))
        clients = store.scalar("SELECT count(*) FROM clients")
        daily = store.scalar("SELECT count(*) FROM daily")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"python {platform.python_version()}, duckdb {duckdb.__version__}"
    )
    print(f"store: {clients:,} clients, {daily:,} client-day rows; peak memory {peak:,.0f} MB\n")
    print("| step | seconds |\n|---|---|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
