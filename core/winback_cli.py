"""``python -m core winback``: the win-back call list as JSON, CSV or Excel.

A thin shell over ``core.winback.win_back_list``: the same parameters object
the page builds, the same ranking, levers, statuses and funnel.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from core.analysis import Filters, add_common_arguments, add_loss_arguments, parse_date
from core.errors import InputError
from core.store import Store
from core.winback import STATUSES, WinbackParams, export_csv, export_workbook, win_back_list

FORMATS = ("json", "csv", "xlsx")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser, window=None, periods=("month",))
    add_loss_arguments(parser)
    parser.add_argument("--min-value", type=float, default=0.0, help="minimum value before loss")
    parser.add_argument("--lost-since", type=parse_date, default=None, help="loss date on or after YYYY-MM-DD")
    parser.add_argument("--lost-before", type=parse_date, default=None, help="loss date on or before YYYY-MM-DD")
    parser.add_argument("--former", action="append", default=[], help="former class (A) or cell (AZ); repeatable")
    parser.add_argument("--reason", action="append", default=[], help="loss reason (unknown for none); repeatable")
    parser.add_argument("--include-at-risk", action="store_true", help="add the at-risk clients to the list")
    parser.add_argument("--format", choices=FORMATS, default="json")
    parser.add_argument("--out", help="write to this file instead of standard output")


def params_from(args: argparse.Namespace) -> WinbackParams:
    return WinbackParams(
        lost_days=args.lost_days,
        as_of=args.as_of,
        basis=args.basis,
        risk_k=args.risk_k,
        filters=Filters.from_where(args.where),
        min_value=args.min_value,
        lost_since=args.lost_since,
        lost_before=args.lost_before,
        former=tuple(f.strip().upper() if f.strip() != "too_new" else "too_new" for f in args.former),
        reasons=tuple(r.strip().lower() for r in args.reason),
        include_at_risk=args.include_at_risk,
    )


def _day(value) -> str | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _text(value) -> str | None:
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def payload(result) -> dict:
    """The JSON the issue fixes: parameters, candidates, funnel (dates as YYYY-MM-DD)."""
    candidates = [
        {
            "client_id": row.client_id,
            "client_name": _text(row.client_name),
            "value_before_loss": None if pd.isna(row.value_before_loss) else float(row.value_before_loss),
            "last_purchase": _day(row.last_purchase),
            "days_since": None if pd.isna(row.days_since) else int(row.days_since),
            "former_cell": _text(row.former_cell),
            "manager": _text(row.manager),
            "reason": _text(row.reason),
            "lever": _text(row.lever),
            "status": row.status,
        }
        for row in result.candidates.itertuples(index=False)
    ]
    funnel = [
        {"status": row.status, "clients": int(row.clients), "value": float(row.value)}
        for row in result.funnel.itertuples(index=False)
    ]
    return {"parameters": result.parameters, "candidates": candidates, "funnel": funnel}


def run(args: argparse.Namespace) -> tuple[dict | None, int]:
    params = params_from(args)
    if args.format == "xlsx" and not args.out:
        raise InputError("An Excel file cannot go to the terminal: add --out FILE.xlsx.")
    with Store(args.db, wait=getattr(args, "wait", 0.0)) as store:
        result = win_back_list(store, params)
    if args.format == "json":
        data = payload(result)
        if not args.out:
            return data, 0
        content = json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8")
    elif args.format == "csv":
        content = export_csv(result)
        if not args.out:
            sys.stdout.buffer.write(content)
            sys.stdout.flush()
            return None, 0
    else:
        content = export_workbook(result)
    try:
        Path(args.out).write_bytes(content)
    except OSError as exc:
        raise InputError(f"Cannot write {args.out}: {exc.strerror}. Choose another file or folder.") from None
    print(f"Wrote {len(result.candidates)} candidates to {args.out}.", file=sys.stderr)
    return None, 0


__all__ = ["FORMATS", "STATUSES", "add_arguments", "params_from", "payload", "run"]
