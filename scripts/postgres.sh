#!/usr/bin/env bash
# Throwaway PostgreSQL server for tests and benchmarks. Source this file, then:
#   pg_start   starts a server on a random free port (temp data dir, trust auth, fsync off) and
#              exports PATHWAY_TEST_PG, a connection string without a database name
#   pg_stop    stops it and removes its data dir (safe to call twice; test.sh traps it on exit)
# initdb refuses to run as root, so as root the server runs as the postgres user.

pg_bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

pg_as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local bin
  bin=$(pg_bin_dir) || { echo "PostgreSQL server binaries not found (install: postgresql)" >&2; return 1; }
  PG_DATA_DIR=$(mktemp -d /tmp/pathway-pg.XXXXXX)
  [ "$(id -u)" = "0" ] && chown postgres:postgres "$PG_DATA_DIR"
  PG_PORT=$(pg_free_port)
  pg_as_owner "$bin/initdb" -D "$PG_DATA_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DATA_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DATA_DIR/initdb.log" >&2; return 1; }
  pg_as_owner "$bin/pg_ctl" -D "$PG_DATA_DIR/data" -l "$PG_DATA_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DATA_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$PG_DATA_DIR/server.log" >&2; return 1; }
  export PG_DATA_DIR PG_PORT
  export PATHWAY_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Pooling=true"
  PG_BIN="$bin"
  export PG_BIN
}

pg_stop() {
  [ -n "${PG_DATA_DIR:-}" ] && [ -d "$PG_DATA_DIR/data" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DATA_DIR"
  unset PG_DATA_DIR
}
