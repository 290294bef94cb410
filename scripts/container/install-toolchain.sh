#!/usr/bin/env bash
# Installs the Debian packages the build and train stages need, on Debian 12 (bookworm):
# XGBoost's C library (training and the unit tests), jq (model checks), a font for the text of
# the training plots (ScottPlot measures and draws text with it), and what the .NET SDK itself
# loads (TLS for NuGet, ICU). Idempotent: installs only what is missing, so the tests run
# it on a development machine as well. Fails unless libxgboost0 is the 1.7 series: models are
# trained and their JSON read with XGBoost 1.7.4, and other majors write a different model shape.
set -euo pipefail

packages=(ca-certificates libicu72 libssl3 libxgboost0 jq fonts-dejavu-core)
required_xgboost=${RISKFLAG_XGBOOST_SERIES:-1.7.}

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

version=$(dpkg-query -W -f='${Version}' libxgboost0)
if [[ $version != "$required_xgboost"* ]]; then
  echo "error: libxgboost0 $version is installed; RiskFlag trains with XGBoost ${required_xgboost}x (Debian 12)" >&2
  exit 1
fi
echo "libxgboost0 $version"
