"""Placeholder until the churn view lands (see its issue)."""

import streamlit as st

st.info("churn: not built yet")
