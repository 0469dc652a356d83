"""Win-back: the ranked call list, who is on it, the funnel, the lever rules.

Reads the controls (bound to the URL), builds ``WinbackParams``, calls
``core.winback.win_back_list`` through ``ui.compute`` and draws. Statuses and
lever rules are written through ``core.winback`` (one transaction each), which
bumps the store's version, so every session sees them on its next run.
"""

from __future__ import annotations

import streamlit as st

from core.errors import KamError
from core.grid import CELLS, TOO_NEW
from core.reasons import builtin_aliases
from core.winback import (
    WON_BACK_COLUMNS,
    WinbackParams,
    export_csv,
    export_workbook,
    former_text,
    readable,
    reason_text,
    status_text,
    win_back_list,
)
from pages import editors, tables, ui

money = ui.number


def choices(statement: str) -> list[str]:
    return [row[0] for row in store.query_rows(statement)]


ui.require_data()
store = ui.store()
lang = ui.lang()

st.title(ui.tr("winback.title"))
if notice := st.session_state.pop(editors.WINBACK_NOTICE_KEY, None):
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

# two rows, so no label breaks mid-word and no date input is cut at 1280 px
c_min, c_since, c_before = st.columns(3)
c_manager, c_region, c_former, c_reason = st.columns(4)
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
    shown = tables.winback_call_list(tables.first_rows(listed))
    tables.show(shown, tables.winback_list(list(shown.columns)), height=420)

downloads = st.container(horizontal=True)  # each button as wide as its label
stamp = result.as_of.isoformat()
downloads.download_button(
    ui.tr("common.download_xlsx"),
    data=lambda: export_workbook(result, lang),
    file_name=f"win-back-{stamp}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="winback_xlsx",
    icon=":material/download:",
    on_click="ignore",
)
downloads.download_button(
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
editors.winback_status(store, listed, won, editor)

# -- the funnel -----------------------------------------------------------------------
st.subheader(ui.tr("winback.funnel.header"))
row = ui.metric_row()
for step in result.funnel.itertuples(index=False):
    place = row.container(width="content", gap=None)
    ui.metric(place, status_text(step.status, lang), step.clients)
    place.caption(ui.tr("winback.funnel.value", value=money(step.value)))
st.markdown(f"**{ui.tr('winback.funnel.by_manager')}**")
by_manager = result.funnel_by_manager
if len(by_manager):
    table = tables.winback_by_manager(by_manager)
    st.dataframe(
        ui.styled(table, {c: 0 for c in table.columns[1:]}), hide_index=True, placeholder=ui.EMPTY, width="stretch"
    )
if len(won):
    with st.expander(ui.tr("winback.won_back.header") + f" ({len(won)})"):
        won_rows = readable(tables.first_rows(won), WON_BACK_COLUMNS, lang)
        st.dataframe(won_rows, hide_index=True, placeholder=ui.EMPTY, width="stretch")

# -- the lever rules ----------------------------------------------------------------------
editors.lever_rules_editor(store, editor)
