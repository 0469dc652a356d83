"""Every Plotly figure the pages draw, as pure functions: data in, ``go.Figure`` out.

Each builder takes the frame ``core`` returned and the page's language (``"en"``
or ``"ka"``), and gives back a figure whose texts come from ``core.i18n.t`` and
whose numbers read as the language writes them (``layout.separators`` from
``core.numbers``). Nothing here calls Streamlit, so a figure can be built and
checked in a unit test (``tests/test_charts.py``) without running a page, and a
page reads as controls → ``core`` → draw.

This module sits in ``pages/`` beside the page scripts but is not a page: the
navigation in ``app.py`` lists the pages (``st.navigation``), and ``pages/ui.py``
switches off Streamlit's old run-every-file-in-pages/ mode.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from core import numbers
from core.churn import UNKNOWN
from core.concentration import KEY_SHARE_BAND
from core.grid import CELL_COLOURS, CELLS, TOO_NEW
from core.i18n import t
from core.reasons import reason_label

# The grid's points, in the order a click reports them: the nine cells, then the too-new strip.
GRID_CHOICES = [*CELLS, TOO_NEW]
# Where each cell sits: X/Y/Z left to right, A on top; the strip apart on the right.
GRID_POSITION = {cell: ("XYZ".index(cell[1]), 2 - "ABC".index(cell[0])) for cell in CELLS}
GRID_POSITION[TOO_NEW] = (3.35, 1)
MAX_CURVE_POINTS = 4000  # enough for a smooth Pareto curve; keeps the browser light with many clients
ABSENT_COLOUR = "F2F2F2"  # a period in which the client is not in the grid
GREY = "#bbbbbb"  # what has no reason or no manager


def _layout(figure: go.Figure, lang: str, **layout) -> go.Figure:
    """The language's separators on every figure, and axes that write whole numbers grouped the same way
    (Plotly's own "1M" / "500k" suffixes are English)."""
    figure.update_layout(separators=numbers.plotly_separators(lang), **layout)
    figure.update_xaxes(exponentformat="none", separatethousands=True)
    figure.update_yaxes(exponentformat="none", separatethousands=True)
    return figure


def reason_text(reason, lang: str) -> str:
    """A stored reason as the page reads it (``unknown`` when none)."""
    return reason_label(None if reason is None or pd.isna(reason) else reason, lang)


# -- the ABC-XYZ grid ---------------------------------------------------------------------------


def grid_figure(cells: pd.DataFrame, strip: dict, chosen: str | None, lang: str) -> go.Figure:
    """The nine cells and the too-new strip as coloured boxes, each with its clients, basis and share.

    ``cells`` is ``core.grid``'s table by cell (``clients``, ``basis``, ``share``),
    ``strip`` the same three for the clients too new to classify; the ``chosen``
    cell gets a dark frame. Point ``i`` of the one trace is ``GRID_CHOICES[i]``
    (its ``customdata``), so a click on the chart names the cell.
    """
    too_new = t("grid.too_new", lang)
    figure = go.Figure()
    for cell in GRID_CHOICES:
        x, y = GRID_POSITION[cell]
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
    for cell in GRID_CHOICES:
        figures = strip if cell == TOO_NEW else cells.loc[cell]
        count, basis, share = figures["clients"], figures["basis"], figures["share"]
        title = too_new.replace(" ", "<br>") if cell == TOO_NEW else cell
        clients = t("grid.clients.n", lang, n=numbers.number(count, lang))
        texts.append(f"<b>{title}</b><br>{clients}<br>{numbers.number(basis, lang)}<br>{numbers.percent(share, lang)}")
        hovers.append(f"<b>{title}</b> · {t(f'grid.strategy.{cell}', lang)}")
    figure.add_trace(
        go.Scatter(
            x=[GRID_POSITION[c][0] for c in GRID_CHOICES],
            y=[GRID_POSITION[c][1] for c in GRID_CHOICES],
            mode="markers+text",
            text=texts,
            customdata=GRID_CHOICES,
            hovertext=hovers,
            hoverinfo="text",
            textfont=dict(size=13, color="#1B1B1B"),
            marker=dict(symbol="square", size=90, color="rgba(255,255,255,0.02)"),
            selected=dict(marker=dict(opacity=1)),
            unselected=dict(marker=dict(opacity=1)),
            showlegend=False,
        )
    )
    return _layout(
        figure,
        lang,
        height=470,
        margin=dict(l=10, r=10, t=40, b=10),
        plot_bgcolor="white",
        dragmode=False,
        clickmode="event+select",
        xaxis=dict(
            range=[-0.52, 3.8],
            tickvals=[0, 1, 2, GRID_POSITION[TOO_NEW][0]],
            side="top",
            fixedrange=True,
            ticktext=[t(f"grid.col.{col}", lang) for col in "XYZ"] + [too_new.replace(" ", "<br>")],
            showgrid=False,
            zeroline=False,
        ),
        yaxis=dict(
            range=[-0.55, 2.55],
            tickvals=[2, 1, 0],
            fixedrange=True,
            showgrid=False,
            zeroline=False,
            ticktext=[t(f"grid.row.{row}", lang).replace(" · ", "<br>") for row in "ABC"],
        ),
    )


# -- concentration -------------------------------------------------------------------------------


def pareto_figure(
    ranking: pd.DataFrame, *, axis: str, clients: int, key_set_clients: int, target: float, lang: str
) -> go.Figure:
    """The cumulative share of the ranked clients, with the article's 30–55 % band, the target and the key set.

    ``ranking`` is ``core.concentration``'s ranking (``rank``, ``client_id``,
    ``share``, ``cumulative_share``; clients without a share are left out);
    ``axis`` is ``"rank"`` (clients counted) or ``"share"`` (% of clients). A curve
    longer than ``MAX_CURVE_POINTS`` keeps every n-th point (n = its length //
    ``MAX_CURVE_POINTS``, so fewer than twice that many) and its last point.
    """
    points = np.flatnonzero(ranking["share"].notna().to_numpy())  # rows, not a copy of every client's
    step = max(1, len(points) // MAX_CURVE_POINTS)
    shown = ranking.iloc[np.unique(np.append(points[::step], points[-1:]))]
    x = shown["rank"] if axis == "rank" else 100 * shown["rank"] / clients
    key_x = key_set_clients if axis == "rank" else 100 * key_set_clients / clients
    red = "#d62728"
    # The band, the target and the key set as the layout's shapes and notes, set in one go: Plotly's
    # add_hrect / add_hline / add_vline draw the same but check every axis first (25 ms at each rerun).
    across = {"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y"}
    right = {"xref": "x domain", "x": 1, "xanchor": "right", "yref": "y", "yanchor": "bottom", "showarrow": False}
    low, high = KEY_SHARE_BAND
    shapes = [
        {**across, "type": "rect", "y0": low, "y1": high, "fillcolor": "#2ca02c", "opacity": 0.12, "line_width": 0},
        {**across, "y0": target, "y1": target, "line": {"dash": "dash", "color": red}},
        {
            "type": "line",
            "xref": "x",
            "x0": key_x,
            "x1": key_x,
            "yref": "y domain",
            "y0": 0,
            "y1": 1,
            "line": {"dash": "dot", "color": red},
        },
    ]
    notes = [
        {**right, "y": low, "text": t("concentration.band", lang)},
        {**right, "y": target, "text": t("concentration.target_line", lang, target=numbers.number(target, lang))},
        {
            "xref": "x",
            "x": key_x,
            "xanchor": "left",
            "yref": "y domain",
            "y": 1,
            "yanchor": "top",
            "showarrow": False,
            "text": t("concentration.key_set_line", lang, k=key_set_clients),
        },
    ]
    curve = go.Scatter(
        x=x,
        y=100 * shown["cumulative_share"],
        mode="lines",
        name=t("concentration.pareto", lang),
        customdata=shown[["client_id"]],
        line={"color": "#1f77b4", "width": 2},
        hovertemplate="%{x}: %{y:.1f} % (%{customdata[0]})<extra></extra>",
    )
    figure = go.Figure(data=[curve], layout={"shapes": shapes, "annotations": notes})
    return _layout(
        figure,
        lang,
        height=420,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        showlegend=False,
        xaxis_title=t(f"concentration.axis.{axis}", lang),
        yaxis_title=t("concentration.cumulative", lang),
        yaxis_range=[0, 102],
    )


def concentration_trend_figure(trend: pd.DataFrame, top: int, lang: str) -> go.Figure:
    """Three stacked lines over the periods: the top-N share (%), the key set's clients, the HHI.

    The panels are laid out here as ``make_subplots(rows=3, shared_xaxes=True)`` would lay them
    out, in one go: that helper validates every axis again for each trace (19 ms against 4).
    """
    titles = (
        t("concentration.top_n_share", lang, n=top),
        t("concentration.key_set_clients", lang),
        t("concentration.hhi", lang),
    )
    values = (100 * trend["top_n_share"], trend["key_set_clients"], trend["hhi"])
    gap = 0.08
    height = (1 - 2 * gap) / 3
    tops = [round(1 - row * (height + gap), 9) for row in range(3)]  # each panel's top edge, from the first
    numbers_look = {"exponentformat": "none", "separatethousands": True}
    layout: dict = {
        "annotations": [],
        "height": 560,
        "showlegend": False,
        "margin": {"l": 10, "r": 10, "t": 30, "b": 10},
    }
    data = []
    for row, (title, y, top_edge) in enumerate(zip(titles, values, tops, strict=True), start=1):
        suffix = "" if row == 1 else str(row)
        data.append(go.Scatter(x=trend["period"], y=y, mode="lines+markers", xaxis=f"x{suffix}", yaxis=f"y{suffix}"))
        layout[f"xaxis{suffix}"] = {"anchor": f"y{suffix}", "domain": [0.0, 1.0], "type": "category", **numbers_look}
        if row < 3:  # the panels share the last one's periods, written under it only
            layout[f"xaxis{suffix}"] |= {"matches": "x3", "showticklabels": False}
        layout[f"yaxis{suffix}"] = {"anchor": f"x{suffix}", "domain": [round(top_edge - height, 9), top_edge]}
        layout[f"yaxis{suffix}"] |= numbers_look
        layout["annotations"].append(
            {
                "text": title,
                "font": {"size": 16},
                "showarrow": False,
                "x": 0.5,
                "xanchor": "center",
                "xref": "paper",
                "y": top_edge,
                "yanchor": "bottom",
                "yref": "paper",
            }
        )
    return go.Figure(data=data, layout={"separators": numbers.plotly_separators(lang), **layout})


# -- lost clients --------------------------------------------------------------------------------


def churn_dynamics_figure(periods: pd.DataFrame, slope: float | None, lang: str) -> go.Figure:
    """Clients lost per period (bars) with the least-squares trend (dashed) and the churn rate on its own axis.

    The rate's axis runs from 0 on round ticks (1, 2 or 5 × 10ⁿ, ``core.numbers.round_ticks``),
    not wherever the counts' grid would put them.
    """
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    figure.add_trace(
        go.Bar(x=periods["period"], y=periods["lost"], name=t("churn.col.lost", lang), marker_color="#d62728")
    )
    if slope is not None:
        index = np.arange(len(periods))
        intercept = periods["lost"].mean() - slope * index.mean()
        figure.add_trace(
            go.Scatter(
                x=periods["period"],
                y=intercept + slope * index,
                mode="lines",
                name=t("churn.trend_line", lang),
                line={"color": "#333", "dash": "dash"},
            )
        )
    rate = t("churn.col.churn_rate", lang) + ", %"
    figure.add_trace(
        go.Scatter(
            x=periods["period"],
            y=100 * periods["churn_rate"],
            mode="lines+markers",
            name=rate,
            line={"color": "#1f77b4"},
        ),
        secondary_y=True,
    )
    figure.update_yaxes(title_text=t("churn.col.lost", lang), secondary_y=False)
    top, step, decimals = numbers.round_ticks(100 * periods["churn_rate"].max())
    figure.update_yaxes(
        title_text=rate,
        secondary_y=True,
        showgrid=False,
        range=[0, top],
        tickmode="linear",
        tick0=0,
        dtick=step,
        tickformat=f",.{decimals}f",
    )
    return _layout(
        figure,
        lang,
        height=360,
        margin={"t": 10, "b": 10},
        legend={"orientation": "h", "y": 1.1},
        xaxis={"type": "category"},
    )


def reasons_per_period_figure(by_period: pd.DataFrame, reasons: pd.Series, periods: list, lang: str) -> go.Figure:
    """Losses per period stacked by reason; known reasons at the bottom of each bar, "unknown" (grey) on top.

    ``by_period`` has ``period``, ``reason``, ``losses``; ``reasons`` lists the
    reasons (most valuable first); ``periods`` is the order of the x axis.
    """
    order = [r for r in reasons if r != UNKNOWN] + [r for r in reasons if r == UNKNOWN]
    figure = go.Figure()
    for reason in order:
        part = by_period[by_period["reason"] == reason]
        figure.add_trace(
            go.Bar(
                x=part["period"],
                y=part["losses"],
                name=reason_text(reason, lang),
                marker_color=GREY if reason == UNKNOWN else None,
            )
        )
    return _layout(
        figure,
        lang,
        barmode="stack",
        height=360,
        margin={"t": 30, "b": 10},
        title={"text": t("churn.reasons_per_period", lang), "font": {"size": 14}},
        xaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": list(periods),
            "tickangle": -90,
            "automargin": True,
        },
        legend={"orientation": "h", "y": -0.2},
    )


def reasons_pareto_figure(pareto: pd.DataFrame, lang: str) -> go.Figure:
    """Value before loss by reason (bars, "unknown" grey) and its cumulative share (line, 0–100 %)."""
    labels = pareto["reason"].map(lambda r: reason_text(r, lang))
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    figure.add_trace(
        go.Bar(
            x=labels,
            y=pareto["value"],
            name=t("churn.col.value", lang),
            marker_color=[GREY if r == UNKNOWN else "#d62728" for r in pareto["reason"]],
        )
    )
    figure.add_trace(
        go.Scatter(
            x=labels,
            y=100 * pareto["cumulative_share"],
            mode="lines+markers",
            name=t("churn.col.cumulative", lang) + ", %",
            line={"color": "#333"},
        ),
        secondary_y=True,
    )
    figure.update_yaxes(
        range=[0, 105], tickvals=[0, 25, 50, 75, 100], ticksuffix=" %", secondary_y=True, showgrid=False
    )
    return _layout(
        figure,
        lang,
        height=360,
        margin={"t": 30, "b": 10},
        showlegend=False,
        title={"text": t("churn.pareto", lang), "font": {"size": 14}},
    )


# -- one client ----------------------------------------------------------------------------------


def sales_figure(sales: pd.DataFrame, has_margin: bool, lang: str) -> go.Figure:
    """A client's revenue per period (bars) and, when the data has one, its margin (line, own axis)."""
    revenue, margin = t("common.revenue", lang), t("common.margin", lang)
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    figure.add_trace(go.Bar(x=sales["period"], y=sales["revenue"], name=revenue, marker_color="#1F77B4"))
    if has_margin:
        figure.add_trace(
            go.Scatter(
                x=sales["period"], y=sales["margin"], name=margin, mode="lines+markers", line={"color": "#2CA02C"}
            ),
            secondary_y=True,
        )
        figure.update_yaxes(title_text=margin, secondary_y=True, showgrid=False, rangemode="tozero")
    figure.update_yaxes(title_text=revenue, secondary_y=False, rangemode="tozero")
    return _layout(
        figure,
        lang,
        height=320,
        margin={"t": 10, "b": 10},
        legend={"orientation": "h", "y": 1.12},
        xaxis={"type": "category"},
    )


def cells_figure(cells: pd.DataFrame, lang: str) -> go.Figure:
    """The client's cell at each period end: one box per period in the cell's colour (``in_grid`` false: absent)."""
    labels, colours = [], []
    for cell, in_grid in zip(cells["cell"], cells["in_grid"], strict=True):
        if isinstance(cell, str):
            labels.append(cell)
            colours.append("#" + CELL_COLOURS[cell])
        else:
            labels.append(t("dossier.cell.too_new", lang) if in_grid else t("dossier.cell.absent", lang))
            colours.append("#" + (CELL_COLOURS[TOO_NEW] if in_grid else ABSENT_COLOUR))
    figure = go.Figure(
        go.Bar(
            x=cells["period"],
            y=[1] * len(cells),
            marker_color=colours,
            text=labels,
            textposition="inside",
            insidetextanchor="middle",
            hovertext=[f"{p}: {label}" for p, label in zip(cells["period"], labels, strict=True)],
            hoverinfo="text",
        )
    )
    return _layout(
        figure,
        lang,
        height=120,
        margin={"t": 5, "b": 5, "l": 5, "r": 5},
        yaxis={"visible": False, "range": [0, 1]},
        xaxis={"type": "category"},
        bargap=0.05,
        showlegend=False,
    )


# -- managers ------------------------------------------------------------------------------------


def managers_figure(managers: pd.DataFrame, names: list[str], basis: str, lang: str) -> go.Figure:
    """Each manager's basis (bars, "no manager" grey), labelled with the share and the key clients.

    ``managers`` is ``core.managers``' table (``manager`` — ``None`` for no
    manager —, ``basis``, ``share``, ``key_clients``); ``names`` the managers as shown.
    """
    texts = [
        t("managers.bar_text", lang, share=numbers.percent(share, lang), a=keys)
        for share, keys in zip(managers["share"], managers["key_clients"], strict=True)
    ]
    figure = go.Figure(
        go.Bar(
            x=list(names),
            y=managers["basis"],
            text=texts,
            textposition="outside",
            marker_color=[GREY.upper() if pd.isna(m) else "#1F77B4" for m in managers["manager"]],
        )
    )
    return _layout(
        figure,
        lang,
        height=320,
        margin={"t": 30, "b": 10},
        yaxis={"title": t(f"common.{basis}", lang)},
        xaxis={"type": "category"},
    )
