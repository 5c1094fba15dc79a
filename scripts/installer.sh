#!/usr/bin/env bash
# Installs what Atelier needs on a Debian/Ubuntu machine: system packages (when root or sudo is
# available) and a Python virtual environment in .venv with the pinned dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRA="${1:-}"

paquets=(python3-venv python3-tk xvfb xauth poppler-utils fonts-dejavu-core)
manquants=()
for p in "${paquets[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || manquants+=("$p")
done
if [ ${#manquants[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  echo "Installation des paquets système : ${manquants[*]}"
  $SUDO apt-get update -qq || true
  # python3-venv / python3-tk may not exist for a non-Debian Python: install what can be installed.
  for p in "${manquants[@]}"; do
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$p" >/dev/null 2>&1 || echo "(paquet $p non installé)"
  done
fi

PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
if [ -n "$EXTRA" ]; then
  .venv/bin/python -m pip install -q -e ".[$EXTRA]"
else
  .venv/bin/python -m pip install -q -e .
fi
