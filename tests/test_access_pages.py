"""The gate and the two roles through AppTest's ``secrets`` and ``user``: who gets in, who may change what."""

from __future__ import annotations

import shutil

import pytest
import streamlit.config
from streamlit.testing.v1 import AppTest

from core import access
from core.store import Store
from tests.pagetest import OPEN, ROOT, enter_code, open_page

VIEWER_CODE, EDITOR_CODE = "look but do not touch", "change the figures"
CODES = {
    "access": {
        "viewer_code_sha256": access.hash_code(VIEWER_CODE),
        "editor_code_sha256": access.hash_code(EDITOR_CODE),
    }
}
SIGN_IN = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "not a real secret",
        "client_id": "kam",
        "client_secret": "not a real secret",
        "server_metadata_url": "https://login.example.com/.well-known/openid-configuration",
    },
    "access": {"editors": ["giorgi@example.com"], "viewers": ["@example.com"]},
}
# Write controls by page: (element kind, key) that a viewer must not get.
WRITE_CONTROLS = {
    "data": [("file_uploader", "data_upload"), ("download_button", "data_backup_download")],
    "concentration": [("data_editor", "concentration_tags_editor"), ("text_input", "concentration_tags_add")],
    "churn": [("selectbox", "churn_record_client"), ("button", "churn_catalogue_save")],
    "winback": [("button", "winback_rules_save"), ("button", "winback_rules_reset")],
}


@pytest.fixture
def db(demo_db, tmp_path):
    path = tmp_path / "page.duckdb"
    shutil.copy(demo_db, path)
    return path


@pytest.fixture(autouse=True)
def fresh_throttle():
    access.THROTTLE.reset()
    yield
    access.THROTTLE.reset()


def _has(at: AppTest, kind: str, key: str) -> bool:
    return any(getattr(e, "key", None) == key for e in at.get(kind))


def _submit_buttons(at: AppTest) -> list[str]:
    return [b.label for b in at.button if b.proto.is_form_submitter]


