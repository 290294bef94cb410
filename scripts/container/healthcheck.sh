#!/usr/bin/env bash
# Container HEALTHCHECK: exit 0 when GET /health/ready answers 200, 1 otherwise. Plain bash
# (/dev/tcp), so the runtime image needs no curl or wget.
#
#   healthcheck.sh [http://HOST:PORT/PATH]    default: http://127.0.0.1:<first ASPNETCORE_HTTP_PORTS>/health/ready
set -uo pipefail

port=${ASPNETCORE_HTTP_PORTS:-8080}
port=${port%%[;,]*}
url=${1:-http://127.0.0.1:$port/health/ready}
timeout_seconds=${HEALTHCHECK_TIMEOUT:-4}

if ! [[ $url =~ ^http://([^/:]+)(:([0-9]+))?(/.*)?$ ]]; then
  echo "unhealthy: cannot parse $url (http://HOST[:PORT]/PATH)" >&2
  exit 1
fi
host=${BASH_REMATCH[1]}
port=${BASH_REMATCH[3]:-80}
path=${BASH_REMATCH[4]:-/}

# shellcheck disable=SC2016 # expanded by the inner bash
status=$(timeout "$timeout_seconds" bash -c '
  exec 3<>"/dev/tcp/$0/$1" || exit 1
  printf "GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n" "$2" "$0" >&3
  IFS= read -r line <&3 || exit 1
  printf "%s" "$line"
' "$host" "$port" "$path" 2>/dev/null)

if [[ $status =~ ^HTTP/1\.[01]\ 200([[:space:]]|$) ]]; then
  exit 0
fi
echo "unhealthy: GET $url -> ${status:-no answer}" >&2
exit 1
