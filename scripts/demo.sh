#!/usr/bin/env bash
# Installs Atelier and opens it on a fictitious centre (folder demo-data/, made on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installer.sh
DONNEES="${ATELIER_DONNEES:-demo-data}"
if [ ! -f "$DONNEES/atelier.json" ]; then
  .venv/bin/atelier --donnees "$DONNEES" demo --echelle petite
fi
# The demo's accounts (storage/demo.py COMPTES), one per role: for the demo only, never for real data.
.venv/bin/python - <<'PY'
from atelier_app.storage.demo import COMPTES

print("Comptes de démonstration (identifiant / mot de passe) :")
for identifiant, role, mot_de_passe in COMPTES:
    print(f"  {identifiant:<10} {mot_de_passe}   ({role.replace('benevole', 'bénévole')})")
PY
exec .venv/bin/atelier --donnees "$DONNEES"
