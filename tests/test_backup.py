"""Backups: the demo store round-trips through Parquet with every figure equal; restores refuse what they must."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from datetime import date

import pytest

from core import backup, reasons, tags, winback
from core.__main__ import main
from core.access import Actor
from core.backup import figures
from core.demo import load_demo_if_empty
from core.errors import InputError
from core.ingest import ingest_path
from core.store import Store
from tests.conftest import FIXTURES, ROOT

VIEWS = [
    ["abcxyz"],
    ["abcxyz", "--basis", "margin", "--period", "quarter", "--window", "8", "--xyz", "frequency"],
    ["concentration", "--top", "5", "--target", "60"],
    ["churn", "--lost-days", "120"],
    ["churn", "--period", "quarter", "--where", "region=Tbilisi"],
    ["winback", "--include-at-risk"],
    ["winback", "--min-value", "1000"],
]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo store with people's records in every table: kinds, reasons, statuses, a deleted upload."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store(path) as store:
        load_demo_if_empty(store)
        extra = ingest_path(store, FIXTURES / "sales_small.csv", loaded_by="nino")
        store.delete_upload(extra["upload_id"], by="nino")
        lost = store.query_rows("SELECT client_id, last_date FROM clients ORDER BY last_date, client_id LIMIT 3")
        tags.set_kinds(store, [(lost[0][0], "prospect", True), (lost[1][0], "expert", True)], by="nino")
        reasons.record_reason(store, lost[0][0], lost[0][1], "price", "nino")
        reasons.save_catalogue(store, ["price", "quality", "our own reason"], by="nino")
        winback.set_status(store, lost[1][0], "contacted", owner="Nino", note="called", by="nino")
        winback.reset_lever_rules(store, by="giorgi")
    return path


def view(capsys, db, argv) -> dict:
    code = main([argv[0], "--db", str(db), *argv[1:]])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return _rounded(json.loads(captured.out))


def _rounded(value):
    """Floats to 10 significant digits: DuckDB's parallel aggregates (the grid's cv) differ in the
    last bit from one run to the next even on the same store, so equal means equal to 10 digits."""
    if isinstance(value, float):
        return float(f"{value:.10g}")
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def test_round_trip_keeps_every_table_and_every_figure(capsys, demo, tmp_path):
    with Store(demo) as store:
        before = figures(store)
        manifest = backup.backup(store, tmp_path / "kam.zip", by="giorgi")
        version = store.version()
    assert manifest["tables"]["lines"]["rows"] == before["lines"]["rows"] > 15_000
    assert {t: m["rows"] for t, m in manifest["tables"].items()} == {t: f["rows"] for t, f in before.items()}
    assert all(before[t]["rows"] for t in ("client_tags", "loss_reasons", "winback_status_history", "audit_log"))
    with zipfile.ZipFile(tmp_path / "kam.zip") as archive:
        assert sorted(archive.namelist()) == sorted(["manifest.json", *(f"tables/{t}.parquet" for t in before)])

    restored_db = tmp_path / "restored.duckdb"
    with Store(restored_db) as empty:
        summary = backup.restore(empty, tmp_path / "kam.zip", by="giorgi")
        after = figures(empty)
        assert empty.version() > version  # caches keyed on the version cannot serve older figures
        log = empty.query_rows("SELECT done_by, action FROM audit_log ORDER BY done_at")
    assert summary["lines"] == before["lines"]["rows"] and summary["tables"] == len(before)
    changed = {t for t in before if after[t] != before[t]}
    assert changed == {"audit_log", "store_meta"}  # the restore's own audit entry and the version
    assert log[-1] == ("giorgi", "restore_backup") and log[:-1] == [
        ("nino", "delete_upload"),
        ("nino", "save_catalogue"),
    ]
    for argv in VIEWS:
        assert view(capsys, restored_db, argv) == view(capsys, demo, argv), argv


def test_new_ids_continue_after_the_backup(demo, tmp_path):
    with Store(demo) as store:
        backup.backup(store, tmp_path / "kam.zip")
        last_upload = store.scalar("SELECT max(upload_id) FROM uploads")
    with Store(tmp_path / "restored.duckdb") as empty:
        backup.restore(empty, tmp_path / "kam.zip")
        again = ingest_path(empty, FIXTURES / "sales_small.csv")
        client = empty.scalar("SELECT client_id FROM winback_status_history")
        winback.set_status(empty, client, "offer_made", by="nino")
        entries = empty.query_rows("SELECT entry_id FROM winback_status_history ORDER BY entry_id")
    assert again["upload_id"] > last_upload + 1  # the deleted upload's id is not given out again
    assert [e[0] for e in entries] == [1, 2]


def test_restore_refuses_a_store_that_holds_data(demo, tmp_path, store):
    with Store(demo) as source:
        backup.backup(source, tmp_path / "kam.zip")
    ingest_path(store, FIXTURES / "sales_small.csv")
    before = figures(store)
    with pytest.raises(InputError, match=r"already holds data \(lines: 4 rows; .*only into an empty one"):
        backup.restore(store, tmp_path / "kam.zip")
    assert figures(store) == before


def test_restore_refuses_what_is_not_a_backup(store, tmp_path):
    before = figures(store)
    plain = tmp_path / "sales.zip"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.write(FIXTURES / "sales_small.csv", "sales_small.csv")
    with pytest.raises(InputError, match="'sales.zip' is not a backup of this dashboard \\(no manifest.json\\)"):
        backup.restore(store, plain)
    (tmp_path / "junk.zip").write_bytes(b"not a zip at all")
    with pytest.raises(InputError, match="is not a backup"):
        backup.restore(store, tmp_path / "junk.zip")
    assert figures(store) == before


def _tampered(source, target, change):
    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as out:
        manifest = json.loads(archive.read("manifest.json"))
        change(manifest)
        out.writestr("manifest.json", json.dumps(manifest))
        for name in archive.namelist():
            if name != "manifest.json":
                out.writestr(name, archive.read(name))


def test_restore_checks_the_figures_and_the_schema(demo, tmp_path, store):
    with Store(demo) as source:
        backup.backup(source, tmp_path / "kam.zip")
    before = figures(store)

    def fewer_lines(manifest):
        manifest["tables"]["lines"]["rows"] += 1

    def unknown_table(manifest):
        manifest["tables"]["dossiers"] = manifest["tables"]["audit_log"]

    def unknown_column(manifest):
        manifest["tables"]["lines"]["columns"].append("secret_column")

    for change, message in (
        (fewer_lines, r"table lines: 16,159 rows instead of 16,160"),
        (unknown_table, r"does not know \(dossiers\)"),
        (unknown_column, r"does not know \(lines.secret_column\)"),
    ):
        _tampered(tmp_path / "kam.zip", tmp_path / "bad.zip", change)
        with pytest.raises(InputError, match=message):
            backup.restore(store, tmp_path / "bad.zip")
        assert figures(store) == before, change.__name__


def test_backup_and_restore_are_for_editors(demo, store, tmp_path):
    from core.access import AccessDenied

    with Store(demo) as source:
        with pytest.raises(AccessDenied):
            backup.backup(source, io.BytesIO(), by=Actor("nino", "viewer"))
        backup.backup(source, tmp_path / "kam.zip", by=Actor("giorgi", "editor"))
    with pytest.raises(AccessDenied):
        backup.restore(store, tmp_path / "kam.zip", by=Actor("nino", "viewer"))
    assert store.is_empty()


def test_command_line_backup_and_restore(demo, tmp_path):
    out = tmp_path / "cli.zip"
    made = subprocess.run(
        [sys.executable, "-m", "core", "backup", "--db", str(demo), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["tables"]["lines"] == 16_159 and out.is_file()
    target = tmp_path / "new.duckdb"
    restore = [sys.executable, "-m", "core", "restore", str(out), "--db", str(target)]
    first = subprocess.run(restore, cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["status"] == "restored"
    second = subprocess.run(restore, cwd=ROOT, capture_output=True, text=True)
    assert second.returncode == 1 and "Traceback" not in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1 and "only into an empty one" in second.stderr
    with Store(target) as store:
        assert store.scalar("SELECT count(*) FROM lines") == 16_159
        assert store.scalar("SELECT min(date) FROM lines") == date(2023, 11, 1)


def test_the_data_page_backs_up_and_restores_for_an_editor(demo, tmp_path):
    from tests.pagetest import open_page

    with Store(demo) as source:
        tables = len(backup.backup(source, tmp_path / "kam.zip")["tables"])
    copy = tmp_path / "page.duckdb"
    copy.write_bytes(demo.read_bytes())
    full = open_page(copy, "data")
    button = full.get("download_button")
    assert [b.proto.label for b in button if b.proto.id and "data_backup_download" in b.proto.id] == [
        "Download a backup (.zip)"
    ]
    empty_db = tmp_path / "empty.duckdb"
    at = open_page(empty_db, "data")
    assert not any(getattr(u, "key", None) == "data_restore" for u in at.get("file_uploader"))
    at.toggle(key="data_restore_wanted").set_value(True).run()
    at.file_uploader(key="data_restore").set_value(("kam.zip", (tmp_path / "kam.zip").read_bytes(), "application/zip"))
    at.run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == [f"Restored {tables} tables (16,159 sales lines) from kam.zip."]
    with Store(empty_db) as store:
        assert store.scalar("SELECT count(*) FROM lines") == 16_159
        assert store.scalar("SELECT done_by FROM audit_log WHERE action = 'restore_backup'") == "team"
