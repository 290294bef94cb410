#!/usr/bin/env bash
# The Decisions page and its CSV export over HTTP on a 10 M-decision log (docs/decisions.md): the Release site
# on 127.0.0.1 with Decisions:Database pointing at a SQLite log that RiskFlag.Benchmarks decision-pages generates
# ($ROWS decisions over 100 days from 2026-06-01, in batches of $BATCH), then each kind of page $REPEATS times
# with curl, signed in as the benchmark's administrator: time per request and the site's resident memory before
# and after; then the export of the whole log, its time and the site's peak resident memory while it streams.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/web-server.sh
rows=${ROWS:-10000000}
batch=${BATCH:-500}
repeats=${REPEATS:-5}
work=$(mktemp -d)
trap 'stop_site; rm -rf "$work" "${WEB_OUT:-}"' EXIT

dotnet build bench/RiskFlag.Benchmarks -c Release -o "$work/bench" >/dev/null
dotnet "$work/bench/RiskFlag.Benchmarks.dll" decision-pages "$rows" "$batch" "$work/decisions.db" >"$work/store.txt"
head -1 "$work/store.txt"
dotnet run --project RiskFlag.Training -c Release -- generate --rows 20000 --seed 7 --out "$work/train.csv" >/dev/null
dotnet run --project RiskFlag.Training -c Release -- train --data "$work/train.csv" --artifacts "$work/artifacts" >/dev/null

publish_site
Decisions__Database="$work/decisions.db" Decisions__RetentionDays=0 start_site "$work/artifacts/risk-model.zip"
rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$(pgrep -P "$SITE_PID" -x dotnet || echo "$SITE_PID")/status"; }
get() { curl -fsS -o "$2" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $RISKFLAG_TOKEN" "$BASE$1"; }

# 50 days into the log, as a cursor: everything decided before 2026-07-21T00:00Z.
deep="before=$(date -u -d 2026-07-21 +%s)000_9223372036854775807_2147483647"
printf '%-44s %8s %10s %10s %s\n' request status "ms (min" "max)" "RSS MB before -> after"
for path in "/Decisions" "/Decisions?$deep" "/Decisions?after=$(date -u -d 2026-07-21 +%s)000_0_0" \
  "/Decisions?flag=1" "/Decisions?flag=1&$deep" "/Decisions?model=20260520-101500-a1b2c3d4" "/Decisions?model=no-such-model" \
  "/Decisions?channel=form" "/Decisions?from=2026-07-20&to=2026-07-20" "/Decisions?to=9999-12-31" "/Decisions?before=not-a-cursor"; do
  before=$(rss)
  times=()
  for _ in $(seq 1 "$repeats"); do
    read -r status seconds < <(get "$path" "$work/page.html")
    times+=("$seconds")
  done
  printf '%-44s %8s %s %s -> %s\n' "${path:0:44}" "$status" \
    "$(printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 * 1000 } END { printf "%10.1f %10.1f", t[1], t[NR] }')" "$before" "$(rss)"
done

before=$(rss)
peak=$before
get "/decisions/export.csv" "$work/export.csv" >"$work/export.txt" &
export_pid=$!
while kill -0 "$export_pid" 2>/dev/null; do
  peak=$(( $(rss) > peak ? $(rss) : peak ))
  sleep 0.2
done
wait "$export_pid"
read -r status seconds <"$work/export.txt"
echo "export: status $status, $(($(wc -l <"$work/export.csv") - 1)) rows, $(du -m "$work/export.csv" | cut -f1) MB in ${seconds} s; site RSS $before MB before, peak $peak MB"
