"""The client dossier: what the team knows about one client and what the data says, on one page.

Reads the client from the URL (``?client=ID``, which every client list of the
app links to) or from a search by name or id; the computed picture comes from
``core.dossier.picture`` through ``ui.compute`` (the sidebar filters do not
apply: the dossier is about the whole client). Facts, events, people and
competitors are read and written through ``core.dossier`` — one transaction
per save, with who and when — and the one-page brief downloads as Excel in the
page's language.
"""

from __future__ import annotations

from datetime import date
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.subplots import make_subplots

from core.dossier import (
    ATTITUDES,
    INFLUENCE,
    OUTCOMES,
    BriefParams,
    DossierParams,
    brief,
    cell_path,
    competitors,
    events,
    facts,
    find_clients,
    history,
    known_client,
    people,
    picture,
    remove_record,
    reporting_tree,
    save_record,
    set_facts,
)
from core.errors import KamError
from core.grid import CELL_COLOURS, TOO_NEW
from core.reasons import reason_label
from pages import ui

NOTICE_KEY = "dossier_notice"
ABSENT_COLOUR = "F2F2F2"


def number(value) -> str:
    return ui.number(value)


def pct(value) -> str:
    return ui.pct(value)


def word(prefix: str, value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else ui.tr(f"{prefix}.{value}")


def open_client() -> None:
    picked = st.session_state.get("dossier_pick")
    if picked:
        st.query_params["client"] = picked


def saved(text: str) -> None:
    st.session_state[NOTICE_KEY] = text
    st.rerun()


def record_fields(kind: str, current: dict, key: str, others: pd.DataFrame | None = None) -> dict:
    """The widgets of one event, person or competitor (inside a form); their values."""
    if kind == "events":
        c_date, c_outcome = st.columns([1, 1])
        values = {
            "event_date": c_date.date_input(
                ui.tr("dossier.col.event_date"),
                value=current.get("event_date") or date.today(),
                key=f"{key}_event_date",
            ),
            "outcome": c_outcome.selectbox(
                ui.tr("dossier.col.outcome"),
                list(OUTCOMES),
                index=OUTCOMES.index(current.get("outcome") or "neutral"),
                format_func=lambda o: ui.tr(f"dossier.outcome.{o}"),
                key=f"{key}_outcome",
            ),
        }
        values["what"] = st.text_area(
            ui.tr("dossier.col.what"), value=current.get("what") or "", key=f"{key}_what", height=80
        )
        c_ours, c_theirs = st.columns(2)
        values["our_people"] = c_ours.text_input(
            ui.tr("dossier.col.our_people"), value=current.get("our_people") or "", key=f"{key}_our_people"
        )
        values["their_people"] = c_theirs.text_input(
            ui.tr("dossier.col.their_people"), value=current.get("their_people") or "", key=f"{key}_their_people"
        )
        values["why"] = st.text_input(ui.tr("dossier.col.why"), value=current.get("why") or "", key=f"{key}_why")
        return values
    if kind == "people":
        c_name, c_role = st.columns(2)
        values = {
            "name": c_name.text_input(ui.tr("dossier.col.name"), value=current.get("name") or "", key=f"{key}_name"),
            "role": c_role.text_input(ui.tr("dossier.col.role"), value=current.get("role") or "", key=f"{key}_role"),
        }
        c_influence, c_attitude, c_boss = st.columns(3)
        influence = [None, *INFLUENCE]
        values["influence"] = c_influence.selectbox(
            ui.tr("dossier.col.influence"),
            influence,
            index=influence.index(current.get("influence")) if current.get("influence") in influence else 0,
            format_func=lambda v: word("dossier.influence", v) or "–",
            key=f"{key}_influence",
        )
        attitudes = [None, *ATTITUDES]
        values["attitude"] = c_attitude.selectbox(
            ui.tr("dossier.col.attitude"),
            attitudes,
            index=attitudes.index(current.get("attitude")) if current.get("attitude") in attitudes else 0,
            format_func=lambda v: word("dossier.attitude", v) or "–",
            key=f"{key}_attitude",
        )
        names = {} if others is None else dict(zip(others["record_id"], others["name"], strict=True))
        names.pop(current.get("record_id"), None)
        bosses = [None, *names]
        boss = current.get("reports_to")
        values["reports_to"] = c_boss.selectbox(
            ui.tr("dossier.col.reports_to"),
            bosses,
            index=bosses.index(boss) if boss in bosses else 0,
            format_func=lambda r: "–" if r is None else names[r],
            key=f"{key}_reports_to",
        )
        values["note"] = st.text_input(ui.tr("dossier.col.note"), value=current.get("note") or "", key=f"{key}_note")
        return values
    c_name, c_since = st.columns([2, 1])
    values = {
        "competitor": c_name.text_input(
            ui.tr("dossier.col.competitor"), value=current.get("competitor") or "", key=f"{key}_competitor"
        ),
        "since": c_since.date_input(ui.tr("dossier.col.since"), value=current.get("since"), key=f"{key}_since"),
    }
    values["offer"] = st.text_area(
        ui.tr("dossier.col.offer"), value=current.get("offer") or "", key=f"{key}_offer", height=80
    )
    values["note"] = st.text_input(ui.tr("dossier.col.note"), value=current.get("note") or "", key=f"{key}_note")
    return values


def record_section(kind: str, rows: pd.DataFrame, columns: list[str], shown: pd.DataFrame) -> None:
    """A table of the current records, a form to add one, and a form to change or remove one."""
    with st.form(f"dossier_{kind}_add", clear_on_submit=True):
        st.markdown(f"**{ui.tr(f'dossier.{kind}.add')}**")
        values = record_fields(kind, {}, f"dossier_{kind}_new", rows)
        if st.form_submit_button(ui.tr("dossier.save"), type="primary", disabled=not ui.can_edit()):
            try:
                save_record(store, client_id, kind, values, by=ui.actor())
            except KamError as exc:
                ui.show_error(exc)
            else:
                saved(ui.tr("dossier.saved", who=ui.who()))
    if rows.empty:
        st.caption(ui.tr(f"dossier.{kind}.none"))
        return
    st.dataframe(
        shown[columns].rename(columns=lambda c: ui.tr(f"dossier.col.{c}")),
        hide_index=True,
        width="stretch",
        key=f"dossier_{kind}_table",
    )
    with st.expander(ui.tr(f"dossier.{kind}.edit")):
        options = list(rows["record_id"])
        labels = dict(
            zip(rows["record_id"], shown[columns[0]].astype(str) + " · " + shown[columns[1]].astype(str), strict=True)
        )
        record_id = st.selectbox(
            ui.tr("dossier.pick_record"), options, format_func=labels.get, key=f"dossier_{kind}_pick"
        )
        current = rows[rows["record_id"] == record_id].iloc[0].to_dict()
        current = {k: (None if not isinstance(v, str) and pd.isna(v) else v) for k, v in current.items()}
        with st.form(f"dossier_{kind}_edit_{record_id}"):
            values = record_fields(kind, current, f"dossier_{kind}_{record_id}", rows)
            c_save, c_remove, _ = st.columns([1, 1, 3])
            save = c_save.form_submit_button(ui.tr("dossier.save"), type="primary", disabled=not ui.can_edit())
            remove = c_remove.form_submit_button(ui.tr("dossier.remove"), disabled=not ui.can_edit())
        try:
            if save:
                save_record(store, client_id, kind, values, record_id=record_id, by=ui.actor())
                saved(ui.tr("dossier.saved", who=ui.who()))
            if remove:
                remove_record(store, client_id, kind, record_id, by=ui.actor())
                saved(ui.tr("dossier.removed", who=ui.who()))
        except KamError as exc:
            ui.show_error(exc)


def sales_figure(sales: pd.DataFrame, has_margin: bool) -> go.Figure:
    figure = make_subplots(specs=[[{"secondary_y": True}]])
    figure.add_trace(
        go.Bar(x=sales["period"], y=sales["revenue"], name=ui.tr("common.revenue"), marker_color="#1F77B4")
    )
    if has_margin:
        figure.add_trace(
            go.Scatter(
                x=sales["period"],
                y=sales["margin"],
                name=ui.tr("common.margin"),
                mode="lines+markers",
                line={"color": "#2CA02C"},
            ),
            secondary_y=True,
        )
        figure.update_yaxes(title_text=ui.tr("common.margin"), secondary_y=True, showgrid=False, rangemode="tozero")
    figure.update_yaxes(title_text=ui.tr("common.revenue"), secondary_y=False, rangemode="tozero")
    figure.update_layout(
        separators=ui.separators(),
        height=320,
        margin={"t": 10, "b": 10},
        legend={"orientation": "h", "y": 1.12},
        xaxis={"type": "category"},
    )
    return figure


def cells_figure(cells: pd.DataFrame) -> go.Figure:
    """The client's cell at each period end: one coloured box per period."""
    labels, colours = [], []
    for cell, in_grid in zip(cells["cell"], cells["in_grid"], strict=True):
        if isinstance(cell, str):
            labels.append(cell)
            colours.append("#" + CELL_COLOURS[cell])
        else:
            labels.append(ui.tr("dossier.cell.too_new") if in_grid else ui.tr("dossier.cell.absent"))
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
    figure.update_layout(
        separators=ui.separators(),
        height=120,
        margin={"t": 5, "b": 5, "l": 5, "r": 5},
        yaxis={"visible": False, "range": [0, 1]},
        xaxis={"type": "category"},
        bargap=0.05,
        showlegend=False,
    )
    return figure


store = ui.store()
lang = ui.lang()

st.title(ui.tr("dossier.title"))
ui.viewer_note()
if notice := st.session_state.pop(NOTICE_KEY, None):
    st.success(notice)

# -- which client ------------------------------------------------------------------------
client_id = (st.query_params.get("client") or "").strip()
c_search, c_pick = st.columns([1, 1.4])
search = c_search.text_input(
    ui.tr("dossier.search"), key="dossier_search", placeholder=ui.tr("dossier.search.placeholder")
)
if search.strip():
    found = find_clients(store, search, 30)
    if found.empty:
        c_pick.caption(ui.tr("dossier.search.none"))
    else:
        names = dict(zip(found["client_id"], found["client_name"], strict=True))
        c_pick.selectbox(
            ui.tr("dossier.search.pick", n=len(found)),
            list(found["client_id"]),
            index=None,
            format_func=lambda c: f"{names[c]} ({c})" if isinstance(names.get(c), str) else c,
            key="dossier_pick",
            on_change=open_client,
        )
        client_id = (st.query_params.get("client") or "").strip()
if not client_id:
    st.info(ui.tr("dossier.pick_first"))
    st.stop()
if not known_client(store, client_id):
    st.warning(ui.tr("dossier.unknown", client=client_id))
    st.stop()

# -- the settings of the computed picture (bound to the URL) -------------------------------
with st.expander(ui.tr("dossier.settings")):
    c_basis, c_period, c_window, c_days, c_k = st.columns(5)
    basis = ui.basis_control(c_basis, "dossier_basis")
    period = ui.period_control(c_period, "dossier_period")
    window = c_window.slider(ui.tr("common.window"), 1, 36, 12, key="dossier_window", bind="query-params")
    lost_days = c_days.slider(
        ui.tr("dossier.lost_days"), 30, 730, 180, step=5, key="dossier_lost_days", bind="query-params"
    )
    risk_k = c_k.slider(ui.tr("dossier.risk_k"), 1.0, 6.0, 2.0, step=0.5, key="dossier_risk_k", bind="query-params")

params = DossierParams(
    client_id=client_id,
    basis=basis,
    period=period,
    window=int(window),
    lost_days=int(lost_days),
    risk_k=float(risk_k),
)
try:
    seen = ui.compute(picture, params)
except KamError as exc:
    ui.show_error(exc)
    st.stop()

client = seen.client
name = client.get("client_name") or client_id
c_title, c_brief = st.columns([3, 1])
c_title.header(f"{name} · {client_id}")
details = [
    ui.tr("dossier.manager") + ": " + (seen.manager or ui.tr("dossier.no_manager")),
    *(f"{ui.tr(f'common.{c}')}: {client[c]}" for c in ("region", "segment") if client.get(c)),
]
if seen.kinds:
    details.append(ui.tr("dossier.kinds") + ": " + ", ".join(ui.tr(f"tags.kind.{k}") for k in seen.kinds))
c_title.caption(" · ".join(details))
# Built only when the button is clicked (on Streamlit's download thread).
c_brief.download_button(
    ui.tr("dossier.brief"),
    data=partial(brief, store, BriefParams(params, lang)),
    file_name=f"brief-{client_id}-{seen.as_of.isoformat() if seen.as_of else 'no-data'}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key="dossier_brief",
    icon=":material/download:",
    on_click="ignore",
    help=ui.tr("dossier.brief.help"),
)

# -- the picture in figures ------------------------------------------------------------------
churn = seen.churn
now = seen.cells.iloc[-1] if len(seen.cells) else None
m_cell, m_revenue, m_margin, m_state, m_status = st.columns(5)
if now is not None and now["in_grid"]:
    m_cell.metric(ui.tr("dossier.cell_now"), now["cell"] or ui.tr("dossier.cell.too_new"))
else:
    m_cell.metric(ui.tr("dossier.cell_now"), ui.tr("dossier.cell.absent"))
m_revenue.metric(ui.tr("dossier.share_revenue"), pct(seen.shares.get("revenue")))
m_margin.metric(ui.tr("dossier.share_margin"), pct(seen.shares.get("margin")) if seen.has_margin else "—")
m_state.metric(ui.tr("dossier.churn_state"), ui.tr(f"dossier.state.{churn['state']}"))
status = seen.winback.get("status")
m_status.metric(ui.tr("dossier.winback_status"), ui.tr(f"winback.status.{status}") if status else "—")
if churn["state"] == "lost":
    st.warning(
        ui.tr(
            "dossier.lost_note",
            last=churn["last_purchase"],
            days=churn["days_since"],
            loss=churn["loss_date"],
            value=number(churn["value_before_loss"]),
            reason=reason_label(churn.get("reason"), lang),
        )
    )
elif churn["state"] == "at_risk":
    st.warning(
        ui.tr(
            "dossier.at_risk_note",
            last=churn["last_purchase"],
            days=churn["days_since"],
            gap=ui.number(churn["median_gap_days"]),
            limit=ui.number(churn["risk_threshold_days"]),
        )
    )
elif churn["state"] == "active":
    st.caption(ui.tr("dossier.active_note", last=churn["last_purchase"], days=churn["days_since"]))
else:
    st.info(ui.tr("dossier.no_lines"))

tab_picture, tab_facts, tab_events, tab_people, tab_competitors, tab_history = st.tabs(
    [
        ui.tr("dossier.section.picture"),
        ui.tr("dossier.section.facts"),
        ui.tr("dossier.section.events"),
        ui.tr("dossier.section.people"),
        ui.tr("dossier.section.competitors"),
        ui.tr("dossier.section.history"),
    ]
)

with tab_picture:
    latest = events(store, client_id).head(3)
    if len(latest):
        st.markdown(f"**{ui.tr('dossier.latest_events')}**")
        st.markdown(
            "\n".join(
                f"- {e.event_date} · {e.what} — {word('dossier.outcome', e.outcome)}" + (f" ({e.why})" if e.why else "")
                for e in latest.itertuples(index=False)
            )
        )
    if len(seen.sales):
        st.markdown(f"**{ui.tr('dossier.sales', period=ui.tr(f'common.{period}').lower())}**")
        st.plotly_chart(sales_figure(seen.sales, seen.has_margin), key="dossier_sales_chart", width="stretch")
        st.markdown(f"**{ui.tr('dossier.cells', n=len(seen.cells))}**")
        st.caption(ui.tr("dossier.cells.caption", path=cell_path(seen.cells, lang)))
        st.plotly_chart(
            cells_figure(seen.cells), key="dossier_cells_chart", width="stretch", config={"displayModeBar": False}
        )
    if len(seen.losses):
        st.markdown(f"**{ui.tr('dossier.losses')}**")
        losses = seen.losses.assign(reason=seen.losses["reason"].map(lambda r: reason_label(r, lang)))
        st.dataframe(
            losses.rename(columns=lambda c: ui.tr(f"dossier.col.{c}")),
            hide_index=True,
            width="stretch",
            key="dossier_losses_table",
        )
    if len(seen.reasons):
        st.markdown(f"**{ui.tr('dossier.reasons')}**")
        reasons = seen.reasons.assign(reason=seen.reasons["reason"].map(lambda r: reason_label(r, lang)))
        st.dataframe(
            reasons[["at_date", "reason", "source", "set_by", "set_at"]].rename(
                columns=lambda c: ui.tr(f"dossier.col.{c}")
            ),
            hide_index=True,
            width="stretch",
            key="dossier_reasons_table",
        )

with tab_facts:
    current = facts(store, client_id)
    with st.form("dossier_facts_form"):
        values = {}
        for fact in current.itertuples(index=False):
            values[fact.field] = st.text_area(
                ui.tr(f"dossier.fact.{fact.field}"),
                value=fact.value or "",
                key=f"dossier_fact_{fact.field}",
                height=68 if fact.field == "employees" else 100,
                help=ui.tr(f"dossier.fact.{fact.field}.help"),
            )
            if isinstance(fact.changed_by, str):
                st.caption(ui.tr("dossier.changed", who=fact.changed_by, when=f"{fact.changed_at:%Y-%m-%d %H:%M}"))
        if st.form_submit_button(ui.tr("dossier.save"), type="primary", disabled=not ui.can_edit()):
            try:
                count = set_facts(store, client_id, values, by=ui.actor())
            except KamError as exc:
                ui.show_error(exc)
            else:
                saved(ui.tr("dossier.facts.saved", n=count, who=ui.who()))

with tab_events:
    rows = events(store, client_id)
    shown = rows.assign(outcome=rows["outcome"].map(lambda o: word("dossier.outcome", o)))
    record_section(
        "events",
        rows,
        ["event_date", "what", "outcome", "why", "our_people", "their_people", "changed_by"],
        shown,
    )

with tab_people:
    rows = people(store, client_id)
    shown = rows.assign(
        influence=rows["influence"].map(lambda v: word("dossier.influence", v)),
        attitude=rows["attitude"].map(lambda v: word("dossier.attitude", v)),
        reports_to=rows["reports_to_name"],
    )
    if len(rows):
        st.markdown(f"**{ui.tr('dossier.people.tree')}**")
        st.markdown(
            "\n".join(
                "  " * depth
                + f"- **{person['name']}**"
                + (f", {person['role']}" if isinstance(person["role"], str) else "")
                + (
                    f" · {word('dossier.influence', person['influence'])}"
                    if isinstance(person["influence"], str)
                    else ""
                )
                + (f" · {word('dossier.attitude', person['attitude'])}" if isinstance(person["attitude"], str) else "")
                for depth, person in reporting_tree(rows)
            )
        )
    record_section("people", rows, ["name", "role", "influence", "attitude", "reports_to", "note", "changed_by"], shown)

with tab_competitors:
    rows = competitors(store, client_id)
    record_section("competitors", rows, ["competitor", "offer", "since", "note", "changed_by"], rows)

with tab_history:
    changes = history(store, client_id)
    if changes.empty:
        st.caption(ui.tr("dossier.history.none"))
    else:
        changes["part"] = changes["part"].map(lambda p: ui.tr(f"dossier.section.{p}"))
        changes["action"] = changes["action"].map(lambda a: ui.tr(f"dossier.action.{a}"))
        st.dataframe(
            changes[["changed_at", "changed_by", "part", "action", "summary"]].rename(
                columns=lambda c: ui.tr(f"dossier.col.{c}")
            ),
            hide_index=True,
            width="stretch",
            key="dossier_history_table",
        )
