"""Lost clients: how many we lose each period, the trend, what it costs, and why.

Reads the controls (bound to the URL), builds ``ChurnParams``, calls
``core.churn.churn`` through ``ui.compute`` and draws (figures from
``pages.charts``, tables from ``pages.tables``); reasons are recorded, loaded
from a file and the catalogue edited through ``pages.editors`` (``core.reasons``).
"""

from __future__ import annotations

import streamlit as st

from core.churn import CHURN_PERIODS, UNKNOWN, ChurnParams, churn
from core.errors import KamError
from pages import editors, tables, ui
from pages.charts import churn_dynamics_figure, reason_text, reasons_pareto_figure, reasons_per_period_figure

ui.require_data()
store = ui.store()
lang = ui.lang()

st.title(ui.tr("churn.title"))

# -- controls (bound to the URL) ------------------------------------------------------
c_days, c_period, c_as_of, c_basis, c_k = st.columns([2, 1, 1.25, 1.3, 1.5])
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
periods, summary = result.periods, result.summary

# -- headline -------------------------------------------------------------------------
row = ui.metric_row()
ui.metric(row, ui.tr("churn.lost_now"), len(result.lost))
ui.metric(row, ui.tr("churn.lost_now_value"), result.lost["value_before_loss"].sum())
ui.metric(row, ui.tr("churn.at_risk_now"), len(result.at_risk))
won_back_help = ui.tr(
    "churn.won_back_help",
    clients=ui.number(summary["won_back_clients"]),
    events=ui.number(summary["won_back_events"]),
)
ui.metric(row, ui.tr("churn.won_back_total"), summary["won_back_clients"], help=won_back_help)

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
    st.plotly_chart(churn_dynamics_figure(periods, slope, lang), width="stretch", key="churn_dynamics_chart")
    table = periods.drop(columns="period_start").assign(churn_rate=100 * periods["churn_rate"])
    tables.show(table, tables.CHURN_PERIODS, key="churn_periods_table")
    note = ui.tr("churn.lost_value_note")
    if summary["lost_again"]:
        note += " " + ui.tr(
            "churn.lost_again_note",
            again=ui.number(summary["lost_again"]),
            clients=ui.number(summary["lost_clients"]),
            losses=ui.number(summary["losses"]),
        )
    st.caption(note)

    # -- reasons: per period, and the Pareto by lost value ----------------------------
    st.subheader(ui.tr("churn.reasons"))
    left, right = st.columns(2)
    stacked = reasons_per_period_figure(result.reasons_by_period, result.reasons["reason"], periods["period"], lang)
    left.plotly_chart(stacked, width="stretch", key="churn_reasons_chart")
    right.plotly_chart(reasons_pareto_figure(result.reasons, lang), width="stretch", key="churn_pareto_chart")
    unknown = result.reasons.loc[result.reasons["reason"] == UNKNOWN, "share_value"]
    if len(unknown) and unknown.iloc[0] > 0:
        st.caption(ui.tr("churn.unknown_share", share=ui.pct(unknown.iloc[0], 0)))

# -- the lost clients and the at-risk clients -------------------------------------------
st.subheader(ui.tr("churn.lost_table", as_of=result.as_of.isoformat()))
lost = result.lost
if lost.empty:
    st.info(ui.tr("churn.no_lost"))
else:
    st.caption(ui.tr("churn.lost_table_caption", n=ui.number(len(lost)), shown=min(len(lost), tables.SUMMARY_ROWS)))
    shown = lost.head(tables.SUMMARY_ROWS).assign(reason=lambda f: f["reason"].map(lambda r: reason_text(r, lang)))
    shown["dossier"] = ui.dossier_links(shown["client_id"])
    tables.show(shown, tables.churn_lost(), key="churn_lost_table")

st.subheader(ui.tr("churn.at_risk_table"))
risky = result.at_risk
if risky.empty:
    st.info(ui.tr("churn.no_at_risk"))
else:
    risky = tables.first_rows(risky, tables.SUMMARY_ROWS).assign(dossier=lambda f: ui.dossier_links(f["client_id"]))
    tables.show(risky, tables.churn_at_risk(), key="churn_at_risk_table")
if "former_cell" not in lost.columns:
    st.caption(ui.tr("churn.former_cell_missing"))

# -- recording a reason (editors), the catalogue, reasons files, who recorded what ----------
editor = ui.can_edit()
ui.viewer_note()
if not lost.empty and editor:
    editors.record_reason_form(store, lost)
editors.reason_catalogue(store, editor)
editors.reasons_file(store, editor)
