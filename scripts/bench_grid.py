"""Benchmark of the ABC-XYZ grid at scale: ``python scripts/bench_grid.py [--lines N] [--clients C]``.

Builds a throw-away store of N synthetic lines (default 10 million) spread over
C clients (default 100 000) and three years, with DuckDB's own generators (no
Python loop over lines), then times what a person waits for: the grid for
month / week / quarter periods, the migration, the former cells of every
client, and the Excel pack. Prints one line per measurement. Nothing is
asserted: the numbers are for the README and for spotting regressions by eye.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.grid import GridParams, PackParams, abcxyz, former_cells, grid_pack, migration  # noqa: E402
from core.store import Store  # noqa: E402

GENERATE = """
INSERT INTO lines
SELECT 1, i, DATE '2022-01-01' + CAST(floor(random() * 1095) AS INTEGER),
       'C' || lpad(CAST(CAST(floor(pow(random(), 2) * ?) AS BIGINT) AS VARCHAR), 7, '0'),
       NULL, round(10 + random() * 990, 2), round(random() * 200 - 20, 2), 1,
       NULL, NULL, 'M' || CAST(i % 40 AS VARCHAR), 'R' || CAST(i % 7 AS VARCHAR), NULL, NULL
FROM range(?) t(i)
"""


def timed(label: str, function):
    start = time.perf_counter()
    value = function()
    print(f"{label:<40} {time.perf_counter() - start:8.2f} s", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000_000)
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--skip-excel", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        with Store(Path(folder) / "bench.duckdb") as store:
            timed(
                f"load {args.lines:,} lines + refresh",
                lambda: store.write(lambda cur: cur.execute(GENERATE, [args.clients, args.lines]), refresh=True),
            )
            print(f"{'daily rows':<40} {store.scalar('SELECT count(*) FROM daily'):>10,}")
            result = timed("grid, month, 12", lambda: abcxyz(store, GridParams()))
            print(f"{'clients in the grid':<40} {len(result.clients):>10,}")
            timed("grid, week, 26", lambda: abcxyz(store, GridParams(period="week", window=26)))
            timed("grid, quarter, 8", lambda: abcxyz(store, GridParams(period="quarter", window=8)))
            timed("grid, frequency, margin", lambda: abcxyz(store, GridParams(xyz="frequency", basis="margin")))
            timed("migration (two grids)", lambda: migration(store, GridParams()))
            last = store.query("SELECT client_id, last_date AS last_purchase FROM clients")
            timed(f"former cells of {len(last):,} clients", lambda: former_cells(store, GridParams(), last))
            if not args.skip_excel:
                pack = timed("Excel pack", lambda: grid_pack(store, PackParams(GridParams())))
                print(f"{'Excel pack size, MB':<40} {len(pack) / 1e6:10.1f}")


if __name__ == "__main__":
    main()
