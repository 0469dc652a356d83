"""Prospects: companies to win as key clients, qualified by the article's three "P".

Reads the controls of the suggestion rule (bound to the URL), asks
``core.tags.suggested_prospects`` for the clients the DOMAIN.md rule suggests
and lists the team's prospects from ``core.prospects`` — qualified first, then
by score. Confirming a suggestion, adding a prospect by hand, answering need /
pay / power, setting status and owner, and linking a prospect that started
buying to its client all go through ``core.prospects`` (one transaction each,
kept in the prospect's history with who and when).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.errors import KamError
from core.prospects import (
    ANSWERS,
    MAX_SCORE,
    QUESTIONS,
    STATUSES,
    add_prospect,
    confirm_suggestion,
    link_client,
    link_suggestions,
    prospect_history,
    prospects,
    update_prospect,
)
from core.tags import ProspectParams, suggested_prospects
from pages import ui

NOTICE_KEY = "prospects_notice"


def number(value) -> str:
    return ui.number(value)


def answer_text(answer: str) -> str:
    return ui.tr(f"prospects.answer.{answer}")


def done(text: str) -> None:
    st.session_state[NOTICE_KEY] = text
    st.rerun()


store = ui.store()
lang = ui.lang()

st.title(ui.tr("prospects.title"))
ui.viewer_note()
st.caption(ui.tr("prospects.intro", max=MAX_SCORE))
if notice := st.session_state.pop(NOTICE_KEY, None):
    st.success(notice)

listed = prospects(store)

# -- suggested by the rule --------------------------------------------------------------------
st.subheader(ui.tr("prospects.suggested"))
c_months, c_top, _ = st.columns([1, 1, 2])
months = c_months.slider(ui.tr("prospects.months"), 1, 24, 6, key="prospects_months", bind="query-params")
top_share = c_top.slider(ui.tr("prospects.top_share"), 5, 100, 20, step=5, key="prospects_top", bind="query-params")
st.caption(ui.tr("prospects.suggested.rule", months=months, share=top_share))
suggested = pd.DataFrame(columns=["client_id", "client_name", "first_date", "revenue", "rank", "confirmed"])
if not store.is_empty():
    try:
        suggested = ui.compute(
            suggested_prospects, ProspectParams(months=int(months), top_share=float(top_share), filters=ui.filters())
        )
    except KamError as exc:
        ui.show_error(exc)
in_list = set(listed["client_id"].dropna())
if suggested.empty:
    st.caption(ui.tr("prospects.suggested.none"))
else:
    table = suggested.assign(
        dossier=ui.dossier_links(suggested["client_id"]),
        in_list=suggested["client_id"].isin(in_list),
    )
    st.dataframe(
        ui.styled(
            table[["dossier", "client_id", "client_name", "first_date", "revenue", "rank", "confirmed", "in_list"]],
            {"revenue": 2, "rank": 0},
        ),
        hide_index=True,
        width="stretch",
        key="prospects_suggested_table",
        column_config={
            "dossier": ui.dossier_column(),
            "client_id": st.column_config.TextColumn(ui.tr("common.client_id")),
            "client_name": st.column_config.TextColumn(ui.tr("common.client")),
            "first_date": st.column_config.DateColumn(ui.tr("prospects.col.first_purchase")),
            "revenue": st.column_config.NumberColumn(ui.tr("common.revenue")),
            "rank": st.column_config.NumberColumn(ui.tr("prospects.col.rank")),
            "confirmed": st.column_config.CheckboxColumn(ui.tr("prospects.col.confirmed")),
            "in_list": st.column_config.CheckboxColumn(ui.tr("prospects.col.in_list")),
        },
    )
    open_ones = [c for c in suggested["client_id"] if c not in in_list]
    if open_ones and ui.can_edit():
        names = dict(zip(suggested["client_id"], suggested["client_name"], strict=True))
        with st.form("prospects_confirm_form"):
            chosen = st.multiselect(
                ui.tr("prospects.confirm.pick"),
                open_ones,
                format_func=lambda c: f"{names.get(c) or c} ({c})",
                key="prospects_confirm_pick",
            )
            if st.form_submit_button(ui.tr("prospects.confirm"), type="primary", disabled=not ui.can_edit()) and chosen:
                try:
                    for client_id in chosen:
                        confirm_suggestion(store, client_id, by=ui.actor())
                except KamError as exc:
                    ui.show_error(exc)
                else:
                    done(ui.tr("prospects.confirmed", n=len(chosen), who=ui.who()))

# -- added by hand ----------------------------------------------------------------------------
with st.expander(ui.tr("prospects.add")):
    with st.form("prospects_add_form", clear_on_submit=True):
        c_name, c_client, c_owner = st.columns([2, 1, 1])
        name = c_name.text_input(ui.tr("prospects.col.name"), key="prospects_add_name")
        client_id = c_client.text_input(
            ui.tr("prospects.col.client_id"), key="prospects_add_client", help=ui.tr("prospects.add.client_help")
        )
        owner = c_owner.text_input(ui.tr("prospects.col.owner"), key="prospects_add_owner")
        note = st.text_input(ui.tr("prospects.col.note"), key="prospects_add_note")
        if st.form_submit_button(ui.tr("prospects.add.save"), type="primary", disabled=not ui.can_edit()):
            try:
                add_prospect(store, name, client_id=client_id, owner=owner, note=note, by=ui.actor())
            except KamError as exc:
                ui.show_error(exc)
            else:
                done(ui.tr("prospects.added", name=name.strip(), who=ui.who()))

# -- the list ---------------------------------------------------------------------------------
st.subheader(ui.tr("prospects.list", n=len(listed), qualified=int(listed["qualified"].sum())))
if listed.empty:
    st.info(ui.tr("prospects.none"))
    st.stop()
hide_dropped = st.toggle(ui.tr("prospects.hide_dropped"), key="prospects_hide_dropped", bind="query-params")
shown = listed[listed["status"] != "dropped"] if hide_dropped else listed
table = pd.DataFrame(
    {
        "dossier": [ui.dossier_link(c) if isinstance(c, str) else None for c in shown["client_id"]],
        "name": shown["name"],
        "qualified": shown["qualified"],
        "score": shown["score"],
        **{q: shown[q].map(answer_text) for q in QUESTIONS},
        "status": shown["status"].map(lambda s: ui.tr(f"prospects.status.{s}")),
        "owner": shown["owner"],
        "client_id": shown["client_id"],
        "first_purchase": shown["first_purchase"],
        "revenue": shown["revenue"],
        "source": shown["source"].map(lambda s: ui.tr(f"prospects.source.{s}")),
        "changed_by": shown["changed_by"],
        "changed_at": shown["changed_at"],
    }
)
st.dataframe(
    ui.styled(table, {"revenue": 2}),
    hide_index=True,
    width="stretch",
    key="prospects_table",
    column_config={
        "dossier": ui.dossier_column(),
        "name": st.column_config.TextColumn(ui.tr("prospects.col.name")),
        "qualified": st.column_config.CheckboxColumn(ui.tr("prospects.col.qualified")),
        "score": st.column_config.ProgressColumn(
            ui.tr("prospects.col.score"), min_value=0, max_value=MAX_SCORE, format="%d"
        ),
        **{q: st.column_config.TextColumn(ui.tr(f"prospects.q.{q}")) for q in QUESTIONS},
        "status": st.column_config.TextColumn(ui.tr("prospects.col.status")),
        "owner": st.column_config.TextColumn(ui.tr("prospects.col.owner")),
        "client_id": st.column_config.TextColumn(ui.tr("prospects.col.client_id")),
        "first_purchase": st.column_config.DateColumn(ui.tr("prospects.col.first_purchase")),
        "revenue": st.column_config.NumberColumn(ui.tr("common.revenue")),
        "source": st.column_config.TextColumn(ui.tr("prospects.col.source")),
        "changed_by": st.column_config.TextColumn(ui.tr("prospects.col.changed_by")),
        "changed_at": st.column_config.DatetimeColumn(ui.tr("prospects.col.changed_at"), format="YYYY-MM-DD HH:mm"),
    },
)

# -- buying now: link to the client ---------------------------------------------------------
matches = link_suggestions(store)
if len(matches) and ui.can_edit():
    st.markdown(f"**{ui.tr('prospects.link.matches')}**")
    for match in matches.head(20).itertuples(index=False):
        label = ui.tr("prospects.link.match", name=match.name, client=match.client_id, since=match.first_date)
        if st.button(label, key=f"prospects_link_{match.prospect_id}_{match.client_id}"):
            try:
                link_client(store, match.prospect_id, match.client_id, by=ui.actor())
            except KamError as exc:
                ui.show_error(exc)
            else:
                done(ui.tr("prospects.linked", name=match.name, client=match.client_id))

# -- qualify one --------------------------------------------------------------------------------
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
        list(STATUSES),
        index=STATUSES.index(row.status),
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
    values["note"] = st.text_input(ui.tr("prospects.col.note"), value=row.note or "", key=f"prospects_{picked}_note")
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
            done(ui.tr("prospects.saved", name=row.name) if changed else ui.tr("prospects.nothing"))
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
        width="stretch",
        key="prospects_history_table",
    )
