#!/usr/bin/env bash
# Set up (once) and run every test: core on fixtures and on ../shared/data/real,
# each page through AppTest, and the browser journeys on Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
exec .venv/bin/python -m pytest -q "$@"
