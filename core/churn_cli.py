"""``python -m core churn`` and ``python -m core reasons``: the churn view and reasons files.

``churn --db PATH [--lost-days L] [--period month|quarter] [--as-of YYYY-MM-DD]
[--basis revenue|margin] [--risk-k K] [--where COLUMN=VALUE ...]`` prints
``{"parameters", "periods": [{"period", "lost", "lost_value", "active_start",
"churn_rate", "won_back"}], "trend": {"slope", "direction"}, "lost_clients":
[{"client_id", "last_purchase", "loss_date", "value_before_loss", "reason"}],
"at_risk": [{"client_id", "last_purchase", "median_gap_days", "days_since"}],
"reasons": [{"reason", "clients", "value"}]}`` — the figures of the Lost
clients page, from the same ``core.churn.churn``. ``churn_rate`` is a fraction
(null when nobody was active at the period's start); reasons are in English,
"unknown" where none is known.

``reasons FILE --db PATH [--sheet S] [--client-column C] [--reason-column R]
[--date-column D]`` stores a reasons file and prints its summary, with the
client ids the sales data does not know; exit 1 with the message when refused.
"""

from __future__ import annotations

import argparse
import getpass
import math
import sys

from core.analysis import add_common_arguments, add_loss_arguments
from core.churn import CHURN_PERIODS, ChurnParams, churn
from core.errors import KamError
from core.reasons import load_reasons_file, reason_label
from core.store import Store


def add_churn_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser, window=None, periods=CHURN_PERIODS)
    add_loss_arguments(parser)


def _day(value) -> str | None:
    return None if value is None or value != value else value.date().isoformat()


def _number(value, digits: int = 2):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), digits)


def run_churn(args) -> tuple[dict, int]:
    from core.analysis import Filters

    params = ChurnParams(
        lost_days=args.lost_days,
        period=args.period,
        as_of=args.as_of,
        basis=args.basis,
        risk_k=args.risk_k,
        filters=Filters.from_where(args.where),
    )
    with Store(args.db, wait=getattr(args, "wait", 0.0)) as store:
        result = churn(store, params)
    periods = [
        {
            "period": row.period,
            "lost": int(row.lost),
            "lost_value": _number(row.lost_value),
            "active_start": int(row.active_start),
            "churn_rate": _number(row.churn_rate, 6),
            "won_back": int(row.won_back),
        }
        for row in result.periods.itertuples()
    ]
    lost = [
        {
            "client_id": row.client_id,
            "last_purchase": _day(row.last_purchase),
            "loss_date": _day(row.loss_date),
            "value_before_loss": _number(row.value_before_loss),
            "reason": None if row.reason is None or row.reason != row.reason else reason_label(row.reason),
        }
        for row in result.lost.itertuples()
    ]
    risky = [
        {
            "client_id": row.client_id,
            "last_purchase": _day(row.last_purchase),
            "median_gap_days": _number(row.median_gap_days, 1),
            "days_since": int(row.days_since),
        }
        for row in result.at_risk.itertuples()
    ]
    reasons = [
        {"reason": reason_label(row.reason), "clients": int(row.clients), "value": _number(row.value)}
        for row in result.reasons.itertuples()
    ]
    slope = result.trend["slope"]
    return {
        "parameters": result.parameters,
        "periods": periods,
        "trend": {"slope": _number(slope, 4), "direction": result.trend["direction"]},
        "lost_clients": lost,
        "at_risk": risky,
        "reasons": reasons,
    }, 0


def add_reasons_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="CSV/XLSX/XLS with a client id, a reason and optionally a date")
    parser.add_argument("--db", help="database file (default: $KAM_DB or data/kam.duckdb)")
    parser.add_argument("--sheet", help="sheet of an Excel workbook (default: the first)")
    parser.add_argument("--client-column", help="the client id column, by name or 1-based position")
    parser.add_argument("--reason-column", help="the reason column, by name or 1-based position")
    parser.add_argument("--date-column", help="the date column (optional), by name or 1-based position")


def run_reasons(args) -> tuple[dict, int]:
    try:
        with Store(args.db, wait=getattr(args, "wait", 0.0)) as store:
            summary = load_reasons_file(
                store,
                args.file,
                sheet=args.sheet,
                client_column=args.client_column,
                reason_column=args.reason_column,
                date_column=args.date_column,
                loaded_by=f"cli:{getpass.getuser()}",
            )
    except FileNotFoundError:
        summary = {"file": args.file, "status": "refused", "message": f"'{args.file}' does not exist."}
    except KamError as exc:
        summary = {"file": args.file, "status": "refused", "message": exc.message}
    if summary["status"] == "refused":
        print(summary["message"], file=sys.stderr)
        return summary, 1
    if summary["unknown_clients"]:
        print(summary["message"], file=sys.stderr)
    return summary, 0
