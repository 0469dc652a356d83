"""Concurrency and faults: ten sessions at once, a kill -9 mid-ingest, a database held by another process."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

import pytest

from core.__main__ import build_parser
from core.access import Actor
from core.grid import GridParams, abcxyz
from core.ingest import ingest_path
from core.store import Store
from tests.conftest import ROOT

SESSIONS = 10
ROWS = 200


def _export(folder, i: int):
    """Session i's own export: month i+1 of 2024, clients of its own, one source (same headers)."""
    rng = random.Random(i)
    path = folder / f"export_{i:02d}.csv"
    rows = [
        f"2024-{i + 1:02d}-{1 + n % 28:02d},K{i}-{n % 40},{rng.randrange(1, 10_000) / 100:.2f}" for n in range(ROWS)
    ]
    path.write_text("Date,Client,Amount\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def _throwaway(folder, i: int):
    """An upload the session deletes again (other headers: another source, so no overlap)."""
    path = folder / f"mistake_{i:02d}.csv"
    path.write_text(f"Date,Client,Amount,Note\n2023-05-{1 + i:02d},X{i},999.99,oops {i}\n", encoding="utf-8")
    return path


def test_ten_sessions_upload_delete_and_read_at_once(store, tmp_path):
    exports = [_export(tmp_path, i) for i in range(SESSIONS)]
    mistakes = [_throwaway(tmp_path, i) for i in range(SESSIONS)]
    start = threading.Barrier(SESSIONS)
    errors, outcomes = [], []

    def session(i: int) -> None:
        editor = Actor(f"editor{i}@example.com", "editor")
        try:
            start.wait()
            outcomes.append(ingest_path(store, exports[i], loaded_by=editor)["status"])
            if not store.is_empty():
                abcxyz(store, GridParams())
            wrong = ingest_path(store, mistakes[i], loaded_by=editor)
            store.uploads()
            store.delete_upload(wrong["upload_id"], by=editor)
            # another session's export, very likely while that session uploads it too
            outcomes.append(ingest_path(store, exports[(i + 1) % SESSIONS], loaded_by=editor)["status"])
            store.query_rows("SELECT count(*), sum(amount) FROM lines")
        except Exception as exc:  # collected: a thread's failure must fail the test
            errors.append(f"session {i}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=session, args=(i,)) for i in range(SESSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert sorted(outcomes) == ["loaded"] * SESSIONS + ["unchanged"] * SESSIONS
    uploads = store.uploads()
    assert sorted(uploads["file_name"]) == [p.name for p in exports]  # every export exactly once
    per_upload = store.query_rows("SELECT upload_id, count(*) FROM lines GROUP BY upload_id")
    assert sorted(n for _, n in per_upload) == [ROWS] * SESSIONS
    assert set(dict(per_upload)) == set(uploads["upload_id"])
    expected_total = sum(
        round(float(line.split(",")[2]) * 100) for p in exports for line in p.read_text().splitlines()[1:]
    )
    lines_total, daily_total = store.query_rows(
        "SELECT (SELECT round(sum(amount) * 100) FROM lines), (SELECT round(sum(revenue) * 100) FROM daily)"
    )[0]
    assert lines_total == daily_total == expected_total  # the derived tables agree with the lines
    assert store.scalar("SELECT count(*) FROM lines WHERE client_id LIKE 'X%'") == 0
    assert store.scalar("SELECT count(*) FROM audit_log WHERE action = 'delete_upload'") == SESSIONS


# -- kill -9 during an ingest --------------------------------------------------------------


def _big_export(path, lines: int = 600_000):
    rng = random.Random(3)
    with open(path, "w", encoding="utf-8") as out:
        out.write("Date,Client,Amount,Manager,Region\n")
        for n in range(lines):
            out.write(
                f"2024-{1 + n % 12:02d}-{1 + n % 28:02d},C{rng.randrange(50_000)},{rng.random() * 1e4:.2f},"
                f"Manager {n % 7},Region {n % 5}\n"
            )
    return path


def _consistent(db) -> tuple[int, int]:
    """Open the store after the kill; every upload whole, the derived tables matching. (uploads, lines)"""
    with Store(db) as store:
        uploads = store.query_rows("SELECT upload_id, rows_loaded FROM uploads")
        per_upload = dict(store.query_rows("SELECT upload_id, count(*) FROM lines GROUP BY upload_id"))
        assert per_upload == {u: n for u, n in uploads}, "a partial upload survived the kill"
        lines, daily = store.query_rows(
            "SELECT (SELECT count(*) FROM lines), (SELECT coalesce(sum(lines), 0) FROM daily)"
        )[0]
        assert lines == daily
        return len(uploads), lines


@pytest.mark.parametrize("moment", ["while reading", "while storing"])
def test_kill_9_mid_ingest_leaves_no_partial_upload(tmp_path, moment):
    big = _big_export(tmp_path / "big.csv")
    db = tmp_path / "kill.duckdb"
    with Store(db):
        pass  # the schema exists; a kill cannot catch the file half-created
    size = db.stat().st_size
    ingest = subprocess.Popen(
        [sys.executable, "-m", "core", "ingest", str(big), "--db", str(db)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        if moment == "while reading":
            time.sleep(1.5)
        else:  # as soon as the new lines reach the database file (the transaction is under way)
            while time.monotonic() < deadline and ingest.poll() is None and db.stat().st_size == size:
                time.sleep(0.005)
        killed = ingest.poll() is None
        os.kill(ingest.pid, signal.SIGKILL)
    finally:
        ingest.wait(timeout=30)
    assert killed, "the ingest ended before the kill: make the file bigger"
    # Killed before its commit nothing of it is stored; in the instant after, all of it is.
    assert _consistent(db) in ((0, 0), (1, 600_000))
    # and the store takes the same file afterwards, whole
    again = subprocess.run(
        [sys.executable, "-m", "core", "ingest", str(big), "--db", str(db)], cwd=ROOT, capture_output=True, text=True
    )
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["files"][0]["status"] in ("loaded", "unchanged")
    assert _consistent(db) == (1, 600_000)


# -- a database held by another process --------------------------------------------------------


@pytest.fixture
def held(tmp_path):
    """Another process holding the database until told to let go (a line on its standard input)."""
    db = tmp_path / "held.duckdb"
    with Store(db):
        pass
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from core.store import Store; s = Store({str(db)!r}); print('ready', flush=True); "
            "import sys; sys.stdin.readline(); s.close(); print('released', flush=True); sys.stdin.read()",
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "ready"
    yield db, holder
    holder.communicate("\n\n")


def test_busy_database_names_the_holder(held):
    db, holder = held
    run = subprocess.run(
        [sys.executable, "-m", "core", "abcxyz", "--db", str(db)], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert f"is open in another program: process {holder.pid} (python" in run.stderr
    assert "from core.store import Store" in run.stderr  # its command line, so a person can tell which
    assert "--wait SECONDS" in run.stderr


def test_wait_gives_up_after_the_seconds_given(held):
    db, holder = held
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "core", "churn", "--db", str(db), "--wait", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    waited = time.monotonic() - started
    assert run.returncode == 1 and 2 <= waited < 15
    assert "was still open in another program after 2 s of waiting: process" in run.stderr


def test_wait_goes_on_once_the_holder_lets_go(held, tmp_path):
    db, holder = held
    from tests.conftest import FIXTURES

    waiting = subprocess.Popen(
        [sys.executable, "-m", "core", "ingest", str(FIXTURES / "sales_small.csv"), "--db", str(db), "--wait", "30"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(1.0)
    assert waiting.poll() is None  # still waiting
    holder.stdin.write("\n")
    holder.stdin.flush()
    assert holder.stdout.readline().strip() == "released"
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert json.loads(out)["files"][0]["rows_loaded"] == 4


def test_every_command_with_db_offers_wait():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    with_db = {name for name, sub in commands.items() if any("--db" in a.option_strings for a in sub._actions)}
    assert with_db == {
        *("ingest", "reasons", "abcxyz", "concentration", "churn", "winback", "backup", "restore"),
        *("managers", "assignments", "dossier", "overview"),
    }
    for name in with_db:
        assert any("--wait" in a.option_strings for a in commands[name]._actions), name


def test_ten_sessions_dropping_the_same_export_at_once_store_it_once(store, tmp_path):
    export = _export(tmp_path, 3)
    start = threading.Barrier(SESSIONS)
    outcomes, errors = [], []

    def session(i: int) -> None:
        try:
            start.wait()
            outcomes.append(ingest_path(store, export, loaded_by=f"editor{i}")["status"])
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=session, args=(i,)) for i in range(SESSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert sorted(outcomes) == ["loaded"] + ["unchanged"] * (SESSIONS - 1)
    assert store.scalar("SELECT count(*) FROM uploads") == 1
    assert store.scalar("SELECT count(*) FROM lines") == ROWS


def test_no_connection_prints_a_progress_bar(store):
    # a long query would otherwise draw DuckDB's bar on stdout, inside the CLI's JSON
    from core.dbopen import private

    assert store.scalar("SELECT current_setting('enable_progress_bar')") is False
    con = private()
    try:
        assert con.execute("SELECT current_setting('enable_progress_bar')").fetchone()[0] is False
        assert con.execute("SELECT current_setting('memory_limit')").fetchone()[0] == "305.1 MiB"  # 320MB
    finally:
        con.close()


def test_a_store_opened_for_ingest_holds_to_the_reading_bound(tmp_path, monkeypatch):
    # a process that only ingests keeps its store within $KAM_READ_MEMORY too (~1 GB for 10M lines)
    from core.dbopen import read_memory

    monkeypatch.setenv("KAM_READ_MEMORY", "256MB")
    with Store(tmp_path / "bound.duckdb", memory=read_memory()) as bound:
        assert bound.scalar("SELECT current_setting('memory_limit')") == "244.1 MiB"
