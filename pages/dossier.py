"""The client dossier: what the team knows about one client and what the data says, on one page.

Reads the client from the URL (``?client=ID``, which every client list of the
app links to) or from a search by name or id; the computed picture comes from
``core.dossier.picture`` through ``ui.compute`` (the sidebar filters do not
apply: the dossier is about the whole client). Facts, events, people and
competitors are read and written through ``core.dossier`` by the forms of
``pages.records`` — one transaction per save, with who and when — the figures
come from ``pages.charts``, and the one-page brief downloads as Excel in the
page's language.
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from core.dossier import (
    BriefParams,
    DossierParams,
    brief,
    cell_path,
    find_clients,
    known_client,
    picture,
)
from core.errors import KamError
from core.reasons import reason_label
from pages import records, ui
from pages.charts import cells_figure, sales_figure
from pages.records import NOTICE_KEY

number, pct = ui.number, ui.pct


def open_client() -> None:
    picked = st.session_state.get("dossier_pick")
    if picked:
        st.query_params["client"] = picked


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
c_title, c_brief = st.columns([2, 1.3])  # room for the button's whole label
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
in_grid = now is not None and now["in_grid"]
status = seen.winback.get("status")
row = ui.metric_row()
ui.metric(
    row,
    ui.tr("dossier.cell_now"),
    (now["cell"] or ui.tr("dossier.cell.too_new")) if in_grid else ui.tr("dossier.cell.absent"),
)
ui.metric(row, ui.tr("dossier.share_revenue"), pct(seen.shares.get("revenue")))
ui.metric(row, ui.tr("dossier.share_margin"), pct(seen.shares.get("margin")) if seen.has_margin else "—")
ui.metric(row, ui.tr("dossier.churn_state"), ui.tr(f"dossier.state.{churn['state']}"))
ui.metric(row, ui.tr("dossier.winback_status"), ui.tr(f"winback.status.{status}") if status else "—")
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

sections = ("picture", "facts", "events", "people", "competitors", "history")
tab_picture, tab_facts, tab_events, tab_people, tab_competitors, tab_history = st.tabs(
    [ui.tr(f"dossier.section.{section}") for section in sections]
)

with tab_picture:
    records.latest_events(store, client_id)
    if len(seen.sales):
        st.markdown(f"**{ui.tr('dossier.sales', period=ui.tr(f'common.{period}').lower())}**")
        st.plotly_chart(sales_figure(seen.sales, seen.has_margin, lang), key="dossier_sales_chart", width="stretch")
        st.markdown(f"**{ui.tr('dossier.cells', n=len(seen.cells))}**")
        st.caption(ui.tr("dossier.cells.caption", path=cell_path(seen.cells, lang)))
        st.plotly_chart(
            cells_figure(seen.cells, lang), key="dossier_cells_chart", width="stretch", config={"displayModeBar": False}
        )
    records.losses_and_reasons(seen)

with tab_facts:
    records.facts_form(store, client_id)
with tab_events:
    records.events_section(store, client_id)
with tab_people:
    records.people_section(store, client_id)
with tab_competitors:
    records.competitors_section(store, client_id)

with tab_history:
    records.history_table(store, client_id)
