#!/usr/bin/env bash
# Site instances for the fleet benchmarks, each in $work/siteI with its own model copy, log, registry folder and
# SQLite files, bounded by $SITE_LIMIT and recorded in site_pids (stop them by PID). Needs $work and a publish
# ($WEB_OUT, from web-server.sh's publish_site). Other settings come from the caller's environment, e.g.
#   Registry__CheckSeconds=5 start_instance 1 5300 model.zip
# Read by the scripts that source this file.
# shellcheck disable=SC2034
declare -a site_pids=()

# start_instance I BASE_PORT MODEL: instance I on 127.0.0.1:BASE_PORT+I, named siteI, serving a copy of MODEL (kept
# across restarts); returns once it is ready.
# shellcheck disable=SC2154 # $work is the sourcing script's temp folder
start_instance() {
  local i=$1 port=$(($2 + $1))
  mkdir -p "$work/site$i"
  [[ -f $work/site$i/risk-model.zip ]] || cp "$3" "$work/site$i/risk-model.zip"
  ASPNETCORE_ENVIRONMENT=Production Model__Path="$work/site$i/risk-model.zip" Decisions__Instance="site$i" \
    Decisions__Database="$work/site$i/decisions.db" Registry__Directory="$work/site$i/registry" \
    timeout "$SITE_LIMIT" dotnet "$WEB_OUT/RiskFlag.Web.dll" --urls "http://127.0.0.1:$port" --contentRoot "$WEB_OUT" >>"$work/site$i.log" 2>&1 &
  site_pids[i]=$!
  for _ in $(seq 1 200); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return; sleep 0.1; done
  echo "instance $i did not become ready:" >&2; tail -20 "$work/site$i.log" >&2; return 1
}
