"""Placeholder until the Data page lands."""

import streamlit as st

st.info("data: not built yet")
