"""The command line: ``python -m core COMMAND ...``, a thin shell over ``core``.

Each command lives in the module named in ``COMMANDS``, which provides
``add_arguments(parser)`` and ``run(args) -> (payload, exit_code)``. The payload
is printed as JSON (or written where ``--out`` says). A ``KamError`` becomes its
one-line message on stderr and exit status 1 — never a traceback. Every
command that takes ``--db`` also takes ``--wait SECONDS``: when another process
holds the database, keep trying that long instead of giving up at once.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys

from core.errors import KamError

COMMANDS = {
    "overview": ("core.overview_cli", "the headline of every view on one screen"),
    "ingest": ("core.ingest_cli", "load sales exports (CSV, XLSX, XLS) into the store"),
    "reasons": ("core.churn_cli", "load a file of loss reasons (client, reason, optional date)"),
    "abcxyz": ("core.grid_cli", "the nine-cell ABC-XYZ grid"),
    "concentration": ("core.concentration_cli", "revenue concentration in key clients"),
    "churn": ("core.churn_cli", "lost clients, their dynamics and reasons"),
    "winback": ("core.winback_cli", "the win-back call list"),
    "hash-code": ("core.access_cli", "read an access code on standard input, print the line for secrets.toml"),
    "backup": ("core.backup_cli", "write the whole database to a zip of Parquet files"),
    "restore": ("core.backup_cli", "restore a backup zip into an empty database"),
    "managers": ("core.managers_cli", "each manager's portfolio: key clients, revenue, losses, at risk"),
    "assignments": ("core.managers_cli", "load an assignments file (client or region -> manager, dated)"),
    "dossier": ("core.dossier_cli", "one client's dossier: stored facts and the computed picture"),
}


def _ident(command: str) -> str:
    return command.replace("-", "_")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m core", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (module_name, help_text) in COMMANDS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue  # a view still being built; its command appears when its module lands
        sub = commands.add_parser(name, help=help_text)
        adder = getattr(module, f"add_{_ident(name)}_arguments", None) or module.add_arguments
        adder(sub)
        if any("--db" in action.option_strings for action in sub._actions):
            sub.add_argument(
                "--wait",
                type=float,
                default=0.0,
                metavar="SECONDS",
                help="when another process holds the database, keep trying this long (default: give up at once)",
            )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    module = importlib.import_module(COMMANDS[args.command][0])
    runner = getattr(module, f"run_{_ident(args.command)}", None) or module.run
    try:
        payload, code = runner(args)
    except KamError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    except Exception as exc:  # a bug, not bad input: still one line, never a traceback
        print(f"Unexpected error ({type(exc).__name__}): {exc}. Nothing was changed.", file=sys.stderr)
        return 2
    if payload is not None:
        print(json.dumps(payload, ensure_ascii=False, indent=1, default=str))
    return code


if __name__ == "__main__":
    sys.exit(main())
