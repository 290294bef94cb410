#!/usr/bin/env bash
# The fleet proof (docs/deploy.md): a throwaway PostgreSQL and $INSTANCES (3) Release site instances on it
# (127.0.0.1:5301…) behind nginx (127.0.0.1:5300), everything bounded in time and stopped by PID at the end. Under load
# through nginx it promotes a new champion from the command line and times until every instance serves it, then kills
# one instance with SIGKILL (nginx routes around it), restarts it and checks it comes back on the current champion, and
# finally counts the answered requests against the decisions in the shared log. Ends with one line:
#   instances=N switched=N propagation_ms=P requests=R failed=F lost_decisions=L
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { echo "needs nginx (scripts/setup.sh installs it)" >&2; exit 1; }
instances=${INSTANCES:-3}
seconds=${SECONDS_PER_RUN:-30}
source bench/web-server.sh
source bench/postgres.sh
source bench/site-instances.sh
work=$(mktemp -d)
chmod 755 "$work"
nginx_pid=
cleanup() {
  for pid in "${site_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ -n $nginx_pid ]]; then kill "$nginx_pid" 2>/dev/null || true; fi
  stop_postgres
  rm -rf "$work" "${WEB_OUT:-}"
}
trap cleanup EXIT

# PostgreSQL, as the fleet's one shared engine.
start_postgres "$work/pg"

# Two models, registered through the command line; the first is champion.
train() {
  dotnet run --project RiskFlag.Training -c Release -- generate --rows 20000 --seed "$1" --out "$work/train-$1.csv" >/dev/null
  dotnet run --project RiskFlag.Training -c Release -- train --data "$work/train-$1.csv" --artifacts "$work/artifacts-$1" --tracking "$work/mlruns" \
    | sed -n 's/^run \([^ ]*\) recorded.*/\1/p'
}
cli() { dotnet run --project RiskFlag.Training -c Release --no-build -- "$@" --registry "$work/cli/registry" --serve "$work/cli/risk-model.zip" >/dev/null; }
first_run=$(train 7)
second_run=$(train 8)
cli register --run "$first_run" --tracking "$work/mlruns"
cli register --run "$second_run" --tracking "$work/mlruns"
cli alias set champion --version 1 --reason baseline
second_version=$(unzip -p "$work/artifacts-8/risk-model.zip" riskflag/manifest.json | jq -r .version)

publish_site
bench_auth_dirs "$work/shared"
start_fleet_instance() { Registry__CheckSeconds=5 start_instance "$1" 5300 "$work/cli/risk-model.zip"; }
for i in $(seq 1 "$instances"); do start_fleet_instance "$i"; done

upstreams=$(for i in $(seq 1 "$instances"); do echo "server 127.0.0.1:$((5300 + i)) max_fails=1 fail_timeout=5s;"; done)
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream riskflag { $upstreams keepalive 64; }
  server {
    listen 127.0.0.1:5300;
    location / {
      proxy_pass http://riskflag;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      # A prediction is safe to ask again (it gets a new decision), so a POST cut off by a dying instance is retried.
      proxy_next_upstream error timeout http_502 http_503 non_idempotent;
    }
  }
}
CONF
timeout "$SITE_LIMIT" nginx -c "$work/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
sleep 1
bench_sign_in "http://127.0.0.1:5300"

# Load through nginx for the whole run, while the champion changes and an instance is killed and restarted.
wrk -t2 -c16 -d"${seconds}s" -s bench/predict.lua "http://127.0.0.1:5300/api/predict" >"$work/wrk.txt" &
wrk_pid=$!
sleep 5
cli alias set champion --version 2 --reason "retrained" --database "$ConnectionStrings__RiskFlag"
# From the promotion's commit (its time in the history, this machine's clock) to the last instance seen serving it.
committed=$(psql_bench "SELECT (extract(epoch FROM changed_at) * 1000)::bigint FROM registry_history ORDER BY id DESC LIMIT 1")
switched=0
for i in $(seq 1 "$instances"); do
  for _ in $(seq 1 200); do
    if [[ $(curl -fs -H "Authorization: Bearer $RISKFLAG_TOKEN" "http://127.0.0.1:$((5300 + i))/api/model" | jq -r .version) == "$second_version" ]]; then
      switched=$((switched + 1)); break
    fi
    sleep 0.05
  done
done
propagation_ms=$(($(date +%s%3N) - committed))
sleep 3
# The instance itself, not the timeout wrapping it: SIGKILL does not pass through to a child.
kill -9 "$(pgrep -P "${site_pids[1]}" -x dotnet)"
wait "${site_pids[1]}" 2>/dev/null || true
sleep 5
start_fleet_instance 1
restarted=$(curl -fs -H "Authorization: Bearer $RISKFLAG_TOKEN" "http://127.0.0.1:5301/api/model" | jq -r .version)
wait "$wrk_pid"

requests=$(awk '/ requests in / { print $1 }' "$work/wrk.txt")
failed=$(awk '/Non-2xx or 3xx responses:/ { n += $5 } /Socket errors:/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$work/wrk.txt")
for pid in "${site_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
site_pids=()
logged=$(psql_bench "SELECT count(*) FROM decisions WHERE channel = 'api'")
by_instance=$(psql_bench "SELECT string_agg(instance || '=' || n, ' ') FROM (SELECT instance, count(*) n FROM decisions GROUP BY 1 ORDER BY 1) t")
for log in "$work"/site*.log; do
  if grep -q "Unhandled exception\|crit:" "$log"; then echo "== $log"; grep -A5 "Unhandled exception\|crit:" "$log" | head -20; fi
done
answered=$((requests - failed))
grep -E "Requests/sec|Latency  " "$work/wrk.txt"
echo "restarted instance serves $restarted (champion $second_version); decisions by instance: $by_instance"
echo "instances=$instances switched=$switched propagation_ms=$propagation_ms requests=$requests failed=$failed lost_decisions=$((answered > logged ? answered - logged : 0))"
