#!/usr/bin/env bash
# Starts the site in Release (Production settings) on 127.0.0.1:$PORT in the background, bounded in time.
# Usage: source bench/web-server.sh; start_site MODEL_PATH; ...; stop_site (start_site signs in: $RISKFLAG_TOKEN)
# The publish goes to $WEB_OUT (default: a temp folder); the server's PID is in $SITE_PID. The content root is the
# publish folder, as in the container, so the shipped appsettings.json (log levels included) and wwwroot apply.

PORT=${PORT:-5180}
BASE="http://127.0.0.1:$PORT"
SITE_LIMIT=${SITE_LIMIT:-900}
source bench/bench-auth.sh

publish_site() {
  WEB_OUT=${WEB_OUT:-$(mktemp -d)}
  dotnet publish RiskFlag.Web -c Release -o "$WEB_OUT" >/dev/null
}

start_site() {
  local model=$1
  # The decision log and the users go with the publish (a temp folder), never into the checkout.
  bench_auth_dirs "$WEB_OUT"
  ASPNETCORE_ENVIRONMENT=Production Model__Path="$model" \
    Decisions__Database="${Decisions__Database:-$WEB_OUT/decisions.db}" \
    timeout "$SITE_LIMIT" dotnet "$WEB_OUT/RiskFlag.Web.dll" --urls "$BASE" --contentRoot "$WEB_OUT" >"$WEB_OUT/site.log" 2>&1 &
  SITE_PID=$!
  for _ in $(seq 1 100); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && { bench_sign_in "$BASE"; return; }
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

# CPU time (user + system, in clock ticks) the site has used so far.
site_ticks() { awk '{ print $14 + $15 }' "/proc/$(pgrep -P "$SITE_PID" -x dotnet || echo "$SITE_PID")/stat"; }

# Warm up, then measure; prints wrk's summary plus p50/p99, the non-2xx count and the server's CPU time per
# request, which other load on the machine affects far less than requests/s does.
measure() {
  local seconds=$1 url=$2 script=$3 before after
  wrk -t"${THREADS:-2}" -c16 -d3s -s "$script" "$url" >/dev/null
  before=$(site_ticks)
  wrk -t"${THREADS:-2}" -c16 -d"${seconds}s" -s "$script" "$url" | tee "$WEB_OUT/wrk.txt"
  after=$(site_ticks)
  awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" '/ requests in / { printf "server CPU: %.1f us per request\n", t / hz * 1e6 / $1 }' "$WEB_OUT/wrk.txt"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}
