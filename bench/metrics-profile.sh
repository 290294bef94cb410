#!/usr/bin/env bash
# Where the site's CPU goes under /api/predict load with metrics on: samples the process with perf (software clock,
# so it works in VMs without hardware counters) and reports the share of samples inside monitoring code. Unlike
# requests per second, a share of the same process's samples does not move when other work shares the machine.
#
#   bash bench/metrics-profile.sh [model.zip] [true|false]    (Monitoring:Enabled, default true)
# Needs perf (Debian package linux-perf) and wrk; runs wrk -t2 -c16 on 127.0.0.1 and scrapes /metrics every second.
set -euo pipefail
cd "$(dirname "$0")/.."
model=$(realpath "${1:-artifacts/risk-model.zip}")
enabled=${2:-true}
port=${PORT:-5092}
url="http://127.0.0.1:$port"
work=$(mktemp -d)
site_pid=""
scraper_pid=""
cleanup() {
  [[ -n $scraper_pid ]] && kill "$scraper_pid" 2>/dev/null || true
  [[ -n $site_pid ]] && kill "$site_pid" 2>/dev/null && wait "$site_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build RiskFlag.Web -c Release -v quiet -nologo >/dev/null
# perf maps for JIT-compiled code: no ReadyToRun code (which perf cannot name) and no W^X double mapping.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0 \
  Monitoring__Enabled=$enabled Model__Path=$model ASPNETCORE_URLS=$url Logging__LogLevel__Default=Warning \
  dotnet RiskFlag.Web/bin/Release/net10.0/RiskFlag.Web.dll >"$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 100); do curl -fs "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
(while true; do curl -fs -o /dev/null "$url/metrics" || true; sleep 1; done) &
scraper_pid=$!

wrk -t2 -c16 -d8s -s bench/predict.lua "$url/api/predict" >/dev/null
wrk -t2 -c16 -d12s -s bench/predict.lua "$url/api/predict" >"$work/wrk.txt" &
wrk_pid=$!
sleep 1
perf record -e cpu-clock -F 999 -g -p "$site_pid" -o "$work/perf.data" -- sleep 9 >/dev/null 2>&1
wait "$wrk_pid"
grep Requests/sec "$work/wrk.txt"

# One sample is a block of frames, leaf first; it is charged to the first (innermost) monitoring frame it holds.
perf script -i "$work/perf.data" -F ip,sym 2>/dev/null | awk '
  function flush() {
    if (!open) return
    total++
    if (hit != "") share[hit]++
    if (scoring) scored++
    open = 0; hit = ""; scoring = 0
  }
  /^$/ { flush(); next }
  {
    open = 1
    if ($0 ~ /RiskScorer::Score/) scoring = 1
    if (hit != "") next
    if ($0 ~ /InputDriftMonitor::/) hit = "drift window (InputDriftMonitor.Observe)"
    else if ($0 ~ /PrometheusCollector::Collect|MetricsEndpoint::|PrometheusTextWriter/) hit = "collecting /metrics"
    else if ($0 ~ /RiskFlag\.Web\.Monitoring\./) hit = "exporter and site instruments"
    else if ($0 ~ /System\.Diagnostics\.Metrics\./) hit = "System.Diagnostics.Metrics dispatch"
    else if ($0 ~ /HostingMetrics|KestrelMetrics|MetricsTagsFeature/) hit = "ASP.NET Core and Kestrel metrics"
  }
  END {
    flush()
    printf "%d samples; scoring (RiskScorer.Score) %.1f %%\n", total, scored * 100 / total
    for (name in share) { printf "  %-40s %5.2f %%\n", name, share[name] * 100 / total; all += share[name] }
    printf "monitoring in all: %.2f %% of the site'"'"'s CPU samples\n", all * 100 / total
  }'
