"""``python -m core concentration``: the concentration figures as JSON (shares as fractions).

A thin shell over ``core.concentration.concentration`` — the same function the
page calls, so the two cannot disagree.
"""

from __future__ import annotations

import argparse

from core.analysis import Filters, add_common_arguments
from core.concentration import ConcentrationParams, concentration
from core.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser)
    parser.add_argument("--top", type=int, default=10, help="N of the top-N share (default 10)")
    parser.add_argument(
        "--target", type=float, default=50.0, help="key-set target, percent of the total basis (default 50)"
    )


def run(args: argparse.Namespace) -> tuple[dict, int]:
    params = ConcentrationParams(
        basis=args.basis,
        period=args.period,
        window=args.window,
        as_of=args.as_of,
        top=args.top,
        target=args.target,
        filters=Filters.from_where(args.where),
    )
    store = Store(args.db, wait=getattr(args, "wait", 0.0))
    try:
        return concentration(store, params).as_json(), 0
    finally:
        store.close()
