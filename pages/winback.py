"""Win-back: the ranked call list, who is on it, the funnel, the lever rules.

Reads the controls (bound to the URL), builds ``WinbackParams``, calls
``core.winback.win_back_list`` through ``ui.compute`` and draws. Statuses and
lever rules are written through ``core.winback`` (one transaction each), which
bumps the store's version, so every session sees them on its next run.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.errors import KamError
from core.grid import CELLS, TOO_NEW
from core.reasons import builtin_aliases
from core.winback import (
    LEVERS,
    STATUSES,
    WON_BACK_COLUMNS,
    WinbackParams,
    export_csv,
    export_workbook,
    former_text,
    lever_rules,
    readable,
    reason_text,
    reset_lever_rules,
    rules_from_words,
    rules_in_words,
    save_lever_rules,
    set_status,
    status_history,
    status_text,
    win_back_list,
)
from pages import ui

RULES_KEY = "winback_rules_editor"
NOTICE_KEY = "winback_notice"
MAX_PICKABLE = 1000  # the status editor offers the top of the list (the table shows all)
# What decides the call first, left (after the rank): who, lost or only at risk, what they were
# worth, how long ago, the lever, the status; the export keeps core.winback.EXPORT_COLUMNS' order.
PAGE_COLUMNS = [
    "client_name",
    "at_risk",
    "value_before_loss",
    "days_since",
    "lever",
    "status",
    "former_cell",
    "reason",
    "rule",
    "owner",
    "next_step",
    "note",
    "client_id",
    "last_purchase",
    "loss_date",
    "kind",
    "manager",
    "region",
    "changed_by",
    "changed_at",
]


def money(value) -> str:
    return ui.number(value)


def choices(statement: str) -> list[str]:
    return [row[0] for row in store.query_rows(statement)]


ui.require_data()
store = ui.store()
lang = ui.lang()

st.title(ui.tr("winback.title"))
if notice := st.session_state.pop(NOTICE_KEY, None):
    st.success(notice)

# -- controls (bound to the URL) ------------------------------------------------------
c_days, c_k, c_basis, c_as_of = st.columns([1.4, 1.2, 0.9, 0.9])
lost_days = c_days.slider(
    ui.tr("winback.lost_days"), 30, 730, 180, step=5, key="winback_lost_days", bind="query-params"
)
risk_k = c_k.slider(ui.tr("winback.risk_k"), 1.0, 6.0, 2.0, step=0.5, key="winback_risk_k", bind="query-params")
basis = ui.basis_control(c_basis, "winback_basis")
as_of = c_as_of.date_input(ui.tr("common.as_of"), value=None, key="winback_as_of", bind="query-params")
include_at_risk = st.toggle(  # a row of its own: the label is never cut
    ui.tr("winback.include_at_risk"),
    key="winback_at_risk",
    bind="query-params",
    help=ui.tr("winback.include_at_risk.help"),
)

c_min, c_since, c_before, c_manager, c_region, c_former, c_reason = st.columns([1, 0.9, 0.9, 1.2, 1.2, 1, 1.2])
min_value = c_min.number_input(
    ui.tr("winback.min_value"), min_value=0.0, value=0.0, step=100.0, key="winback_min_value", bind="query-params"
)
lost_since = c_since.date_input(ui.tr("winback.lost_since"), value=None, key="winback_lost_since", bind="query-params")
lost_before = c_before.date_input(
    ui.tr("winback.lost_before"), value=None, key="winback_lost_before", bind="query-params"
)
managers = c_manager.multiselect(
    ui.tr("winback.managers"),
    ui.filter_options()["manager"],
    placeholder=ui.tr("filters.all"),
    key="winback_managers",
    bind="query-params",
)
regions = c_region.multiselect(
    ui.tr("winback.regions"),
    ui.filter_options()["region"],
    placeholder=ui.tr("filters.all"),
    key="winback_regions",
    bind="query-params",
)
former = ui.coded(
    c_former.multiselect,
    ui.tr("winback.former"),
    ["A", "B", "C", *CELLS, TOO_NEW],
    many=True,
    format_func=lambda c: former_text(None if c == TOO_NEW else c, lang),
    placeholder=ui.tr("filters.all"),
    key="winback_former",
)
aliases = builtin_aliases()  # a reason written in the export ("Missed deadlines") is its catalogue code
known_reasons = [
    aliases.get(r, r)
    for r in choices("SELECT reason FROM loss_reason_catalogue ORDER BY position")
    + choices("SELECT DISTINCT lower(trim(loss_reason)) FROM lines WHERE trim(loss_reason) <> '' ORDER BY 1")
]
reasons = ui.coded(
    c_reason.multiselect,
    ui.tr("winback.reasons"),
    list(dict.fromkeys([*known_reasons, "unknown"])),
    many=True,
    format_func=lambda r: reason_text(r, lang),
    placeholder=ui.tr("filters.all"),
    key="winback_reasons",
)

params = WinbackParams(
    lost_days=int(lost_days),
    as_of=as_of,
    basis=basis,
    risk_k=float(risk_k),
    filters=ui.filters(),
    min_value=float(min_value or 0),
    lost_since=lost_since,
    lost_before=lost_before,
    managers=tuple(managers),
    regions=tuple(regions),
    former=tuple(former),
    reasons=tuple(reasons),
    include_at_risk=bool(include_at_risk),
)
try:
    result = ui.compute(win_back_list, params)
except KamError as exc:
    ui.show_error(exc)
    st.stop()

listed, won = result.candidates, result.won_back
st.caption(ui.tr("winback.intro", as_of=result.as_of.isoformat(), lost_days=params.lost_days))
st.markdown(
    ui.tr(
        "winback.summary",
        clients=ui.number(len(listed)),
        value=money(listed["value_before_loss"].sum()),
        won=ui.number(len(won)),
        recovered=money(won["revenue_since"].sum()),
    )
)

# -- the call list --------------------------------------------------------------------
st.subheader(ui.tr("winback.list.header"))
if listed.empty:
    st.info(ui.tr("winback.empty"))
else:
    shown = readable(listed, PAGE_COLUMNS, lang)
    state = ui.tr("winback.col.state")
    shown = shown.rename(columns={ui.tr("winback.col.at_risk"): state})
    shown[state] = [ui.tr("winback.state.at_risk" if risky else "winback.state.lost") for risky in listed["at_risk"]]
    texts = shown.select_dtypes(include=["object", "string"]).columns
    shown[texts] = shown[texts].fillna("")
    shown.insert(0, ui.tr("winback.col.rank"), range(1, len(shown) + 1))
    shown.insert(7, ui.tr("dossier.link"), ui.dossier_links(listed["client_id"]))
    st.dataframe(
        ui.styled(shown, {ui.tr("winback.col.value_before_loss"): 0, ui.tr("winback.col.days_since"): 0}),
        hide_index=True,
        width="stretch",
        height=420,
        column_config={
            ui.tr("dossier.link"): ui.dossier_column(),
            ui.tr("winback.col.last_purchase"): st.column_config.DateColumn(format="YYYY-MM-DD"),
            ui.tr("winback.col.loss_date"): st.column_config.DateColumn(format="YYYY-MM-DD"),
            ui.tr("winback.col.next_step"): st.column_config.DateColumn(format="YYYY-MM-DD"),
            ui.tr("winback.col.changed_at"): st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm"),
        },
    )

c_xlsx, c_csv, _ = st.columns([1.4, 1.4, 3])
stamp = result.as_of.isoformat()
c_xlsx.download_button(
    ui.tr("common.download_xlsx"),
    data=lambda: export_workbook(result, lang),
    file_name=f"win-back-{stamp}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="winback_xlsx",
    icon=":material/download:",
    on_click="ignore",
)
c_csv.download_button(
    ui.tr("common.download_csv"),
    data=lambda: export_csv(result, lang),
    file_name=f"win-back-{stamp}.csv",
    mime="text/csv",
    key="winback_csv",
    icon=":material/download:",
    on_click="ignore",
)

# -- the status editor (editors; a viewer picks a client to read its history) --------------
editor = ui.can_edit()
st.subheader(ui.tr("winback.editor.header"))
ui.viewer_note()
pickable = pd.concat([listed.head(MAX_PICKABLE), won.head(MAX_PICKABLE)], ignore_index=True)
if pickable.empty:
    st.info(ui.tr("winback.empty"))
else:
    rows = {f"{r.client_id}|{r.last_purchase.date()}": r for r in pickable.itertuples(index=False)}
    picked = st.selectbox(
        ui.tr("winback.editor.client"),
        list(rows),
        format_func=lambda k: (
            f"{rows[k].client_name or rows[k].client_id} ({rows[k].client_id}) · "
            f"{money(rows[k].value_before_loss)} · {status_text(rows[k].status, lang)}"
        ),
        key="winback_client",
    )
    row = rows[picked]
    if editor:
        with st.form(f"winback_status_form_{picked}", border=True):
            f_status, f_owner, f_next = st.columns([1, 1, 1])
            status = f_status.selectbox(
                ui.tr("winback.col.status"),
                list(STATUSES),
                index=STATUSES.index(row.status),
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
                    st.session_state[NOTICE_KEY] = ui.tr(
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
            st.dataframe(
                history[["changed_at", "changed_by", "status", "owner", "next_step", "note"]].rename(
                    columns=lambda c: ui.tr(f"winback.col.{c}")
                ),
                hide_index=True,
                width="stretch",
            )

# -- the funnel -----------------------------------------------------------------------
st.subheader(ui.tr("winback.funnel.header"))
columns = st.columns(len(STATUSES))
for column, step in zip(columns, result.funnel.itertuples(index=False), strict=True):
    ui.metric(column, status_text(step.status, lang), step.clients)
    column.caption(ui.tr("winback.funnel.value", value=money(step.value)))
st.markdown(f"**{ui.tr('winback.funnel.by_manager')}**")
by_manager = result.funnel_by_manager
if len(by_manager):
    counts = by_manager.pivot(index="manager", columns="status", values="clients").reindex(columns=list(STATUSES))
    counts.columns = [status_text(s, lang) for s in counts.columns]
    totals = by_manager.groupby("manager")[["value", "recovered"]].sum()
    table = counts.join(
        totals.rename(columns={"value": ui.tr("winback.col.value"), "recovered": ui.tr("winback.col.recovered")})
    )
    table.index = [m or ui.tr("winback.funnel.no_manager") for m in table.index]
    table.index.name = ui.tr("winback.col.manager")
    st.dataframe(
        ui.styled(
            table.reset_index(),
            {column: 0 for column in table.columns},
        ),
        hide_index=True,
        width="stretch",
    )
if len(won):
    with st.expander(ui.tr("winback.won_back.header") + f" ({len(won)})"):
        st.dataframe(readable(won, WON_BACK_COLUMNS, lang), hide_index=True, width="stretch")

# -- the lever rules ----------------------------------------------------------------------
st.subheader(ui.tr("winback.rules.header"))
# The rules read and are edited in words; a lever or reason written as the page shows it is stored as its key.
st.caption(ui.tr("winback.rules.help", reasons=", ".join(reason_text(r, lang) for r in ("price", "quality"))))
st.caption(ui.tr("winback.rules.keys", keys=", ".join(ui.tr(f"winback.lever.{k}") for k in LEVERS)))
rules = rules_in_words(lever_rules(store)[["position", "former", "reason", "lever"]], lang)
rule_columns = {
    "position": st.column_config.NumberColumn(ui.tr("winback.col.position"), step=1, format="%d"),
    "former": st.column_config.TextColumn(ui.tr("winback.col.rule_former")),
    "reason": st.column_config.TextColumn(ui.tr("winback.col.rule_reason")),
    "lever": st.column_config.TextColumn(ui.tr("winback.col.lever")),
}
if not editor:
    st.dataframe(rules, hide_index=True, width="stretch", column_config=rule_columns, key="winback_rules_view")
else:
    edited = st.data_editor(
        rules, key=RULES_KEY, hide_index=True, num_rows="dynamic", width="stretch", column_config=rule_columns
    )
    b_save, b_reset, _ = st.columns([1, 1.4, 3])
    if b_save.button(ui.tr("winback.rules.save"), key="winback_rules_save", type="primary"):
        try:
            count = save_lever_rules(store, rules_from_words(edited, lang), by=ui.actor())
        except KamError as exc:
            ui.show_error(exc)
        else:
            st.session_state[NOTICE_KEY] = ui.tr("winback.rules.saved", count=count)
            st.session_state.pop(RULES_KEY, None)
            st.rerun()
    if b_reset.button(ui.tr("winback.rules.reset"), key="winback_rules_reset"):
        count = reset_lever_rules(store, by=ui.actor())
        st.session_state[NOTICE_KEY] = ui.tr("winback.rules.saved", count=count)
        st.session_state.pop(RULES_KEY, None)
        st.rerun()
