"""The write controls of the pages: the forms and editable tables through which the team records what it knows.

Each function draws one editor under the page's current figures and writes
through ``core`` (one transaction per save, with who and when, refused for a
viewer): the kinds of key client (``core.tags``), the loss reasons and their
catalogue (``core.reasons``), the win-back status of a client and the lever
rules (``core.winback``), the qualification of a prospect (``core.prospects``)
and the managers' assignments file (``core.managers``). A viewer sees what was
recorded, without the controls. They live here so that a page script reads
top to bottom as controls → ``core`` → draw, with its editors called by name.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from core import numbers
from core.analysis import among
from core.errors import KamError
from core.managers import (
    ROLES,
    assignment_columns,
    assignment_loads,
    assignments,
    delete_assignment_load,
    load_assignments,
    read_assignments,
)
from core.prospects import ANSWERS, MAX_SCORE, QUESTIONS, link_client, prospect_history, update_prospect
from core.prospects import STATUSES as PROSPECT_STATUSES
from core.reading import spill_upload
from core.reasons import BUILTIN_REASONS, catalogue, load_reasons_file, record_reason, recorded_reasons, save_catalogue
from core.tags import TAGGED_KINDS, ProspectParams, list_tags, set_kinds, suggested_prospects, tag_history
from core.winback import (
    LEVERS,
    lever_rules,
    reset_lever_rules,
    rules_from_words,
    rules_in_words,
    save_lever_rules,
    set_status,
    status_history,
    status_text,
)
from core.winback import STATUSES as WINBACK_STATUSES
from core.winback import reason_text as winback_reason_text
from pages import tables, ui
from pages.charts import reason_text

TAGS_EDITOR_KEY = "concentration_tags_editor"
TAGS_NOTICE_KEY = "concentration_tags_notice"


# -- kinds of key client (concentration page) ----------------------------------------------------


def kinds_of_key_clients(store, result, params) -> None:
    """The kinds of the key set, the breadwinners, the suggested prospects and every tagged client, editable.

    ``result`` is the page's ``core.concentration`` result, ``params`` its parameters
    (the as-of date and the sidebar filters decide the suggested prospects).
    """
    st.subheader(ui.tr("tags.header"))
    st.caption(ui.tr("tags.explain"))
    notice = st.session_state.pop(TAGS_NOTICE_KEY, None)
    if notice:
        st.success(notice)
    try:
        prospects = ui.compute(suggested_prospects, ProspectParams(as_of=params.as_of, filters=params.filters))
    except KamError as exc:
        ui.show_error(exc)
        prospects = pd.DataFrame(columns=["client_id", "client_name", "first_date"])
    tags = list_tags(store)
    editor = ui.can_edit()  # a viewer sees the kinds and their history, without the editor
    ui.viewer_note()
    added = st.text_input(ui.tr("tags.add_client"), key="concentration_tags_add").strip() if editor else ""
    known = result.ranking[["client_id", "client_name", "share"]]
    if added and added not in set(known["client_id"]):
        name = store.scalar("SELECT client_name FROM clients WHERE client_id = ?", [added])
        if store.scalar("SELECT count(*) FROM clients WHERE client_id = ?", [added]):
            known = pd.concat([known, pd.DataFrame({"client_id": [added], "client_name": [name], "share": [None]})])
        else:
            st.warning(ui.tr("tags.unknown_client", client=added))
    breadwinner_ids = set(result.breadwinners["client_id"])
    wanted = (
        set(result.key_set_ids[:200])
        | breadwinner_ids
        | set(prospects["client_id"])
        | set(tags["client_id"])
        | ({added} if added else set())
    )
    # the few hundred wanted picked from the ranking first: a merge would hash all its clients
    known = known[among(known["client_id"], list(wanted))]
    rows = pd.DataFrame({"client_id": sorted(wanted)}).merge(known, on="client_id", how="left")
    rows["client_name"] = rows["client_name"].fillna(
        rows["client_id"].map(tags.drop_duplicates("client_id").set_index("client_id")["client_name"])
    )
    latest = tags.sort_values("set_at").drop_duplicates("client_id", keep="last").set_index("client_id")
    editor_table = (
        pd.DataFrame(
            {
                "client_name": rows["client_name"],
                "client_id": rows["client_id"],
                "share": (100 * rows["share"]).round(2),
                "breadwinner": rows["client_id"].isin(breadwinner_ids),
                "suggested": rows["client_id"].isin(set(prospects["client_id"])),
                **{k: rows["client_id"].isin(set(tags.loc[tags["kind"] == k, "client_id"])) for k in TAGGED_KINDS},
                "changed": rows["client_id"].map(
                    lambda c: (
                        ui.tr("tags.by", who=latest.at[c, "set_by"], when=f"{latest.at[c, 'set_at']:%Y-%m-%d %H:%M}")
                        if c in latest.index
                        else ""
                    )
                ),
            }
        )
        .sort_values(["share", "client_id"], ascending=[False, True], na_position="last")
        .reset_index(drop=True)
    )
    columns = tables.configs(tables.kinds_editor())
    saved = False
    if editor:
        with st.form("concentration_tags_form"):
            edited = st.data_editor(
                editor_table,
                key=TAGS_EDITOR_KEY,
                hide_index=True,
                placeholder=ui.EMPTY,
                num_rows="fixed",
                disabled=["client_id", "client_name", "share", "breadwinner", "suggested", "changed"],
                column_config=columns,
            )
            saved = st.form_submit_button(ui.tr("tags.save"))
    else:
        st.dataframe(
            editor_table, hide_index=True, placeholder=ui.EMPTY, column_config=columns, key="concentration_tags_view"
        )
    if saved:
        changes = [
            (client_id, kind, bool(now))
            for kind in TAGGED_KINDS
            for client_id, now in edited.loc[edited[kind] != editor_table[kind], ["client_id", kind]].itertuples(
                index=False
            )
        ]
        try:
            count = set_kinds(store, changes, by=ui.actor())
        except KamError as exc:
            ui.show_error(exc)
        else:
            st.session_state[TAGS_NOTICE_KEY] = (
                ui.tr("tags.saved", n=count, who=ui.who()) if count else ui.tr("tags.nothing")
            )
            st.session_state.pop(TAGS_EDITOR_KEY, None)  # the saved table is the new starting point
            st.rerun()
    with st.expander(ui.tr("tags.history")):
        history = tag_history(store).head(200)
        st.dataframe(
            pd.DataFrame(
                {
                    ui.tr("common.client_id"): history["client_id"],
                    ui.tr("tags.kind"): history["kind"].map(lambda k: ui.tr(f"tags.kind.{k}")),
                    ui.tr("tags.action"): history["action"].map(lambda a: ui.tr(f"tags.action.{a}")),
                    ui.tr("tags.changed_by"): history["changed_by"],
                    ui.tr("tags.changed_at"): history["changed_at"],
                }
            ),
            hide_index=True,
            placeholder=ui.EMPTY,
        )


# -- loss reasons (lost-clients page) ---------------------------------------------------------------

MAX_REASON_PICKABLE = 2000  # lost clients offered when recording a reason (the most valuable first)


def record_reason_form(store, lost: pd.DataFrame) -> None:
    """An editor records why a lost client left (a catalogue reason or their own words)."""
    st.subheader(ui.tr("churn.record"))
    pickable = lost.head(MAX_REASON_PICKABLE)
    names = dict(zip(pickable["client_id"], pickable["client_name"], strict=True))
    with st.form("churn_record_form", clear_on_submit=True):
        f_client, f_reason, f_own = st.columns([2, 2, 2])
        client = f_client.selectbox(
            ui.tr("churn.record_client"),
            list(pickable["client_id"]),
            key="churn_record_client",
            format_func=lambda c: f"{c} — {names[c]}" if isinstance(names.get(c), str) else str(c),
        )
        offered = catalogue(store)
        chosen = f_reason.selectbox(ui.tr("churn.record_reason"), offered, format_func=said, key="churn_record_reason")
        own = f_own.text_input(ui.tr("churn.record_own"), key="churn_record_own")
        if st.form_submit_button(ui.tr("churn.record_save"), type="primary"):
            reason = own.strip() or chosen
            last_purchase = pickable.loc[pickable["client_id"] == client, "last_purchase"].iloc[0]
            try:
                record_reason(store, client, last_purchase, reason, ui.actor())
            except KamError as exc:
                ui.show_error(exc)
            else:
                st.session_state["churn_saved"] = ui.tr(
                    "churn.record_saved", client=client, reason=said(reason), who=ui.who()
                )
                st.rerun()
    if st.session_state.get("churn_saved"):
        st.success(st.session_state.pop("churn_saved"))


def said(reason) -> str:
    """A stored reason as the page's language reads it."""
    return reason_text(reason, ui.lang())


