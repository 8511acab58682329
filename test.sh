#!/usr/bin/env bash
# Runs every test of Livepeer.Orleans on a fresh machine: installs what is missing (PostgreSQL server binaries, ffmpeg),
# starts one throwaway PostgreSQL cluster on a free loopback port for all test projects, runs `dotnet test`, cleans up.
# Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"

log() { printf '[test.sh] %s\n' "$*" >&2; }

require_dotnet() {
  command -v dotnet >/dev/null || { log "dotnet (SDK 10) is required: https://dot.net"; exit 1; }
}

# apt_install, require_ffmpeg
source tools/requirements.sh

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

require_postgres() {
  if [ -z "$(postgres_bin)" ] || [ ! -x "$(postgres_bin)/initdb" ]; then apt_install postgresql-15; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 20000 ))
}

start_postgres() {
  if [ -n "${LIVEPEER_TEST_POSTGRES:-}" ]; then log "using the PostgreSQL server in LIVEPEER_TEST_POSTGRES"; return; fi
  local bin; bin=$(postgres_bin)
  PGROOT=$(mktemp -d /tmp/livepeer-test-pg.XXXXXX)
  PGPORT=$(free_port)
  local as_postgres=()
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGROOT"; as_postgres=(runuser -u postgres --); fi
  "${as_postgres[@]}" "$bin/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  "${as_postgres[@]}" "$bin/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
    -o "-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null
  trap stop_postgres EXIT
  export LIVEPEER_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"
}

stop_postgres() {
  local bin; bin=$(postgres_bin)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$bin/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1 || true
  else "$bin/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$PGROOT"
}

require_dotnet
require_postgres
require_ffmpeg
start_postgres
# npm also installs the chain tests' anvil and solc-js (tests/chain, pinned) into .cache/npm-chain, and the Kubernetes
# schema validators (tests/k8s-schema, pinned) into .cache/npm-k8s, on first use.
require_npm() {
  command -v npm >/dev/null || apt_install nodejs npm
}

require_kubectl() {
  # The deployment tests render the kustomize overlays with `kubectl kustomize` (offline; no cluster is used).
  # Debian's kubernetes-client (1.20) is too old for kustomize components, so it is not installed from apt.
  command -v kubectl >/dev/null || log "WARNING: kubectl (1.27 or later) is missing; the deployment tests will fail: https://kubernetes.io/docs/tasks/tools/"
}

fetch_assets() {
  # Third-party models, vocabularies and reference images the tests use; fetched once into .cache/assets (or LIVEPEER_ASSETS).
  log "fetching test assets (once; kept in ${LIVEPEER_ASSETS:-.cache/assets})"
  dotnet run --project tools/Livepeer.ModelTool -c Release -- fetch all >/dev/null
}

log "building"
dotnet build Livepeer.Orleans.sln -nologo -v quiet
require_npm
require_kubectl
fetch_assets
log "testing"
# One test assembly at a time: each starts in-process Orleans clusters, and the machines have 2 cores.
dotnet test Livepeer.Orleans.sln --no-build -nologo -m:1 "$@"
