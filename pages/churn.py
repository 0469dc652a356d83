"""Lost clients: how many we lose each period, the trend, what it costs, and why.

Reads the controls (bound to the URL), builds ``ChurnParams``, calls
``core.churn.churn`` through ``ui.compute`` and draws; reasons are recorded,
loaded from a file and the catalogue edited through ``core.reasons``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from core.churn import CHURN_PERIODS, UNKNOWN, ChurnParams, churn
from core.errors import KamError
from core.numbers import round_ticks
from core.reasons import (
    BUILTIN_REASONS,
    catalogue,
    load_reasons_file,
    reason_label,
    record_reason,
    recorded_reasons,
    save_catalogue,
)
from pages import ui

MAX_ROWS = 5000  # rows a table sends to the browser; the CLI has them all
MAX_PICKABLE = 2000  # lost clients offered when recording a reason (the most valuable first)


def label(reason) -> str:
    return reason_label(None if reason is None or pd.isna(reason) else reason, ui.lang())


def number(value) -> str:
    return ui.number(value)


ui.require_data()
store = ui.store()

st.title(ui.tr("churn.title"))

# -- controls (bound to the URL) ------------------------------------------------------
c_days, c_period, c_as_of, c_basis, c_k = st.columns([2, 1, 1, 1, 1.5])
lost_days = c_days.slider(ui.tr("churn.lost_days"), 7, 730, 180, key="churn_lost_days", bind="query-params")
period = ui.period_control(c_period, "churn_period", CHURN_PERIODS)
as_of = c_as_of.date_input(ui.tr("common.as_of"), value=None, key="churn_as_of", bind="query-params")
basis = ui.basis_control(c_basis, "churn_basis")
risk_k = c_k.slider(
    ui.tr("churn.risk_k"),
    1.0,
    5.0,
    2.0,
    step=0.25,
    help=ui.tr("churn.risk_k_help"),
    key="churn_risk_k",
    bind="query-params",
)

params = ChurnParams(
    lost_days=int(lost_days), period=period, as_of=as_of, basis=basis, risk_k=float(risk_k), filters=ui.filters()
)
try:
    result = ui.compute(churn, params)
except KamError as exc:
    ui.show_error(exc)
    st.stop()

st.caption(ui.tr("churn.intro", days=lost_days, as_of=result.as_of.isoformat()))
periods = result.periods

# -- headline -------------------------------------------------------------------------
m_lost, m_value, m_risk, m_won = st.columns(4)
ui.metric(m_lost, ui.tr("churn.lost_now"), len(result.lost))
ui.metric(m_value, ui.tr("churn.lost_now_value"), result.lost["value_before_loss"].sum())
ui.metric(m_risk, ui.tr("churn.at_risk_now"), len(result.at_risk))
summary = result.summary
ui.metric(
    m_won,
    ui.tr("churn.won_back_total"),
    summary["won_back_clients"],
    help=ui.tr(
        "churn.won_back_help",
        clients=number(summary["won_back_clients"]),
        events=number(summary["won_back_events"]),
    ),
)

if periods.empty:
    st.info(ui.tr("churn.no_periods"))
else:
    slope = result.trend["slope"]
    st.markdown(
        ui.tr(
            f"churn.{result.trend['direction']}",
            slope=ui.number(abs(slope), 2) if slope is not None else "—",
            period=ui.tr(f"churn.per.{period}"),
            n=len(periods),
        )
    )

    # -- dynamics: counts with the trend line, and the table --------------------------
    st.subheader(ui.tr("churn.dynamics"))
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    figure.add_trace(
        go.Bar(x=periods["period"], y=periods["lost"], name=ui.tr("churn.col.lost"), marker_color="#d62728")
    )
    if slope is not None:
        index = np.arange(len(periods))
        intercept = periods["lost"].mean() - slope * index.mean()
        figure.add_trace(
            go.Scatter(
                x=periods["period"],
                y=intercept + slope * index,
                mode="lines",
                name=ui.tr("churn.trend_line"),
                line={"color": "#333", "dash": "dash"},
            )
        )
    figure.add_trace(
        go.Scatter(
            x=periods["period"],
            y=100 * periods["churn_rate"],
            mode="lines+markers",
            name=ui.tr("churn.col.churn_rate") + ", %",
            line={"color": "#1f77b4"},
        ),
        secondary_y=True,
    )
    figure.update_layout(
        separators=ui.separators(),
        height=360,
        margin={"t": 10, "b": 10},
        legend={"orientation": "h", "y": 1.1},
        xaxis={"type": "category"},
    )
    figure.update_yaxes(title_text=ui.tr("churn.col.lost"), secondary_y=False)
    # The rate's own round ticks (1, 2, 5 × 10ⁿ), not wherever the counts' grid puts them.
    rate_top, rate_step, rate_decimals = round_ticks(100 * periods["churn_rate"].max())
    figure.update_yaxes(
        title_text=ui.tr("churn.col.churn_rate") + ", %",
        secondary_y=True,
        showgrid=False,
        range=[0, rate_top],
        tickmode="linear",
        tick0=0,
        dtick=rate_step,
        tickformat=f",.{rate_decimals}f",
    )
    st.plotly_chart(figure, width="stretch", key="churn_dynamics_chart")

    table = periods.drop(columns="period_start").assign(churn_rate=100 * periods["churn_rate"])
    st.dataframe(
        ui.styled(table, {"lost": 0, "lost_value": 0, "active_start": 0, "churn_rate": 1, "won_back": 0}),
        hide_index=True,
        width="stretch",
        key="churn_periods_table",
        column_config={
            "period": ui.tr("churn.col.period"),
            "lost": st.column_config.NumberColumn(ui.tr("churn.col.lost")),
            "lost_value": st.column_config.NumberColumn(ui.tr("churn.col.lost_value")),
            "active_start": st.column_config.NumberColumn(ui.tr("churn.col.active_start")),
            "churn_rate": st.column_config.NumberColumn(ui.tr("churn.col.churn_rate")),
            "won_back": st.column_config.NumberColumn(ui.tr("churn.col.won_back")),
        },
    )
    note = ui.tr("churn.lost_value_note")
    if summary["lost_again"]:
        note += " " + ui.tr(
            "churn.lost_again_note",
            again=number(summary["lost_again"]),
            clients=number(summary["lost_clients"]),
            losses=number(summary["losses"]),
        )
    st.caption(note)

    # -- reasons: per period, and the Pareto by lost value ----------------------------
    st.subheader(ui.tr("churn.reasons"))
    left, right = st.columns(2)
    by_period = result.reasons_by_period.assign(label=lambda f: f["reason"].map(label))
    stacked = go.Figure()
    # Known reasons first, so they sit at the bottom of each bar where they can be read.
    order = [r for r in result.reasons["reason"] if r != UNKNOWN] + [
        r for r in result.reasons["reason"] if r == UNKNOWN
    ]
    for reason in order:
        part = by_period[by_period["reason"] == reason]
        stacked.add_trace(
            go.Bar(
                x=part["period"],
                y=part["losses"],
                name=label(reason),
                marker_color="#bbbbbb" if reason == UNKNOWN else None,
            )
        )
    stacked.update_layout(
        separators=ui.separators(),
        barmode="stack",
        height=360,
        margin={"t": 30, "b": 10},
        title={"text": ui.tr("churn.reasons_per_period"), "font": {"size": 14}},
        xaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": list(periods["period"]),
            "tickangle": -90,
            "automargin": True,
        },
        legend={"orientation": "h", "y": -0.2},
    )
    left.plotly_chart(stacked, width="stretch", key="churn_reasons_chart")

    pareto = result.reasons.assign(label=lambda f: f["reason"].map(label))
    chart = make_subplots(specs=[[{"secondary_y": True}]])
    chart.add_trace(
        go.Bar(
            x=pareto["label"],
            y=pareto["value"],
            name=ui.tr("churn.col.value"),
            marker_color=["#bbbbbb" if r == UNKNOWN else "#d62728" for r in pareto["reason"]],
        )
    )
    chart.add_trace(
        go.Scatter(
            x=pareto["label"],
            y=100 * pareto["cumulative_share"],
            mode="lines+markers",
            name=ui.tr("churn.col.cumulative") + ", %",
            line={"color": "#333"},
        ),
        secondary_y=True,
    )
    chart.update_yaxes(range=[0, 105], tickvals=[0, 25, 50, 75, 100], ticksuffix=" %", secondary_y=True, showgrid=False)
    chart.update_layout(
        separators=ui.separators(),
        height=360,
        margin={"t": 30, "b": 10},
        showlegend=False,
        title={"text": ui.tr("churn.pareto"), "font": {"size": 14}},
    )
    right.plotly_chart(chart, width="stretch", key="churn_pareto_chart")
    unknown = pareto.loc[pareto["reason"] == UNKNOWN, "share_value"]
    if len(unknown) and unknown.iloc[0] > 0:
        st.caption(ui.tr("churn.unknown_share", share=ui.pct(unknown.iloc[0], 0)))

# -- the lost clients and the at-risk clients -------------------------------------------
has_cells = "former_cell" in result.lost.columns
st.subheader(ui.tr("churn.lost_table", as_of=result.as_of.isoformat()))
lost = result.lost
if lost.empty:
    st.info(ui.tr("churn.no_lost"))
else:
    st.caption(ui.tr("churn.lost_table_caption", n=len(lost), shown=min(len(lost), MAX_ROWS)))
    shown = lost.head(MAX_ROWS).assign(reason=lambda f: f["reason"].map(label))
    shown["dossier"] = ui.dossier_links(shown["client_id"])
    columns = [
        "dossier",
        "client_id",
        "client_name",
        "value_before_loss",
        "last_purchase",
        "loss_date",
        "days_since",
        *(["former_cell"] if has_cells else []),
        "manager",
        "reason",
    ]
    st.dataframe(
        ui.styled(shown[columns], {"value_before_loss": 0, "days_since": 0}),
        hide_index=True,
        width="stretch",
        key="churn_lost_table",
        column_config={
            "dossier": ui.dossier_column(),
            "client_id": ui.tr("churn.col.client"),
            "client_name": ui.tr("churn.col.name"),
            "value_before_loss": st.column_config.NumberColumn(ui.tr("churn.col.basis")),
            "last_purchase": st.column_config.DateColumn(ui.tr("churn.col.last_purchase")),
            "loss_date": st.column_config.DateColumn(ui.tr("churn.col.loss_date")),
            "days_since": st.column_config.NumberColumn(ui.tr("churn.col.days_since")),
            "former_cell": ui.tr("churn.col.former_cell"),
            "manager": ui.tr("churn.col.manager"),
            "reason": ui.tr("churn.col.reason"),
        },
    )

st.subheader(ui.tr("churn.at_risk_table"))
risky = result.at_risk
if risky.empty:
    st.info(ui.tr("churn.no_at_risk"))
else:
    risky = risky.head(MAX_ROWS).assign(dossier=lambda f: ui.dossier_links(f["client_id"]))
    columns = [
        "dossier",
        "client_id",
        "client_name",
        "basis",
        "last_purchase",
        "days_since",
        "median_gap_days",
        *(["former_cell"] if has_cells else []),
        "manager",
    ]
    st.dataframe(
        ui.styled(risky[columns], {"basis": 0, "days_since": 0, "median_gap_days": 1}),
        hide_index=True,
        width="stretch",
        key="churn_at_risk_table",
        column_config={
            "dossier": ui.dossier_column(),
            "client_id": ui.tr("churn.col.client"),
            "client_name": ui.tr("churn.col.name"),
            "basis": st.column_config.NumberColumn(ui.tr("churn.col.basis")),
            "last_purchase": st.column_config.DateColumn(ui.tr("churn.col.last_purchase")),
            "days_since": st.column_config.NumberColumn(ui.tr("churn.col.days_since")),
            "median_gap_days": st.column_config.NumberColumn(ui.tr("churn.col.median_gap")),
            "former_cell": ui.tr("churn.col.former_cell"),
            "manager": ui.tr("churn.col.manager"),
        },
    )
if not has_cells:
    st.caption(ui.tr("churn.former_cell_missing"))

# -- recording a reason (editors) -------------------------------------------------------
editor = ui.can_edit()
ui.viewer_note()
if not lost.empty and editor:
    st.subheader(ui.tr("churn.record"))
    pickable = lost.head(MAX_PICKABLE)
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
        chosen = f_reason.selectbox(ui.tr("churn.record_reason"), offered, format_func=label, key="churn_record_reason")
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
                    "churn.record_saved", client=client, reason=label(reason), who=ui.who()
                )
                st.rerun()
    if st.session_state.get("churn_saved"):
        st.success(st.session_state.pop("churn_saved"))

# -- the catalogue, reasons files, and who recorded what ---------------------------------
with st.expander(ui.tr("churn.catalogue")):
    current = catalogue(store)
    shown_labels = {label(r): r for r in current}
    shown_labels.update({label(r): r for r in BUILTIN_REASONS})
    if not editor:
        st.dataframe(pd.DataFrame({ui.tr("churn.col.reason"): [label(r) for r in current]}), hide_index=True)
    edited = (
        None
        if not editor
        else st.data_editor(
            pd.DataFrame({"reason": [label(r) for r in current]}),
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            key="churn_catalogue_editor",
            column_config={
                "reason": st.column_config.TextColumn(ui.tr("churn.col.reason"), help=ui.tr("churn.catalogue_help"))
            },
        )
    )
    if editor and st.button(ui.tr("churn.catalogue_save"), key="churn_catalogue_save"):
        try:
            saved = save_catalogue(
                store, [shown_labels.get(text, text) for text in edited["reason"].dropna()], by=ui.actor()
            )
            st.success(ui.tr("churn.catalogue_saved", n=len(saved)))
        except KamError as exc:
            ui.show_error(exc)

with st.expander(ui.tr("churn.reasons_file")):
    upload = None
    if editor:
        upload = st.file_uploader(
            ui.tr("churn.reasons_file_help"), type=["csv", "txt", "xlsx", "xlsm", "xls"], key="churn_reasons_upload"
        )
    if upload is not None and st.session_state.get("churn_reasons_loaded") != upload.file_id:
        from core.reading import spill_upload

        path = spill_upload(upload.getvalue(), Path(upload.name).suffix)
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
        st.dataframe(
            history.head(MAX_ROWS).assign(reason=lambda f: f["reason"].map(label)),
            hide_index=True,
            width="stretch",
            key="churn_recorded_table",
            column_config={
                "client_id": ui.tr("churn.col.client"),
                "at_date": st.column_config.DateColumn(ui.tr("churn.col.last_purchase")),
                "reason": ui.tr("churn.col.reason"),
                "source": ui.tr("churn.col.source"),
                "file_name": None,
                "set_by": ui.tr("churn.col.set_by"),
                "set_at": st.column_config.DatetimeColumn(ui.tr("churn.col.set_at"), format="YYYY-MM-DD HH:mm"),
            },
        )
