"""Concentration: how few clients carry the business, who they are, and the kinds of key client.

Reads the controls (bound to the URL), builds ``ConcentrationParams``, calls
``core.concentration`` through ``ui.compute`` and draws; the figures come from
``pages.charts``, the tables from ``pages.tables``, and the kinds of key client
are edited through ``pages.editors`` (saved by ``core.tags``).
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from core.concentration import (
    ConcentrationParams,
    concentration,
    concentration_trend,
    dependence_direction,
    hhi_reading,
)
from core.errors import KamError
from core.tags import list_tags
from pages import editors, tables, ui
from pages.charts import concentration_trend_figure, pareto_figure

MAX_PICKABLE = 1000  # the what-if selector offers the top clients

ui.require_data()
store = ui.store()
lang = ui.lang()
pct, number = ui.pct, ui.number

st.title(ui.tr("concentration.title"))

# -- controls (bound to the URL) ------------------------------------------------------
c_basis, c_period, c_window, c_as_of, c_top, c_target = st.columns([1.5, 1, 1.2, 1.45, 1.2, 1.3])
basis = ui.basis_control(c_basis, "concentration_basis")
period = ui.period_control(c_period, "concentration_period")
window = c_window.slider(ui.tr("common.window"), 1, 60, 12, key="concentration_window", bind="query-params")
as_of = c_as_of.date_input(ui.tr("common.as_of"), value=None, key="concentration_as_of", bind="query-params")
top = c_top.slider(ui.tr("concentration.top"), 1, 50, 10, key="concentration_top", bind="query-params")
target = c_target.slider(
    ui.tr("concentration.target"), 5, 100, 50, step=5, key="concentration_target", bind="query-params"
)

params = ConcentrationParams(
    basis=basis, period=period, window=window, as_of=as_of, top=top, target=float(target), filters=ui.filters()
)
try:
    # The as-of window alone first; the trend over the whole history is asked for where it is
    # drawn, so the headline answers a slider before those windows are ranked.
    result = ui.compute(concentration, replace(params, trend=False))
except KamError as exc:
    ui.show_error(exc)
    st.stop()

words = {"basis": ui.tr(f"concentration.basis.{basis}"), "basis_of": ui.tr(f"concentration.basis_of.{basis}")}
st.caption(ui.tr("concentration.intro", start=result.window.start, end=result.window.as_of, **words))

# -- headline -----------------------------------------------------------------------
headline_key = "concentration.headline" if params.target == 50 else "concentration.headline_target"
st.markdown(
    ui.tr(
        headline_key,
        k=result.key_set_clients,
        share=pct(result.key_set_share),
        n=top,
        top=pct(result.top_n_share),
        target=number(params.target),
        **words,
    )
)
direction_slot = st.empty()  # the sentence on the trend's direction, once the trend is computed (below)

row = ui.metric_row()
ui.metric(row, ui.tr("concentration.total"), result.total)
ui.metric(row, ui.tr("concentration.clients"), result.clients)
ui.metric(row, ui.tr("concentration.top_n_share", n=top), pct(result.top_n_share))
key_set_share = ui.tr("concentration.key_set_delta", share=pct(result.key_set_share))
ui.metric(
    row,
    ui.tr("concentration.key_set"),
    result.key_set_clients,
    delta=key_set_share,
    delta_color="off",
    delta_arrow="off",
)
ui.metric(row, ui.tr("concentration.gini"), ui.number(result.gini, 3), help=ui.tr("concentration.gini_help"))
ui.metric(row, ui.tr("concentration.hhi"), result.hhi)
st.info(ui.tr(f"concentration.hhi.{hhi_reading(result.hhi)}", hhi=number(result.hhi)))
if result.clients_left_out:
    st.caption(ui.tr("concentration.left_out", n=result.clients_left_out, **words))

# -- Pareto curve ---------------------------------------------------------------------
st.subheader(ui.tr("concentration.pareto"))
axis = ui.coded(
    st.radio,
    ui.tr("concentration.axis"),
    ["rank", "share"],
    horizontal=True,
    format_func=lambda a: ui.tr(f"concentration.axis.{a}"),
    key="concentration_axis",
)
figure = pareto_figure(
    result.ranking,
    axis=axis,
    clients=result.clients,
    key_set_clients=result.key_set_clients,
    target=params.target,
    lang=lang,
)
st.plotly_chart(figure, key="concentration_pareto")

# -- revenue and margin side by side --------------------------------------------------------
if store.has_margin():
    st.subheader(ui.tr("concentration.side_by_side"))
    try:
        other_basis = "margin" if basis == "revenue" else "revenue"
        other = ui.compute(concentration, replace(params, basis=other_basis, trend=False, ranked=False))
    except KamError as exc:
        ui.show_error(exc)
    else:
        pair = {basis: result, other.params.basis: other}
        st.dataframe(tables.concentration_side_by_side(pair, top), hide_index=True, placeholder=ui.EMPTY)

# -- breadwinners -----------------------------------------------------------------------
st.subheader(ui.tr("concentration.breadwinners"))
bread_words = {
    "basis": ui.tr(f"concentration.basis.{result.breadwinner_basis}"),
    "basis_of": ui.tr(f"concentration.basis_of.{result.breadwinner_basis}"),
}
breadwinners = result.breadwinners[["client_id", "client_name", "share"]]
if len(breadwinners):
    names = ", ".join(f"{name or cid} ({pct(share)})" for cid, name, share in breadwinners.itertuples(index=False))
    share = number(params.breadwinner_share)
    found = ui.tr("concentration.breadwinners_found", n=len(breadwinners), share=share, names=names, **bread_words)
    st.warning(found)
else:
    st.success(ui.tr("concentration.no_breadwinners", share=number(params.breadwinner_share), **bread_words))
for cid, name, _ in breadwinners.itertuples(index=False):
    st.page_link(
        "pages/dossier.py",
        label=f"{name or cid} · {ui.tr('dossier.link')}",
        icon=":material/folder_shared:",
        query_params={"client": cid},
    )

# -- the key set --------------------------------------------------------------------------
with st.expander(ui.tr("concentration.key_set_list", k=result.key_set_clients)):
    key_set = tables.key_set(result, basis, list_tags(store))
    tables.show(key_set, tables.key_set_columns(basis), keep_order=True)

# -- what if these clients leave -----------------------------------------------------------
st.subheader(ui.tr("concentration.what_if"))
pickable = result.ranking[result.ranking["share"].notna()].head(MAX_PICKABLE)
labels = dict(zip(pickable["client_id"], pickable["client_name"].fillna(pickable["client_id"]), strict=True))
leaving = st.multiselect(
    ui.tr("concentration.what_if_pick"),
    list(labels),
    format_func=lambda c: f"{labels.get(c, c)} ({c})",
    key="concentration_leaving",
    bind="query-params",
    placeholder=ui.tr("concentration.what_if_hint"),
)
if leaving:
    try:
        after = ui.compute(concentration, replace(params, without=tuple(sorted(leaving)), trend=False, ranked=False))
    except KamError as exc:
        ui.show_error(exc)
    else:
        st.dataframe(tables.concentration_what_if(result, after, top), hide_index=True, placeholder=ui.EMPTY)

# -- trend --------------------------------------------------------------------------------
st.subheader(ui.tr("concentration.trend"))
try:
    trend = ui.compute(concentration_trend, params)
except KamError as exc:
    ui.show_error(exc)
    st.stop()
if len(trend) > 1:
    first, last = pct(trend["top_n_share"].iloc[0]), pct(trend["top_n_share"].iloc[-1])
    direction = dependence_direction(trend)
    direction_slot.markdown(ui.tr(f"concentration.{direction}", n=top, first=first, last=last, periods=len(trend)))
st.caption(
    ui.tr("concentration.trend_caption", window=window) if len(trend) > 1 else ui.tr("concentration.trend_short")
)
st.plotly_chart(concentration_trend_figure(trend, top, lang), key="concentration_trend")

# -- kinds of key client --------------------------------------------------------------------
editors.kinds_of_key_clients(store, result, params)
