#!/usr/bin/env bash
# The site's throughput numbers for docs/web-performance.md: /health/live, /api/predict and the form POST at 16
# connections, and a 50,400-row batch upload. Needs a trained bundle (artifacts/risk-model.zip, or $1).
# Everything runs on 127.0.0.1; wrk shares the machine's cores with the server, as it would here in any case.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/web-server.sh
model=$(realpath "${1:-artifacts/risk-model.zip}")
seconds=${SECONDS_PER_RUN:-15}
work=$(mktemp -d)
trap 'stop_site; rm -rf "$work" "${WEB_OUT:-}"' EXIT

publish_site
start_site "$model"

echo "== /health/live"
measure "$seconds" "$BASE/health/live" bench/latency.lua
echo "== /api/predict"
measure "$seconds" "$BASE/api/predict" bench/predict.lua

echo "== form POST /"
# The form takes the bearer token too (form.lua sends it), so one antiforgery token serves the whole run.
auth=(-H "Authorization: Bearer $RISKFLAG_TOKEN")
curl -s "${auth[@]}" -c "$work/cookies" "$BASE/" >"$work/form.html"
export FORM_TOKEN FORM_COOKIE
FORM_TOKEN=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/form.html" | sed 's/.*value="//; s/"$//')
FORM_COOKIE=$(awk '$6 ~ /Antiforgery/ { print $6 "=" $7 }' "$work/cookies")
body="income=1303834&age=23&experience=3&current_job_yrs=3&current_house_yrs=13&city=Rewa&state=Madhya+Pradesh&married=single&house_ownership=rented&car_ownership=no&profession=Mechanical+engineer&__RequestVerificationToken=$FORM_TOKEN"
curl -s "${auth[@]}" -H "Cookie: $FORM_COOKIE" --data "$body" "$BASE/" >"$work/result.html"
grep -q "RISK FLAG:" "$work/result.html" || { echo "the form POST does not produce a result" >&2; exit 1; }
measure "$seconds" "$BASE/" bench/form.lua

echo "== batch: 50,400 rows"
dotnet run --project RiskFlag.Training -c Release -- generate --rows 50400 --seed 7 --out "$work/batch.csv" >/dev/null
ls -l "$work/batch.csv" | awk '{ printf "input: %.1f MB\n", $5 / 1048576 }'
for run in 1 2 3 4 5; do
  curl -s -o "$work/scored.csv" -D "$work/headers" -w "run $run: HTTP %{http_code}, total %{time_total} s (upload+score+download over loopback)\n" \
    "${auth[@]}" -H "Content-Type: text/csv" --data-binary @"$work/batch.csv" "$BASE/api/predict/batch"
  grep -i -E "^(server-timing|x-riskflag-rows-scored)" "$work/headers" | tr -d '\r' | sed 's/^/    /'
done
echo "scored file: $(($(wc -l <"$work/scored.csv") - 1)) rows"
