"""Managers: every key account manager's portfolio side by side, and one in depth.

Reads the controls (bound to the URL), builds ``ManagerParams`` with the
sidebar filters, calls ``core.managers.manager_portfolios`` through
``ui.compute`` and draws: the managers side by side (key clients, revenue and
share, margin, lost clients and their value, at-risk clients, win-back
progress), the grid's distribution per manager, and one manager's clients,
losses and call list. Lines and clients without a manager are a row of their
own ("no manager"), never dropped. Where the sales lines carry no manager, an
assignments file (client or region → manager, dated) is loaded in the section
at the bottom through ``core.managers.load_assignments``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from core.errors import KamError
from core.grid import CELLS
from core.managers import (
    ROLES,
    ManagerParams,
    assignment_columns,
    assignment_loads,
    assignments,
    delete_assignment_load,
    load_assignments,
    manager_portfolios,
    portfolio,
    read_assignments,
)
from core.winback import STATUSES
from pages import ui

NOTICE_KEY = "managers_notice"
NONE = "__none__"  # the "no manager" option (a URL-safe stand-in for None)
TOO_NEW = "too_new"


def number(value) -> str:
    return ui.number(value)


def pct(value) -> str:
    return ui.pct(value)


def manager_name(manager) -> str:
    return ui.tr("managers.no_manager") if manager is None or manager == NONE else str(manager)


def with_links(frame: pd.DataFrame) -> pd.DataFrame:
    shown = frame.copy()
    shown.insert(0, "dossier", ui.dossier_links(shown["client_id"]))
    return shown


ui.require_data()
store = ui.store()
lang = ui.lang()

st.title(ui.tr("managers.title"))
ui.viewer_note()
if notice := st.session_state.pop(NOTICE_KEY, None):
    st.success(notice)

# -- controls (bound to the URL) ------------------------------------------------------------
c_basis, c_period, c_window, c_as_of, c_days, c_k = st.columns([1, 1, 1.4, 1, 1.4, 1.2])
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
negative = int((pd.to_numeric(result.clients["basis"], errors="coerce") < 0).sum()) if len(result.clients) else 0
if basis == "margin" and negative:
    st.caption(ui.tr("managers.margin_note", negative=ui.number(negative)))
side = pd.DataFrame(
    {
        "manager": table["manager"].map(manager_name),
        "clients": table["clients"],
        "key_clients": table["key_clients"],
        "basis": table["basis"],
        "share": table["share"],
        **({"margin": table["margin"]} if result.has_margin else {}),
        "lost_clients": table["lost_clients"],
        "lost_value": table["lost_value"],
        "at_risk": table["at_risk"],
        "won_back": table["won_back"],
        "in_progress": table["contacted"] + table["offer_made"],
        "recovered": table["recovered"],
    }
)
money_columns = {"basis": 2, "margin": 2, "lost_value": 2, "recovered": 2}
counts = {c: 0 for c in ("clients", "key_clients", "lost_clients", "at_risk", "won_back", "in_progress")}
st.dataframe(
    ui.styled(side, {**money_columns, **counts}, percents=("share",)),
    hide_index=True,
    width="stretch",
    key="managers_table",
    column_config={
        "manager": st.column_config.TextColumn(ui.tr("managers.col.manager")),
        "clients": st.column_config.NumberColumn(ui.tr("managers.col.clients")),
        "key_clients": st.column_config.NumberColumn(ui.tr("managers.col.key_clients")),
        "basis": st.column_config.NumberColumn(ui.tr(f"common.{basis}")),
        "share": st.column_config.NumberColumn(ui.tr("managers.col.share")),
        "margin": st.column_config.NumberColumn(ui.tr("common.margin")),
        "lost_clients": st.column_config.NumberColumn(ui.tr("managers.col.lost_clients")),
        "lost_value": st.column_config.NumberColumn(ui.tr("managers.col.lost_value")),
        "at_risk": st.column_config.NumberColumn(ui.tr("managers.col.at_risk")),
        "won_back": st.column_config.NumberColumn(ui.tr("managers.col.won_back")),
        "in_progress": st.column_config.NumberColumn(ui.tr("managers.col.in_progress")),
        "recovered": st.column_config.NumberColumn(ui.tr("managers.col.recovered")),
    },
)
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

chart = go.Figure(
    go.Bar(
        x=side["manager"],
        y=table["basis"],
        text=[
            ui.tr("managers.bar_text", share=pct(s), a=k)
            for s, k in zip(table["share"], table["key_clients"], strict=True)
        ],
        textposition="outside",
        marker_color=["#BBBBBB" if m is None else "#1F77B4" for m in table["manager"]],
    )
)
chart.update_layout(
    separators=ui.separators(),
    height=320,
    margin={"t": 30, "b": 10},
    yaxis={"title": ui.tr(f"common.{basis}")},
    xaxis={"type": "category"},
)
st.plotly_chart(chart, width="stretch", key="managers_chart")

st.markdown(f"**{ui.tr('managers.distribution')}**")
distribution = table[[*CELLS, TOO_NEW]].copy()
distribution.index = side["manager"]
distribution.index.name = ui.tr("managers.col.manager")
distribution = distribution.rename(columns={TOO_NEW: ui.tr("managers.too_new")})
st.dataframe(distribution, width="stretch", key="managers_distribution")

st.markdown(f"**{ui.tr('managers.progress')}**")
progress = table[list(STATUSES)].copy()
progress.index = side["manager"]
progress.index.name = ui.tr("managers.col.manager")
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
    m_key, m_basis, m_share, m_lost, m_value, m_risk = st.columns([1, 1.6, 1, 1, 1.6, 1])
    m_key.metric(ui.tr("managers.col.key_clients"), number(row["key_clients"]), help=ui.tr("managers.key_help"))
    ui.metric(m_basis, ui.tr(f"common.{basis}"), row["basis"])
    m_share.metric(ui.tr("managers.col.share"), pct(row["share"]))
    m_lost.metric(ui.tr("managers.col.lost_clients"), number(row["lost_clients"]))
    ui.metric(m_value, ui.tr("managers.col.lost_value"), row["lost_value"])
    m_risk.metric(ui.tr("managers.col.at_risk"), number(row["at_risk"]))

    grid = pd.DataFrame(
        [[int(row[a + x]) for x in "XYZ"] for a in "ABC"],
        index=[f"{a}" for a in "ABC"],
        columns=[f"{x}" for x in "XYZ"],
    )
    c_grid, c_funnel = st.columns([1, 1.4])
    c_grid.markdown(f"**{ui.tr('managers.grid', too_new=int(row[TOO_NEW]))}**")
    c_grid.dataframe(grid, width="stretch", key="managers_grid")
    funnel = mine["funnel"]
    c_funnel.markdown(f"**{ui.tr('managers.funnel')}**")
    c_funnel.dataframe(
        ui.styled(
            pd.DataFrame(
                {
                    "status": funnel["status"].map(lambda s: ui.tr(f"winback.status.{s}")),
                    "clients": funnel["clients"],
                    "value": funnel["value"],
                    "recovered": funnel["recovered"],
                }
            ),
            {"clients": 0, "value": 2, "recovered": 2},
        ),
        hide_index=True,
        width="stretch",
        key="managers_funnel",
        column_config={
            "status": st.column_config.TextColumn(ui.tr("managers.col.status")),
            "clients": st.column_config.NumberColumn(ui.tr("managers.col.clients")),
            "value": st.column_config.NumberColumn(ui.tr("managers.col.lost_value")),
            "recovered": st.column_config.NumberColumn(ui.tr("managers.col.recovered")),
        },
    )

    clients = mine["clients"]
    st.markdown(f"**{ui.tr('managers.clients', n=len(clients))}**")
    if clients.empty:
        st.caption(ui.tr("managers.clients.none"))
    else:
        shown = with_links(clients)
        shown["cell"] = [
            c if isinstance(c, str) else (ui.tr("managers.too_new") if isinstance(a, str) else "")
            for c, a in zip(shown["cell"], shown["abc"], strict=True)
        ]
        shown["state"] = shown["state"].map(lambda s: ui.tr(f"dossier.state.{s}"))
        shown["status"] = shown["status"].map(lambda s: ui.tr(f"winback.status.{s}") if isinstance(s, str) else "")
        st.dataframe(
            ui.styled(
                shown[
                    [
                        "dossier",
                        "client_id",
                        "client_name",
                        "basis",
                        "share",
                        "abc",
                        "cell",
                        "state",
                        "last_purchase",
                        "days_since",
                        "value_before_loss",
                        "status",
                    ]
                ],
                {"basis": 2, "days_since": 0, "value_before_loss": 2},
                percents=("share",),
            ),
            hide_index=True,
            width="stretch",
            key="managers_clients",
            column_config={
                "dossier": ui.dossier_column(),
                "client_id": st.column_config.TextColumn(ui.tr("common.client_id")),
                "client_name": st.column_config.TextColumn(ui.tr("common.client")),
                "basis": st.column_config.NumberColumn(ui.tr(f"common.{basis}")),
                "share": st.column_config.NumberColumn(ui.tr("managers.col.share")),
                "abc": st.column_config.TextColumn("ABC"),
                "cell": st.column_config.TextColumn(ui.tr("managers.col.cell")),
                "state": st.column_config.TextColumn(ui.tr("managers.col.state")),
                "last_purchase": st.column_config.DateColumn(ui.tr("common.last_purchase")),
                "days_since": st.column_config.NumberColumn(ui.tr("managers.col.days_since")),
                "value_before_loss": st.column_config.NumberColumn(ui.tr("managers.col.value_before_loss")),
                "status": st.column_config.TextColumn(ui.tr("managers.col.status")),
            },
        )

# -- assignments file --------------------------------------------------------------------------
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
        from core.reading import spill_upload

        path = spill_upload(upload.getvalue(), Path(upload.name).suffix)
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
                st.dataframe(raw.sample(5).drop(columns="__row", errors="ignore"), hide_index=True)
                if st.form_submit_button(ui.tr("managers.assign.load"), type="primary", disabled=not ui.can_edit()):
                    overrides = {role: column or "" for role, column in chosen_roles.items()}
                    summary = load_assignments(
                        store, path, file_name=upload.name, overrides=overrides, loaded_by=ui.actor()
                    )
                    key = "managers.assign.unchanged" if summary["status"] == "unchanged" else "managers.assign.loaded"
                    st.session_state[NOTICE_KEY] = ui.tr(
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
        st.dataframe(
            current.rename(columns=lambda c: ui.tr(f"managers.assign.col.{c}")),
            hide_index=True,
            width="stretch",
            key="managers_assignments",
        )
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
                st.session_state[NOTICE_KEY] = ui.tr("managers.assign.deleted", file=load.file_name, n=removed)
                st.rerun()
