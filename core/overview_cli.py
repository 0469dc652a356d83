"""``python -m core overview``: every view's headline as JSON (shares as fractions).

A thin shell over ``core.overview.overview`` — the function the overview page calls.
"""

from __future__ import annotations

import argparse

from core.analysis import BASES, Filters, parse_date
from core.overview import OverviewParams, overview
from core.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database file (default: $KAM_DB or data/kam.duckdb)")
    parser.add_argument("--basis", choices=BASES, default="revenue")
    parser.add_argument("--as-of", type=parse_date, default=None, help="YYYY-MM-DD (default: latest date)")
    parser.add_argument(
        "--where",
        action="extend",
        nargs="+",
        default=[],
        metavar="COLUMN=VALUE",
        help="filter: region, manager, segment, kind, date_from, date_to (repeatable)",
    )


def run(args: argparse.Namespace) -> tuple[dict, int]:
    params = OverviewParams(filters=Filters.from_where(args.where), basis=args.basis, as_of=args.as_of)
    store = Store(args.db, wait=getattr(args, "wait", 0.0))
    try:
        return overview(store, params).as_json(), 0
    finally:
        store.close()
