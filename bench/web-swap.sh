#!/usr/bin/env bash
# A 30 s load run on /api/predict during which the model is swapped four times: twice by an atomic rename
# into place (picked up by the file watcher) and twice through POST /api/model/reload. Passes when wrk
# saw no non-2xx answer and no socket error. Needs two bundles: $1 and $2 (trained from different data).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/web-server.sh
first=$(realpath "$1")
second=$(realpath "$2")
work=$(mktemp -d)
trap 'stop_site; rm -rf "$work" "${WEB_OUT:-}"' EXIT

cp "$first" "$work/risk-model.zip"
publish_site
start_site "$work/risk-model.zip"

swap() { # atomic replace: copy beside, then rename over
  cp "$1" "$work/.incoming.tmp" && mv -f "$work/.incoming.tmp" "$work/risk-model.zip"
}
auth=(-H "Authorization: Bearer $RISKFLAG_TOKEN")
version() { curl -s "${auth[@]}" "$BASE/api/model" | grep -o '"version":"[^"]*"'; }

wrk -t"${THREADS:-2}" -c16 -d30s -s bench/predict.lua "$BASE/api/predict" >"$work/wrk.txt" &
wrk_pid=$!
sleep 5;  swap "$second";  sleep 1; echo "t=6s   watcher swap  -> $(version)"
sleep 5;  swap "$first";   sleep 1; echo "t=12s  watcher swap  -> $(version)"
sleep 5;  swap "$second";  curl -s -X POST "${auth[@]}" "$BASE/api/model/reload"; echo; echo "t=17s  endpoint swap -> $(version)"
sleep 5;  swap "$first";   curl -s -X POST "${auth[@]}" "$BASE/api/model/reload"; echo; echo "t=22s  endpoint swap -> $(version)"
wait "$wrk_pid"
cat "$work/wrk.txt"
echo "reload history:"
curl -s "${auth[@]}" "$BASE/Model" | grep -o 'outcome-[a-z]*' | sort | uniq -c
if grep -q "Socket errors" "$work/wrk.txt" || ! grep -q "non-2xx: 0" "$work/wrk.txt"; then
  echo "FAILED: some requests failed during the swaps"
  exit 1
fi
echo "OK: zero failed requests across the swaps"
