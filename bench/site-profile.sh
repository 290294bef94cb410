#!/usr/bin/env bash
# Samples the site's CPU under /api/predict load with perf and prints the samples' stacks (`perf script -F ip,sym,dso`:
# one block of frames per sample, leaf first, blocks separated by blank lines) for a caller to classify.
# A share of one process's samples barely moves when other work shares the machine; requests per second do.
#
#   source bench/site-profile.sh; profile_site MODEL.zip [VAR=value ...] > stacks.txt
# The VAR=value pairs configure the site (e.g. Monitoring__Enabled=false). Needs perf (linux-perf) and wrk; runs
# wrk -t2 -c16 on 127.0.0.1 and scrapes /metrics every second, as Prometheus would.
profile_site() {
  local model=$1
  shift
  local port=${PORT:-5092} work site_pid scraper_pid wrk_pid
  local url="http://127.0.0.1:$port"
  work=$(mktemp -d)
  source bench/bench-auth.sh
  bench_auth_dirs "$work"
  dotnet build RiskFlag.Web -c Release -v quiet -nologo >/dev/null
  # perf maps for JIT-compiled code: no ReadyToRun code (which perf cannot name) and no W^X double mapping.
  env DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 DOTNET_ReadyToRun=0 \
    Model__Path="$model" ASPNETCORE_URLS="$url" Logging__LogLevel__Default=Warning Decisions__Database="$work/decisions.db" "$@" \
    timeout 300 dotnet RiskFlag.Web/bin/Release/net10.0/RiskFlag.Web.dll --contentRoot "$PWD/RiskFlag.Web" >"$work/site.log" 2>&1 &
  site_pid=$!
  for _ in $(seq 100); do curl -fs "$url/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  bench_sign_in "$url"
  # Its output goes nowhere: a scraper holding the caller's pipe open would keep the reader waiting for ever.
  timeout 120 bash -c "while true; do curl -fs -o /dev/null -H 'Authorization: Bearer $Auth__MetricsToken' '$url/metrics'; sleep 1; done" >/dev/null 2>&1 &
  scraper_pid=$!

  wrk -t2 -c16 -d8s -s bench/predict.lua "$url/api/predict" >/dev/null
  wrk -t2 -c16 -d12s -s bench/predict.lua "$url/api/predict" >"$work/wrk.txt" &
  wrk_pid=$!
  sleep 1
  perf record -e cpu-clock -F 999 -g -p "$(pgrep -P "$site_pid" -x dotnet || echo "$site_pid")" -o "$work/perf.data" -- sleep 9 >/dev/null 2>&1
  wait "$wrk_pid"
  grep Requests/sec "$work/wrk.txt" >&2

  kill "$scraper_pid" 2>/dev/null || true
  perf script -i "$work/perf.data" -F ip,sym,dso 2>/dev/null
  if kill "$site_pid" 2>/dev/null; then wait "$site_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}

# Reads profile_site's stacks on stdin and prints the share of samples charged to each category, and their total.
# A sample is charged to the first (innermost) frame that matches a rule. $1 names the total; each further
# argument is a rule "awk-regex=category" (the regex may not contain "=").
charge_samples() {
  local total_name=$1 rules
  shift
  rules=$(printf '%s\n' "$@")
  # Through the environment, not -v: awk would read the rules' backslashes as string escapes.
  RULES=$rules TOTAL_NAME=$total_name awk '
    BEGIN { n = split(ENVIRON["RULES"], lines, "\n"); for (i = 1; i <= n; i++) if (lines[i] != "") { k++; split(lines[i], part, "="); re[k] = part[1]; name[k] = part[2] } }
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
      for (i = 1; hit == "" && i <= k; i++) if ($0 ~ re[i]) hit = name[i]
    }
    END {
      flush()
      printf "%d samples; scoring (RiskScorer.Score) %.1f %%\n", total, scored * 100 / total
      for (c in share) { printf "  %-40s %5.2f %%\n", c, share[c] * 100 / total; all += share[c] }
      printf "%s in all: %.2f %% of the site'"'"'s CPU samples\n", ENVIRON["TOTAL_NAME"], all * 100 / total
    }'
}