def reason_catalogue(store, editor: bool) -> None:
    """The reasons offered when recording one: a list for a viewer, an editable list for an editor."""
    with st.expander(ui.tr("churn.catalogue")):
        current = catalogue(store)
        shown_labels = {said(r): r for r in current}
        shown_labels.update({said(r): r for r in BUILTIN_REASONS})
        if not editor:
            st.dataframe(
                pd.DataFrame({ui.tr("churn.col.reason"): [said(r) for r in current]}),
                hide_index=True,
                placeholder=ui.EMPTY,
            )
            return
        edited = st.data_editor(
            pd.DataFrame({"reason": [said(r) for r in current]}),
            num_rows="dynamic",
            hide_index=True,
            placeholder=ui.EMPTY,
            width="stretch",
            key="churn_catalogue_editor",
            column_config={
                "reason": st.column_config.TextColumn(ui.tr("churn.col.reason"), help=ui.tr("churn.catalogue_help"))
            },
        )
        if st.button(ui.tr("churn.catalogue_save"), key="churn_catalogue_save"):
            try:
                saved = save_catalogue(
                    store, [shown_labels.get(text, text) for text in edited["reason"].dropna()], by=ui.actor()
                )
                st.success(ui.tr("churn.catalogue_saved", n=len(saved)))
            except KamError as exc:
                ui.show_error(exc)


