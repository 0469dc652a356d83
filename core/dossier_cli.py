"""``python -m core dossier CLIENT_ID --db PATH``: one client's dossier as JSON.

Prints ``{"client_id", "client_name", "parameters", "facts": {field: {"value",
"changed_by", "changed_at"}}, "events", "people", "competitors", "sales",
"cells", "shares", "kinds", "churn", "winback", "reasons", "manager"}`` from
``core.dossier.dossier`` — the stored facts and records as the Dossier page
shows them, and the computed picture from the same functions. Exit 1 with a
one-line message when the store knows nothing of the client.
"""

from __future__ import annotations

import argparse

from core.analysis import BASES, PERIODS, add_loss_arguments, parse_date
from core.dossier import DossierParams, dossier
from core.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("client_id", metavar="CLIENT_ID")
    parser.add_argument("--db", help="database file (default: $KAM_DB or data/kam.duckdb)")
    parser.add_argument("--basis", choices=BASES, default="revenue")
    parser.add_argument("--period", choices=PERIODS, default="month")
    parser.add_argument("--window", type=int, default=12, help="periods in the grid's analysis window")
    parser.add_argument("--as-of", type=parse_date, default=None, help="YYYY-MM-DD (default: latest date)")
    add_loss_arguments(parser)


def run(args: argparse.Namespace) -> tuple[dict, int]:
    params = DossierParams(
        client_id=args.client_id,
        basis=args.basis,
        period=args.period,
        window=args.window,
        as_of=args.as_of,
        lost_days=args.lost_days,
        risk_k=args.risk_k,
    )
    with Store(args.db, wait=getattr(args, "wait", 0.0)) as store:
        return dossier(store, params), 0
