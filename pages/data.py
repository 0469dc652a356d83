"""Data page: drop exports, confirm their columns, see what will be stored, manage uploads.

Each dropped file goes read → map (the person confirms) → validate → store,
through ``core.ingest``; the mapping step of one file, with its preview of
exactly what confirming will store, is ``pages.upload.handle``. Below: the
uploads so far (select one to delete it), and the backup of the whole store.
"""

import io

import pandas as pd
import streamlit as st

from core.errors import KamError
from pages import tables, ui
from pages.upload import handle, set_aside

st.title(ui.tr("data.title"))
st.caption(ui.tr("data.intro"))
store = ui.store()

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
    # keyed on the data version: after a delete or an upload nothing stays selected
    picked = tables.show(
        tables.uploads_log(log),
        tables.uploads_columns(log),
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
            rows_set_aside = set_aside(
                store.query(
                    "SELECT row_number, reason, raw FROM rejected_rows WHERE upload_id = ? ORDER BY row_number",
                    [int(chosen["upload_id"])],
                )
            )
            st.download_button(
                ui.tr("data.rejected_download"),
                rows_set_aside.to_csv(index=False).encode("utf-8-sig"),
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