def reasons_file(store, editor: bool) -> None:
    """Loss reasons loaded from a file (client, reason, optional date), and every reason recorded so far."""
    with st.expander(ui.tr("churn.reasons_file")):
        upload = None
        if editor:
            upload = st.file_uploader(
                ui.tr("churn.reasons_file_help"),
                type=["csv", "txt", "xlsx", "xlsm", "xls"],
                key="churn_reasons_upload",
            )
        if upload is not None and st.session_state.get("churn_reasons_loaded") != upload.file_id:
            path = spill_upload(upload, Path(upload.name).suffix)
            try:
                summary = load_reasons_file(store, path, file_name=upload.name, loaded_by=ui.actor())
            except KamError as exc:
                ui.show_error(exc)
            else:
                st.session_state["churn_reasons_loaded"] = upload.file_id
                st.session_state["churn_reasons_summary"] = summary
            finally:
                path.unlink(missing_ok=True)
        summary = st.session_state.get("churn_reasons_summary")
        if summary:
            st.success(
                ui.tr(
                    "churn.reasons_file_loaded",
                    n=summary["reasons_loaded"],
                    clients=summary["clients"],
                    file=summary["file"],
                )
            )
            if summary["unknown_clients"]:
                st.warning(
                    ui.tr(
                        "churn.reasons_file_unknown",
                        n=summary["unknown_clients"],
                        examples=", ".join(summary["unknown_client_ids"][:5]),
                    )
                )
        history = recorded_reasons(store)
        if not history.empty:
            st.caption(ui.tr("churn.recorded"))
            shown = history.head(tables.MAX_ROWS).assign(reason=lambda f: f["reason"].map(said))
            tables.show(shown, tables.CHURN_RECORDED, key="churn_recorded_table")


# -- win-back statuses and lever rules (win-back page) ---------------------------------------------

WINBACK_NOTICE_KEY = "winback_notice"
RULES_KEY = "winback_rules_editor"
MAX_STATUS_PICKABLE = 1000  # the status editor offers the top of the list (the table shows all)


