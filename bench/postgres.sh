#!/usr/bin/env bash
# A throwaway PostgreSQL for the benchmarks, on 127.0.0.1 and a free port, in a folder of the caller's.
# Usage: source bench/postgres.sh; start_postgres DIR; ...; stop_postgres
# Exports ConnectionStrings__RiskFlag (the site's and the CLI's shared database); psql_bench runs one query.

pg_bin=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort | tail -1)
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  PG_DIR=$1
  mkdir -p "$PG_DIR"
  if [[ $(id -u) == 0 ]]; then chown postgres:postgres "$PG_DIR"; fi
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_postgres "$pg_bin/initdb" -D "$PG_DIR/data" -A trust -U riskflag --no-sync -E UTF8 >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$PG_DIR/data" -w -t 60 -l "$PG_DIR/server.log" \
    -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR -c max_connections=300" start >/dev/null
  export ConnectionStrings__RiskFlag="Host=127.0.0.1;Port=$PG_PORT;Username=riskflag;Database=postgres"
}

stop_postgres() {
  if [[ -n ${PG_DIR:-} && -f $PG_DIR/data/postmaster.pid ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null || true
  fi
}

psql_bench() { as_postgres psql -h "$PG_DIR" -p "$PG_PORT" -U riskflag -d postgres -Atc "$1"; }

# CPU time (user + system, clock ticks) this server's processes have used so far: the postmaster and its children.
postgres_ticks() {
  local total=0 pid postmaster
  postmaster=$(head -1 "$PG_DIR/data/postmaster.pid")
  for pid in "$postmaster" $(pgrep -P "$postmaster"); do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
