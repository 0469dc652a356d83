"""One dropped export's way into the store: read → map (the person confirms) → validate → store.

``handle(upload)`` draws the mapping step of one file on the Data page: one
control per role (the three required ones first) with the values the chosen
column gives once read, and a preview of exactly what confirming will store —
lines, clients, dates, totals, rows set aside by reason — computed by the same
``core.ingest.prepare`` that the confirm button then stores, so the preview
cannot differ from the result. What was read and prepared is kept in the
session, keyed by the file's sha256, so a rerun does not read the file again.
"""

import re
from pathlib import Path

import pandas as pd
import streamlit as st

from core import ingest
from core.errors import KamError, NeedsChoice
from core.mapping import REQUIRED, ROLES, apply_overrides, source_key
from core.reading import excel_sheets, read_table, spill_upload
from core.setaside import reason_text
from pages import ui

EXCEL = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
ROLE_ORDER = REQUIRED + tuple(r for r in ROLES if r not in REQUIRED)
EXAMPLES = 3


def spilled(upload) -> tuple[Path, str]:
    """The upload on disk (DuckDB and calamine read files) and its sha256, once per upload."""
    cache = st.session_state.setdefault("data_files", {})
    if upload.file_id not in cache:
        suffix = "".join(Path(upload.name).suffixes[-2:]) or ".csv"
        path = spill_upload(upload, suffix)
        cache[upload.file_id] = (path, ingest.file_sha256(path))
    return cache[upload.file_id]


def raw_table(upload, path: Path, sha: str, sheet: str | None):
    cache = st.session_state.setdefault("data_raw", {})
    key = (sha, sheet)
    if key not in cache:
        with st.spinner(ui.tr("data.reading", file=upload.name)):
            cache[key] = read_table(path, upload.name, sheet)
    return cache[key]


def amount_text(value) -> str:
    return ui.number(value, 2)


def show_summary(summary: dict, rejected: pd.DataFrame, key: str, *, stored: bool) -> None:
    st.markdown(f"**{ui.tr('data.summary' if stored else 'data.preview')}**")
    row = ui.metric_row()
    ui.metric(row, ui.tr("data.rows" if stored else "data.rows_to_store"), summary["rows"])
    ui.metric(row, ui.tr("data.clients"), summary["clients"])
    if summary["date_min"] is not None:  # dates whole: a metric as wide as its value
        ui.metric(row, ui.tr("data.date_from"), f"{summary['date_min']:%Y-%m-%d}")
        ui.metric(row, ui.tr("data.date_to"), f"{summary['date_max']:%Y-%m-%d}")
    ui.metric(row, ui.tr("data.amount"), summary["amount"], exact=2)
    ui.metric(row, ui.tr("data.margin"), summary["margin"], exact=2)
    if len(rejected):
        st.warning(f"{ui.tr('data.rejected')}: {ui.number(len(rejected))}. {ui.tr('data.rejected_help')}")
        st.dataframe(reasons_table(rejected), hide_index=True, placeholder=ui.EMPTY, width="stretch")
        shown = set_aside(rejected)
        st.download_button(
            ui.tr("data.rejected_download"),
            shown.to_csv(index=False).encode("utf-8-sig"),
            file_name="set_aside_rows.csv",
            mime="text/csv",
            key=f"data_rejected_{key}_{'stored' if stored else 'preview'}",
        )


def set_aside(rejected: pd.DataFrame) -> pd.DataFrame:
    """Set-aside rows (row_number, reason, raw) as downloaded: headers and reasons in the page's language."""
    worded = rejected.assign(reason=rejected["reason"].map(lambda r: reason_text(r, ui.lang())))
    return worded.rename(
        columns={"row_number": ui.tr("data.row_number"), "reason": ui.tr("data.reason"), "raw": ui.tr("data.raw")}
    )


