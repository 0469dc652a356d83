"""The nine-cell ABC-XYZ grid: the centre of the key-account meeting.

Reads the controls (all bound to the URL, so a shared link reopens the view),
builds ``GridParams``, calls ``core.grid`` through ``ui.compute`` and draws: the
grid with the strategy of each cell, the too-new strip, the clients of the
chosen cell, the "one class holds nearly everyone" notice, the migration
against the previous window, and the Excel pack.
"""

from __future__ import annotations

from functools import partial

import plotly.graph_objects as go
import streamlit as st

from core.errors import KamError
from core.grid import (
    ABSENT_BEFORE,
    ABSENT_NOW,
    CELL_COLOURS,
    CELLS,
    DEFAULT_LIMITS,
    MEASURES,
    TOO_NEW,
    GridParams,
    PackParams,
    abcxyz,
    dominant_xyz,
    grid_pack,
    migration,
    tercile_limits,
)
from pages import ui

CHART_KEY = "grid_chart"
CELL_KEY = "grid_cell"
CHOICES = [*CELLS, TOO_NEW]
# Where each cell sits on the chart: X/Y/Z left to right, A on top; the strip apart on the right.
POSITION = {cell: ("XYZ".index(cell[1]), 2 - "ABC".index(cell[0])) for cell in CELLS}
POSITION[TOO_NEW] = (3.35, 1)
LIMIT_KEYS = {"cv": ("grid_cv_x", "grid_cv_y"), "frequency": ("grid_freq_x", "grid_freq_y")}


def number(value) -> str:
    return ui.number(value)


def pct(value) -> str:
    return ui.pct(value)


def cell_name(cell: str) -> str:
    return ui.tr("grid.too_new") if cell == TOO_NEW else cell


def follow_chart_click() -> None:
    """A click on the grid picks that cell: the segmented control (and the URL) follow.

    Runs before the segmented control is drawn. Only a new click counts, so a
    cell picked afterwards in the segmented control is not overridden by the
    chart's old selection.
    """
    selection = (st.session_state.get(CHART_KEY) or {}).get("selection") or {}
    points = selection.get("points") or []
    clicked = None
    if points:
        index = points[0].get("point_index", points[0].get("point_number"))
        if index is not None and 0 <= index < len(CHOICES):
            clicked = CHOICES[index]
    if clicked != st.session_state.get("grid_chart_seen"):
        st.session_state["grid_chart_seen"] = clicked
        if clicked is not None:
            st.session_state[CELL_KEY] = clicked


def use_terciles(measure: str, limits: tuple[float, float]) -> None:
    x_key, y_key = LIMIT_KEYS[measure]
    st.session_state[x_key], st.session_state[y_key] = limits


def grid_figure(result, chosen: str | None) -> go.Figure:
    cells, strip = result.cells, result.new
    figure = go.Figure()
    for cell in CHOICES:
        x, y = POSITION[cell]
        if cell == TOO_NEW:
            box = dict(x0=x - 0.4, x1=x + 0.4, y0=-0.48, y1=2.48)
        else:
            box = dict(x0=x - 0.48, x1=x + 0.48, y0=y - 0.48, y1=y + 0.48)
        figure.add_shape(
            type="rect",
            **box,
            fillcolor="#" + CELL_COLOURS[cell],
            layer="below",
            line=dict(color="#1F3A5F" if chosen == cell else "white", width=4 if chosen == cell else 1),
        )
    texts, hovers = [], []
    for cell in CHOICES:
        count, basis, share = (
            (strip["clients"], strip["basis"], strip["share"])
            if cell == TOO_NEW
            else (cells.loc[cell, "clients"], cells.loc[cell, "basis"], cells.loc[cell, "share"])
        )
        title = ui.tr("grid.too_new").replace(" ", "<br>") if cell == TOO_NEW else cell
        texts.append(f"<b>{title}</b><br>{ui.tr('grid.clients.n', n=number(count))}<br>{number(basis)}<br>{pct(share)}")
        hovers.append(f"<b>{title}</b> · {ui.tr(f'grid.strategy.{cell}')}")
    figure.add_trace(
        go.Scatter(
            x=[POSITION[c][0] for c in CHOICES],
            y=[POSITION[c][1] for c in CHOICES],
            mode="markers+text",
            text=texts,
            customdata=CHOICES,
            hovertext=hovers,
            hoverinfo="text",
            textfont=dict(size=13, color="#1B1B1B"),
            marker=dict(symbol="square", size=90, color="rgba(255,255,255,0.02)"),
            selected=dict(marker=dict(opacity=1)),
            unselected=dict(marker=dict(opacity=1)),
            showlegend=False,
        )
    )
    figure.update_layout(
        separators=ui.separators(),
        height=470,
        margin=dict(l=10, r=10, t=40, b=10),
        plot_bgcolor="white",
        dragmode=False,
        clickmode="event+select",
        xaxis=dict(
            range=[-0.52, 3.8],
            tickvals=[0, 1, 2, POSITION[TOO_NEW][0]],
            side="top",
            fixedrange=True,
            ticktext=[ui.tr(f"grid.col.{col}") for col in "XYZ"] + [ui.tr("grid.too_new").replace(" ", "<br>")],
            showgrid=False,
            zeroline=False,
        ),
        yaxis=dict(
            range=[-0.55, 2.55],
            tickvals=[2, 1, 0],
            fixedrange=True,
            showgrid=False,
            zeroline=False,
            ticktext=[ui.tr(f"grid.row.{row}").replace(" · ", "<br>") for row in "ABC"],
        ),
    )
    return figure