def _first_run(secrets: dict, user: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets = secrets
    if user is not None:
        at.user = user
    return at.run()


def _shows_no_data(at: AppTest) -> bool:
    return not at.dataframe and not at.metric and not at.get("plotly_chart") and not at.get("file_uploader")


@pytest.mark.parametrize("page", sorted(WRITE_CONTROLS))
def test_a_viewer_sees_the_page_without_any_write_control(db, page):
    at = open_page(db, page, secrets=CODES, code=VIEWER_CODE, name="Nino")
    assert not at.exception, at.exception
    assert at.dataframe or at.get("plotly_chart"), "a viewer sees the figures"
    assert any("signed in as a viewer" in c.value for c in at.caption)
    for kind, key in WRITE_CONTROLS[page]:
        assert not _has(at, kind, key), f"{page}: a viewer got {kind} {key}"
    assert not _submit_buttons(at), f"{page}: a viewer got a form: {_submit_buttons(at)}"


@pytest.mark.parametrize("page", sorted(WRITE_CONTROLS))
def test_an_editor_gets_the_write_controls(db, page):
    at = open_page(db, page, secrets=CODES, code=EDITOR_CODE, name="Giorgi")
    assert not at.exception, at.exception
    for kind, key in WRITE_CONTROLS[page]:
        assert _has(at, kind, key), f"{page}: an editor lacks {kind} {key}"


def test_a_viewer_cannot_delete_an_upload(db):
    at = open_page(db, "data", secrets=CODES, code=VIEWER_CODE)
    at.session_state["data_uploads_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert not at.exception
    assert not _has(at, "button", "data_delete") and not at.warning
    with Store(db) as store:
        assert store.scalar("SELECT count(*) FROM uploads") == 1


def test_the_gate_shows_no_data_before_a_code(db):
    at = open_page(db, "grid", secrets=CODES)
    assert not at.exception
    assert _shows_no_data(at)
    assert at.title[0].value == "Key accounts — sign in"
    assert at.text_input(key="access_code").proto.type == at.text_input(key="access_code").proto.PASSWORD


def test_a_wrong_code_is_refused_and_repeated_ones_wait(db):
    at = _first_run(CODES)
    for attempt in range(3):
        enter_code(at, "a wrong code")
        assert [e.value for e in at.error] == ["That code is not right. Check it with your team lead."], attempt
        assert _shows_no_data(at)
    enter_code(at, "a wrong code")
    assert at.error[0].value == (
        "That code is not right. Check it with your team lead. Too many wrong codes: wait 2 s before the next try."
    )
    enter_code(at, EDITOR_CODE)  # the right code, but inside the pause: not even checked
    assert at.error[0].value == "Too many wrong codes: wait 2 s before the next try."
    assert _shows_no_data(at)
    assert "access_actor" not in at.session_state


def test_the_right_code_opens_the_app_with_a_plain_name(db, monkeypatch):
    monkeypatch.setenv("KAM_DB", str(db))
    monkeypatch.setenv("KAM_DEMO", "0")
    at = _first_run(CODES)
    enter_code(at, EDITOR_CODE, "Giorgi <b>K</b>")
    assert not at.exception and not at.error
    assert at.session_state["access_actor"] == access.Actor("Giorgi bKb", access.EDITOR)
    assert any("Giorgi bKb · editor" in c.value for c in at.sidebar.caption)
    # AppTest runs only the page script after the first navigation, so the frame's Lock button
    # cannot be clicked here; it is drawn, and pops the actor (pages/ui.py access_gate).
    assert at.sidebar.button(key="access_leave").label == "Lock"


def test_signed_in_roles_by_email(db):
    viewer = open_page(db, "data", secrets=SIGN_IN, user={"is_logged_in": True, "email": "nino@example.com"})
    assert not viewer.exception
    assert not _has(viewer, "file_uploader", "data_upload") and viewer.dataframe
    editor = open_page(db, "data", secrets=SIGN_IN, user={"is_logged_in": True, "email": "Giorgi@example.com"})
    assert _has(editor, "file_uploader", "data_upload")


def test_an_account_not_on_the_list_and_a_signed_out_visitor_see_nothing(db):
    stranger = open_page(db, "grid", secrets=SIGN_IN, user={"is_logged_in": True, "email": "someone@gmail.com"})
    assert "someone@gmail.com is signed in but is not on the team's list" in stranger.error[0].value
    assert _shows_no_data(stranger)
    outsider = open_page(db, "grid", secrets=SIGN_IN, user={"is_logged_in": False})
    assert [b.label for b in outsider.button] == ["Sign in"]
    assert _shows_no_data(outsider)


def test_open_on_this_computer_says_so(db, monkeypatch):
    monkeypatch.setenv("KAM_DB", str(db))
    monkeypatch.setenv("KAM_DEMO", "0")
    at = _first_run(OPEN)
    assert not at.exception
    assert any("Open on this computer only" in i.value for i in at.sidebar.info)
    assert _has(open_page(db, "data"), "file_uploader", "data_upload")


def test_open_on_a_network_address_refuses_to_run(db, monkeypatch):
    monkeypatch.setenv("KAM_DB", str(db))
    monkeypatch.setenv("KAM_DEMO", "0")
    before = streamlit.config.get_option("server.address")
    streamlit.config.set_option("server.address", "0.0.0.0")
    try:
        at = _first_run(OPEN)
    finally:
        streamlit.config.set_option("server.address", before)
    assert "listens on the network but no access is configured" in at.error[0].value
    assert _shows_no_data(at) and not at.sidebar.multiselect


def test_bad_settings_keep_the_app_closed(db):
    at = open_page(db, "grid", secrets={"access": {"editor_code_sha256": "letmein"}})
    assert "is not a code digest" in at.error[0].value
    assert _shows_no_data(at)


def test_the_gate_speaks_georgian(db):
    at = open_page(db, "grid", secrets=CODES, lang="ka")
    assert at.title[0].value == "საკვანძო კლიენტები — შესვლა"
    assert at.text_input(key="access_code").label == "წვდომის კოდი"


@pytest.mark.parametrize("page", ["prospects", "managers", "dossier"])
def test_a_viewer_cannot_write_on_the_desk_pages(db, page):
    query = {"client": "C0011"} if page == "dossier" else None
    at = open_page(db, page, secrets=CODES, code=VIEWER_CODE, name="Nino", query=query)
    assert not at.exception, at.exception
    assert any("signed in as a viewer" in c.value for c in at.caption)
    assert all(b.disabled for b in at.button if b.proto.is_form_submitter), "a viewer can submit a form"
    assert not _has(at, "file_uploader", "managers_assign_upload")
    editor = open_page(db, page, secrets=CODES, code=EDITOR_CODE, name="Giorgi", query=query)
    assert any(not b.disabled for b in editor.button if b.proto.is_form_submitter) or page == "managers"
