#!/usr/bin/env bash
# Installs everything (system packages, .venv with test tools) and runs the whole test suite,
# GUI tests included (under Xvfb, started by pytest-xvfb), then the linter.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installer.sh dev
.venv/bin/python -m pytest -W error::DeprecationWarning:ttkbootstrap "$@"
.venv/bin/ruff check .
