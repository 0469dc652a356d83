"""The frame: page config, access gate, language, shared sidebar, navigation.

Every page is a thin script in ``pages/``; the logic is in ``core``. The access
gate (``ui.access_gate``, rules in ``core.access``) runs before anything of the
data is read. On the first start against an empty database the demo export in
``data/`` is loaded through the same ingest path a person's upload takes (set
``KAM_DEMO=0`` to start empty). The tab icon is a committed file, served by the
app itself, so the page works offline.
"""

from pathlib import Path

import streamlit as st

from pages import ui

ICON = Path(__file__).resolve().parent / "assets" / "icon.png"

st.set_page_config(page_title="Key accounts", page_icon=str(ICON), layout="wide")

ui.access_gate()
ui.load_demo_if_empty()

# The meeting opens on the overview once anything is loaded; on an empty store, on the Data page.
has_data = not ui.store().is_empty()
PAGES = [
    st.Page(
        "pages/overview.py",
        title=ui.tr("nav.overview"),
        icon=":material/dashboard:",
        url_path="overview",
        default=has_data,
    ),
    st.Page(
        "pages/data.py", title=ui.tr("nav.data"), icon=":material/upload_file:", url_path="data", default=not has_data
    ),
    st.Page("pages/grid.py", title=ui.tr("nav.grid"), icon=":material/grid_view:", url_path="grid"),
    st.Page(
        "pages/concentration.py",
        title=ui.tr("nav.concentration"),
        icon=":material/pie_chart:",
        url_path="concentration",
    ),
    st.Page("pages/churn.py", title=ui.tr("nav.churn"), icon=":material/trending_down:", url_path="churn"),
    st.Page("pages/winback.py", title=ui.tr("nav.winback"), icon=":material/call:", url_path="winback"),
    st.Page("pages/dossier.py", title=ui.tr("nav.dossier"), icon=":material/folder_shared:", url_path="dossier"),
    st.Page("pages/prospects.py", title=ui.tr("nav.prospects"), icon=":material/person_search:", url_path="prospects"),
    st.Page("pages/managers.py", title=ui.tr("nav.managers"), icon=":material/groups:", url_path="managers"),
]

page = st.navigation(PAGES)
# Drawn after st.navigation: a URL-bound widget drawn before it loses its value when the page changes.
ui.language_picker()
ui.sidebar_filters()
page.run()
