#!/usr/bin/env bash
# Installs Debian's Chromium for the dashboard's browser tests (tests/api/test_dashboard.py).
# Called by scripts/services.sh (and so by `make test`); idempotent and quick when present.
#
# The tests drive /usr/bin/chromium through Playwright's Python package with
# `executable_path`, so no browser is ever downloaded by Playwright itself.
#
#   FLASHPOINT_CHROMIUM   the browser the tests use (default /usr/bin/chromium)
set -euo pipefail

CHROMIUM="${FLASHPOINT_CHROMIUM:-/usr/bin/chromium}"

log() { echo "install_chromium: $*" >&2; }
die() { log "$*"; exit 1; }

if [[ -x "$CHROMIUM" ]]; then
    exit 0
fi
[[ "$(id -u)" == 0 ]] || die "Chromium is missing; run 'sudo apt-get install -y chromium' (or this script as root)"
command -v apt-get >/dev/null 2>&1 || die "Chromium is missing and apt-get is not available; install Chromium and set FLASHPOINT_CHROMIUM to its path"
log "installing Chromium (apt-get install chromium)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
[[ -x "$CHROMIUM" ]] || die "apt-get installed chromium but $CHROMIUM is missing; set FLASHPOINT_CHROMIUM"
log "Chromium ready: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