ui.require_data()
store = ui.store()
lang = ui.lang()

st.title(ui.tr("grid.title"))

# -- controls (bound to the URL) --------------------------------------------------------
c_basis, c_period, c_window, c_as_of = st.columns([1, 1, 1.6, 1])
basis = ui.basis_control(c_basis, "grid_basis", label_key="grid.basis")
period = ui.period_control(c_period, "grid_period", label_key="grid.period")
window = c_window.slider(ui.tr("grid.window"), 1, 60, 12, key="grid_window", bind="query-params")
as_of = c_as_of.date_input(
    ui.tr("grid.as_of"),
    value=None,
    help=ui.tr("grid.as_of.help"),
    key="grid_as_of",
    bind="query-params",
)
c_a, c_b, c_measure, c_x, c_y = st.columns([1.3, 1.3, 1.2, 1, 1])
a = c_a.slider("A, %", 1, 100, 80, key="grid_a", bind="query-params", help=ui.tr("grid.abc_limits.help"))
b = c_b.slider("B, %", 1, 100, 95, key="grid_b", bind="query-params", help=ui.tr("grid.abc_limits.help"))
measure = ui.coded(
    c_measure.selectbox,
    ui.tr("grid.xyz"),
    list(MEASURES),
    format_func=lambda m: ui.tr(f"grid.measure.{m}"),
    key="grid_xyz",
)
x_key, y_key = LIMIT_KEYS[measure]
default_x, default_y = DEFAULT_LIMITS[measure]
label_x, label_y = ("grid.cv_x", "grid.cv_y") if measure == "cv" else ("grid.freq_x", "grid.freq_y")
x = c_x.number_input(ui.tr(label_x), 0.0, 1000.0, default_x, step=1.0, format="%.1f", key=x_key, bind="query-params")
y = c_y.number_input(ui.tr(label_y), 0.0, 1000.0, default_y, step=1.0, format="%.1f", key=y_key, bind="query-params")

params = GridParams(
    basis=basis,
    period=period,
    window=int(window),
    as_of=as_of,
    a=float(a),
    b=float(b),
    xyz=measure,
    x=float(x),
    y=float(y),
    filters=ui.filters(),
)
try:
    result = ui.compute(abcxyz, params)
    moved = ui.compute(migration, params)
except KamError as exc:
    ui.show_error(exc)
    st.stop()

measure_name = ui.tr(f"grid.xyz.{measure}")
st.caption(
    ui.tr(
        "grid.caption",
        basis=ui.tr(f"grid.basis.{basis}"),
        measure=measure_name,
        start=result.window_start.isoformat(),
        as_of=result.params.as_of.isoformat(),
    )
)
if result.clients.empty:
    st.info(ui.tr("grid.no_clients"))
    st.stop()

# -- one class holds nearly everyone ----------------------------------------------------
dominant = dominant_xyz(result)
if dominant:
    cls, share = dominant
    terciles = tercile_limits(result)
    notice = ui.tr("grid.dominant", share=share, cls=cls)
    if terciles:
        notice += " " + ui.tr("grid.dominant.offer", x=terciles[0], y=terciles[1])
    st.warning(notice)
    if terciles:
        st.button(
            ui.tr("grid.use_terciles"),
            key="grid_use_terciles",
            on_click=use_terciles,
            args=(measure, terciles),
            type="primary",
        )

# -- the grid -------------------------------------------------------------------------
st.caption(
    ui.tr(
        "grid.summary",
        clients=number(len(result.clients)),
        classified=number(len(result.classified)),
        new=number(result.new["clients"]),
        basis=ui.tr(f"grid.basis.{basis}"),
        total=number(result.total_positive),
    )
)
negative = int((result.clients["basis"] < 0).sum())
if basis == "margin" and negative:
    st.caption(ui.tr("grid.margin_note", total=number(result.total_positive), negative=number(negative)))
follow_chart_click()
chosen = ui.coded(
    st.segmented_control,
    ui.tr("grid.select"),
    CHOICES,
    default=None,
    format_func=cell_name,
    key=CELL_KEY,
    help=ui.tr("grid.select.help"),
)
chart_column, strategy_column = st.columns([3, 1.3])
with chart_column:
    st.plotly_chart(
        grid_figure(result, chosen),
        key=CHART_KEY,
        on_select="rerun",
        selection_mode="points",
        config={"displayModeBar": False},
        alt=ui.tr("grid.title"),
    )
