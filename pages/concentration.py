"""Placeholder until the concentration view lands (see its issue)."""

import streamlit as st

st.info("concentration: not built yet")