def reasons_table(rejected: pd.DataFrame) -> pd.DataFrame:
    """Set-aside rows grouped by kind of reason (values and line numbers left out), with the first row."""
    kinds = rejected["reason"].map(lambda r: re.sub(r"line [\d,]+", "line …", re.sub(r"'[^']*'", "'…'", str(r))))
    grouped = (
        rejected.assign(kind=kinds)
        .groupby("kind", sort=False)
        .agg(rows=("row_number", "count"), first=("row_number", "min"), example=("reason", "first"))
        .reset_index()
        .sort_values("rows", ascending=False)
    )
    return pd.DataFrame(
        {
            ui.tr("data.reason"): grouped["example"].map(lambda r: reason_text(r, ui.lang())),
            ui.tr("data.rejected_rows"): grouped["rows"],
            ui.tr("data.first_row"): grouped["first"],
        }
    )


def role_controls(raw, guessed, key: str) -> tuple[dict[str, str | None], dict]:
    """One select box per role, required roles first; returns the choices and a slot under each."""
    none = ui.tr("data.none")
    options = [none, *raw.columns]
    chosen, slots = {}, {}
    for start in range(0, len(ROLE_ORDER), 3):
        for column, role in zip(st.columns(3), ROLE_ORDER[start : start + 3], strict=False):
            guess = guessed.roles.get(role)
            asked = role in guessed.ambiguities
            index = None if asked else options.index(guess) if guess in options else 0
            label = ui.tr(f"role.{role}") + (" *" if role in REQUIRED else "")
            picked = column.selectbox(
                label, options, index=index, key=f"data_role_{key}_{role}", placeholder=ui.tr("data.pick")
            )
            if asked and picked is None:
                column.warning(ui.tr("data.candidates", columns=", ".join(guessed.ambiguities[role])))
            chosen[role] = None if picked in (None, none) else picked
            slots[role] = column.empty()
    return chosen, slots


def show_examples(raw, mapping, prepared, slots: dict) -> None:
    """Under each control, the first values of the chosen column as they will be read."""
    lines = prepared.head(50) if prepared is not None else None
    for role, slot in slots.items():
        column = mapping.column(role)
        derived = (role == "amount" and mapping.amount_from_price) or (role == "margin" and mapping.margin_from_cost)
        if derived:
            slot.caption(ui.tr(f"data.{role}_derived"))
        if not column and not derived:
            continue
        if lines is not None and role in lines.columns:
            values = [v for v in lines[role].tolist() if v is not None and not pd.isna(v)][:EXAMPLES]
            if role in ("amount", "margin"):
                values = [amount_text(v) for v in values]
            elif role == "date":
                values = [f"{v:%Y-%m-%d}" for v in values]
        else:
            values = raw.filled(column, EXAMPLES)
        text = " · ".join(str(v) for v in values)
        if text:
            slot.caption(("= " if derived else "→ ") + text)


def preview(raw, mapping, date_order, sha: str, key: str):
    """``ingest.prepare`` for the current choices, kept while they stay the same (the confirm stores it)."""
    signature = (mapping.to_json(), date_order)
    kept = st.session_state.setdefault("data_preview", {})
    if key in kept and kept[key][0] == signature:
        return kept[key][1]
    if key in kept and key not in st.session_state.get("data_pending", {}):
        kept.pop(key)[1].release()  # the lines typed under the earlier choices
    with st.spinner(ui.tr("data.checking", rows=ui.number(raw.rows), file=raw.file_name)):
        prepared = ingest.prepare(raw, mapping, date_order, sha256=sha)
    kept[key] = (signature, prepared)
    return prepared


