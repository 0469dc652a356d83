"""Access in core: roles, codes through their digests, the pause after wrong codes, refusals of every write."""

from __future__ import annotations

import hmac
import subprocess
import sys
from datetime import date

import pandas as pd
import pytest

from core import access, backup, dossier, ingest, managers, prospects, reasons, tags, winback
from core.access import EDITOR, VIEWER, AccessDenied, AccessMisconfigured, AccessSettings, Actor, Throttle
from core.backup import figures
from core.store import add_upload
from tests.conftest import FIXTURES, ROOT

PASSWORD_SHA256 = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"  # sha256("password")
VIEWER_CODE, EDITOR_CODE = "look but do not touch", "change the figures"
CODES = AccessSettings.from_secrets(
    {
        "access": {
            "viewer_code_sha256": access.hash_code(VIEWER_CODE),
            "editor_code_sha256": access.hash_code(EDITOR_CODE),
        }
    }
)
NINO = Actor("nino@example.com", VIEWER)
GIORGI = Actor("giorgi@example.com", EDITOR)


def test_a_code_is_kept_as_its_sha256_digest():
    assert access.hash_code("password") == PASSWORD_SHA256
    assert access.hash_code("  password ") == PASSWORD_SHA256  # spaces at both ends do not count
    assert access.secrets_line("password", "viewer") == f'viewer_code_sha256 = "{PASSWORD_SHA256}"'


def test_codes_open_their_role_and_nothing_else():
    assert CODES.mode == "codes"
    assert CODES.role_for_code(EDITOR_CODE) == EDITOR
    assert CODES.role_for_code(VIEWER_CODE) == VIEWER
    assert CODES.role_for_code("change the figures!") is None
    assert CODES.role_for_code("") is None
    # The digest in the secrets is not itself a code: a leaked secrets file does not open the app.
    assert CODES.role_for_code(access.hash_code(EDITOR_CODE)) is None


def test_codes_are_compared_in_constant_time(monkeypatch):
    calls, compare = [], hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return compare(a, b)

    monkeypatch.setattr(access.hmac, "compare_digest", spy)
    assert CODES.role_for_code(VIEWER_CODE) == VIEWER
    assert [a for a, _ in calls] == [access.hash_code(VIEWER_CODE)] * 2  # both digests compared, always


def test_only_editor_code_means_no_viewers():
    only = AccessSettings.from_secrets({"access": {"editor_code_sha256": PASSWORD_SHA256}})
    assert only.role_for_code("password") == EDITOR
    assert only.role_for_code("") is None


@pytest.mark.parametrize(
    "secrets, key",
    [
        ({"access": {"editor_code_sha256": "password"}}, "access.bad_digest"),
        (
            {"access": {"viewer_code_sha256": PASSWORD_SHA256, "editor_code_sha256": PASSWORD_SHA256}},
            "access.same_codes",
        ),
        ({"auth": {"client_id": "x"}, "access": {"editors": "a@x.com"}}, "access.bad_list"),
        ({"access": "open sesame"}, "access.bad_section"),
    ],
)
def test_unusable_settings_close_the_app(secrets, key):
    with pytest.raises(AccessMisconfigured) as refused:
        AccessSettings.from_secrets(secrets)
    assert refused.value.key == key
    assert "secrets.toml" in refused.value.message


def test_sign_in_roles_by_email():
    settings = AccessSettings.from_secrets(
        {
            "auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "google": {"client_id": "x"}},
            "access": {"editors": ["Giorgi@Example.com"], "viewers": ["@example.com", "auditor@else.org"]},
            # codes are ignored when sign-in is configured
        }
    )
    assert settings.mode == "sign_in" and settings.providers == ("google",)
    assert settings.role_for_email("giorgi@example.com") == EDITOR
    assert settings.role_for_email("NINO@example.com") == VIEWER
    assert settings.role_for_email("auditor@else.org") == VIEWER
    assert settings.role_for_email("someone@gmail.com") is None
    assert settings.role_for_email("") is None
    anyone = AccessSettings.from_secrets({"auth": {"client_id": "x"}, "access": {"editors": ["a@x.com"]}})
    assert anyone.role_for_email("b@y.com") == VIEWER  # no viewers list: whoever the provider signs in


def test_neither_means_open():
    assert AccessSettings.from_secrets({}).mode == "open"
    assert AccessSettings.from_secrets({"access": {}}).mode == "open"