with strategy_column:
    st.markdown(f"**{ui.tr('grid.strategy')}**")
    st.markdown("\n".join(f"- **{cell_name(c)}** — {ui.tr(f'grid.strategy.{c}')}" for c in CHOICES))

# -- the clients of the chosen cell -------------------------------------------------------
if chosen is None:
    st.info(ui.tr("grid.list.none"))
else:
    rows = (
        result.clients[result.clients["xyz"].isna()]
        if chosen == TOO_NEW
        else result.clients[result.clients["cell"] == chosen]
    )
    st.subheader(ui.tr("grid.list.title", cell=cell_name(chosen), count=number(len(rows))))
    if rows.empty:
        st.caption(ui.tr("grid.list.empty"))
    else:
        listing = rows.assign(
            client=rows["client_name"].fillna(rows["client_id"]), dossier=ui.dossier_links(rows["client_id"])
        )
        measure_column = "cv" if measure == "cv" else "frequency"
        st.dataframe(
            ui.styled(
                listing[
                    [
                        "dossier",
                        "client",
                        "client_id",
                        "basis",
                        "share",
                        "abc_rank",
                        measure_column,
                        "periods",
                        "last_purchase",
                        "manager",
                        "region",
                    ]
                ],
                {"basis": 2, "abc_rank": 0, "periods": 0},
                percents=("share", measure_column),
            ),
            hide_index=True,
            width="stretch",
            column_config={
                "dossier": ui.dossier_column(),
                "client": st.column_config.TextColumn(ui.tr("grid.col.client")),
                "client_id": st.column_config.TextColumn(ui.tr("grid.col.client_id")),
                "basis": st.column_config.NumberColumn(ui.tr("grid.col.basis")),
                "share": st.column_config.NumberColumn(ui.tr("grid.col.share")),
                "abc_rank": st.column_config.NumberColumn(ui.tr("grid.col.rank")),
                measure_column: st.column_config.NumberColumn(ui.tr(f"grid.col.{measure_column}")),
                "periods": st.column_config.NumberColumn(ui.tr("grid.col.periods")),
                "last_purchase": st.column_config.DateColumn(ui.tr("grid.col.last_purchase")),
                "manager": st.column_config.TextColumn(ui.tr("grid.col.manager")),
                "region": st.column_config.TextColumn(ui.tr("grid.col.region")),
            },
        )

# -- migration ------------------------------------------------------------------------
st.subheader(ui.tr("grid.migration"))
st.caption(ui.tr("grid.migration.caption", previous=moved.previous_as_of.isoformat()))
labels = {
    TOO_NEW: ui.tr("grid.too_new"),
    ABSENT_BEFORE: ui.tr("grid.migration.new"),
    ABSENT_NOW: ui.tr("grid.migration.gone"),
}
table = moved.transitions.rename(index=lambda c: labels.get(c, c), columns=lambda c: labels.get(c, c))
table = table.loc[table.sum(axis=1) > 0, table.sum(axis=0) > 0]
table.index.name = f"{ui.tr('grid.migration.then')} ↓ / {ui.tr('grid.migration.now')} →"
st.dataframe(table, width="stretch")
st.markdown(f"**{ui.tr('grid.slipped')}**")
if moved.slipped.empty:
    st.caption(ui.tr("grid.slipped.none"))
else:
    slipped = moved.slipped.assign(client=moved.slipped["client_name"].fillna(moved.slipped["client_id"]))
    slipped["cell_now"] = slipped["cell_now"].fillna(ui.tr("grid.too_new"))
    st.dataframe(
        ui.styled(
            slipped[["client", "client_id", "cell_then", "cell_now", "basis_then", "basis_now"]],
            {"basis_then": 2, "basis_now": 2},
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "client": st.column_config.TextColumn(ui.tr("grid.col.client")),
            "client_id": st.column_config.TextColumn(ui.tr("grid.col.client_id")),
            "cell_then": st.column_config.TextColumn(ui.tr("grid.col.cell_then")),
            "cell_now": st.column_config.TextColumn(ui.tr("grid.col.cell_now")),
            "basis_then": st.column_config.NumberColumn(ui.tr("grid.col.basis_then")),
            "basis_now": st.column_config.NumberColumn(ui.tr("grid.col.basis_now")),
        },
    )

# -- the Excel pack -----------------------------------------------------------------------
# Built only when the button is clicked (on Streamlit's download thread): writing a
# workbook of every client takes seconds on large data, too slow for every slider move.
st.download_button(
    ui.tr("grid.export"),
    data=partial(grid_pack, store, PackParams(params, lang)),
    file_name=f"abc-xyz-{result.params.as_of.isoformat()}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="grid_export",
    icon=":material/download:",
    on_click="ignore",
)
