"""``python -m core abcxyz``: the nine-cell ABC-XYZ grid from the command line.

``abcxyz --db PATH [--basis revenue|margin] [--period week|month|quarter]
[--window N] [--as-of YYYY-MM-DD] [--a 80] [--b 95] [--xyz cv|frequency]
[--x L1] [--y L2] [--where COLUMN=VALUE ...] [--format json|csv|xlsx]
[--out FILE]``

JSON (the default) is ``{"parameters", "cells": {"AX": {"clients", "basis",
"share"}, ... all nine}, "new": {"clients", "basis"}, "clients": [{"client_id",
"client_name", "basis", "share", "abc", "xyz", "cv", "frequency",
"periods"}]}`` with shares as fractions and ``xyz`` null for clients too new to
classify. CSV is the client list; XLSX is the same Excel pack as the page's
download (grid, clients, migration, parameters). Every figure comes from
``core.grid.abcxyz``, the function the page calls.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.analysis import Filters, add_common_arguments
from core.grid import MEASURES, GridParams, abcxyz, as_payload, client_columns, grid_workbook, migration
from core.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser)
    parser.add_argument("--a", type=float, default=80.0, help="ABC: A below this cumulative share, %% (default 80)")
    parser.add_argument("--b", type=float, default=95.0, help="ABC: B below this cumulative share, %% (default 95)")
    parser.add_argument("--xyz", choices=MEASURES, default="cv", help="XYZ measure (default cv)")
    parser.add_argument(
        "--x", type=float, default=None, metavar="L1", help="X limit, %% (default 10 for cv, 75 for frequency)"
    )
    parser.add_argument(
        "--y", type=float, default=None, metavar="L2", help="Y limit, %% (default 25 for cv, 40 for frequency)"
    )
    parser.add_argument("--format", choices=("json", "csv", "xlsx"), default="json")
    parser.add_argument("--out", default=None, metavar="FILE", help="write here instead of standard output")


def params_from(args) -> GridParams:
    return GridParams(
        basis=args.basis,
        period=args.period,
        window=args.window,
        as_of=args.as_of,
        a=args.a,
        b=args.b,
        xyz=args.xyz,
        x=args.x,
        y=args.y,
        filters=Filters.from_where(args.where),
    )


def _emit(data: bytes, out: str | None) -> None:
    if out:
        Path(out).write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def run(args) -> tuple[dict | None, int]:
    from core.export import csv_bytes

    params = params_from(args)
    with Store(args.db, wait=getattr(args, "wait", 0.0)) as store:
        result = abcxyz(store, params)
        moved = migration(store, params) if args.format == "xlsx" else None
    if args.format == "json":
        payload = as_payload(result)
        if not args.out:
            return payload, 0
        _emit(json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"), args.out)
        return None, 0
    if args.format == "csv":
        headers = client_columns("en")
        _emit(csv_bytes(result.clients[list(headers)]), args.out)
        return None, 0
    _emit(grid_workbook(result, moved, "en"), args.out)
    return None, 0
