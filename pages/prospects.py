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
    MAX_SCORE,
    QUESTIONS,
    add_prospect,
    confirm_suggestion,
    link_client,
    link_suggestions,
    prospects,
)
from core.tags import ProspectParams, suggested_prospects
from pages import editors, tables, ui
from pages.editors import prospect_done as done

store = ui.store()
lang = ui.lang()

st.title(ui.tr("prospects.title"))
ui.viewer_note()
st.caption(ui.tr("prospects.intro", max=MAX_SCORE))
if notice := st.session_state.pop(editors.PROSPECTS_NOTICE_KEY, None):
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
    tables.show(table, tables.PROSPECTS_SUGGESTED, key="prospects_suggested_table")
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
table = shown.assign(
    dossier=[ui.dossier_link(c) if isinstance(c, str) else None for c in shown["client_id"]],
    **{q: shown[q].map(editors.answer_text) for q in QUESTIONS},
    status=shown["status"].map(lambda s: ui.tr(f"prospects.status.{s}")),
    source=shown["source"].map(lambda s: ui.tr(f"prospects.source.{s}")),
)
tables.show(table, tables.prospects_list(QUESTIONS, MAX_SCORE), key="prospects_table")

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
editors.qualify_prospect(store, listed)
