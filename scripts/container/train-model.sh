#!/usr/bin/env bash
# Trains the model the image serves and leaves in OUT_DIR:
#   risk-model.zip            the bundle (served)
#   models/<version>/         the trainer's per-version copy: bundle, metrics.json, plots/*.svg
#   metrics.json, plots/      that version's metrics and plots, at a fixed place
#   model-version             the bundle's version, one line
#
#   train-model.sh --out DIR [--trainer DLL] [--data generated|FILE...] [--rows N] [--seed S] [--params FILE]
#
# --data generated (the default) trains on synthetic applicants from `riskflag-train generate`
# with --rows (default 252000) and --seed (default 42): the same file every time. Otherwise --data
# names one or more labelled CSV/JSON files (several files: repeat --data, or separate with spaces).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
trainer=$root/RiskFlag.Training/bin/Release/net10.0/riskflag-train.dll
data=()
rows=252000
seed=42
params=""
out=""

while (($# > 0)); do
  case $1 in
    --trainer) trainer=$2 ;;
    --data) read -r -a more <<<"$2" && data+=("${more[@]}") ;;
    --rows) rows=$2 ;;
    --seed) seed=$2 ;;
    --params) params=$2 ;;
    --out) out=$2 ;;
    *)
      echo "error: unknown option '$1'" >&2
      exit 2
      ;;
  esac
  shift 2
done

if [[ -z $out ]]; then
  echo "error: --out DIR is required" >&2
  exit 2
fi
if [[ ! -f $trainer ]]; then
  echo "error: trainer not found: $trainer (build or publish RiskFlag.Training first)" >&2
  exit 2
fi
((${#data[@]} > 0)) || data=(generated)

if [[ -e $out && -n $(ls -A "$out") ]]; then
  echo "error: $out is not empty; train into a fresh directory so exactly one model version lands there" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

train=(dotnet "$trainer")
files=()
if [[ ${data[*]} == generated ]]; then
  "${train[@]}" generate --rows "$rows" --seed "$seed" --out "$work/generated.csv"
  files=("$work/generated.csv")
else
  for file in "${data[@]}"; do
    if [[ ! -f $file ]]; then
      echo "error: training data not found: $file" >&2
      exit 3
    fi
    files+=("$file")
  done
fi

# The image needs the bundle, not a run record; recording would write mlruns/ into the working directory.
args=(train --artifacts "$out" --no-tracking)
for file in "${files[@]}"; do
  args+=(--data "$file")
done
[[ -n $params ]] && args+=(--params "$params")
"${train[@]}" "${args[@]}"

versions=("$out"/models/*/)
if [[ ${#versions[@]} -ne 1 || ! -d ${versions[0]} ]]; then
  echo "error: expected exactly one model version under $out/models" >&2
  exit 1
fi
version=$(basename "${versions[0]}")
cp "$out/models/$version/metrics.json" "$out/metrics.json"
cp -r "$out/models/$version/plots" "$out/plots"
printf '%s\n' "$version" >"$out/model-version"
echo "trained model $version into $out"
