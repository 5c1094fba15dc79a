#!/bin/sh
# Installs the PostgreSQL server from the system's packages when it is missing (Debian/Ubuntu),
# so that the tests of the server store can start their throw-away cluster (tests/pg_grappe.py).
# Called from scripts/tests.sh; safe to run again (does nothing when PostgreSQL is there).
set -eu
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL manque et apt-get n'est pas disponible : installez le paquet « postgresql » de votre système." >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installation de PostgreSQL (paquet postgresql) pour les essais du serveur…" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
# the Debian package starts a cluster of its own; the tests do not use it
if command -v pg_lsclusters >/dev/null 2>&1; then
    pg_lsclusters -h 2>/dev/null | while read -r version nom _reste; do
        $SUDO pg_ctlcluster "$version" "$nom" stop 2>/dev/null || true
    done
fi