def winback_status(store, listed: pd.DataFrame, won: pd.DataFrame, editor: bool) -> None:
    """Pick a client of the list (or a won-back one): an editor sets its status, owner, next step and note;
    everyone reads its history."""
    lang = ui.lang()
    st.subheader(ui.tr("winback.editor.header"))
    ui.viewer_note()
    pickable = pd.concat([listed.head(MAX_STATUS_PICKABLE), won.head(MAX_STATUS_PICKABLE)], ignore_index=True)
    if pickable.empty:
        st.info(ui.tr("winback.empty"))
        return
    rows = {f"{r.client_id}|{r.last_purchase.date()}": r for r in pickable.itertuples(index=False)}
    picked = st.selectbox(
        ui.tr("winback.editor.client"),
        list(rows),
        format_func=lambda k: (
            f"{rows[k].client_name or rows[k].client_id} ({rows[k].client_id}) · "
            f"{numbers.number(rows[k].value_before_loss, lang)} · {status_text(rows[k].status, lang)}"
        ),
        key="winback_client",
    )
    row = rows[picked]
    if editor:
        with st.form(f"winback_status_form_{picked}", border=True):
            f_status, f_owner, f_next = st.columns([1, 1, 1])
            status = f_status.selectbox(
                ui.tr("winback.col.status"),
                list(WINBACK_STATUSES),
                index=WINBACK_STATUSES.index(row.status),
                format_func=lambda s: status_text(s, lang),
                key=f"winback_status_{picked}",
            )
            owner = f_owner.text_input(
                ui.tr("winback.col.owner"),
                value=row.owner
                if isinstance(row.owner, str)
                else (row.manager if isinstance(row.manager, str) else ""),
                key=f"winback_owner_{picked}",
            )
            next_step = f_next.date_input(
                ui.tr("winback.col.next_step"),
                value=None if pd.isna(row.next_step) else row.next_step.date(),
                key=f"winback_next_{picked}",
            )
            note = st.text_area(
                ui.tr("winback.col.note"),
                value=row.note if isinstance(row.note, str) else "",
                key=f"winback_note_{picked}",
                height=80,
            )
            st.caption(ui.tr("winback.editor.who", who=ui.who()))
            if st.form_submit_button(ui.tr("winback.editor.save"), type="primary"):
                try:
                    set_status(
                        store,
                        row.client_id,
                        status,
                        owner=owner,
                        next_step=next_step,
                        note=note,
                        last_purchase=row.last_purchase.date(),
                        by=ui.actor(),
                    )
                except KamError as exc:
                    ui.show_error(exc)
                else:
                    st.session_state[WINBACK_NOTICE_KEY] = ui.tr(
                        "winback.editor.saved",
                        client=row.client_name or row.client_id,
                        status=status_text(status, lang),
                    )
                    st.rerun()
    with st.expander(ui.tr("winback.history", client=row.client_name or row.client_id)):
        history = status_history(store, row.client_id)
        if history.empty:
            st.caption(ui.tr("winback.history.empty"))
        else:
            history["status"] = history["status"].map(lambda s: status_text(s, lang))
            columns = ["changed_at", "changed_by", "status", "owner", "next_step", "note"]
            tables.worded(history[columns], "winback.col")


def lever_rules_editor(store, editor: bool) -> None:
    """The rules that suggest a lever (former class or cell, reason → lever), read and edited in words."""
    lang = ui.lang()
    st.subheader(ui.tr("winback.rules.header"))
    # A lever or reason written as the page shows it is stored as its key.
    st.caption(
        ui.tr("winback.rules.help", reasons=", ".join(winback_reason_text(r, lang) for r in ("price", "quality")))
    )
    st.caption(ui.tr("winback.rules.keys", keys=", ".join(ui.tr(f"winback.lever.{k}") for k in LEVERS)))
    rules = rules_in_words(lever_rules(store)[["position", "former", "reason", "lever"]], lang)
    rule_columns = {
        "position": st.column_config.NumberColumn(ui.tr("winback.col.position"), step=1, format="%d"),
        "former": st.column_config.TextColumn(ui.tr("winback.col.rule_former")),
        "reason": st.column_config.TextColumn(ui.tr("winback.col.rule_reason")),
        "lever": st.column_config.TextColumn(ui.tr("winback.col.lever")),
    }
    if not editor:
        st.dataframe(
            rules,
            hide_index=True,
            placeholder=ui.EMPTY,
            width="stretch",
            column_config=rule_columns,
            key="winback_rules_view",
        )
        return
    edited = st.data_editor(
        rules,
        key=RULES_KEY,
        hide_index=True,
        placeholder=ui.EMPTY,
        num_rows="dynamic",
        width="stretch",
        column_config=rule_columns,
    )
    b_save, b_reset, _ = st.columns([1, 1.4, 3])
    if b_save.button(ui.tr("winback.rules.save"), key="winback_rules_save", type="primary"):
        try:
            count = save_lever_rules(store, rules_from_words(edited, lang), by=ui.actor())
        except KamError as exc:
            ui.show_error(exc)
        else:
            st.session_state[WINBACK_NOTICE_KEY] = ui.tr("winback.rules.saved", count=count)
            st.session_state.pop(RULES_KEY, None)
            st.rerun()
    if b_reset.button(ui.tr("winback.rules.reset"), key="winback_rules_reset"):
        count = reset_lever_rules(store, by=ui.actor())
        st.session_state[WINBACK_NOTICE_KEY] = ui.tr("winback.rules.saved", count=count)
        st.session_state.pop(RULES_KEY, None)
        st.rerun()


