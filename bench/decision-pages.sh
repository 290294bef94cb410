#!/usr/bin/env bash
# The Decisions page's reads on a large log (docs/decisions.md): $ROWS decisions (default 10 M) in SQLite written in
# batches of 500 (a busy site) and of 16 (a quiet one's group commits, merged as they accumulate), then in a throwaway
# PostgreSQL on 127.0.0.1, stopped by pg_ctl at the end. Each prints every kind of page and count with its time and
# allocations, and the time and memory of an export of the whole log.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${ROWS:-10000000}
work=$(mktemp -d)
pg_bin=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort | tail -1)
as_postgres() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_postgres() {
  if [[ -f $work/pg/data/postmaster.pid ]]; then
    as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -m fast -w -t 60 stop >/dev/null || true
  fi
}
trap 'stop_postgres; rm -rf "$work"' EXIT

dotnet build bench/RiskFlag.Benchmarks -c Release -o "$work/bin" >/dev/null
bench() { timeout 1800 dotnet "$work/bin/RiskFlag.Benchmarks.dll" decision-pages "$@"; }

for batch in 500 16; do
  echo "== SQLite, batches of $batch"
  bench "$rows" "$batch" "$work/decisions-$batch.db"
  rm -f "$work/decisions-$batch.db"*
done

if [[ -z $pg_bin ]]; then
  echo "== PostgreSQL: skipped, not installed (scripts/setup.sh installs it)"
  exit 0
fi

echo "== PostgreSQL, batches of 500"
mkdir -p "$work/pg"
chmod 755 "$work"
if [[ $(id -u) == 0 ]]; then chown postgres:postgres "$work/pg"; fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_postgres "$pg_bin/initdb" -D "$work/pg/data" -A trust -U riskflag --no-sync -E UTF8 >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$work/pg/data" -w -t 60 -l "$work/pg/server.log" \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $work/pg -c shared_buffers=1GB -c max_wal_size=8GB" start >/dev/null
bench "$rows" 500 "Host=127.0.0.1;Port=$port;Username=riskflag;Database=postgres;Command Timeout=600"
