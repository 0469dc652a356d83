"""Data page: drop exports, confirm their columns, see what was stored, manage uploads.

Each dropped file goes read → map (the person confirms) → validate → store,
through ``core.ingest``; nothing is stored before the confirmation, and an
upload is stored whole or not at all.
"""

import io
from pathlib import Path

import pandas as pd
import streamlit as st

from core import ingest
from core.errors import InputError, KamError, NeedsChoice
from core.mapping import ROLES, apply_overrides, source_key
from core.reading import excel_sheets, read_table, spill_upload
from pages import ui

EXCEL = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")

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


def show_summary(summary: dict, rejected: pd.DataFrame, key: str) -> None:
    st.markdown(f"**{ui.tr('data.summary')}**")
    cols = st.columns(3) + st.columns(3)
    cols[0].metric(ui.tr("data.rows"), f"{summary['rows']:,}")
    cols[1].metric(ui.tr("data.clients"), f"{summary['clients']:,}")
    cols[2].metric(ui.tr("data.date_range"), f"{summary['date_min']:%Y-%m-%d} … {summary['date_max']:%Y-%m-%d}")
    cols[3].metric(ui.tr("data.amount"), f"{summary['amount']:,.2f}")
    cols[4].metric(ui.tr("data.margin"), "—" if summary["margin"] is None else f"{summary['margin']:,.2f}")
    cols[5].metric(ui.tr("data.returns"), f"{summary['returns_share']:.1%}")
    if len(rejected):
        st.warning(f"{ui.tr('data.rejected')}: {len(rejected):,}. {ui.tr('data.rejected_help')}")
        shown = rejected.rename(
            columns={
                "row_number": ui.tr("data.row_number"),
                "reason": ui.tr("data.reason"),
                "raw": ui.tr("data.raw"),
            }
        )
        st.dataframe(shown.head(200), hide_index=True, width="stretch")
        st.download_button(
            ui.tr("data.rejected_download"),
            shown.to_csv(index=False).encode("utf-8-sig"),
            file_name="set_aside_rows.csv",
            mime="text/csv",
            key=f"data_rejected_{key}",
        )


def mapping_editor(raw, guessed, key: str) -> dict[str, str | None]:
    """The guess as a table the person corrects: one row per role, a column picked per role."""
    none = ui.tr("data.none")
    sample = raw.sample(5)
    rows = []
    for role in ROLES:
        column = guessed.roles.get(role)
        examples = ", ".join(str(v) for v in sample[column].dropna().head(3)) if column else ""
        rows.append(
            {
                "role": role,
                ui.tr("data.role"): ui.tr(f"role.{role}"),
                ui.tr("data.column"): column or none,
                ui.tr("data.examples"): examples,
            }
        )
    edited = st.data_editor(
        pd.DataFrame(rows),
        column_config={
            "role": None,
            ui.tr("data.role"): st.column_config.TextColumn(disabled=True),
            ui.tr("data.column"): st.column_config.SelectboxColumn(options=[none, *raw.columns], required=True),
            ui.tr("data.examples"): st.column_config.TextColumn(disabled=True),
        },
        hide_index=True,
        width="stretch",
        key=f"data_map_{key}",
    )
    chosen = dict(zip(edited["role"], edited[ui.tr("data.column")], strict=True))
    return {role: (None if column == none else column) for role, column in chosen.items()}


