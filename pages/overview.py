"""Overview: the headline of every view on one screen, the meeting's first page once data is loaded.

Controls → ``core.overview`` (cached) → draw. Every card links to its page with
the same sidebar filters (and basis) in the URL.
"""

import streamlit as st

from core.errors import KamError
from core.overview import OverviewParams, overview
from core.winback import STATUSES
from pages import ui

# The URL keys a link carries to the page it opens: the language and the shared sidebar filters.
# Opened in a new tab, the link's own address has them; followed in this session, the URL-bound sidebar
# widgets put them back too, so the address bar shows them twice (harmless: a repeated value reads once).
CARRIED = ("lang", "f_dates", "f_region", "f_manager", "f_segment", "f_kind")

ui.require_data()
st.title(ui.tr("overview.title"))

basis = ui.basis_control(st.columns([1, 4])[0], "overview_basis")
try:
    result = ui.compute(overview, OverviewParams(filters=ui.filters(), basis=basis))
except KamError as exc:
    ui.show_error(exc)
    st.stop()

st.caption(ui.tr("overview.caption", as_of=result.as_of.isoformat(), start=result.window_start.isoformat()))


def open_link(place, page: str) -> None:
    """A link to ``pages/<page>.py`` with this page's filters, and the basis when it is not the default."""
    carried = {key: st.query_params.get_all(key) for key in CARRIED if key in st.query_params}
    if basis != "revenue" and page != "data":
        carried[f"{page}_basis"] = [basis]
    place.page_link(
        f"pages/{page}.py",
        label=ui.tr("overview.open"),
        icon=":material/arrow_forward:",
        query_params=carried,
    )


def card(column, nav_key: str):
    box = column.container(border=True)
    box.subheader(ui.tr(nav_key))
    return box


top_left, top_middle, top_right = st.columns(3)
bottom_left, bottom_middle, bottom_right = st.columns(3)

# -- key clients (concentration) ------------------------------------------------------------
box = card(top_left, "nav.concentration")
ui.metric(box, ui.tr("overview.key.metric"), result.key_clients)
box.markdown(
    ui.tr(
        f"overview.key.{result.band_reading}",
        share=ui.pct(result.key_share),
        basis_of=ui.tr(f"concentration.basis_of.{basis}"),
        band=ui.number(100 * result.band[0]) + "–" + ui.pct(result.band[1], 0),
    )
)
box.caption(ui.tr("overview.key.of", clients=ui.number(result.clients)))
open_link(box, "concentration")

# -- the nine cells (grid) -------------------------------------------------------------------
box = card(top_middle, "nav.grid")
box.metric(ui.tr("overview.grid.a_share"), ui.pct(result.a_share), help=ui.tr("overview.grid.a_share_help"))
rows = ["| | X | Y | Z |", "|:-:|:-:|:-:|:-:|"]
for abc in "ABC":
    rows.append(f"| **{abc}** | " + " | ".join(ui.number(result.cells[abc + xyz]) for xyz in "XYZ") + " |")
box.markdown("\n".join(rows))
box.caption(ui.tr("overview.grid.cells", new=ui.number(result.too_new)))
open_link(box, "grid")

# -- churn -----------------------------------------------------------------------------------
box = card(top_right, "nav.churn")
if result.period is None:
    box.info(ui.tr("overview.churn.none"))
else:
    ui.metric(box, ui.tr("overview.churn.lost_in", period=result.period), result.lost_in_period)
    box.markdown(ui.tr(f"overview.churn.{result.trend}"))
box.markdown(
    f"{ui.tr('churn.lost_now')}: **{ui.number(result.lost_now)}**  \n"
    f"{ui.tr('churn.at_risk_now')}: **{ui.number(result.at_risk)}**"
)
open_link(box, "churn")

# -- win-back pipeline -----------------------------------------------------------------------
box = card(bottom_left, "nav.winback")
box.caption(ui.tr("overview.winback.caption"))
box.markdown(
    "\n".join(f"- {ui.tr(f'winback.status.{status}')}: **{ui.number(result.pipeline[status])}**" for status in STATUSES)
)
open_link(box, "winback")

# -- managers --------------------------------------------------------------------------------
box = card(bottom_middle, "nav.managers")
if result.riskiest_manager:
    box.markdown(
        ui.tr("overview.managers.riskiest", manager=result.riskiest_manager, n=ui.number(result.riskiest_at_risk))
    )
else:
    box.markdown(ui.tr("overview.managers.none"))
open_link(box, "managers")

# -- the data behind it ----------------------------------------------------------------------
box = card(bottom_right, "nav.data")
first, last = ui.filter_options()["dates"]
ui.metric(box, ui.tr("overview.data.metric"), ui.store().scalar("SELECT count(*) FROM clients"))
box.caption(ui.tr("overview.data.range", first=f"{first:%Y-%m-%d}", last=f"{last:%Y-%m-%d}"))
open_link(box, "data")
