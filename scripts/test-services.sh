#!/usr/bin/env bash
# Throwaway Redis and PostgreSQL on loopback for the tests that need real servers (issue 16).
#
#   scripts/test-services.sh install       # as root: apt-get the servers when absent (Debian)
#   eval "$(scripts/test-services.sh start)"   # starts both, prints the exports for the tests
#   npm test
#   scripts/test-services.sh stop          # stops them and deletes their data
#
# The servers listen on 127.0.0.1 on free ports, keep their data in a temporary folder (no
# persistence, fsync off), and PostgreSQL trusts local connections: for tests only, never production.
set -euo pipefail

STATE_DIR="${TEST_SERVICES_DIR:-${TMPDIR:-/tmp}/alliance-bot-test-services}"

say() { echo "test-services: $*" >&2; }

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" ]]; then echo "$dir"; return; fi
  if command -v initdb >/dev/null; then dirname "$(command -v initdb)"; return; fi
  return 1
}

install_servers() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  pg_bin >/dev/null || missing+=(postgresql)
  if [[ ${#missing[@]} -eq 0 ]]; then say "redis-server and postgresql are installed"; return; fi
  if [[ "$(id -u)" != 0 ]]; then say "missing ${missing[*]}: install them (sudo apt-get install -y ${missing[*]})"; return 1; fi
  say "installing ${missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
}

# A port nothing listens on now (bash's /dev/tcp connects or fails at once on loopback).
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  say "no free port found"; return 1
}

# Runs a command as the unprivileged owner of the PostgreSQL data (initdb refuses root).
as_pg_user() {
  # From the data folder: the caller's folder (a clone under /root) may be closed to that user.
  if [[ "$(id -u)" == 0 ]]; then (cd "$STATE_DIR" && runuser -u "$PG_USER" -- "$@"); else "$@"; fi
}

start_services() {
  stop_services quiet
  mkdir -p "$STATE_DIR"
  command -v redis-server >/dev/null || { say "redis-server is not installed (scripts/test-services.sh install)"; return 1; }
  local bin; bin="$(pg_bin)" || { say "postgresql is not installed (scripts/test-services.sh install)"; return 1; }

  local redis_port; redis_port="$(free_port)"
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$STATE_DIR" --save '' --appendonly no \
    --daemonize yes --pidfile "$STATE_DIR/redis.pid" --logfile "$STATE_DIR/redis.log" >/dev/null
  for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$redis_port" ping >/dev/null || { say "redis did not start: $(tail -n 5 "$STATE_DIR/redis.log")"; return 1; }

  PG_USER="$(id -un)"
  if [[ "$(id -u)" == 0 ]]; then
    PG_USER=postgres
    id -u "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home "$PG_USER"
  fi
  local pg_port; pg_port="$(free_port)"
  local data="$STATE_DIR/pg"
  mkdir -p "$data"
  chmod 755 "$STATE_DIR"
  [[ "$(id -u)" == 0 ]] && chown "$PG_USER" "$data"
  chmod 700 "$data"
  as_pg_user "$bin/initdb" -D "$data" -U postgres -A trust --no-sync -E UTF8 >"$STATE_DIR/initdb.log" 2>&1 \
    || { say "initdb failed: $(tail -n 5 "$STATE_DIR/initdb.log")"; return 1; }
  as_pg_user "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 30 \
    -o "-p $pg_port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { say "postgres did not start: $(tail -n 5 "$data/server.log")"; return 1; }
  echo "$bin" >"$STATE_DIR/pg.bin"
  echo "$PG_USER" >"$STATE_DIR/pg.user"

  cat <<EOF
export TEST_REDIS_URL=redis://127.0.0.1:$redis_port
export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$pg_port/postgres
EOF
  say "redis on 127.0.0.1:$redis_port, postgres on 127.0.0.1:$pg_port (data in $STATE_DIR)"
}

stop_services() {
  [[ -d "$STATE_DIR" ]] || return 0
  if [[ -f "$STATE_DIR/redis.pid" ]]; then kill "$(cat "$STATE_DIR/redis.pid")" 2>/dev/null || true; fi
  if [[ -f "$STATE_DIR/pg.bin" && -d "$STATE_DIR/pg" ]]; then
    PG_USER="$(cat "$STATE_DIR/pg.user")"
    as_pg_user "$(cat "$STATE_DIR/pg.bin")/pg_ctl" -D "$STATE_DIR/pg" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$STATE_DIR"
  [[ "${1:-}" == quiet ]] || say "stopped"
}

case "${1:-}" in
  install) install_servers ;;
  start) start_services ;;
  stop) stop_services ;;
  *) say "usage: $0 install|start|stop"; exit 2 ;;
esac
