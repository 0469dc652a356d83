"""``python -m core hash-code [--role editor|viewer]``: the line that puts an access code in the secrets.

Reads the code from standard input (without echo at a terminal; the first
line of piped input otherwise) and prints, for example,
``editor_code_sha256 = "5e88…"`` — paste it under ``[access]`` in
``.streamlit/secrets.toml``. Only the digest is kept; the code itself is never
written anywhere. A code shorter than 8 characters is refused (exit 1).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from core.access import EDITOR, ROLES, secrets_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--role", choices=ROLES, default=EDITOR, help="whose code it is (default: editor)")


def run(args) -> tuple[None, int]:
    if sys.stdin.isatty():
        code = getpass.getpass(f"{args.role} code: ")
    else:
        code = sys.stdin.readline().rstrip("\r\n")
    print(secrets_line(code, args.role))
    return None, 0
