#!/usr/bin/env bash
# Installs Atelier and opens it on a fictitious centre (folder demo-data/, made on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installer.sh
DONNEES="${ATELIER_DONNEES:-demo-data}"
if [ ! -f "$DONNEES/atelier.json" ]; then
  .venv/bin/atelier --donnees "$DONNEES" demo --echelle petite
fi
exec .venv/bin/atelier --donnees "$DONNEES"
