#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian 12 machine with the .NET 10 SDK:
# libgomp1 (LightGBM training), Chromium (browser tests), Prometheus/promtool and wrk (monitoring checks, benchmarks),
# PostgreSQL (the decision log's second store; tests start their own server on loopback), nginx (bench/fleet.sh),
# jq and shellcheck (container build steps and their tests), and the pinned Node lint tools (tools/lint).
set -euo pipefail

read -r -a packages < "$(dirname "$0")/apt-packages.txt"
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
  echo "installing: ${missing[*]}"
  sudo_cmd=""
  [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Prometheus from Debian registers a service; the project starts its own on loopback when it needs one.
command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is not on PATH" >&2; exit 1; }

# Dockerfile and workflow linters (npm ci of tools/lint/package-lock.json), when Node.js is present.
lint_tools=$(cd "$(dirname "$0")/../tools/lint" && pwd)
if command -v npm >/dev/null && [[ ! -f $lint_tools/node_modules/.package-lock.json || $lint_tools/package-lock.json -nt $lint_tools/node_modules/.package-lock.json ]]; then
  npm ci --prefix "$lint_tools" --no-audit --no-fund --loglevel=error
fi
