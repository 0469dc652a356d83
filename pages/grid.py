"""Placeholder until the grid view lands (see its issue)."""

import streamlit as st

st.info("grid: not built yet")
