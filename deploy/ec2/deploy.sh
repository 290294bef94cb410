#!/usr/bin/env bash
# Blue/green deploy of RiskFlag on one Docker host (run as root, e.g. by SSM Run Command).
#
#   deploy.sh IMAGE       pull IMAGE, start it in the idle slot beside the running one, wait for
#                         /health/ready, switch nginx to it, stop the old container (kept, stopped)
#   deploy.sh rollback    start the previous (stopped) container again and switch back to it
#   deploy.sh status      active slot, containers and the last deploys
#
# Two slots, blue and green, publish the container's port 8080 on 127.0.0.1:8081 and :8082; nginx
# proxies to the active one through an upstream file that holds a single `server` line. If the new
# container never becomes ready, or the site is not ready through nginx after the switch, the
# upstream file is put back, nginx reloaded, the new container removed, and the script fails: the
# old container never stopped serving.
#
# Settings (environment, or /etc/riskflag/deploy.env):
#   RISKFLAG_NAME (riskflag)  RISKFLAG_BLUE_PORT (8081)  RISKFLAG_GREEN_PORT (8082)
#   RISKFLAG_STATE_DIR (/var/lib/riskflag)  RISKFLAG_UPSTREAM_FILE (/etc/nginx/riskflag-upstream.conf)
#   RISKFLAG_PUBLIC_URL (http://127.0.0.1/health/ready)  RISKFLAG_READY_TIMEOUT seconds (120)
#   RISKFLAG_READY_INTERVAL seconds (2)  RISKFLAG_APP_ENV_FILE (/etc/riskflag/app.env, if present)
#   RISKFLAG_MODEL_DIR (unset: serve the baked-in model; set: mounted read-only on /app/model)
set -euo pipefail

config=${RISKFLAG_DEPLOY_CONFIG:-/etc/riskflag/deploy.env}
if [[ -f $config ]]; then
  # shellcheck source=/dev/null
  source "$config"
fi

