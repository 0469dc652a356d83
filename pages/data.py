"""Data page: drop exports, confirm their columns, see what will be stored, manage uploads.

Each dropped file goes read → map (the person confirms) → validate → store,
through ``core.ingest``. The mapping step shows one control per role (the three
required ones first) with the values the chosen column gives once read, and a
preview of exactly what confirming will store — lines, clients, dates, totals,
rows set aside by reason — computed by the same ``ingest.prepare`` that the
confirm button then stores, so the preview cannot differ from the result.
"""

import io
import re
from pathlib import Path

import pandas as pd
import streamlit as st

from core import ingest
from core.errors import KamError, NeedsChoice
from core.mapping import REQUIRED, ROLES, apply_overrides, source_key
from core.reading import excel_sheets, read_table, spill_upload
from pages import ui

EXCEL = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
ROLE_ORDER = REQUIRED + tuple(r for r in ROLES if r not in REQUIRED)
EXAMPLES = 3

st.title(ui.tr("data.title"))
st.caption(ui.tr("data.intro"))
store = ui.store()


def spilled(upload) -> tuple[Path, str]:
    """The upload on disk (DuckDB and calamine read files) and its sha256, once per upload."""
    cache = st.session_state.setdefault("data_files", {})
    if upload.file_id not in cache:
        suffix = "".join(Path(upload.name).suffixes[-2:]) or ".csv"
        path = spill_upload(upload.getvalue(), suffix)
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
    cols = st.columns(3) + st.columns(3)
    ui.metric(cols[0], ui.tr("data.rows" if stored else "data.rows_to_store"), summary["rows"])
    ui.metric(cols[1], ui.tr("data.clients"), summary["clients"])
    if summary["date_min"] is not None:
        cols[2].metric(ui.tr("data.date_from"), f"{summary['date_min']:%Y-%m-%d}")
        cols[3].metric(ui.tr("data.date_to"), f"{summary['date_max']:%Y-%m-%d}")
    ui.metric(cols[4], ui.tr("data.amount"), summary["amount"], exact=2)
    ui.metric(cols[5], ui.tr("data.margin"), summary["margin"], exact=2)
    if len(rejected):
        st.warning(f"{ui.tr('data.rejected')}: {ui.number(len(rejected))}. {ui.tr('data.rejected_help')}")
        st.dataframe(reasons_table(rejected), hide_index=True, width="stretch")
        shown = rejected.rename(columns=set_aside_columns())
        st.download_button(
            ui.tr("data.rejected_download"),
            shown.to_csv(index=False).encode("utf-8-sig"),
            file_name="set_aside_rows.csv",
            mime="text/csv",
            key=f"data_rejected_{key}_{'stored' if stored else 'preview'}",
        )


def set_aside_columns() -> dict[str, str]:
    return {"row_number": ui.tr("data.row_number"), "reason": ui.tr("data.reason"), "raw": ui.tr("data.raw")}


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
            ui.tr("data.reason"): grouped["example"],
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
    lines = prepared.lines.slice(0, 50).to_pandas() if prepared is not None else None
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
            values = [v for v in raw.table.column(column).slice(0, 50).to_pylist() if v not in (None, "")][:EXAMPLES]
        text = " · ".join(str(v) for v in values)
        if text:
            slot.caption(("= " if derived else "→ ") + text)


def preview(raw, mapping, date_order, sha: str, key: str):
    """``ingest.prepare`` for the current choices, kept while they stay the same (the confirm stores it)."""
    signature = (mapping.to_json(), date_order)
    kept = st.session_state.setdefault("data_preview", {})
    if key in kept and kept[key][0] == signature:
        return kept[key][1]
    prepared = ingest.prepare(raw, mapping, date_order, sha256=sha)
    kept[key] = (signature, prepared)
    return prepared


def handle(upload) -> None:
    path, sha = spilled(upload)
    sheet = None
    if upload.name.lower().endswith(EXCEL):
        sheets = excel_sheets(path)  # none when the "workbook" is text or a web page: the reader says which
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
                example = raw.table.column(mapping.column("date")).drop_null().slice(0, 1).to_pylist()
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
    with st.spinner(ui.tr("data.storing")):
        bar = st.progress(0.0)

        def stored(done: int, total: int) -> None:
            bar.progress(done / max(total, 1), ui.tr("data.stored_rows", done=ui.number(done), total=ui.number(total)))

        outcome = ingest.store_prepared(store, prepared, replace_overlap=replace, loaded_by=ui.actor(), progress=stored)
    st.session_state["data_done"][key] = {**outcome, "summary": prepared.summary, "rejected": prepared.rejected}
    st.session_state.get("data_preview", {}).pop(key, None)
    st.rerun()


editor = ui.can_edit()  # a viewer gets no uploader, no delete and no backup
ui.viewer_note()
uploads = None
if editor:
    uploads = st.file_uploader(
        ui.tr("data.uploader"),
        accept_multiple_files=True,
        key="data_upload",
        type=["csv", "txt", "tsv", "gz", "zip", "xlsx", "xlsm", "xls", "xlsb", "ods"],
    )