@pytest.mark.parametrize(
    "server, client, local",
    [
        ("127.0.0.1", None, True),
        ("localhost", "127.0.0.1", True),
        ("::1", "::1", True),
        ("127.0.0.1", "10.0.0.7", False),
        ("0.0.0.0", None, False),
        ("", None, False),
        (None, None, False),
        ("192.168.1.5", "192.168.1.5", False),
    ],
)
def test_open_only_on_this_computer(server, client, local):
    assert access.open_is_local(server, client) is local


def test_the_pause_grows_after_three_wrong_codes():
    now = [1000.0]
    throttle = Throttle(clock=lambda: now[0])
    assert [throttle.failed("10.0.0.7") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert throttle.wait_left("10.0.0.7") == 0.0
    assert [throttle.failed("10.0.0.7") for _ in range(4)] == [2.0, 4.0, 8.0, 16.0]
    assert throttle.wait_left("10.0.0.7") == 16.0
    assert throttle.wait_left("10.0.0.8") == 0.0  # another address is not held up
    now[0] += 10
    assert throttle.wait_left("10.0.0.7") == 6.0
    for _ in range(10):
        throttle.failed("10.0.0.7")
    assert throttle.pause_after(14) == 60.0  # never longer than a minute
    throttle.succeeded("10.0.0.7")
    assert throttle.wait_left("10.0.0.7") == 0.0
    throttle.failed("x")
    throttle.failed("x")
    throttle.failed("x")
    throttle.failed("x")
    now[0] += 901  # a quarter of an hour without a wrong code forgets them
    assert throttle.wait_left("x") == 0.0 and throttle.failed("x") == 0.0


def test_actors_and_plain_names():
    assert access.require_editor(GIORGI) == "giorgi@example.com"
    assert access.require_editor("cli:root") == "cli:root"
    assert access.require_editor(None) is None
    assert str(GIORGI) == "giorgi@example.com"
    with pytest.raises(AccessDenied, match="nino@example.com can view but not change anything"):
        access.require_editor(NINO)
    assert access.actor_of(None) == Actor("team", EDITOR)


# -- every write function refuses a viewer and changes nothing ---------------------------------


@pytest.fixture
def loaded(store):
    outcome = ingest.ingest_path(store, FIXTURES / "sales_small.csv", loaded_by="demo")
    tags.set_kind(store, "C1", "prospect", by="nino")
    return store, outcome["upload_id"]


def _lines():
    return pd.DataFrame({"date": [date(2024, 5, 1)], "client_id": ["Z9"], "amount": [10.0], "row_number": [1]})


WRITES = {
    "set_kinds": lambda s, u, by, tmp: tags.set_kinds(s, [("C2", "expert", True)], by=by),
    "set_kind": lambda s, u, by, tmp: tags.set_kind(s, "C2", "expert", by=by),
    "remove_kind": lambda s, u, by, tmp: tags.remove_kind(s, "C1", "prospect", by=by),
    "record_reason": lambda s, u, by, tmp: reasons.record_reason(s, "C1", date(2024, 1, 5), "price", by),
    "save_catalogue": lambda s, u, by, tmp: reasons.save_catalogue(s, ["price"], by=by),
    "load_reasons_file": lambda s, u, by, tmp: reasons.load_reasons_file(s, _reasons_file(tmp), loaded_by=by),
    "set_status": lambda s, u, by, tmp: winback.set_status(s, "C1", "contacted", by=by),
    "save_lever_rules": lambda s, u, by, tmp: winback.save_lever_rules(
        s, pd.DataFrame({"position": [1], "former": [None], "reason": [None], "lever": ["discount"]}), by=by
    ),
    "reset_lever_rules": lambda s, u, by, tmp: winback.reset_lever_rules(s, by=by),
    "delete_upload": lambda s, u, by, tmp: s.delete_upload(u, by=by),
    "ingest_path": lambda s, u, by, tmp: ingest.ingest_path(s, _sales_file(tmp), loaded_by=by),
    "store_prepared": lambda s, u, by, tmp: ingest.store_prepared(s, _prepared(s, tmp), loaded_by=by),
    "add_upload": lambda s, u, by, tmp: add_upload(
        s, _lines(), file_name="z.csv", sha256="z", source_key="z", loaded_by=by
    ),
    "backup": lambda s, u, by, tmp: backup.backup(s, tmp / "b.zip", by=by),
    "restore": lambda s, u, by, tmp: backup.restore(s, tmp / "missing.zip", by=by),
    "set_facts": lambda s, u, by, tmp: dossier.set_facts(s, "C1", {"description": "Bakery chain"}, by=by),
    "save_event": lambda s, u, by, tmp: dossier.save_event(
        s, "C1", by=by, event_date=date(2024, 3, 1), what="Annual review"
    ),
    "add_prospect": lambda s, u, by, tmp: prospects.add_prospect(s, "Omega LLC", by=by),
    "load_assignments": lambda s, u, by, tmp: managers.load_assignments(s, _assignments_file(tmp), loaded_by=by),
}


def _assignments_file(tmp):
    path = tmp / "people.csv"
    path.write_text("Region,Manager\nEast,Ana\n", encoding="utf-8")
    return path


def _reasons_file(tmp):
    path = tmp / "reasons.csv"
    path.write_text("client,reason\nC1,price\n", encoding="utf-8")
    return path


def _sales_file(tmp):
    path = tmp / "more.csv"
    path.write_text("Date,Client,Amount\n2024-06-01,Z1,100\n2024-06-02,Z2,50\n", encoding="utf-8")
    return path


def _prepared(store, tmp):
    raw = ingest.read_table(_sales_file(tmp))
    return ingest.prepare(raw, ingest.mapping_for(store, raw), sha256="more")


@pytest.mark.parametrize("write", sorted(WRITES))
def test_every_write_refuses_a_viewer_and_changes_nothing(loaded, tmp_path, write):
    store, upload_id = loaded
    before = figures(store)
    with pytest.raises(AccessDenied) as refused:
        WRITES[write](store, upload_id, NINO, tmp_path)
    assert refused.value.text("ka").startswith("nino@example.com-ს შეუძლია ნახვა")
    assert figures(store) == before
    assert not (tmp_path / "b.zip").exists()


@pytest.mark.parametrize("write", sorted(set(WRITES) - {"restore"}))
def test_the_same_writes_work_for_an_editor(loaded, tmp_path, write):
    store, upload_id = loaded
    before = figures(store)
    WRITES[write](store, upload_id, GIORGI, tmp_path)
    if write != "backup":
        assert figures(store) != before


def test_every_write_records_who(loaded, tmp_path):
    store, upload_id = loaded
    tags.set_kind(store, "C2", "expert", by=GIORGI)
    reasons.record_reason(store, "C1", date(2024, 1, 5), "price", GIORGI)
    reasons.save_catalogue(store, ["price", "quality"], by=GIORGI)
    winback.set_status(store, "C1", "contacted", by=GIORGI)
    winback.reset_lever_rules(store, by=GIORGI)
    again = ingest.ingest_path(store, _sales_file(tmp_path), loaded_by=GIORGI)
    store.delete_upload(upload_id, by=GIORGI)
    who = "giorgi@example.com"
    assert store.scalar("SELECT set_by FROM client_tags WHERE client_id = 'C2'") == who
    assert store.scalar("SELECT set_by FROM loss_reasons WHERE client_id = 'C1'") == who
    assert store.scalar("SELECT changed_by FROM winback_status_history") == who
    assert store.query_rows("SELECT DISTINCT changed_by FROM winback_lever_rules") == [(who,)]
    assert store.scalar("SELECT loaded_by FROM uploads WHERE upload_id = ?", [again["upload_id"]]) == who
    assert store.query_rows("SELECT done_by, action, subject FROM audit_log ORDER BY done_at") == [
        (who, "save_catalogue", "2 reasons"),
        (who, "delete_upload", f"{upload_id} sales_small.csv (4 lines)"),
    ]


def test_hash_code_command_prints_the_line_to_paste():
    run = subprocess.run(
        [sys.executable, "-m", "core", "hash-code", "--role", "viewer"],
        cwd=ROOT,
        input="password\n",
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f'viewer_code_sha256 = "{PASSWORD_SHA256}"'
    short = subprocess.run(
        [sys.executable, "-m", "core", "hash-code"], cwd=ROOT, input="abc\n", capture_output=True, text=True
    )
    assert short.returncode == 1 and short.stdout == ""
    assert short.stderr.strip() == "An access code needs at least 8 characters; a longer phrase is safer."
