#!/usr/bin/env bash
# Starts the services the test-suite uses. Called by `make test` before pytest; idempotent.
#
# PostgreSQL: a throwaway cluster on 127.0.0.1 (trust auth, fsync off) whose data lives in
# /tmp/flashpoint-pg-<port>. Its DSN is written to tmp/pg_dsn, where tests/store reads it
# (FLASHPOINT_TEST_PG, when set, wins). On a fresh Debian machine, run as root, it installs
# Debian's `postgresql` package first, and PostGIS (`postgresql-<major>-postgis-3`, for the
# store's `events_geo` view; the store works without it); PostgreSQL refuses to run as root,
# so the cluster runs as the `postgres` user.
#
#   FLASHPOINT_PG_PORT   first port to try (default 55432; the next free one is used)
#   FLASHPOINT_PG_DB     database name (default flashpoint_test)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PORT0="${FLASHPOINT_PG_PORT:-55432}"
DBNAME="${FLASHPOINT_PG_DB:-flashpoint_test}"
DSN_FILE="$ROOT/tmp/pg_dsn"

log() { echo "services: $*" >&2; }
die() { log "$*"; exit 1; }

pg_bindir() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; return; fi
    if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/initdb" ]]; then
        pg_config --bindir; return
    fi
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; fi
}

install_postgres() {
    [[ "$(id -u)" == 0 ]] || die "PostgreSQL is not installed; run 'sudo apt-get install -y postgresql' (or this script as root)"
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and apt-get is missing; install PostgreSQL (initdb, pg_ctl) and rerun"
    log "installing PostgreSQL (apt-get install postgresql)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
}

# PostGIS for the running major version, when it is missing (best effort: without it the
# store simply has no events_geo view, and the PostGIS test says what to install).
install_postgis() {
    local major
    major="$(basename "$(dirname "$BIN")")"
    ls /usr/share/postgresql/"$major"/extension/postgis.control >/dev/null 2>&1 && return
    if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        log "PostGIS is not installed; run 'sudo apt-get install -y postgresql-$major-postgis-3'"
        return
    fi
    log "installing PostGIS (apt-get install postgresql-$major-postgis-3)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq "postgresql-$major-postgis-3" >/dev/null 2>&1 \
        || { apt-get update -qq && apt-get install -y -qq "postgresql-$major-postgis-3" >/dev/null; } \
        || log "could not install postgresql-$major-postgis-3; the PostGIS test will fail"
}

# Run a command as the cluster's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        if command -v runuser >/dev/null 2>&1; then
            runuser -u postgres -- "$@"
        else
            su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
        fi
    else
        "$@"
    fi
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

psql_ok() {
    "$BIN/psql" -X -q -h 127.0.0.1 -p "$1" -U postgres -d postgres -c 'SELECT 1' >/dev/null 2>&1
}

start_cluster() {
    local port="$1" dir="/tmp/flashpoint-pg-$1"
    if [[ ! -f "$dir/PG_VERSION" ]]; then
        log "creating a PostgreSQL cluster in $dir"
        mkdir -p "$dir"
        [[ "$(id -u)" == 0 ]] && chown postgres: "$dir"
        chmod 700 "$dir"
        as_owner "$BIN/initdb" -D "$dir" -U postgres -A trust --encoding=UTF8 --locale=C \
            --no-sync >/dev/null
    fi
    log "starting PostgreSQL on 127.0.0.1:$port"
    as_owner "$BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off \
         -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        >/dev/null || { tail -n 20 "$dir/server.log" >&2 || true; die "PostgreSQL did not start"; }
}

main() {
    BIN="$(pg_bindir)"
    if [[ -z "$BIN" ]]; then
        install_postgres
        BIN="$(pg_bindir)"
        [[ -n "$BIN" ]] || die "PostgreSQL installed but initdb was not found under /usr/lib/postgresql"
    fi
    install_postgis
    local port="$PORT0" found=""
    for _ in $(seq 0 50); do
        if port_busy "$port"; then
            # Ours (its data directory exists) and answering: reuse it.
            if [[ -f "/tmp/flashpoint-pg-$port/PG_VERSION" ]] && psql_ok "$port"; then
                found="$port"; break
            fi
        else
            start_cluster "$port"; found="$port"; break
        fi
        port=$((port + 1))
    done
    [[ -n "$found" ]] || die "no free port from $PORT0 on 127.0.0.1 for PostgreSQL"
    psql_ok "$found" || die "PostgreSQL on 127.0.0.1:$found does not answer; see /tmp/flashpoint-pg-$found/server.log"
    if ! "$BIN/psql" -X -qtA -h 127.0.0.1 -p "$found" -U postgres -d postgres \
        -c "SELECT 1 FROM pg_database WHERE datname = '$DBNAME'" | grep -q 1; then
        "$BIN/psql" -X -q -h 127.0.0.1 -p "$found" -U postgres -d postgres \
            -c "CREATE DATABASE $DBNAME" >/dev/null
    fi
    mkdir -p "$(dirname "$DSN_FILE")"
    echo "postgresql://postgres@127.0.0.1:$found/$DBNAME" >"$DSN_FILE"
    log "PostgreSQL ready: $(cat "$DSN_FILE") (written to tmp/pg_dsn)"
    # Chromium for the dashboard's browser tests (Debian's package; no browser download)
    bash "$ROOT/scripts/install_chromium.sh"
}

main "$@"
