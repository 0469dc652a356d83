"""Managers: every key account manager's portfolio side by side, and one in depth.

Reads the controls (bound to the URL), builds ``ManagerParams`` with the
sidebar filters, calls ``core.managers.manager_portfolios`` through
``ui.compute`` and draws: the managers side by side (key clients, revenue and
share, margin, lost clients and their value, at-risk clients, win-back
progress), the grid's distribution per manager, and one manager's clients,
losses and call list. Lines and clients without a manager are a row of their
own ("no manager"), never dropped. Where the sales lines carry no manager, an
assignments file (client or region → manager, dated) is loaded in the section
at the bottom (``pages.editors.assignments_file``, ``core.managers.load_assignments``).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.errors import KamError
from core.grid import CELLS
from core.managers import ManagerParams, manager_portfolios, portfolio
from core.winback import STATUSES
from pages import editors, tables, ui
from pages.charts import managers_figure

NONE = "__none__"  # the "no manager" option (a URL-safe stand-in for None)
TOO_NEW = "too_new"
number, pct = ui.number, ui.pct


def manager_name(manager) -> str:
    return ui.tr("managers.no_manager") if manager is None or manager == NONE else str(manager)


ui.require_data()
store = ui.store()
lang = ui.lang()

st.title(ui.tr("managers.title"))
ui.viewer_note()
if notice := st.session_state.pop(editors.MANAGERS_NOTICE_KEY, None):
    st.success(notice)

# -- controls (bound to the URL) ------------------------------------------------------------
c_basis, c_period, c_window, c_as_of, c_days, c_k = st.columns([1.5, 1, 1.3, 1.45, 1.3, 1.2])
basis = ui.basis_control(c_basis, "managers_basis")
period = ui.period_control(c_period, "managers_period")
window = c_window.slider(ui.tr("common.window"), 1, 60, 12, key="managers_window", bind="query-params")
as_of = c_as_of.date_input(ui.tr("common.as_of"), value=None, key="managers_as_of", bind="query-params")
lost_days = c_days.slider(
    ui.tr("managers.lost_days"), 30, 730, 180, step=5, key="managers_lost_days", bind="query-params"
)
risk_k = c_k.slider(ui.tr("managers.risk_k"), 1.0, 6.0, 2.0, step=0.5, key="managers_risk_k", bind="query-params")

params = ManagerParams(
    basis=basis,
    period=period,
    window=int(window),
    as_of=as_of,
    lost_days=int(lost_days),
    risk_k=float(risk_k),
    filters=ui.filters(),
)
try:
    result = ui.compute(manager_portfolios, params)
except KamError as exc:
    ui.show_error(exc)
    st.stop()

table = result.managers
st.caption(
    ui.tr(
        "managers.intro",
        start=result.window_start.isoformat(),
        as_of=result.as_of.isoformat(),
        basis=ui.tr(f"common.{basis}").lower(),
        days=params.lost_days,
    )
)

# -- side by side ------------------------------------------------------------------------------
st.subheader(ui.tr("managers.side_by_side"))
negative = int((pd.to_numeric(result.in_grid["basis"], errors="coerce") < 0).sum())  # clients with a basis
if basis == "margin" and negative:
    st.caption(ui.tr("managers.margin_note", negative=ui.number(negative)))
side = table.assign(manager=table["manager"].map(manager_name), in_progress=table["contacted"] + table["offer_made"])
tables.show(side, tables.managers_side(basis, result.has_margin), key="managers_table")
st.caption(
    ui.tr(
        "managers.totals",
        clients=number(table["clients"].sum()),
        keys=number(table["key_clients"].sum()),
        basis=number(table["basis"].sum()),
        lost=number(table["lost_clients"].sum()),
        risk=number(table["at_risk"].sum()),
    )
)
st.plotly_chart(managers_figure(table, list(side["manager"]), basis, lang), width="stretch", key="managers_chart")

st.markdown(f"**{ui.tr('managers.distribution')}**")
distribution = table[[*CELLS, TOO_NEW]].set_axis(side["manager"].rename(ui.tr("managers.col.manager")))
st.dataframe(
    distribution.rename(columns={TOO_NEW: ui.tr("managers.too_new")}), width="stretch", key="managers_distribution"
)

st.markdown(f"**{ui.tr('managers.progress')}**")
progress = table[list(STATUSES)].set_axis(side["manager"].rename(ui.tr("managers.col.manager")))
progress.columns = [ui.tr(f"winback.status.{s}") for s in STATUSES]
st.dataframe(progress, width="stretch", key="managers_progress")

# -- one manager in depth ---------------------------------------------------------------------
st.subheader(ui.tr("managers.portfolio"))
options = [NONE if m is None else m for m in table["manager"]]
if not options:
    st.info(ui.tr("managers.none"))
else:
    chosen = ui.coded(st.selectbox, ui.tr("managers.pick"), options, format_func=manager_name, key="managers_pick")
    manager = None if chosen == NONE else chosen
    mine = portfolio(result, manager)
    row = table[table["manager"].isna()] if manager is None else table[table["manager"] == manager]
    row = row.iloc[0]
    figures = ui.metric_row()
    ui.metric(figures, ui.tr("managers.col.key_clients"), row["key_clients"], help=ui.tr("managers.key_help"))
    ui.metric(figures, ui.tr(f"common.{basis}"), row["basis"])
    ui.metric(figures, ui.tr("managers.col.share"), pct(row["share"]))
    ui.metric(figures, ui.tr("managers.col.lost_clients"), row["lost_clients"])
    ui.metric(figures, ui.tr("managers.col.lost_value"), row["lost_value"])
    ui.metric(figures, ui.tr("managers.col.at_risk"), row["at_risk"])

    grid = pd.DataFrame([[int(row[a + x]) for x in "XYZ"] for a in "ABC"], index=list("ABC"), columns=list("XYZ"))
    c_grid, c_funnel = st.columns([1, 1.4])
    c_grid.markdown(f"**{ui.tr('managers.grid', too_new=int(row[TOO_NEW]))}**")
    c_grid.dataframe(grid, width="stretch", key="managers_grid")
    funnel = mine["funnel"]
    c_funnel.markdown(f"**{ui.tr('managers.funnel')}**")
    with c_funnel:
        funnel = funnel.assign(status=funnel["status"].map(lambda s: ui.tr(f"winback.status.{s}")))
        tables.show(funnel, tables.MANAGERS_FUNNEL, key="managers_funnel")

    clients = mine["clients"]
    st.markdown(f"**{ui.tr('managers.clients', n=len(clients))}**")
    if clients.empty:
        st.caption(ui.tr("managers.clients.none"))
    else:
        shown = tables.first_rows(clients)
        shown = shown.assign(dossier=ui.dossier_links(shown["client_id"]))
        shown["cell"] = [
            c if isinstance(c, str) else (ui.tr("managers.too_new") if isinstance(a, str) else "")
            for c, a in zip(shown["cell"], shown["abc"], strict=True)
        ]
        shown["state"] = shown["state"].map(lambda s: ui.tr(f"dossier.state.{s}"))
        shown["status"] = shown["status"].map(lambda s: ui.tr(f"winback.status.{s}") if isinstance(s, str) else "")
        tables.show(shown, tables.managers_clients(basis), key="managers_clients")

# -- assignments file --------------------------------------------------------------------------
editors.assignments_file(store)
