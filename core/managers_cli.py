"""``python -m core managers`` and ``python -m core assignments``: portfolios by manager, assignments files.

``managers --db PATH [--basis revenue|margin] [--period week|month|quarter]
[--window N] [--as-of YYYY-MM-DD] [--lost-days L] [--risk-k K] [--where
COLUMN=VALUE ...]`` prints ``{"parameters", "managers": [{"manager",
"clients", "key_clients", "basis", "share", "margin", "lost_clients",
"lost_value", "at_risk"}]}`` from ``core.managers.manager_portfolios``, the
function the Managers page calls. ``"manager": null`` is the clients and lines
without a manager; ``share`` is a fraction of the grid's positive total;
``margin`` is null when no line carries one.

``assignments FILE --db PATH [--sheet NAME] [--map ROLE=COLUMN ...]`` loads an
assignments file (roles ``client_id`` or ``region``, ``manager``, optional
``date_from``) and prints ``{"files": [{"file", "status":
"loaded"|"unchanged"|"refused", "rows_loaded", "rows_rejected", "message"}]}``
like ``ingest``; exit 1 with the message on stderr when refused.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from core.analysis import Filters, add_common_arguments, add_loss_arguments
from core.errors import KamError
from core.ingest_cli import add_file_arguments, parse_map
from core.managers import ManagerParams, as_payload, load_assignments, manager_portfolios
from core.store import Store


def add_managers_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser)
    add_loss_arguments(parser)


def params_from(args: argparse.Namespace) -> ManagerParams:
    return ManagerParams(
        basis=args.basis,
        period=args.period,
        window=args.window,
        as_of=args.as_of,
        lost_days=args.lost_days,
        risk_k=args.risk_k,
        filters=Filters.from_where(args.where),
    )


def run_managers(args: argparse.Namespace) -> tuple[dict, int]:
    params = params_from(args)
    with Store(args.db, wait=getattr(args, "wait", 0.0)) as store:
        return as_payload(manager_portfolios(store, params)), 0


def add_assignments_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="CSV/XLSX/XLS: client id or region, manager, optional date_from")
    add_file_arguments(parser, "column for a role (client_id, region, manager, date_from), by name or 1-based position")


def run_assignments(args: argparse.Namespace) -> tuple[dict, int]:
    overrides = parse_map(args.map)
    try:
        with Store(args.db, wait=getattr(args, "wait", 0.0)) as store:
            outcome = load_assignments(
                store, args.file, sheet=args.sheet, overrides=overrides, loaded_by=f"cli:{getpass.getuser()}"
            )
    except KamError as exc:
        outcome = {"file": args.file, "status": "refused", "rows_loaded": 0, "rows_rejected": 0, "message": exc.message}
    result = {k: outcome[k] for k in ("file", "status", "rows_loaded", "rows_rejected", "message")}
    if result["status"] == "refused":
        print(result["message"], file=sys.stderr)
        return {"files": [result]}, 1
    return {"files": [result]}, 0
