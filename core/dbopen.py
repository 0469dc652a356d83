"""Opening the database file: who holds it when it is busy, and waiting for it.

DuckDB lets one process at a time open a database file for writing. When
another process holds it, DuckDB's error names that process ("Conflicting
lock is held in /usr/bin/python3 (PID 1234)"); ``connect`` turns that into
``StoreBusy`` saying which program it is (its command line, where the
system shows it), and, given ``wait`` seconds, keeps trying until then
before giving up — what ``--wait SECONDS`` on the command line does.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path

import duckdb

from core.errors import StoreBusy, StoreError
from core.i18n import t

# What a private in-memory connection (reading a file, validating an upload) may hold before DuckDB
# spills to disk: without it DuckDB takes up to 80 % of the machine's memory for one upload. The
# command line's ingest bounds its store the same way, so a 10-million-line file is read in ~1 GB.
PRIVATE_MEMORY_ENV = "KAM_READ_MEMORY"
PRIVATE_MEMORY = "320MB"
_MEMORY = re.compile(r"^\s*\d+(\.\d+)?\s*(B|[KMGT]i?B)\s*$", re.IGNORECASE)


def quiet(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """``con`` without DuckDB's progress bar, which a query over two seconds would print on the
    standard output, into the command line's JSON."""
    con.execute("SET enable_progress_bar = false")
    return con


def read_memory() -> str:
    """How much memory one file's reading may hold before DuckDB spills to disk: ``$KAM_READ_MEMORY``
    (``512MB``, ``2GB`` …), else 320MB."""
    limit = os.environ.get(PRIVATE_MEMORY_ENV) or PRIVATE_MEMORY
    if not _MEMORY.match(limit):
        raise StoreError.keyed("err.read_memory", env=PRIVATE_MEMORY_ENV, value=repr(limit))
    return limit.strip()


def private() -> duckdb.DuckDBPyConnection:
    """An in-memory connection for one file's reading or validation, its memory bounded (spilling to the
    system's temporary folder) by ``read_memory()``."""
    spill = Path(tempfile.gettempdir()) / "kam-duckdb"
    spill.mkdir(parents=True, exist_ok=True)
    con = quiet(duckdb.connect(config={"memory_limit": read_memory(), "temp_directory": str(spill)}))
    # The reading rules test every cell against short constant lists (the missing-value words, the
    # edge characters: core.ingest._macros). DuckDB's optimizer makes each such IN a join with the
    # list, several per column, and those joins cost a third of the validation: 1.8 s → 1.2 s for 1M lines.
    con.execute("SET disabled_optimizers = 'in_clause'")
    return con


_HOLDER = re.compile(r"held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def holder_of(message: str) -> str | None:
    """The process named in a DuckDB lock error, as "process 1234 (python -m core ingest …)"."""
    found = _HOLDER.search(message)
    if not found:
        return None
    pid, program = found["pid"], found["program"]
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
        words = [w for w in raw.decode("utf-8", "replace").split("\0") if w]
        if words:
            program = " ".join([Path(words[0]).name, *words[1:]])[:200]
    except OSError:
        program = Path(program).name
    return t("store.holder", pid=pid, program=program)


def connect(path: Path, wait: float = 0.0, memory: str | None = None) -> duckdb.DuckDBPyConnection:
    """``duckdb.connect(path)``, retrying up to ``wait`` seconds while another process holds the file;
    ``memory`` bounds what DuckDB holds before it spills (its own bound, 80 % of the machine, by default)."""
    config = {"memory_limit": memory} if memory else {}
    deadline = time.monotonic() + max(0.0, wait or 0.0)
    pause = 0.1
    while True:
        try:
            return quiet(duckdb.connect(str(path), config=config))
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" not in message.lower():
                raise StoreError.keyed("err.store_open", path=str(path), detail=message) from None
            if time.monotonic() < deadline:
                time.sleep(min(pause, max(0.0, deadline - time.monotonic())))
                pause = min(pause * 2, 1.0)
                continue
            holder = holder_of(message)
            if holder is None:
                raise StoreBusy.keyed("err.store_busy", path=str(path)) from None
            if wait:
                raise StoreBusy.keyed(
                    "err.store_busy_waited", path=str(path), holder=holder, seconds=f"{wait:g}"
                ) from None
            raise StoreBusy.keyed("err.store_busy_by", path=str(path), holder=holder) from None
