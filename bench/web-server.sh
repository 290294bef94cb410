#!/usr/bin/env bash
# Starts the site in Release (Production settings) on 127.0.0.1:$PORT in the background, bounded in time.
# Usage: source bench/web-server.sh; start_site MODEL_PATH [RELOAD_KEY]; ...; stop_site
# The publish goes to $WEB_OUT (default: a temp folder); the server's PID is in $SITE_PID.

PORT=${PORT:-5180}
BASE="http://127.0.0.1:$PORT"
SITE_LIMIT=${SITE_LIMIT:-900}

publish_site() {
  WEB_OUT=${WEB_OUT:-$(mktemp -d)}
  dotnet publish RiskFlag.Web -c Release -o "$WEB_OUT" >/dev/null
}

start_site() {
  local model=$1 key=${2:-}
  ASPNETCORE_ENVIRONMENT=Production Model__Path="$model" Model__ReloadKey="$key" \
    timeout "$SITE_LIMIT" dotnet "$WEB_OUT/RiskFlag.Web.dll" --urls "$BASE" >"$WEB_OUT/site.log" 2>&1 &
  SITE_PID=$!
  for _ in $(seq 1 100); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "site did not become ready; log:" >&2
  cat "$WEB_OUT/site.log" >&2
  return 1
}

stop_site() {
  [[ -n ${SITE_PID:-} ]] && kill "$SITE_PID" 2>/dev/null && wait "$SITE_PID" 2>/dev/null
  SITE_PID=
}

# Warm up, then measure; prints wrk's summary plus p50/p99 and the non-2xx count.
measure() {
  local seconds=$1 url=$2 script=$3
  wrk -t"${THREADS:-2}" -c16 -d3s -s "$script" "$url" >/dev/null
  wrk -t"${THREADS:-2}" -c16 -d"${seconds}s" -s "$script" "$url"
}
