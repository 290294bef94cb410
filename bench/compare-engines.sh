#!/usr/bin/env bash
# Trains two trainers on the same generated files (two seeds × two risk processes) and prints the grouped
# (unseen applicants) ROC AUC, PR AUC and log loss of each side by side. Used to check that a new engine
# does not lose quality against the one it replaces (docs/training.md).
#
#   bench/compare-engines.sh OTHER_TRAINER_DLL [ROWS]
#
# OTHER_TRAINER_DLL: riskflag-train.dll of another build (e.g. an older commit checked out and built apart).
set -euo pipefail
cd "$(dirname "$0")/.."
other=${1:?usage: bench/compare-engines.sh OTHER_TRAINER_DLL [ROWS]}
rows=${2:-252000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build RiskFlag.Training -c Release -v q -nologo >/dev/null
this=RiskFlag.Training/bin/Release/net10.0/riskflag-train.dll

metric() { awk -v name="$2" '$0 ~ "^"name" " { print $(NF-1) }' "$1"; }

printf '%-12s %-5s %-10s %8s %8s %8s %6s %7s\n' process seed trainer roc_auc pr_auc logloss trees seconds
for process in additive interacting; do
  for seed in 42 7; do
    data=$work/$process-$seed.csv
    if dotnet "$this" generate --help | grep -q -- --risk-process; then
      dotnet "$this" generate --rows "$rows" --seed "$seed" --risk-process "$process" --out "$data" >/dev/null
    fi
    for trainer in this other; do
      dll=$this
      [[ $trainer == other ]] && dll=$other
      log=$work/$trainer.log
      start=$(date +%s.%N)
      dotnet "$dll" train --data "$data" --artifacts "$work/$trainer-art" --no-tracking >"$log" 2>&1
      seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
      trees=$(awk '/^trees / { print $2 }' "$log")
      printf '%-12s %-5s %-10s %8s %8s %8s %6s %7.1f\n' "$process" "$seed" "$trainer" \
        "$(metric "$log" 'ROC AUC')" "$(metric "$log" 'PR AUC')" "$(metric "$log" 'log loss')" "$trees" "$seconds"
    done
  done
done
