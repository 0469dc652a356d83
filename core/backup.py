"""Backups: the whole database as one zip of Parquet files, and restoring it into an empty store.

What it promises:

- **Every table, one moment.** ``backup`` writes each table of the store to
  ``tables/<name>.parquet`` inside one read transaction, so the tables agree
  with each other even while people keep uploading; ``manifest.json`` lists
  each table's columns, row count and fingerprint (an order-independent sum
  of row hashes), the sequences' positions, the DuckDB version, who made the
  backup and when.
- **Restore only into an empty store**, all in one transaction: a store that
  already holds anything of its own (lines, uploads, kinds, reasons,
  statuses, the audit log) is refused and left alone; the tables seeded with
  defaults (the reasons catalogue, the lever rules, the version counter) are
  replaced. Afterwards every table must hold the row count (and, under the
  same DuckDB version, the fingerprint) the manifest recorded, or nothing is
  restored. The sequences move past the backup's ids, so new uploads and
  status entries never reuse one.
- **Editors only**, both ways (``core.access.require_editor``); the restore
  is written to the audit log.
- **Safe to open**: only the members the manifest names are read, each into
  a file this module names (never a path taken from the zip), and only up to
  the size the zip declares.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path
from typing import IO

import duckdb

from core.access import require_editor
from core.errors import InputError
from core.store import Store, audit, quote_ident

FORMAT, FORMAT_VERSION = "kam-backup", 1
MANIFEST = "manifest.json"
# Tables the schema fills with defaults on creation: restored by replacing them.
SEEDED = (
    "store_meta",
    "loss_reason_catalogue",
    "loss_reason_catalogue_seeded",
    "winback_lever_rules",
    "winback_lever_rules_seeded",
)
# Named first when a store is refused for holding data: what a person recognises.
PEOPLES = ("lines", "uploads", "client_tags", "loss_reasons", "winback_status_history", "audit_log")
MAX_MANIFEST_BYTES = 4 * 2**20


def _tables(cur) -> list[str]:
    rows = cur.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND NOT temporary ORDER BY table_name"
    ).fetchall()
    return [r[0] for r in rows]


def _columns(cur, table: str) -> list[str]:
    rows = cur.execute(
        "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND table_name = ? ORDER BY column_index",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


def _figures(cur, table: str, columns: list[str]) -> dict:
    """Row count and fingerprint of one table (the fingerprint ignores row order)."""
    hashed = "hash(" + ", ".join(quote_ident(c) for c in columns) + ")"
    rows, fingerprint = cur.execute(
        f"SELECT count(*), coalesce(sum({hashed}::HUGEINT), 0)::VARCHAR FROM {quote_ident(table)}"
    ).fetchone()
    return {"rows": int(rows), "fingerprint": fingerprint}


def figures(store: Store) -> dict[str, dict]:
    """Every table's row count and fingerprint, e.g. to compare a store before and after something."""
    cur = store.conn.cursor()
    return {table: _figures(cur, table, _columns(cur, table)) for table in _tables(cur)}


def _sequences(cur) -> dict[str, int]:
    rows = cur.execute(
        "SELECT sequence_name, last_value FROM duckdb_sequences() WHERE database_name = current_database()"
    ).fetchall()
    return {name: int(last) for name, last in rows if last is not None}


def backup(store: Store, out: str | os.PathLike | IO[bytes], *, by=None) -> dict:
    """Write the whole store to ``out`` (a path or a binary file) as a zip; returns the manifest."""
    by = require_editor(by)
    with tempfile.TemporaryDirectory(prefix="kam-backup-") as folder:
        cur = store.conn.cursor()
        cur.execute("BEGIN TRANSACTION")  # one snapshot for every table
        try:
            tables = {}
            for table in _tables(cur):
                columns = _columns(cur, table)
                cur.execute(
                    f"COPY {quote_ident(table)} TO ? (FORMAT parquet)", [str(Path(folder) / f"{table}.parquet")]
                )
                tables[table] = {"columns": columns, **_figures(cur, table, columns)}
            sequences = _sequences(cur)
        finally:
            cur.execute("ROLLBACK")
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": datetime.now().isoformat(timespec="seconds"),
            "created_by": str(by or "team"),
            "duckdb": duckdb.__version__,
            "tables": tables,
            "sequences": sequences,
        }
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:  # Parquet is compressed
            archive.writestr(MANIFEST, json.dumps(manifest, indent=1))
            for table in tables:
                archive.write(Path(folder) / f"{table}.parquet", f"tables/{table}.parquet")
    return manifest


def _read_manifest(archive: zipfile.ZipFile, name: str) -> dict:
    try:
        info = archive.getinfo(MANIFEST)
    except KeyError:
        raise InputError.keyed("err.backup_not_backup", file=name, detail=f"no {MANIFEST}") from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise InputError.keyed("err.backup_not_backup", file=name, detail=f"{MANIFEST} too large")
    try:
        manifest = json.loads(archive.read(info))
    except (ValueError, zipfile.BadZipFile) as exc:
        raise InputError.keyed("err.backup_not_backup", file=name, detail=str(exc).splitlines()[0]) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise InputError.keyed("err.backup_not_backup", file=name, detail="not a kam-backup manifest")
    if int(manifest.get("format_version") or 0) > FORMAT_VERSION:
        raise InputError.keyed(
            "err.backup_unknown_table", file=name, name=f"format version {manifest.get('format_version')}"
        )
    return manifest


