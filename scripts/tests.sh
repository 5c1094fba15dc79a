#!/usr/bin/env bash
# Installs everything (system packages, PostgreSQL for the server tests, .venv with test tools) and
# runs the whole test suite, GUI tests included (under Xvfb, started by pytest-xvfb), then the suite
# again with today's date fixed to the days that break calendars (1st of a month, 31st, 29 February),
# then the type checker and the linter.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installer.sh dev
if [ -f scripts/postgresql.sh ]; then bash scripts/postgresql.sh; fi
PY=.venv/bin/python
$PY -m pytest -W error::DeprecationWarning:ttkbootstrap "$@"
for jour in 2026-12-01 2027-01-31 2028-02-29; do
  echo "== La suite avec la date du jour fixée au $jour"
  ATELIER_DATE_FIXE=$jour $PY -m pytest -W error::DeprecationWarning:ttkbootstrap -p no:cacheprovider \
    -m "not lent" "$@"
done
$PY -m mypy
.venv/bin/ruff check .
