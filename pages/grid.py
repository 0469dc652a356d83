"""The nine-cell ABC-XYZ grid: the centre of the key-account meeting.

Reads the controls (all bound to the URL, so a shared link reopens the view),
builds ``GridParams``, calls ``core.grid`` through ``ui.compute`` and draws: the
grid with the strategy of each cell, the too-new strip, the clients of the
chosen cell, the "one class holds nearly everyone" notice, the migration
against the previous window, and the Excel pack.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from core.errors import KamError
from core.grid import (
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
from pages import tables, ui
from pages.charts import GRID_CHOICES as CHOICES
from pages.charts import grid_figure

CHART_KEY = "grid_chart"
CELL_KEY = "grid_cell"
LIMIT_KEYS = {"cv": ("grid_cv_x", "grid_cv_y"), "frequency": ("grid_freq_x", "grid_freq_y")}


def cell_name(cell: str) -> str:
    return ui.tr("grid.too_new") if cell == TOO_NEW else cell


def follow_chart_click() -> None:
    """A click on the grid picks that cell: the segmented control (and the URL) follow.

    Runs before the segmented control is drawn. Only a new click counts, so a
    cell picked afterwards in the segmented control is not overridden by the
    chart's old selection.
    """
    points = ((st.session_state.get(CHART_KEY) or {}).get("selection") or {}).get("points") or [{}]
    index = points[0].get("point_index", points[0].get("point_number"))
    clicked = CHOICES[index] if index is not None and 0 <= index < len(CHOICES) else None
    if clicked != st.session_state.get("grid_chart_seen"):
        st.session_state["grid_chart_seen"] = clicked
        if clicked is not None:
            st.session_state[CELL_KEY] = clicked


def use_terciles(measure: str, limits: tuple[float, float]) -> None:
    x_key, y_key = LIMIT_KEYS[measure]
    st.session_state[x_key], st.session_state[y_key] = limits


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
    ui.tr("grid.as_of"), value=None, help=ui.tr("grid.as_of.help"), key="grid_as_of", bind="query-params"
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
except KamError as exc:
    ui.show_error(exc)
    st.stop()

st.caption(
    ui.tr(
        "grid.caption",
        basis=ui.tr(f"grid.basis.{basis}"),
        measure=ui.tr(f"grid.xyz.{measure}"),
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
        clients=ui.number(len(result.clients)),
        classified=ui.number(len(result.clients) - result.new["clients"]),
        new=ui.number(result.new["clients"]),
        basis=ui.tr(f"grid.basis.{basis}"),
        total=ui.number(result.total_positive),
    )
)
negative = int((result.clients["basis"] < 0).sum())
if basis == "margin" and negative:
    st.caption(ui.tr("grid.margin_note", total=ui.number(result.total_positive), negative=ui.number(negative)))
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
        grid_figure(result.cells, result.new, chosen, lang),
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
    st.subheader(ui.tr("grid.list.title", cell=cell_name(chosen), count=ui.number(len(rows))))
    if rows.empty:
        st.caption(ui.tr("grid.list.empty"))
    else:
        tables.show(tables.grid_listing(tables.first_rows(rows)), tables.grid_clients(measure))

# -- migration ------------------------------------------------------------------------
# Computed here, after the grid is drawn: Streamlit shows each element as the script
# reaches it, so the grid answers a slider before the earlier window is classified.
st.subheader(ui.tr("grid.migration"))
try:
    moved = ui.compute(migration, params)
except KamError as exc:
    ui.show_error(exc)
    st.stop()
st.caption(ui.tr("grid.migration.caption", previous=moved.previous_as_of.isoformat()))
st.dataframe(tables.migration_matrix(moved.transitions), width="stretch")
st.markdown(f"**{ui.tr('grid.slipped')}**")
if moved.slipped.empty:
    st.caption(ui.tr("grid.slipped.none"))
else:
    slipped = tables.first_rows(moved.slipped, tables.SUMMARY_ROWS)
    slipped = slipped.assign(client=slipped["client_name"].fillna(slipped["client_id"]))
    slipped["cell_now"] = slipped["cell_now"].fillna(ui.tr("grid.too_new"))
    tables.show(slipped, tables.GRID_SLIPPED)

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
