#!/usr/bin/env bash
# Shadow scoring's cost on /api/predict (docs/outcomes.md): the Release site at 16 connections with a challenger
# (Model:ChallengerPath, every answered applicant scored again in shadow) and without one, alternately, $ROUNDS times
# each, since the machine is shared. Each run with the challenger then counts the shadow decisions the log holds
# against the answered requests (the rest were dropped from a full backlog, as designed). Uses $1 as the champion and
# $2 as the challenger, or trains two small models on synthetic data. SAMPLE_RATE sets Shadow:SampleRate (default: the
# site's own).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/web-server.sh
seconds=${SECONDS_PER_RUN:-15}
rounds=${ROUNDS:-2}
work=$(mktemp -d)
trap 'stop_site; rm -rf "$work" "${WEB_OUT:-}"' EXIT
if [[ -n ${SAMPLE_RATE:-} ]]; then
  export Shadow__SampleRate=$SAMPLE_RATE
fi

train() {
  dotnet run --project RiskFlag.Training -c Release -- generate --rows 20000 --seed "$1" --out "$work/train-$1.csv" >/dev/null
  dotnet run --project RiskFlag.Training -c Release -- train --data "$work/train-$1.csv" --artifacts "$work/artifacts-$1" >/dev/null
  echo "$work/artifacts-$1/risk-model.zip"
}

if [[ -n ${2:-} ]]; then
  champion=$(realpath "$1")
  challenger=$(realpath "$2")
else
  champion=$(train 7)
  challenger=$(train 8)
fi

publish_site

run() {
  local shadow=$1 db="$work/decisions-$2-$1.db"
  if [[ $shadow == on ]]; then
    Model__ChallengerPath="$challenger" Decisions__Database="$db" start_site "$champion"
  else
    Decisions__Database="$db" start_site "$champion"
  fi
  wrk -t"${THREADS:-2}" -c16 -d3s -s bench/predict.lua "$BASE/api/predict" >"$work/warmup.txt"
  local before after
  before=$(site_ticks)
  wrk -t"${THREADS:-2}" -c16 -d"${seconds}s" -s bench/predict.lua "$BASE/api/predict" >"$work/run.txt"
  after=$(site_ticks)
  grep -E "Requests/sec|Latency  |non-2xx|p50" "$work/run.txt" | sed 's/^ */    /'
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" '/ requests in / { printf "    server CPU: %.1f us per request\n", t / hz * 1e6 / $1 }' "$work/run.txt"
  echo "    load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  stop_site
  if [[ $shadow == on ]]; then
    local sent
    sent=$(cat "$work/warmup.txt" "$work/run.txt" | awk '/requests in/ { n += $1 } END { print n }')
    echo "    requests answered: $sent, shadow decisions logged: $(sqlite3 "$db" "SELECT COALESCE(SUM(row_count), 0) FROM decision_facets WHERE channel = 'shadow'")"
  fi
}

for round in $(seq 1 "$rounds"); do
  echo "== round $round: with a challenger in shadow"
  run on "$round"
  echo "== round $round: champion only"
  run off "$round"
done
