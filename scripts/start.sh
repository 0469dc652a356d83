#!/usr/bin/env bash
# Set up (once) and start the dashboard on its embedded default: data/kam.duckdb,
# loaded with the demo export on the first start. Extra arguments go to streamlit.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python -m streamlit run app.py "$@"