def handle(upload) -> None:
    path, sha = spilled(upload)
    sheet = None
    if upload.name.lower().endswith(EXCEL):
        sheets = excel_sheets(path)
        sheet = st.selectbox(ui.tr("data.sheet", file=upload.name), sheets, key=f"data_sheet_{upload.file_id}")
    key = f"{sha[:12]}_{sheet or ''}"
    done = st.session_state.setdefault("data_done", {})
    if key in done:
        outcome = done[key]
        st.success(ui.tr("data.loaded", file=upload.name, rows=f"{outcome['rows_loaded']:,}"))
        if outcome.get("replaced_rows"):
            st.info(ui.tr("data.replaced", rows=f"{outcome['replaced_rows']:,}"))
        show_summary(outcome["summary"], outcome["rejected"], key)
        return
    earlier = ingest.already_loaded(store, sha, sheet)
    if earlier is not None:
        st.info(
            ui.tr(
                "data.unchanged",
                file=upload.name,
                message=f"already loaded on {earlier['loaded_at']:%Y-%m-%d %H:%M}; nothing changed.",
            )
        )
        return
    raw = raw_table(upload, path, sha, sheet)
    guessed = ingest.mapping_for(store, raw)
    with st.container(border=True):
        st.subheader(ui.tr("data.mapping_header", file=upload.name))
        remembered = store.scalar("SELECT count(*) FROM mappings WHERE source_key = ?", [source_key(raw.columns)])
        st.caption(ui.tr("data.remembered") if remembered else ui.tr("data.mapping_help"))
        chosen = mapping_editor(raw, guessed, key)
        mapping = apply_overrides(guessed, raw, {role: column or "" for role, column in chosen.items()})
        if mapping.amount_from_price:
            st.caption(ui.tr("data.amount_from_price"))
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
        pending = st.session_state.setdefault("data_pending", {})
        if st.button(ui.tr("data.confirm"), type="primary", key=f"data_confirm_{key}"):
            try:
                with st.status(ui.tr("data.validating"), expanded=False) as status:
                    prepared = ingest.prepare(raw, mapping, date_order, sha256=sha)
                    status.update(label=ui.tr("data.storing"))
                    found = ingest.overlap(store, prepared)
                    if found:
                        pending[key] = (prepared, found)
                    else:
                        finish(key, prepared, replace=False)
                    status.update(state="complete")
            except NeedsChoice as exc:
                st.warning(exc.text(ui.lang()))
            except KamError as exc:
                ui.show_error(exc)
        if key in pending:
            prepared, found = pending[key]
            st.warning(
                ui.tr(
                    "data.overlap",
                    rows=f"{found['rows']:,}",
                    date_min=f"{found['date_min']:%Y-%m-%d}",
                    date_max=f"{found['date_max']:%Y-%m-%d}",
                    files=", ".join(found["files"]),
                    amount=f"{found['amount']:,.2f}",
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
    outcome = ingest.store_prepared(store, prepared, replace_overlap=replace, loaded_by=ui.actor())
    st.session_state["data_done"][key] = {**outcome, "summary": prepared.summary, "rejected": prepared.rejected}
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
    except InputError as exc:
        ui.show_error(exc)
    except KamError as exc:
        ui.show_error(exc)
    except Exception as exc:  # never a traceback on the page
        st.error(ui.tr("data.unexpected", file=upload.name, error=f"{type(exc).__name__}: {exc}"))

st.divider()
st.subheader(ui.tr("data.uploads"))
log = store.uploads()
if log.empty:
    st.caption(ui.tr("data.no_uploads"))
else:
    totals = store.query_rows("SELECT count(*), count(DISTINCT client_id), min(date), max(date) FROM lines")[0]
    st.caption(
        ui.tr(
            "data.store_total",
            rows=f"{totals[0]:,}",
            clients=f"{totals[1]:,}",
            date_min=f"{totals[2]:%Y-%m-%d}",
            date_max=f"{totals[3]:%Y-%m-%d}",
        )
    )
    shown = pd.DataFrame(
        {
            ui.tr("data.file"): log["file_name"],
            ui.tr("data.sheet_col"): log["sheet"],
            ui.tr("data.loaded_at"): log["loaded_at"],
            ui.tr("data.loaded_by"): log["loaded_by"],
            ui.tr("data.rows"): log["rows_loaded"],
            ui.tr("data.rejected"): log["rows_rejected"],
            ui.tr("data.rows_now"): log["rows_now"],
            ui.tr("data.date_range"): (
                log["date_min"].dt.strftime("%Y-%m-%d") + " … " + log["date_max"].dt.strftime("%Y-%m-%d")
            ),
            ui.tr("data.amount"): log["amount_total"],
            ui.tr("data.margin"): log["margin_total"],
        }
    )
    picked = st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        on_select="rerun" if editor else "ignore",
        selection_mode="single-row",
        key="data_uploads_table",
        column_config={
            ui.tr("data.amount"): st.column_config.NumberColumn(format="%,.2f"),
            ui.tr("data.margin"): st.column_config.NumberColumn(format="%,.2f"),
        },
    )
    rows = picked.selection.rows if editor and picked else []
    if not rows and editor:
        st.caption(ui.tr("data.select_to_delete"))
    elif rows:
        chosen = log.iloc[rows[0]]
        if chosen["rows_rejected"]:
            set_aside = store.query(
                "SELECT row_number, reason, raw FROM rejected_rows WHERE upload_id = ? ORDER BY row_number",
                [int(chosen["upload_id"])],
            ).rename(
                columns={
                    "row_number": ui.tr("data.row_number"),
                    "reason": ui.tr("data.reason"),
                    "raw": ui.tr("data.raw"),
                }
            )
            st.download_button(
                ui.tr("data.rejected_download"),
                set_aside.to_csv(index=False).encode("utf-8-sig"),
                file_name=f"set_aside_{chosen['file_name']}.csv",
                mime="text/csv",
                key="data_log_rejected",
            )
        st.warning(ui.tr("data.delete_confirm", file=chosen["file_name"], rows=f"{int(chosen['rows_now']):,}"))
        if st.button(ui.tr("data.delete"), key="data_delete"):
            removed = store.delete_upload(int(chosen["upload_id"]), by=ui.actor())
            st.session_state.pop("data_done", None)
            st.success(ui.tr("data.deleted", file=chosen["file_name"], rows=f"{removed:,}"))
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
                lines = f"{restored['lines']:,}"
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
