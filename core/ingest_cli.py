"""``python -m core ingest FILE... [--db PATH] [--sheet NAME] [--map ROLE=COLUMN ...]
[--dayfirst | --monthfirst] [--replace-overlap]``

Prints ``{"files": [{"file", "status": "loaded"|"unchanged"|"refused",
"rows_loaded", "rows_rejected", "message", "mapping", "summary"}]}``: ``mapping``
is role → column name or null (``"quantity*unit_price"`` and ``"amount-cost"``
for computed columns), ``summary`` is ``{"rows", "clients", "date_min",
"date_max", "amount", "margin"}`` of what was stored (both null when nothing was). Exit status 0 when nothing was
refused, else 1 (each refusal's one-line message, the same the Data page shows,
is in its ``message`` and on stderr). Where detection cannot decide, the
message names the flag to pass.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from core.dbopen import read_memory
from core.errors import InputError, KamError
from core.ingest import ingest_path
from core.store import Store

KEYS = ("file", "status", "rows_loaded", "rows_rejected", "message", "mapping", "summary")


def add_file_arguments(parser: argparse.ArgumentParser, map_help: str) -> None:
    """The flags of a command that reads a file into the store: --db, --sheet, --map ROLE=COLUMN."""
    parser.add_argument("--db", help="database file (default: $KAM_DB or data/kam.duckdb)")
    parser.add_argument("--sheet", help="sheet of an Excel workbook (default: the first)")
    parser.add_argument("--map", action="extend", nargs="+", default=[], metavar="ROLE=COLUMN", help=map_help)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE")
    add_file_arguments(parser, "column for a role, by name or 1-based position (repeatable)")
    order = parser.add_mutually_exclusive_group()
    order.add_argument("--dayfirst", action="store_const", const="dayfirst", dest="date_order")
    order.add_argument("--monthfirst", action="store_const", const="monthfirst", dest="date_order")
    parser.add_argument(
        "--replace-overlap",
        action="store_true",
        help="replace lines of earlier uploads from the same source in this file's date range",
    )


def parse_map(items: list[str]) -> dict[str, str]:
    overrides = {}
    for item in items:
        role, sep, column = item.partition("=")
        if not sep:
            raise InputError(f"--map takes ROLE=COLUMN, got '{item}'.")
        overrides[role.strip()] = column.strip()
    return overrides


def run(args) -> tuple[dict, int]:
    overrides = parse_map(args.map)
    results = []
    # this process only ingests: its store holds no more than one file's reading
    with Store(args.db, wait=getattr(args, "wait", 0.0), memory=read_memory()) as store:
        for path in args.files:
            try:
                outcome = ingest_path(
                    store,
                    path,
                    sheet=args.sheet,
                    overrides=overrides,
                    date_order=args.date_order,
                    replace_overlap=args.replace_overlap,
                    loaded_by=f"cli:{getpass.getuser()}",
                )
            except FileNotFoundError:
                outcome = _refused(path, f"'{path}' does not exist.")
            except KamError as exc:
                outcome = _refused(path, exc.message)
            results.append({k: outcome.get(k) for k in KEYS})
    refused = [r for r in results if r["status"] == "refused"]
    for r in refused:
        print(r["message"], file=sys.stderr)
    return {"files": results}, 1 if refused else 0


def _refused(path: str, message: str) -> dict:
    return {"file": path, "status": "refused", "rows_loaded": 0, "rows_rejected": 0, "message": message}
