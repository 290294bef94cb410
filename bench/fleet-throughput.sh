#!/usr/bin/env bash
# What a fleet costs and gives on this machine: /api/predict with wrk -c16, side by side in one run, each shape warmed
# up and then measured $SECONDS_PER_RUN (15) s, the shapes alternating for $ROUNDS (3) rounds so load from elsewhere
# falls on all of them alike:
#   sqlite-direct     one instance, decision log in SQLite (the single-machine default)
#   pg-direct         one instance, decision log in PostgreSQL (group commit: one round trip and commit per batch)
#   nolog-direct      one instance, decision log off: the ceiling the two above pay for their durability
#   pg-nginx-1        one instance on PostgreSQL behind nginx: what the balancer alone costs
#   pg-nginx-3        three instances on PostgreSQL behind nginx: the fleet
# For each run: requests/s, p50/p99, non-2xx, and the CPU the site(s) and PostgreSQL spent per request. Everything is on
# 127.0.0.1, bounded in time and stopped by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { echo "needs nginx (scripts/setup.sh installs it)" >&2; exit 1; }
seconds=${SECONDS_PER_RUN:-15}
rounds=${ROUNDS:-3}
shapes=${SHAPES:-"sqlite-direct pg-direct nolog-direct pg-nginx-1 pg-nginx-3"}
source bench/web-server.sh
source bench/postgres.sh
source bench/site-instances.sh
work=$(mktemp -d)
chmod 755 "$work"
nginx_pid=
stop_all() {
  for pid in "${site_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  site_pids=()
  if [[ -n $nginx_pid ]]; then kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; fi
  nginx_pid=
}
cleanup() { stop_all; stop_postgres; rm -rf "$work" "${WEB_OUT:-}"; }
trap cleanup EXIT

start_postgres "$work/pg"
shared_database=$ConnectionStrings__RiskFlag
dotnet run --project RiskFlag.Training -c Release -- generate --rows 20000 --seed 7 --out "$work/train.csv" >/dev/null
dotnet run --project RiskFlag.Training -c Release -- train --data "$work/train.csv" --artifacts "$work/artifacts" --tracking "$work/mlruns" >/dev/null
publish_site
bench_auth_dirs "$work/auth"

# start_shape_instance I DATABASE LOGGING: DATABASE is "pg" or "sqlite"; LOGGING true or false.
start_shape_instance() {
  if [[ $2 == pg ]]; then export ConnectionStrings__RiskFlag=$shared_database; else unset ConnectionStrings__RiskFlag; fi
  Decisions__Enabled="$3" start_instance "$1" 5400 "$work/artifacts/risk-model.zip"
}

start_nginx() {
  local upstreams
  upstreams=$(for i in $(seq 1 "$1"); do echo "server 127.0.0.1:$((5400 + i));"; done)
  cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream riskflag { $upstreams keepalive 64; }
  server {
    listen 127.0.0.1:5400;
    location / { proxy_pass http://riskflag; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
  timeout "$SITE_LIMIT" nginx -c "$work/nginx.conf" -g 'daemon off;' &
  nginx_pid=$!
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:5400/health/live" && return; sleep 0.1; done
  echo "nginx did not start:" >&2; cat "$work/nginx-error.log" >&2; return 1
}

# CPU ticks of every site instance (the dotnet under each timeout).
sites_ticks() {
  local total=0 pid child
  for pid in "${site_pids[@]}"; do
    child=$(pgrep -P "$pid" -x dotnet || echo "$pid")
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$child/stat")))
  done
  echo "$total"
}

run_shape() {
  local shape=$1 url instances=1 database=pg logging=true
  case $shape in
    sqlite-direct) database=sqlite ;;
    nolog-direct) database=sqlite logging=false ;;
    pg-nginx-3) instances=3 ;;
  esac
  for i in $(seq 1 "$instances"); do start_shape_instance "$i" "$database" "$logging"; done
  case $shape in
    pg-nginx-*) start_nginx "$instances"; url="http://127.0.0.1:5400" ;;
    *) url="http://127.0.0.1:5401" ;;
  esac
  bench_sign_in "$url"
  wrk -t2 -c16 -d3s -s bench/predict.lua "$url/api/predict" >/dev/null
  local site_before pg_before
  site_before=$(sites_ticks)
  pg_before=$(postgres_ticks)
  wrk -t2 -c16 -d"${seconds}s" -s bench/predict.lua "$url/api/predict" >"$work/wrk.txt"
  local site_after pg_after
  site_after=$(sites_ticks)
  pg_after=$(postgres_ticks)
  stop_all
  awk -v shape="$shape" -v site=$((site_after - site_before)) -v pg=$((pg_after - pg_before)) -v hz="$(getconf CLK_TCK)" '
    / requests in / { requests = $1 }
    /Requests\/sec:/ { rate = $2 }
    /^non-2xx:/ { failed = $2 }
    /^p50 / { p50 = $2; p99 = $5 }
    END { if (requests == 0) { print shape ": no requests answered" > "/dev/stderr"; exit 1 }
          printf "%-14s %9.0f req/s  p50 %6s ms  p99 %6s ms  non-2xx %d  site %5.1f us/req  postgres %5.1f us/req\n",
          shape, rate, p50, p99, failed, site / hz * 1e6 / requests, pg / hz * 1e6 / requests }' "$work/wrk.txt" | tee -a "$work/results.txt"
}

for round in $(seq 1 "$rounds"); do
  echo "round $round (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  for shape in $shapes; do run_shape "$shape"; done
done

echo "median over $rounds rounds:"
for shape in $shapes; do
  grep "^$shape " "$work/results.txt" | awk '{ print $2, $0 }' | sort -n | awk -v n="$rounds" 'NR == int((n + 1) / 2) { $1 = ""; print substr($0, 2) }'
done
