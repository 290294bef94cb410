#!/usr/bin/env bash
# Where the site's CPU goes under /api/predict load with metrics on: the share of perf samples inside monitoring code
# (bench/site-profile.sh samples the site).
#
#   bash bench/metrics-profile.sh [model.zip] [true|false]    (Monitoring:Enabled, default true)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/site-profile.sh
model=$(realpath "${1:-artifacts/risk-model.zip}")

profile_site "$model" Monitoring__Enabled="${2:-true}" Decisions__Enabled=false | charge_samples monitoring \
  'InputDriftMonitor::=drift window (InputDriftMonitor.Observe)' \
  'PrometheusExporterMiddleware|PrometheusCollectionManager|PrometheusSerializer|MetricReader::Collect=collecting /metrics' \
  'OpenTelemetry\.Metrics\.|OpenTelemetry\.Exporter\.=OpenTelemetry SDK aggregation' \
  'RiskFlag\.Web\.Monitoring\.=site instruments' \
  'System\.Diagnostics\.Metrics\.=System.Diagnostics.Metrics dispatch' \
  'HostingMetrics|KestrelMetrics|MetricsTagsFeature=ASP.NET Core and Kestrel metrics'
