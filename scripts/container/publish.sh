#!/usr/bin/env bash
# Publishes one program from the Release build (framework-dependent, portable, no apphost):
#
#   publish.sh trainer OUT_DIR    riskflag-train.dll (+ params.json) into OUT_DIR
#   publish.sh site OUT_DIR       RiskFlag.Web.dll and its static files into OUT_DIR
#
# Run after restore-build-test.sh build; nothing is compiled again.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ $# -ne 2 ]]; then
  echo "usage: publish.sh trainer|site OUT_DIR" >&2
  exit 2
fi

case $1 in
  trainer) project=RiskFlag.Training/RiskFlag.Training.csproj entry=riskflag-train.dll ;;
  site) project=RiskFlag.Web/RiskFlag.Web.csproj entry=RiskFlag.Web.dll ;;
  *)
    echo "error: unknown program '$1' (trainer, site)" >&2
    exit 2
    ;;
esac

if [[ ! -f $project ]]; then
  echo "error: $project does not exist" >&2
  exit 1
fi

out=$2
mkdir -p "$out"
dotnet publish "$project" -c Release --no-restore --no-build -p:UseAppHost=false -o "$out"
if [[ ! -f $out/$entry ]]; then
  echo "error: publishing $project produced no $entry" >&2
  exit 1
fi
echo "published $out/$entry"