# -- managers' assignments (managers page) ---------------------------------------------------


MANAGERS_NOTICE_KEY = "managers_notice"


def assignments_file(store) -> None:
    """An editor loads an assignments file (client or region → manager, dated) where the sales lines carry no
    manager; everyone sees the assignments in force and the files they came from."""
    with st.expander(ui.tr("managers.assign")):
        st.caption(ui.tr("managers.assign.help"))
        upload = (
            None
            if not ui.can_edit()
            else st.file_uploader(
                ui.tr("managers.assign.file"), type=["csv", "txt", "xlsx", "xlsm", "xls"], key="managers_assign_upload"
            )
        )
        if upload is not None:
            path = spill_upload(upload, Path(upload.name).suffix)
            try:
                raw = read_assignments(path, upload.name)
                columns = list(raw.columns)
                detected = assignment_columns(columns, file_name=upload.name)
                with st.form("managers_assign_form"):
                    chosen_roles = {}
                    role_columns = st.columns(len(ROLES))
                    for place, role in zip(role_columns, ROLES, strict=True):
                        choices = [None, *columns]
                        chosen_roles[role] = place.selectbox(
                            ui.tr(f"managers.role.{role}"),
                            choices,
                            index=choices.index(detected[role]) if role in detected else 0,
                            format_func=lambda c: "–" if c is None else c,
                            key=f"managers_role_{role}",
                        )
                    st.dataframe(
                        raw.sample(5).drop(columns="__row", errors="ignore"), hide_index=True, placeholder=ui.EMPTY
                    )
                    if st.form_submit_button(ui.tr("managers.assign.load"), type="primary", disabled=not ui.can_edit()):
                        overrides = {role: column or "" for role, column in chosen_roles.items()}
                        summary = load_assignments(
                            store, path, file_name=upload.name, overrides=overrides, loaded_by=ui.actor()
                        )
                        key = (
                            "managers.assign.unchanged"
                            if summary["status"] == "unchanged"
                            else "managers.assign.loaded"
                        )
                        st.session_state[MANAGERS_NOTICE_KEY] = ui.tr(
                            key, file=upload.name, n=summary["rows_loaded"], rejected=summary["rows_rejected"]
                        )
                        st.rerun()
            except KamError as exc:
                ui.show_error(exc)
            finally:
                path.unlink(missing_ok=True)

        loads = assignment_loads(store)
        if loads.empty:
            st.caption(ui.tr("managers.assign.none"))
        else:
            st.markdown(f"**{ui.tr('managers.assign.in_force')}**")
            current = assignments(store)
            current["scope"] = current["scope"].map(lambda s: ui.tr(f"managers.scope.{s}"))
            tables.worded(current, "managers.assign.col", key="managers_assignments")
            st.markdown(f"**{ui.tr('managers.assign.files')}**")
            for load in loads.itertuples(index=False):
                c_text, c_delete = st.columns([5, 1])
                c_text.caption(
                    ui.tr(
                        "managers.assign.file_line",
                        file=load.file_name,
                        n=load.rows_loaded,
                        rejected=load.rows_rejected,
                        who=load.loaded_by,
                        when=f"{load.loaded_at:%Y-%m-%d %H:%M}",
                    )
                )
                if ui.can_edit() and c_delete.button(
                    ui.tr("managers.assign.delete"), key=f"managers_assign_delete_{load.load_id}"
                ):
                    removed = delete_assignment_load(store, load.load_id, by=ui.actor())
                    st.session_state[MANAGERS_NOTICE_KEY] = ui.tr(
                        "managers.assign.deleted", file=load.file_name, n=removed
                    )
                    st.rerun()


