#!/usr/bin/env bash
# Where the site's CPU goes under /api/predict load with metrics on: the share of perf samples inside monitoring code
# (bench/site-profile.sh samples the site).
#
#   bash bench/metrics-profile.sh [model.zip] [true|false]    (Monitoring:Enabled, default true)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/site-profile.sh
model=$(realpath "${1:-artifacts/risk-model.zip}")

# One sample is a block of frames, leaf first; it is charged to the first (innermost) monitoring frame it holds.
profile_site "$model" Monitoring__Enabled="${2:-true}" Decisions__Enabled=false | awk '
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