def handle(upload) -> None:
    """The mapping step of one dropped file, its preview and the confirm (then: what was stored)."""
    store = ui.store()
    path, sha = spilled(upload)
    sheet = None
    if upload.name.lower().endswith(EXCEL):
        sheets = excel_sheets(path, upload.name)  # none for text or a web page: the reader says which
        if sheets:
            sheet = st.selectbox(ui.tr("data.sheet", file=upload.name), sheets, key=f"data_sheet_{upload.file_id}")
    key = f"{sha[:12]}_{sheet or ''}"
    done = st.session_state.setdefault("data_done", {})
    if key in done:
        outcome = done[key]
        st.success(ui.tr("data.loaded", file=upload.name, rows=ui.number(outcome["rows_loaded"])))
        if outcome.get("replaced_rows"):
            st.info(ui.tr("data.replaced", rows=ui.number(outcome["replaced_rows"])))
        show_summary(outcome["summary"], outcome["rejected"], key, stored=True)
        return
    earlier = ingest.already_loaded(store, sha, sheet)
    if earlier is not None:
        st.info(ui.tr("data.unchanged", file=upload.name, when=f"{earlier['loaded_at']:%Y-%m-%d %H:%M}"))
        return
    raw = raw_table(upload, path, sha, sheet)
    guessed = ingest.mapping_for(store, raw)
    with st.container(border=True):
        st.subheader(ui.tr("data.mapping_header", file=upload.name))
        remembered = store.scalar("SELECT count(*) FROM mappings WHERE source_key = ?", [source_key(raw.columns)])
        st.caption(ui.tr("data.remembered") if remembered else ui.tr("data.mapping_help"))
        chosen, slots = role_controls(raw, guessed, key)
        mapping = apply_overrides(guessed, raw, {role: column or "" for role, column in chosen.items()})
        date_order = None
        if mapping.column("date"):
            detected, _ = ingest.detect_date_order(raw, mapping.column("date"))
            if detected == "ambiguous":
                example = raw.filled(mapping.column("date"), 1)
                st.warning(ui.tr("data.date_order_help", example=example[0] if example else ""))
                date_order = st.radio(
                    ui.tr("data.date_order"),
                    ingest.DATE_ORDERS,
                    index=None,
                    horizontal=True,
                    format_func=lambda o: ui.tr(f"data.{o}"),
                    key=f"data_order_{key}",
                )
        prepared = None
        try:
            prepared = preview(raw, mapping, date_order, sha, key)
        except NeedsChoice as exc:
            if exc.choice != "date_order":
                st.warning(exc.text(ui.lang()))
        except KamError as exc:
            ui.show_error(exc)
        show_examples(raw, mapping, prepared, slots)
        if prepared is not None:
            show_summary(prepared.summary, prepared.rejected, key, stored=False)
        ready = prepared is not None and bool(prepared.summary.get("rows"))
        pending = st.session_state.setdefault("data_pending", {})
        if st.button(ui.tr("data.confirm"), type="primary", key=f"data_confirm_{key}", disabled=not ready):
            try:
                found = ingest.overlap(store, prepared)
                if found:
                    pending[key] = (prepared, found)
                else:
                    finish(key, prepared, replace=False)
            except KamError as exc:
                ui.show_error(exc)
        if key in pending:
            prepared, found = pending[key]
            st.warning(
                ui.tr(
                    "data.overlap",
                    rows=ui.number(found["rows"]),
                    date_min=f"{found['date_min']:%Y-%m-%d}",
                    date_max=f"{found['date_max']:%Y-%m-%d}",
                    files=", ".join(found["files"]),
                    amount=amount_text(found["amount"]),
                )
            )
            left, right = st.columns(2)
            if left.button(ui.tr("data.replace"), type="primary", key=f"data_replace_{key}"):
                del pending[key]
                try:
                    finish(key, prepared, replace=True)
                except KamError as exc:
                    ui.show_error(exc)
            if right.button(ui.tr("data.cancel"), key=f"data_cancel_{key}"):
                del pending[key]
                st.rerun()


def finish(key: str, prepared, replace: bool) -> None:
    store = ui.store()
    with st.spinner(ui.tr("data.storing")):
        bar = st.progress(0.0)

        def stored(done: int, total: int) -> None:
            bar.progress(done / max(total, 1), ui.tr("data.stored_rows", done=ui.number(done), total=ui.number(total)))

        outcome = ingest.store_prepared(store, prepared, replace_overlap=replace, loaded_by=ui.actor(), progress=stored)
    st.session_state["data_done"][key] = {**outcome, "summary": prepared.summary, "rejected": prepared.rejected}
    st.session_state.get("data_preview", {}).pop(key, None)
    read = st.session_state.get("data_raw", {})
    for cached in [k for k, raw in read.items() if raw is prepared.raw]:
        read.pop(cached).con.close()  # stored: its cells and typed lines are not needed again
    st.rerun()
