#!/usr/bin/env bash
# The cost of monitoring measured with both sites under load at the same time: one Release build started twice on
# 127.0.0.1 (Monitoring:Enabled=true on one port, false on another), each hit by its own wrk for the same seconds.
# Whatever else runs on the machine slows both alike within a round, so the per-round ratio on/off is far steadier
# than requests per second measured one site after the other (bench/metrics-cost.sh). Both sites share the cores, so
# the ratio reads as "CPU per request, off vs on", not as either site's full-machine throughput. While the round runs,
# the metrics-on site's /metrics is scraped every second.
#
#   bash bench/metrics-cost-concurrent.sh [model.zip]      (default artifacts/risk-model.zip)
#   ROUNDS=6 DURATION=15s CONNECTIONS=8 PORT=5095 bash bench/metrics-cost-concurrent.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

rounds=${ROUNDS:-6}
duration=${DURATION:-15s}
connections=${CONNECTIONS:-8}
port_on=${PORT:-5095}
port_off=$((port_on + 1))
work=$(mktemp -d)
source bench/bench-auth.sh
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

model=$(realpath "${1:-artifacts/risk-model.zip}")
dotnet build RiskFlag.Web -c Release -v quiet -nologo >/dev/null

start_site() {
  local port=$1 enabled=$2
  Monitoring__Enabled=$enabled Model__Path=$model ASPNETCORE_URLS=http://127.0.0.1:$port Logging__LogLevel__Default=Warning \
    Decisions__Database="$work/decisions-$port.db" Auth__Database="$work/identity-$port.db" Auth__KeysDirectory="$work/keys-$port" \
    dotnet RiskFlag.Web/bin/Release/net10.0/RiskFlag.Web.dll --contentRoot "$PWD/RiskFlag.Web" >"$work/site-$port.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && { bench_sign_in "http://127.0.0.1:$port"; tokens[$port]=$RISKFLAG_TOKEN; return; }
    sleep 0.2
  done
  echo "the site on $port did not start:" >&2
  cat "$work/site-$port.log" >&2
  exit 1
}

declare -A tokens
start_site "$port_on" true
start_site "$port_off" false
(while true; do curl -fs -o /dev/null -H "Authorization: Bearer $Auth__MetricsToken" "http://127.0.0.1:$port_on/metrics" || true; sleep 1; done) &
pids+=($!)

# Each site signed its own token: the load on a port sends that site's.
load() { RISKFLAG_TOKEN=${tokens[$2]} wrk -t1 -c"$connections" -d"$1" -s bench/predict.lua "http://127.0.0.1:$2/api/predict"; }
rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }

# Warm-up of both at once: JIT, tiered compilation and the connection pools settle before anything is measured.
load 8s "$port_on" >/dev/null &
warm_on=$!
load 8s "$port_off" >/dev/null &
wait "$warm_on" $!

printf '%-6s %12s %12s %8s\n' round on off on/off
ratios=""
for round in $(seq "$rounds"); do
  load "$duration" "$port_on" >"$work/on.txt" &
  on_pid=$!
  load "$duration" "$port_off" >"$work/off.txt" &
  off_pid=$!
  wait "$on_pid" "$off_pid"
  on=$(rps "$work/on.txt")
  off=$(rps "$work/off.txt")
  ratio=$(awk -v a="$on" -v b="$off" 'BEGIN {printf "%.3f", a / b}')
  printf '%-6s %12s %12s %8s\n' "$round" "$on" "$off" "$ratio"
  ratios+="$ratio "
done

tr ' ' '\n' <<<"$ratios" | grep . | sort -n | awk '{v[NR] = $1} END {
  median = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  printf "median on/off %.3f (%+.1f %% requests/s with metrics on), rounds %.3f–%.3f\n", median, (median - 1) * 100, v[1], v[NR]
}'
