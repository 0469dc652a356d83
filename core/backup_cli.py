"""``python -m core backup --db PATH --out FILE.zip`` and ``python -m core restore FILE.zip --db PATH``.

``backup`` prints ``{"file", "tables": {name: rows}, "created_at"}``; ``restore``
prints what it restored. Both exit 1 with a one-line message when refused: a
restore goes only into an empty database (a new ``--db`` file is one), and a
file that is not a backup, or does not restore to the figures it recorded,
changes nothing. Both run as an editor named ``cli:USER``.
"""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from core.backup import backup, restore
from core.store import Store


def add_backup_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database file (default: $KAM_DB or data/kam.duckdb)")
    parser.add_argument("--out", required=True, metavar="FILE.zip", help="where to write the backup")


def add_restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE.zip", help="a backup made by `backup` or the Data page")
    parser.add_argument("--db", help="an empty (or new) database file (default: $KAM_DB or data/kam.duckdb)")


def _by() -> str:
    return f"cli:{getpass.getuser()}"


def run_backup(args) -> tuple[dict, int]:
    out = Path(args.out)
    partial = out.with_name(out.name + ".partial")
    with Store(args.db, wait=getattr(args, "wait", 0.0)) as store:
        try:
            manifest = backup(store, partial, by=_by())
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    partial.replace(out)  # a backup file is whole or absent
    return {
        "file": str(out),
        "created_at": manifest["created_at"],
        "tables": {name: table["rows"] for name, table in manifest["tables"].items()},
    }, 0


def run_restore(args) -> tuple[dict, int]:
    from core.errors import InputError

    if not Path(args.file).is_file():
        raise InputError(f"'{args.file}' does not exist or is not a file.")
    with Store(args.db, wait=getattr(args, "wait", 0.0)) as store:
        return restore(store, args.file, by=_by()), 0
