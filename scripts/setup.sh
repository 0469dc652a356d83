#!/usr/bin/env bash
# Set up a fresh machine: a virtual environment in .venv with the pinned packages.
# With --dev also the test tools and Debian's chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "${1:-}" = "--dev" ]; then
    .venv/bin/python -m pip install --quiet -r requirements-dev.txt
    if ! command -v chromium >/dev/null 2>&1; then
        SUDO=""
        [ "$(id -u)" -eq 0 ] || SUDO="sudo"
        $SUDO apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
    fi
else
    .venv/bin/python -m pip install --quiet -r requirements.txt
fi
