#!/usr/bin/env bash
# Decision logging's cost on /api/predict (docs/decisions.md): the Release site at 16 connections with
# Decisions:Enabled=true, then false, alternately, $ROUNDS times each (the machine is shared, so one pair proves
# little). Each "on" run checks afterwards that the log holds one row per 200 answered. Uses $1 as the bundle, or
# trains a small one on synthetic data.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/web-server.sh
seconds=${SECONDS_PER_RUN:-15}
rounds=${ROUNDS:-2}
work=$(mktemp -d)
trap 'stop_site; rm -rf "$work" "${WEB_OUT:-}"' EXIT

if [[ -n ${1:-} ]]; then
  model=$(realpath "$1")
else
  dotnet run --project RiskFlag.Training -c Release -- generate --rows 20000 --seed 7 --out "$work/train.csv" >/dev/null
  dotnet run --project RiskFlag.Training -c Release -- train --data "$work/train.csv" --artifacts "$work/artifacts" >/dev/null
  model="$work/artifacts/risk-model.zip"
fi

publish_site

run() {
  local enabled=$1 db="$work/decisions-$2.db"
  Decisions__Enabled=$enabled Decisions__Database="$db" start_site "$model"
  # The warm-up run's summary is kept too: its requests are logged as well.
  wrk -t"${THREADS:-2}" -c16 -d3s -s bench/predict.lua "$BASE/api/predict" >"$work/warmup.txt"
  local before after
  before=$(site_ticks)
  wrk -t"${THREADS:-2}" -c16 -d"${seconds}s" -s bench/predict.lua "$BASE/api/predict" >"$work/run.txt"
  after=$(site_ticks)
  grep -E "Requests/sec|Latency  |non-2xx|p50" "$work/run.txt" | sed 's/^ */    /'
  # CPU per request moves far less with other load on the machine than requests/s does.
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" '/ requests in / { printf "    server CPU: %.1f us per request\n", t / hz * 1e6 / $1 }' "$work/run.txt"
  echo "    load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_site
  if [[ $enabled == true ]]; then
    # The stop above (SIGTERM, a clean shutdown) flushed the queue: one row per answered request of both runs.
    local sent
    sent=$(cat "$work/warmup.txt" "$work/run.txt" | awk '/requests in/ { n += $1 } END { print n }')
    echo "    requests answered: $sent, decisions logged: $(sqlite3 "$db" 'SELECT COALESCE(SUM(row_count), 0) FROM decision_segments'), $(grep -o '[0-9]* dropped' "$WEB_OUT/site.log" | tail -1 || echo 'dropped: ?')"
  fi
}

for round in $(seq 1 "$rounds"); do
  echo "== round $round: logging on"
  run true "$round"
  echo "== round $round: logging off"
  run false "$round"
done
