"""Key-account management: every rule of DOMAIN.md, without a screen.

``core`` never imports Streamlit (a test proves it). Pages and the command line
(``python -m core``) call the same functions here with the same parameter
objects, so a figure has one home.
"""
