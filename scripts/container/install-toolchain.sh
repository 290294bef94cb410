#!/usr/bin/env bash
# Installs the system packages the build and train stages need on the official .NET SDK image (Ubuntu)
# or a Debian machine: libgomp1 (OpenMP, which the native LightGBM inside Microsoft.ML.LightGbm loads
# to train) jq (model checks) and a font for the text of the
# training plots (ScottPlot measures and draws text with it). Idempotent: installs only what is missing, so the tests run it on a
# development machine as well.
set -euo pipefail

packages=(ca-certificates libgomp1 jq fonts-dejavu-core)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "error: missing packages (${missing[*]}) and not running as root" >&2
    exit 1
  fi
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Inside an image build the package lists are dead weight; on a workstation they are kept.
  if [[ ${RISKFLAG_CLEAN_APT_LISTS:-0} == 1 ]]; then
    rm -rf /var/lib/apt/lists/*
  fi
else
  echo "toolchain packages present: ${packages[*]}"
fi

echo "libgomp1 $(dpkg-query -W -f='${Version}' libgomp1), jq $(jq --version)"
