"""``python -m core overview``: every view's headline as JSON (shares as fractions).

A thin shell over ``core.overview.overview`` — the function the overview page calls.
"""

from __future__ import annotations

import argparse

from core.analysis import Filters, add_common_arguments
from core.overview import OverviewParams, overview
from core.store import Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_common_arguments(parser, window=None, periods=None)  # each view's own period and window


def run(args: argparse.Namespace) -> tuple[dict, int]:
    params = OverviewParams(filters=Filters.from_where(args.where), basis=args.basis, as_of=args.as_of)
    store = Store(args.db, wait=getattr(args, "wait", 0.0))
    try:
        return overview(store, params).as_json(), 0
    finally:
        store.close()