# -- prospects (prospects page) -------------------------------------------------------------------


PROSPECTS_NOTICE_KEY = "prospects_notice"


def prospect_done(text: str) -> None:
    st.session_state[PROSPECTS_NOTICE_KEY] = text
    st.rerun()


def answer_text(answer: str) -> str:
    return ui.tr(f"prospects.answer.{answer}")


def qualify_prospect(store, listed: pd.DataFrame) -> None:
    """Pick a prospect: an editor answers need / pay / power (each with a note), sets status, owner and
    the client it became; everyone reads its history."""
    st.subheader(ui.tr("prospects.qualify"))
    rows = {int(r.prospect_id): r for r in listed.itertuples(index=False)}
    picked = st.selectbox(
        ui.tr("prospects.pick"),
        list(rows),
        format_func=lambda p: f"{rows[p].name} · {rows[p].score}/{MAX_SCORE}",
        key="prospects_pick",
    )
    row = rows[picked]
    with st.form(f"prospects_qualify_{picked}"):
        values = {}
        for question in QUESTIONS:
            c_answer, c_note = st.columns([1, 2])
            values[question] = c_answer.radio(
                ui.tr(f"prospects.q.{question}.long"),
                list(ANSWERS),
                index=ANSWERS.index(getattr(row, question)),
                format_func=answer_text,
                horizontal=True,
                key=f"prospects_{picked}_{question}",
            )
            values[f"{question}_note"] = c_note.text_input(
                ui.tr("prospects.col.note_of", question=ui.tr(f"prospects.q.{question}")),
                value=getattr(row, f"{question}_note") or "",
                key=f"prospects_{picked}_{question}_note",
            )
        c_status, c_owner, c_client = st.columns(3)
        values["status"] = c_status.selectbox(
            ui.tr("prospects.col.status"),
            list(PROSPECT_STATUSES),
            index=PROSPECT_STATUSES.index(row.status),
            format_func=lambda s: ui.tr(f"prospects.status.{s}"),
            key=f"prospects_{picked}_status",
        )
        values["owner"] = c_owner.text_input(
            ui.tr("prospects.col.owner"), value=row.owner or "", key=f"prospects_{picked}_owner"
        )
        values["client_id"] = c_client.text_input(
            ui.tr("prospects.col.client_id"),
            value=row.client_id or "",
            key=f"prospects_{picked}_client",
            help=ui.tr("prospects.link.help"),
        )
        values["note"] = st.text_input(
            ui.tr("prospects.col.note"), value=row.note or "", key=f"prospects_{picked}_note"
        )
        st.caption(ui.tr("prospects.who", who=ui.who()))
        if st.form_submit_button(ui.tr("prospects.save"), type="primary", disabled=not ui.can_edit()):
            try:
                client = (values.pop("client_id") or "").strip()
                changed = update_prospect(store, picked, by=ui.actor(), **values)
                if client and client != (row.client_id or ""):
                    changed = link_client(store, picked, client, by=ui.actor()) or changed
            except KamError as exc:
                ui.show_error(exc)
            else:
                prospect_done(ui.tr("prospects.saved", name=row.name) if changed else ui.tr("prospects.nothing"))
    with st.expander(ui.tr("prospects.history", name=row.name)):
        past = prospect_history(store, picked)
        past["status"] = past["status"].map(lambda s: ui.tr(f"prospects.status.{s}"))
        for question in QUESTIONS:
            past[question] = past[question].map(answer_text)
        st.dataframe(
            past[["changed_at", "changed_by", "score", *QUESTIONS, "status", "owner", "client_id", "note"]].rename(
                columns=lambda c: ui.tr(f"prospects.q.{c}") if c in QUESTIONS else ui.tr(f"prospects.col.{c}")
            ),
            hide_index=True,
            placeholder=ui.EMPTY,
            width="stretch",
            key="prospects_history_table",
        )
