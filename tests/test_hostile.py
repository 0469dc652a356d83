"""Hostile files (``tests/hostile.py``) through the command line and the Data page: refused in bounded
time and memory, with one message a person can act on, and the store exactly as it was."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from pagetest import open_page

from core.backup import figures
from core.ingest import ingest_path
from core.store import Store
from tests import hostile
from tests.conftest import FIXTURES, ROOT

# Runs the command line and writes its peak memory (KB) where KAM_TEST_RSS says. VmHWM, not
# ru_maxrss: Linux carries ru_maxrss across exec from the forked test process, VmHWM starts anew.
MEASURED = (
    "import os, re, sys\n"
    "from core.__main__ import main\n"
    "try:\n"
    "    code = main(sys.argv[1:])\n"
    "finally:\n"
    "    status = open('/proc/self/status').read()\n"
    "    with open(os.environ['KAM_TEST_RSS'], 'w') as f:\n"
    "        f.write(re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1))\n"
    "sys.exit(code)\n"
)
REFUSED = {
    "bomb.csv.gz": "'bomb.csv.gz' unpacks to over 100 times its size, which no sales export does; it was not read.",
    "bomb.zip": "'bomb.zip' unpacks to over 100 times its size, which no sales export does; it was not read.",
    "truncated.csv.gz": "'truncated.csv.gz' is cut short: it ends in the middle of its compressed data.",
    "not_gzip.csv.gz": "'not_gzip.csv.gz' is named .gz but is not gzip-compressed.",
    "encrypted.zip": "'encrypted.zip' is protected by a password.",
    "bad_crc.zip": "'bad_crc.zip' is a damaged archive (Bad CRC-32 for file 'sales.csv').",
    "two.zip": "The zip holds 2 files (a.csv, b.csv); put exactly one CSV in it.",
    "folder.csv": "'folder.csv' is a folder, not a file.",
    "pipe.csv": "'pipe.csv' is not an ordinary file (a device, pipe or socket).",
}
LIMIT_SECONDS, LIMIT_KB = 60, 2 * 2**20  # every hostile input: answered within 60 s and 2 GB


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    for name in [*REFUSED, "large.csv.gz"]:
        hostile.make(name, folder)
    return folder


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "store.duckdb"
    with Store(path) as store:
        ingest_path(store, FIXTURES / "sales_small.csv", loaded_by="nino")
    return path


def _figures(path):
    with Store(path) as store:
        return figures(store)


def ingest_cli(path, db, tmp_path, **env):
    rss = tmp_path / "rss"
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-c", MEASURED, "ingest", str(path), "--db", str(db)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=LIMIT_SECONDS,
        env={**os.environ, "KAM_TEST_RSS": str(rss), **env},
    )
    return run, time.monotonic() - started, int(rss.read_text())


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_file_on_the_command_line(corpus, db, tmp_path, name):
    before = _figures(db)
    run, seconds, peak_kb = ingest_cli(corpus / name, db, tmp_path)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr and "Unexpected error" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert run.stderr.startswith(REFUSED[name]), run.stderr
    (refused,) = json.loads(run.stdout)["files"]
    assert refused["status"] == "refused" and refused["message"] == run.stderr.strip()
    assert seconds < LIMIT_SECONDS and peak_kb < LIMIT_KB, (seconds, peak_kb)
    assert _figures(db) == before


def test_a_device_is_refused_at_once(db, tmp_path):
    before = _figures(db)
    run, seconds, _ = ingest_cli("/dev/zero", db, tmp_path)
    assert run.returncode == 1 and seconds < 20
    assert run.stderr.strip() == (
        "'zero' is not an ordinary file (a device, pipe or socket). Save the export as a file and load that."
    )
    assert _figures(db) == before


def test_a_bomb_is_refused_long_before_it_unpacks(corpus, db, tmp_path):
    run, seconds, peak_kb = ingest_cli(corpus / "bomb.zip", db, tmp_path)
    assert run.returncode == 1
    # 5 MB packed: refused at 100 × 5 MB unpacked (about 500 MB of the 2 GB), in flat memory.
    assert peak_kb < 400 * 1024, peak_kb
    assert not list(tmp_path.glob("*.csv"))


def test_the_unpacked_size_has_a_limit(corpus, db, tmp_path):
    before = _figures(db)
    run, _, _ = ingest_cli(corpus / "large.csv.gz", db, tmp_path, KAM_MAX_UNPACKED_MB="50")
    assert run.returncode == 1
    assert run.stderr.strip() == (
        "'large.csv.gz' unpacks to more than 50 MB, more than this dashboard reads at once. "
        "Split the export (by year or region) and load the parts."
    )
    assert _figures(db) == before


@pytest.mark.parametrize("name", ["bomb.csv.gz", "bomb.zip", "truncated.csv.gz", "encrypted.zip", "bad_crc.zip"])
def test_hostile_file_on_the_data_page(corpus, db, name):
    before = _figures(db)
    at = open_page(db, "data")
    at.file_uploader(key="data_upload").set_value((name, (corpus / name).read_bytes(), "application/octet-stream"))
    at.run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] and at.error[0].value.startswith(REFUSED[name])
    assert len(at.error) == 1
    assert not any(b.key and b.key.startswith("data_confirm") for b in at.button)
    assert _figures(db) == before


def test_the_data_page_speaks_georgian_about_a_bomb(corpus, db):
    at = open_page(db, "data", lang="ka")
    at.file_uploader(key="data_upload").set_value(("bomb.zip", (corpus / "bomb.zip").read_bytes(), "application/zip"))
    at.run()
    assert at.error[0].value.startswith("„bomb.zip“ გაშლისას თავის ზომაზე 100-ჯერ მეტი ხდება")
