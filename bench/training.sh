#!/usr/bin/env bash
# Times the training program end to end, whole process included (start-up, parsing, encoding,
# boosting both splits, evaluation, plots, bundle): generate 252,000 rows, train on them, and
# predict the 50,400-row real split when ../shared is present (or any file given as $1).
# Uses a ReadyToRun publish, so the numbers include no JIT warm-up of the trainer itself.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# From a copy of the sources: a publish for one runtime writes that runtime into the lock files it restores with.
mkdir -p "$out/src"
tar -c --exclude=./.git --exclude='*/bin' --exclude='*/obj' --exclude=./data --exclude=./artifacts --exclude=./mlruns --exclude=./registry . |
  tar -x -C "$out/src"
dotnet publish "$out/src/RiskFlag.Training" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/bin" >/dev/null
cli="$out/bin/riskflag-train"

seconds() { local start end; start=$(date +%s.%N); "$@" >"$out/last.log" 2>&1; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'; }

echo "generate 252,000 rows:  $(seconds "$cli" generate --rows 252000 --seed 42 --out "$out/train.csv") s"
echo "train on 252,000 rows:  $(seconds "$cli" train --data "$out/train.csv" --artifacts "$out/artifacts") s"
grep -E "ROC AUC|PR AUC|trees" "$out/last.log" | sed 's/^/    /'

input=${1:-../shared/data/real/seed_raw_test.csv}
if [[ -f $input ]]; then
  rows=$(($(wc -l <"$input") - 1))
  for run in 1 2 3; do
    echo "predict $rows rows (run $run): $(seconds "$cli" predict --model "$out/artifacts/risk-model.zip" --input "$input" --output "$out/scored.csv") s"
  done
else
  echo "predict: skipped, $input not found (pass a CSV as the first argument)"
fi
