"""Concentration: how few clients carry the business, who they are, and the kinds of key client.

Reads the controls (bound to the URL), builds ``ConcentrationParams``, calls
``core.concentration`` through ``ui.compute`` and draws; the kinds of key client
are edited in a table and saved through ``core.tags``.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from core.concentration import (
    KEY_SHARE_BAND,
    ConcentrationParams,
    concentration,
    dependence_direction,
    hhi_reading,
)
from core.errors import KamError
from core.tags import TAGGED_KINDS, ProspectParams, list_tags, set_kinds, suggested_prospects, tag_history
from pages import ui

EDITOR_KEY = "concentration_tags_editor"
MAX_CURVE_POINTS = 4000  # enough for a smooth curve; keeps the browser light with many clients
MAX_PICKABLE = 1000  # the what-if selector offers the top clients


def pct(value) -> str:
    return ui.pct(value)


def number(value) -> str:
    return ui.number(value)


def signed(value) -> str:
    return ui.signed(value)


def points(value) -> str:
    """A change of a share, in percentage points."""
    return ui.tr("concentration.points", value=ui.signed(100 * value, 1))


ui.require_data()
store = ui.store()
has_margin = store.has_margin()

st.title(ui.tr("concentration.title"))

# -- controls (bound to the URL) ------------------------------------------------------
c_basis, c_period, c_window, c_as_of, c_top, c_target = st.columns([1, 1, 1.3, 1, 1.3, 1.3])
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
    result = ui.compute(concentration, params)
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
trend = result.trend
direction = dependence_direction(trend)
if len(trend) > 1:
    st.markdown(
        ui.tr(
            f"concentration.{direction}",
            n=top,
            first=pct(trend["top_n_share"].iloc[0]),
            last=pct(trend["top_n_share"].iloc[-1]),
            periods=len(trend),
        )
    )

# money reads compact ("35,7 მლნ"), wider than a count: its column is given the room
m_total, m_clients, m_top, m_key, m_gini, m_hhi = st.columns([1.6, 1, 1.1, 1, 1, 0.9])
ui.metric(m_total, ui.tr("concentration.total"), result.total)
ui.metric(m_clients, ui.tr("concentration.clients"), result.clients)
m_top.metric(ui.tr("concentration.top_n_share", n=top), pct(result.top_n_share))
m_key.metric(
    ui.tr("concentration.key_set"),
    number(result.key_set_clients),
    ui.tr("concentration.key_set_delta", share=pct(result.key_set_share)),
    delta_color="off",
    delta_arrow="off",
)
m_gini.metric(ui.tr("concentration.gini"), ui.number(result.gini, 3), help=ui.tr("concentration.gini_help"))
ui.metric(m_hhi, ui.tr("concentration.hhi"), result.hhi)
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
curve = result.ranking[result.ranking["share"].notna()]
step = max(1, len(curve) // MAX_CURVE_POINTS)
shown = pd.concat([curve.iloc[::step], curve.tail(1)]).drop_duplicates("rank")
x = shown["rank"] if axis == "rank" else 100 * shown["rank"] / result.clients
key_x = result.key_set_clients if axis == "rank" else 100 * result.key_set_clients / result.clients
figure = go.Figure()
figure.add_hrect(
    y0=KEY_SHARE_BAND[0],
    y1=KEY_SHARE_BAND[1],
    fillcolor="#2ca02c",
    opacity=0.12,
    line_width=0,
    annotation_text=ui.tr("concentration.band"),
    annotation_position="bottom right",
)
figure.add_trace(
    go.Scatter(
        x=x,
        y=100 * shown["cumulative_share"],
        mode="lines",
        name=ui.tr("concentration.pareto"),
        customdata=shown[["client_id"]],
        line={"color": "#1f77b4", "width": 2},
        hovertemplate="%{x}: %{y:.1f} % (%{customdata[0]})<extra></extra>",
    )
)
figure.add_hline(
    y=params.target,
    line_dash="dash",
    line_color="#d62728",
    annotation_text=ui.tr("concentration.target_line", target=number(params.target)),
    annotation_position="bottom right",
)
figure.add_vline(
    x=key_x,
    line_dash="dot",
    line_color="#d62728",
    annotation_text=ui.tr("concentration.key_set_line", k=result.key_set_clients),
)
figure.update_layout(
    separators=ui.separators(),
    height=420,
    margin={"l": 10, "r": 10, "t": 30, "b": 10},
    showlegend=False,
    xaxis_title=ui.tr(f"concentration.axis.{axis}"),
    yaxis_title=ui.tr("concentration.cumulative"),
    yaxis_range=[0, 102],
)
st.plotly_chart(figure, key="concentration_pareto")

# -- revenue and margin side by side --------------------------------------------------------
if has_margin:
    st.subheader(ui.tr("concentration.side_by_side"))
    try:
        other = ui.compute(concentration, replace(params, basis="margin" if basis == "revenue" else "revenue"))
    except KamError as exc:
        ui.show_error(exc)
    else:
        pair = {basis: result, other.params.basis: other}
        rows = [
            (ui.tr("concentration.total"), lambda r: number(r.total)),
            (ui.tr("concentration.clients"), lambda r: number(r.clients)),
            (ui.tr("concentration.top_n_share", n=top), lambda r: pct(r.top_n_share)),
            (ui.tr("concentration.key_set_clients"), lambda r: number(r.key_set_clients)),
            (ui.tr("concentration.key_set_share"), lambda r: pct(r.key_set_share)),
            (ui.tr("concentration.gini"), lambda r: ui.number(r.gini, 3)),
            (ui.tr("concentration.hhi"), lambda r: number(r.hhi)),
        ]
        st.dataframe(
            pd.DataFrame(
                {
                    ui.tr("concentration.figure"): [label for label, _ in rows],
                    ui.tr("common.revenue"): [show(pair["revenue"]) for _, show in rows],
                    ui.tr("common.margin"): [show(pair["margin"]) for _, show in rows],
                }
            ),
            hide_index=True,
        )

# -- breadwinners -----------------------------------------------------------------------
st.subheader(ui.tr("concentration.breadwinners"))
bread_words = {
    "basis": ui.tr(f"concentration.basis.{result.breadwinner_basis}"),
    "basis_of": ui.tr(f"concentration.basis_of.{result.breadwinner_basis}"),
}
if len(result.breadwinners):
    names = ", ".join(
        f"{name or cid} ({pct(share)})"
        for cid, name, share in result.breadwinners[["client_id", "client_name", "share"]].itertuples(index=False)
    )
    st.warning(
        ui.tr(
            "concentration.breadwinners_found",
            n=len(result.breadwinners),
            share=number(params.breadwinner_share),
            names=names,
            **bread_words,
        )
    )
else:
    st.success(ui.tr("concentration.no_breadwinners", share=number(params.breadwinner_share), **bread_words))
for cid, name in result.breadwinners[["client_id", "client_name"]].itertuples(index=False):
    st.page_link(
        "pages/dossier.py",
        label=f"{name or cid} · {ui.tr('dossier.link')}",
        icon=":material/folder_shared:",
        query_params={"client": cid},
    )

# -- the key set --------------------------------------------------------------------------
tags = list_tags(store)
kinds_of = (
    tags.groupby("client_id")["kind"].agg(lambda k: ", ".join(ui.tr(f"tags.kind.{x}") for x in k)).astype("string")
)
breadwinner_ids = set(result.breadwinners["client_id"])
with st.expander(ui.tr("concentration.key_set_list", k=result.key_set_clients)):
    key_set = result.ranking.head(result.key_set_clients)
    st.dataframe(
        ui.styled(
            pd.DataFrame(
                {
                    ui.tr("dossier.link"): ui.dossier_links(key_set["client_id"]),
                    ui.tr("concentration.rank"): key_set["rank"],
                    ui.tr("common.client_id"): key_set["client_id"],
                    ui.tr("common.client"): key_set["client_name"],
                    ui.tr(f"common.{basis}"): key_set["basis"],
                    ui.tr("common.share"): key_set["share"],
                    ui.tr("concentration.cumulative_short"): key_set["cumulative_share"],
                    ui.tr("concentration.breadwinner_flag"): key_set["client_id"].isin(breadwinner_ids),
                    ui.tr("concentration.kinds"): key_set["client_id"].map(kinds_of).astype("string").fillna(""),
                }
            ),
            {ui.tr(f"common.{basis}"): 2},
            percents=(ui.tr("common.share"), ui.tr("concentration.cumulative_short")),
        ),
        hide_index=True,
        column_config={ui.tr("dossier.link"): ui.dossier_column()},
    )

# -- what if these clients leave -----------------------------------------------------------
st.subheader(ui.tr("concentration.what_if"))
pickable = curve.head(MAX_PICKABLE)
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
        after = ui.compute(concentration, replace(params, without=tuple(sorted(leaving))))
    except KamError as exc:
        ui.show_error(exc)
    else:
        figures = [  # (label, attribute, how a value reads, how a change reads)
            ("concentration.total", "total", number, signed),
            ("concentration.top_n_share", "top_n_share", pct, points),
            ("concentration.key_set_clients", "key_set_clients", number, signed),
            ("concentration.key_set_share", "key_set_share", pct, points),
            ("concentration.hhi", "hhi", number, signed),
            ("concentration.gini", "gini", lambda v: ui.number(v, 3), lambda v: ui.signed(v, 3)),
        ]
        st.dataframe(
            pd.DataFrame(
                {
                    ui.tr("concentration.figure"): [ui.tr(key, n=top) for key, *_ in figures],
                    ui.tr("concentration.now"): [show(getattr(result, name)) for _, name, show, _ in figures],
                    ui.tr("concentration.without"): [show(getattr(after, name)) for _, name, show, _ in figures],
                    ui.tr("concentration.change"): [
                        change(getattr(after, name) - getattr(result, name)) for _, name, _, change in figures
                    ],
                }
            ),
            hide_index=True,
        )

# -- trend --------------------------------------------------------------------------------
st.subheader(ui.tr("concentration.trend"))
st.caption(
    ui.tr("concentration.trend_caption", window=window) if len(trend) > 1 else ui.tr("concentration.trend_short")
)
trend_figure = make_subplots(
    rows=3,
    cols=1,
    shared_xaxes=True,
    vertical_spacing=0.08,
    subplot_titles=(
        ui.tr("concentration.top_n_share", n=top),
        ui.tr("concentration.key_set_clients"),
        ui.tr("concentration.hhi"),
    ),
)
trend_figure.add_trace(go.Scatter(x=trend["period"], y=100 * trend["top_n_share"], mode="lines+markers"), 1, 1)
trend_figure.add_trace(go.Scatter(x=trend["period"], y=trend["key_set_clients"], mode="lines+markers"), 2, 1)
trend_figure.add_trace(go.Scatter(x=trend["period"], y=trend["hhi"], mode="lines+markers"), 3, 1)
trend_figure.update_layout(
    separators=ui.separators(), height=560, showlegend=False, margin={"l": 10, "r": 10, "t": 30, "b": 10}
)
trend_figure.update_xaxes(type="category")
st.plotly_chart(trend_figure, key="concentration_trend")

# -- kinds of key client --------------------------------------------------------------------
st.subheader(ui.tr("tags.header"))
st.caption(ui.tr("tags.explain"))
notice = st.session_state.pop("concentration_tags_notice", None)
if notice:
    st.success(notice)
try:
    prospects = ui.compute(suggested_prospects, ProspectParams(as_of=as_of, filters=params.filters))
except KamError as exc:
    ui.show_error(exc)
    prospects = pd.DataFrame(columns=["client_id", "client_name", "first_date"])
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
wanted = (
    set(result.key_set_ids[:200])
    | breadwinner_ids
    | set(prospects["client_id"])
    | set(tags["client_id"])
    | ({added} if added else set())
)
rows = pd.DataFrame({"client_id": sorted(wanted)}).merge(known, on="client_id", how="left")
rows["client_name"] = rows["client_name"].fillna(
    rows["client_id"].map(tags.drop_duplicates("client_id").set_index("client_id")["client_name"])
)
latest = tags.sort_values("set_at").drop_duplicates("client_id", keep="last").set_index("client_id")
editor_table = (
    pd.DataFrame(
        {
            "client_id": rows["client_id"],
            "client_name": rows["client_name"],
            "share": (100 * rows["share"]).round(2),
            "breadwinner": rows["client_id"].isin(breadwinner_ids),
            "suggested": rows["client_id"].isin(set(prospects["client_id"])),
            **{kind: rows["client_id"].isin(set(tags.loc[tags["kind"] == kind, "client_id"])) for kind in TAGGED_KINDS},
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
tag_columns = {
    "client_id": st.column_config.TextColumn(ui.tr("common.client_id")),
    "client_name": st.column_config.TextColumn(ui.tr("common.client")),
    "share": st.column_config.NumberColumn(ui.tr("common.share") + ", %", format="%.2f"),
    "breadwinner": st.column_config.CheckboxColumn(ui.tr("tags.kind.breadwinner")),
    "suggested": st.column_config.CheckboxColumn(ui.tr("tags.suggested")),
    **{kind: st.column_config.CheckboxColumn(ui.tr(f"tags.kind.{kind}")) for kind in TAGGED_KINDS},
    "changed": st.column_config.TextColumn(ui.tr("tags.changed")),
}
saved = False
if editor:
    with st.form("concentration_tags_form"):
        edited = st.data_editor(
            editor_table,
            key=EDITOR_KEY,
            hide_index=True,
            num_rows="fixed",
            disabled=["client_id", "client_name", "share", "breadwinner", "suggested", "changed"],
            column_config=tag_columns,
        )
        saved = st.form_submit_button(ui.tr("tags.save"))
else:
    st.dataframe(editor_table, hide_index=True, column_config=tag_columns, key="concentration_tags_view")
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
        st.session_state["concentration_tags_notice"] = (
            ui.tr("tags.saved", n=count, who=ui.who()) if count else ui.tr("tags.nothing")
        )
        st.session_state.pop(EDITOR_KEY, None)  # the saved table is the new starting point
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
    )
