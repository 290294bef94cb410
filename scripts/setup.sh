#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian 12 machine with the .NET 10 SDK:
# XGBoost's C library (training), Chromium (browser tests), Prometheus/promtool and wrk (monitoring checks, benchmarks).
set -euo pipefail

packages=(libxgboost0 chromium prometheus wrk)
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
