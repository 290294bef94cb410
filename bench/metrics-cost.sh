#!/usr/bin/env bash
# What monitoring costs on the hot path: POST /api/predict throughput and latency of one Release build with
# Monitoring:Enabled=true and =false, same model, wrk with 16 connections on 127.0.0.1. On and off alternate for
# several rounds, in the order on-off, off-on, on-off, ..., so a drift in machine load hits both alike; the median of
# the rounds is the result. While metrics are on, /metrics is scraped every second (Prometheus scrapes every 15 s), so
# the collection cost is in the numbers too. Besides throughput, the site's CPU time per request is reported (from
# /proc): on a shared machine it is far steadier than requests per second.
#
#   bash bench/metrics-cost.sh [model.zip]     (default artifacts/risk-model.zip; trained from generated data if missing)
#   ROUNDS=3 DURATION=20s CONNECTIONS=16 THREADS=2 PORT=5091 bash bench/metrics-cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rounds=${ROUNDS:-6}
duration=${DURATION:-20s}
connections=${CONNECTIONS:-16}
threads=${THREADS:-2}
port=${PORT:-5091}
url="http://127.0.0.1:$port"
work=$(mktemp -d)
source bench/bench-auth.sh
bench_auth_dirs "$work"
site_pid=""
scraper_pid=""

cleanup() {
  [[ -n $scraper_pid ]] && kill "$scraper_pid" 2>/dev/null || true
  [[ -n $site_pid ]] && kill "$site_pid" 2>/dev/null && wait "$site_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build RiskFlag.sln -c Release -v quiet -nologo >/dev/null

model=${1:-artifacts/risk-model.zip}
if [[ ! -f $model ]]; then
  echo "no model at $model: training one on 50,000 generated rows"
  train=(dotnet RiskFlag.Training/bin/Release/net10.0/riskflag-train.dll)
  "${train[@]}" generate --rows 50000 --seed 42 --out "$work/applicants.csv" >/dev/null
  "${train[@]}" train --data "$work/applicants.csv" --artifacts "$work/artifacts" >/dev/null
  model=$work/artifacts/risk-model.zip
fi
model=$(realpath "$model")

start_site() {
  Monitoring__Enabled=$1 Model__Path=$model ASPNETCORE_URLS=$url Logging__LogLevel__Default=Warning \
    Decisions__Database="$work/decisions.db" dotnet RiskFlag.Web/bin/Release/net10.0/RiskFlag.Web.dll --contentRoot "$PWD/RiskFlag.Web" >"$work/site.log" 2>&1 &
  site_pid=$!
  for _ in $(seq 100); do
    curl -fs "$url/health/ready" >/dev/null 2>&1 && { bench_sign_in "$url"; return; }
    sleep 0.2
  done
  echo "the site did not start:" >&2
  cat "$work/site.log" >&2
  exit 1
}

stop_site() {
  kill "$site_pid"
  wait "$site_pid" 2>/dev/null || true
  site_pid=""
}

cpu_ticks() {
  if [[ ! -r /proc/$site_pid/stat ]]; then
    echo "the site (pid $site_pid) is gone:" >&2
    cat "$work/site.log" >&2
    exit 1
  fi
  awk '{print $14 + $15}' "/proc/$site_pid/stat"
}
ticks_per_second=$(getconf CLK_TCK)

declare -A results=([on]="" [off]="") cpu=([on]="" [off]="")
printf '%-6s %-4s %12s %10s %10s %8s %14s\n' round mode requests/s p50 p99 non-2xx "cpu µs/req"
for round in $(seq "$rounds"); do
  order=$( ((round % 2)) && echo "on off" || echo "off on")
  for mode in $order; do
    enabled=$([[ $mode == on ]] && echo true || echo false)
    start_site "$enabled"
    if [[ $mode == on ]]; then
      (while true; do curl -fs -o /dev/null -H "Authorization: Bearer $Auth__MetricsToken" "$url/metrics" || true; sleep 1; done) &
      scraper_pid=$!
    fi

    # Warm-up: JIT, tiered compilation and the connection pool settle before anything is measured.
    wrk -t"$threads" -c"$connections" -d5s -s bench/predict.lua "$url/api/predict" >/dev/null
    before=$(cpu_ticks)
    out=$(wrk -t"$threads" -c"$connections" -d"$duration" -s bench/predict.lua "$url/api/predict")
    after=$(cpu_ticks)

    if [[ -n $scraper_pid ]]; then
      kill "$scraper_pid" 2>/dev/null || true
      wait "$scraper_pid" 2>/dev/null || true
      scraper_pid=""
    fi
    stop_site

    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p50=$(sed -nE 's/^p50 ([0-9.]+) ms, p99 ([0-9.]+) ms$/\1/p' <<<"$out")
    p99=$(sed -nE 's/^p50 ([0-9.]+) ms, p99 ([0-9.]+) ms$/\2/p' <<<"$out")
    errors=$(awk '/^non-2xx:/ {print $2}' <<<"$out")
    requests=$(awk '/requests in/ {print $1}' <<<"$out")
    per_request=$(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v n="$requests" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
    printf '%-6s %-4s %12s %8s ms %7s ms %8s %14s\n' "$round" "$mode" "$rps" "$p50" "$p99" "$errors" "$per_request"
    results[$mode]+="$rps "
    cpu[$mode]+="$per_request "
  done
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{v[NR] = $1} END {printf "%.0f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
# The spread of the rounds: on a shared machine a difference smaller than it is noise.
spread() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{v[NR] = $1} END {printf "%.0f–%.0f", v[1], v[NR]}'; }
on=$(median "${results[on]}")
off=$(median "${results[off]}")
echo "median requests/s: metrics on $on (rounds $(spread "${results[on]}")), off $off (rounds $(spread "${results[off]}")) ($(awk -v a="$on" -v b="$off" 'BEGIN {printf "%+.1f", (a - b) * 100 / b}') % with metrics on)"
median1() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{v[NR] = $1} END {printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
on=$(median1 "${cpu[on]}")
off=$(median1 "${cpu[off]}")
echo "median site CPU per request: metrics on $on µs, off $off µs ($(awk -v a="$on" -v b="$off" 'BEGIN {printf "%+.1f", (a - b) * 100 / b}') % with metrics on)"