def _held(cur) -> list[str]:
    """What the store already holds of its own: "lines: 1,234 rows", the people's tables first."""
    held = []
    for table in _tables(cur):
        if table in SEEDED:
            continue
        rows = cur.execute(f"SELECT count(*) FROM {quote_ident(table)}").fetchone()[0]
        if rows:
            first = PEOPLES.index(table) if table in PEOPLES else len(PEOPLES)
            held.append((first, table, f"{table}: {rows:,} rows"))
    return [text for *_, text in sorted(held)]


def restore(store: Store, source: str | os.PathLike | IO[bytes], *, by=None, file_name: str | None = None) -> dict:
    """Restore a backup zip into ``store``, which must be empty; returns what was restored.

    Raises ``InputError`` (nothing changed) for a non-empty store, a file that
    is not a backup, a table or column this version does not know, or a
    restore that does not reproduce the manifest's figures.
    """
    by = require_editor(by)
    name = file_name or (Path(source).name if isinstance(source, str | os.PathLike) else "backup")
    held = _held(store.conn.cursor())
    if held:
        raise InputError.keyed("err.backup_not_empty", path=str(store.path), what="; ".join(held[:3]))
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError.keyed("err.backup_not_backup", file=name, detail=str(exc).splitlines()[0]) from None
    with archive, tempfile.TemporaryDirectory(prefix="kam-restore-") as folder:
        manifest = _read_manifest(archive, name)
        known = set(_tables(store.conn.cursor()))
        parts = {}
        for table, recorded in manifest["tables"].items():
            if table not in known:
                raise InputError.keyed("err.backup_unknown_table", file=name, name=table)
            unknown = set(recorded["columns"]) - set(_columns(store.conn.cursor(), table))
            if unknown:
                raise InputError.keyed("err.backup_unknown_table", file=name, name=f"{table}.{sorted(unknown)[0]}")
            parts[table] = _extract(archive, f"tables/{table}.parquet", Path(folder) / f"{len(parts)}.parquet", name)
        same_engine = manifest.get("duckdb") == duckdb.__version__

        def change(cur):
            version = cur.execute("SELECT value FROM store_meta WHERE key = 'version'").fetchone()[0]
            for table in SEEDED:
                if table in parts:
                    cur.execute(f"DELETE FROM {quote_ident(table)}")
            for table, path in parts.items():
                columns = ", ".join(quote_ident(c) for c in manifest["tables"][table]["columns"])
                cur.execute(
                    f"INSERT INTO {quote_ident(table)} ({columns}) SELECT {columns} FROM read_parquet(?)", [str(path)]
                )
            for table, recorded in manifest["tables"].items():
                got = _figures(cur, table, recorded["columns"])
                if got["rows"] != recorded["rows"]:
                    detail = f"{got['rows']:,} rows instead of {recorded['rows']:,}"
                    raise InputError.keyed("err.backup_mismatch", file=name, table=table, detail=detail)
                if same_engine and got["fingerprint"] != recorded["fingerprint"]:
                    raise InputError.keyed("err.backup_mismatch", file=name, table=table, detail="other values")
            # Caches key on the version: it must move past anything this store (or the backup) has shown.
            cur.execute("UPDATE store_meta SET value = greatest(value, ?) WHERE key = 'version'", [version])
            now = _sequences(cur)
            for sequence, last in manifest.get("sequences", {}).items():
                steps = int(last) - now.get(sequence, 0)
                if steps > 0:
                    cur.execute("SELECT max(nextval(?)) FROM range(?)", [sequence, steps])
            audit(cur, by, "restore_backup", f"{name} ({manifest.get('created_at')})")

        store.write(change, lines=True)
    return {
        "file": name,
        "status": "restored",
        "created_at": manifest.get("created_at"),
        "created_by": manifest.get("created_by"),
        "tables": len(parts),
        "rows": {table: recorded["rows"] for table, recorded in manifest["tables"].items()},
        "lines": manifest["tables"].get("lines", {}).get("rows", 0),
    }


def _extract(archive: zipfile.ZipFile, member: str, target: Path, name: str) -> Path:
    """Copy one member to ``target``; zipfile stops at the size the zip declares and checks its CRC."""
    try:
        with archive.open(member) as src, open(target, "wb") as dst:
            shutil.copyfileobj(src, dst, length=1 << 20)
    except KeyError:
        raise InputError.keyed("err.backup_not_backup", file=name, detail=f"no {member}") from None
    except (zipfile.BadZipFile, EOFError, RuntimeError) as exc:
        raise InputError.keyed("err.backup_not_backup", file=name, detail=str(exc).splitlines()[0]) from None
    return target