name=${RISKFLAG_NAME:-riskflag}
blue_port=${RISKFLAG_BLUE_PORT:-8081}
green_port=${RISKFLAG_GREEN_PORT:-8082}
state_dir=${RISKFLAG_STATE_DIR:-/var/lib/riskflag}
upstream_file=${RISKFLAG_UPSTREAM_FILE:-/etc/nginx/riskflag-upstream.conf}
public_url=${RISKFLAG_PUBLIC_URL:-http://127.0.0.1/health/ready}
ready_timeout=${RISKFLAG_READY_TIMEOUT:-120}
ready_interval=${RISKFLAG_READY_INTERVAL:-2}
app_env_file=${RISKFLAG_APP_ENV_FILE:-/etc/riskflag/app.env}
model_dir=${RISKFLAG_MODEL_DIR:-}
stop_timeout=${RISKFLAG_STOP_TIMEOUT:-30}

log() { printf '%s deploy: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*"; }
fail() {
  printf '%s deploy: error: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2
  exit 1
}

port_of() { if [[ $1 == blue ]]; then echo "$blue_port"; else echo "$green_port"; fi; }
other_slot() { if [[ $1 == blue ]]; then echo green; else echo blue; fi; }
active_slot() { cat "$state_dir/active-slot" 2>/dev/null || true; }
container_exists() { docker inspect "$1" >/dev/null 2>&1; }
container_running() { [[ $(docker inspect -f '{{.State.Running}}' "$1" 2>/dev/null || true) == true ]]; }

# 0 ready, 1 timed out, 2 the container stopped.
wait_ready() {
  local container=$1 url=$2 deadline=$((SECONDS + ready_timeout))
  while true; do
    if ! container_running "$container"; then
      log "$container is not running"
      return 2
    fi
    if curl -fsS -o /dev/null --max-time 3 "$url" 2>/dev/null; then
      return 0
    fi
    if ((SECONDS >= deadline)); then
      log "$container not ready at $url after ${ready_timeout}s"
      return 1
    fi
    sleep "$ready_interval"
  done
}

write_upstream() {
  local content=$1 tmp="$upstream_file.tmp.$$"
  printf '%s' "$content" >"$tmp"
  mv -f "$tmp" "$upstream_file"
}

reload_nginx() { nginx -t && nginx -s reload; }

# Ready through nginx: a few tries, as the reload lets workers finish gracefully.
public_ready() {
  local try
  for try in 1 2 3 4 5; do
    if curl -fsS -o /dev/null --max-time 3 "$public_url" 2>/dev/null; then
      return 0
    fi
    log "not ready through nginx yet (try $try)"
    sleep "$ready_interval"
  done
  return 1
}

# Points nginx at SLOT's container, which must already be ready. On failure, puts the previous
# upstream back and returns 1.
switch_to() {
  local slot=$1 port previous="$upstream_file.previous"
  port=$(port_of "$slot")
  rm -f "$previous"
  [[ -f $upstream_file ]] && cp -p "$upstream_file" "$previous"
  write_upstream "server 127.0.0.1:$port;"$'\n'
  if reload_nginx && public_ready; then
    printf '%s\n' "$slot" >"$state_dir/active-slot.tmp"
    mv -f "$state_dir/active-slot.tmp" "$state_dir/active-slot"
    rm -f "$previous"
    return 0
  fi
  log "switching to $slot failed: restoring the previous upstream"
  if [[ -f $previous ]]; then
    mv -f "$previous" "$upstream_file"
    reload_nginx || log "nginx reload after restoring the upstream failed"
  fi
  return 1
}

ecr_login() {
  local registry=${1%%/*}
  if [[ $registry =~ ^[0-9]{12}\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com$ ]]; then
    aws ecr get-login-password --region "${BASH_REMATCH[1]}" | docker login --username AWS --password-stdin "$registry" >/dev/null
  fi
}

deploy() {
  local image=$1 active new container port
  [[ $image =~ ^[A-Za-z0-9][A-Za-z0-9._/:@-]*$ ]] || fail "not an image reference: '$image'"
  active=$(active_slot)
  if [[ $active == blue ]]; then new=green; else new=blue; fi
  container=$name-$new
  port=$(port_of "$new")

  log "deploying $image into slot $new (127.0.0.1:$port); active slot: ${active:-none}"
  ecr_login "$image"
  docker pull "$image"
  docker rm -f "$container" >/dev/null 2>&1 || true

  local run=(run -d --name "$container" --restart unless-stopped -p "127.0.0.1:$port:8080"
    --cap-drop ALL --security-opt no-new-privileges
    --log-opt max-size=10m --log-opt max-file=3
    --label "riskflag.slot=$new")
  [[ -f $app_env_file ]] && run+=(--env-file "$app_env_file")
  [[ -n $model_dir ]] && run+=(-v "$model_dir:/app/model:ro")
  docker "${run[@]}" "$image" >/dev/null

  if ! wait_ready "$container" "http://127.0.0.1:$port/health/ready"; then
    docker logs --tail 50 "$container" 2>&1 | sed 's/^/  | /' || true
    docker rm -f "$container" >/dev/null 2>&1 || true
    fail "rolled back: $image never became ready; slot ${active:-none} still serves"
  fi
  log "$container is ready"

  if ! switch_to "$new"; then
    docker rm -f "$container" >/dev/null 2>&1 || true
    fail "rolled back: the site was not ready through nginx on $image; slot ${active:-none} still serves"
  fi

  printf '%s %s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$new" "$image" >>"$state_dir/history"
  if [[ -n $active ]] && container_exists "$name-$active"; then
    docker stop -t "$stop_timeout" "$name-$active" >/dev/null || log "stopping $name-$active failed"
  fi
  docker image prune -f >/dev/null 2>&1 || true
  log "deployed $image on slot $new; $name-${active:-none} stopped and kept for 'deploy.sh rollback'"
}

rollback() {
  local active previous container
  active=$(active_slot)
  [[ -n $active ]] || fail "nothing deployed yet"
  previous=$(other_slot "$active")
  container=$name-$previous
  container_exists "$container" || fail "no previous container $container to roll back to"

  log "rolling back from slot $active to $previous"
  docker start "$container" >/dev/null
  if ! wait_ready "$container" "http://127.0.0.1:$(port_of "$previous")/health/ready"; then
    docker stop -t "$stop_timeout" "$container" >/dev/null 2>&1 || true
    fail "$container did not become ready; slot $active still serves"
  fi
  if ! switch_to "$previous"; then
    docker stop -t "$stop_timeout" "$container" >/dev/null 2>&1 || true
    fail "switching back failed; slot $active still serves"
  fi
  printf '%s %s rollback\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$previous" >>"$state_dir/history"
  docker stop -t "$stop_timeout" "$name-$active" >/dev/null || log "stopping $name-$active failed"
  log "rolled back to slot $previous"
}

status() {
  echo "active slot: $(active_slot)"
  docker ps -a --filter "label=riskflag.slot" --format '{{.Names}}\t{{.Image}}\t{{.Status}}' || true
  tail -n 10 "$state_dir/history" 2>/dev/null || true
}

if (($# != 1)); then
  echo "usage: deploy.sh IMAGE | rollback | status" >&2
  exit 2
fi

mkdir -p "$state_dir"
exec 9>"$state_dir/deploy.lock"
flock -n 9 || fail "another deploy is running on this host"

case $1 in
  rollback) rollback ;;
  status) status ;;
  *) deploy "$1" ;;
esac
