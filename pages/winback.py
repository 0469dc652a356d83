"""Placeholder until the winback view lands (see its issue)."""

import streamlit as st

st.info("winback: not built yet")