for upload in uploads or []:
    try:
        handle(upload)
    except KamError as exc:
        ui.show_error(exc)
    except Exception as exc:  # never a traceback on the page
        st.error(ui.tr("data.unexpected", file=upload.name, error=type(exc).__name__))

st.divider()
st.subheader(ui.tr("data.uploads"))
flash = st.session_state.pop("data_flash", None)
if flash:
    st.success(flash)
log = store.uploads()
if log.empty:
    st.caption(ui.tr("data.no_uploads"))
else:
    totals = store.query_rows("SELECT count(*), count(DISTINCT client_id), min(date), max(date) FROM lines")[0]
    if totals[0]:
        st.caption(
            ui.tr(
                "data.store_total",
                rows=ui.number(totals[0]),
                clients=ui.number(totals[1]),
                date_min=f"{totals[2]:%Y-%m-%d}",
                date_max=f"{totals[3]:%Y-%m-%d}",
            )
        )
    shown = pd.DataFrame(
        {
            ui.tr("data.file"): log["file_name"],
            ui.tr("data.sheet_col"): log["sheet"].fillna(""),
            ui.tr("data.loaded_at"): log["loaded_at"].dt.strftime("%Y-%m-%d %H:%M"),
            ui.tr("data.loaded_by"): log["loaded_by"].fillna(""),
            ui.tr("data.rows"): log["rows_loaded"],
            ui.tr("data.rejected"): log["rows_rejected"],
            ui.tr("data.rows_now"): log["rows_now"],
            ui.tr("data.date_range"): (
                log["date_min"].dt.strftime("%Y-%m-%d") + " … " + log["date_max"].dt.strftime("%Y-%m-%d")
            ).fillna(""),
            ui.tr("data.amount"): log["amount_total"].astype(float),
            ui.tr("data.margin"): log["margin_total"].astype(float),
        }
    )
    # keyed on the data version: after a delete or an upload nothing stays selected
    picked = st.dataframe(
        ui.styled(
            shown,
            {ui.tr(c): 0 for c in ("data.rows", "data.rejected", "data.rows_now")}
            | {ui.tr("data.amount"): 2, ui.tr("data.margin"): 2},
        ),
        hide_index=True,
        width="stretch",
        on_select="rerun" if editor else "ignore",
        selection_mode="single-row",
        key=f"data_uploads_table_{store.version()}",
    )
    rows = [r for r in (picked.selection.rows if editor and picked else []) if 0 <= r < len(log)]
    if not rows and editor:
        st.caption(ui.tr("data.select_to_delete"))
    elif rows:
        chosen = log.iloc[rows[0]]
        if chosen["rows_rejected"]:
            set_aside = store.query(
                "SELECT row_number, reason, raw FROM rejected_rows WHERE upload_id = ? ORDER BY row_number",
                [int(chosen["upload_id"])],
            ).rename(columns=set_aside_columns())
            st.download_button(
                ui.tr("data.rejected_download"),
                set_aside.to_csv(index=False).encode("utf-8-sig"),
                file_name=f"set_aside_{chosen['file_name']}.csv",
                mime="text/csv",
                key="data_log_rejected",
            )
        st.warning(ui.tr("data.delete_confirm", file=chosen["file_name"], rows=ui.number(int(chosen["rows_now"]))))
        if st.button(ui.tr("data.delete"), key="data_delete"):
            try:
                removed = store.delete_upload(int(chosen["upload_id"]), by=ui.actor())
            except KamError as exc:
                ui.show_error(exc)
            else:
                st.session_state.pop("data_done", None)
                deleted = ui.tr("data.deleted", file=chosen["file_name"], rows=ui.number(removed))
                st.session_state["data_flash"] = deleted
                st.rerun()

# -- backup (editors only): the whole database as Parquet, restored into an empty one --------
if editor:
    from core import backup

    st.divider()
    st.subheader(ui.tr("backup.header"))
    st.caption(ui.tr("backup.help"))
    if st.session_state.get("data_restore_notice"):
        st.success(st.session_state.pop("data_restore_notice"))
    if store.is_empty():
        # Behind a toggle, so the empty page's one drop zone is for sales exports.
        wanted = st.toggle(ui.tr("backup.restore"), key="data_restore_wanted")
        dump = st.file_uploader(ui.tr("backup.restore_file"), type=["zip"], key="data_restore") if wanted else None
        if dump is not None:
            try:
                restored = backup.restore(store, dump, by=ui.actor(), file_name=dump.name)
            except KamError as exc:
                ui.show_error(exc)
            else:
                lines = ui.number(restored["lines"])
                notice = ui.tr("backup.restored", tables=restored["tables"], lines=lines, file=dump.name)
                st.session_state["data_restore_notice"] = notice
                st.rerun()
    else:

        def backup_zip() -> bytes:
            made = io.BytesIO()
            backup.backup(store, made, by=ui.actor())
            return made.getvalue()

        st.download_button(
            ui.tr("backup.download"),
            data=backup_zip,  # made only when clicked
            file_name=f"kam-backup-{pd.Timestamp.now():%Y%m%d-%H%M}.zip",
            mime="application/zip",
            key="data_backup_download",
            icon=":material/download:",
            on_click="ignore",
        )
