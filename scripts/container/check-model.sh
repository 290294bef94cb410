#!/usr/bin/env bash
# Gate on a trained model: fails unless the served bundle's grouped-split ROC AUC (unseen
# applicants) reaches the floor, and, when given, unless its version is the expected one.
#
#   check-model.sh --artifacts DIR --min-grouped-auc X [--expect-version V]
#
# DIR is a trainer --artifacts folder: risk-model.zip plus models/<version>/{risk-model.zip,metrics.json}.
# The version is the models/<version> folder whose bundle is byte-identical to the served one.
# Exit codes: 0 pass, 1 below the floor or wrong version, 2 bad arguments, 3 unreadable artifacts.
set -euo pipefail

artifacts=""
floor=""
expected=""
while (($# > 0)); do
  case $1 in
    --artifacts) artifacts=$2 ;;
    --min-grouped-auc) floor=$2 ;;
    --expect-version) expected=$2 ;;
    *)
      echo "error: unknown option '$1'" >&2
      exit 2
      ;;
  esac
  shift 2
done

if [[ -z $artifacts || -z $floor ]]; then
  echo "usage: check-model.sh --artifacts DIR --min-grouped-auc X [--expect-version V]" >&2
  exit 2
fi
if ! [[ $floor =~ ^(0(\.[0-9]+)?|1(\.0+)?)$ ]]; then
  echo "error: --min-grouped-auc must be a number between 0 and 1, not '$floor'" >&2
  exit 2
fi

bundle=$artifacts/risk-model.zip
if [[ ! -f $bundle ]]; then
  echo "error: no bundle at $bundle" >&2
  exit 3
fi

version=""
for candidate in "$artifacts"/models/*/risk-model.zip; do
  if [[ -f $candidate ]] && cmp -s "$candidate" "$bundle"; then
    version=$(basename "$(dirname "$candidate")")
  fi
done
if [[ -z $version ]]; then
  echo "error: no models/<version>/risk-model.zip in $artifacts matches the served bundle" >&2
  exit 3
fi

metrics=$artifacts/models/$version/metrics.json
if ! grouped=$(jq -er '.grouped.roc_auc | numbers' "$metrics" 2>/dev/null); then
  echo "error: $metrics has no numeric grouped.roc_auc" >&2
  exit 3
fi
random=$(jq -r '.random.roc_auc // "n/a"' "$metrics")

echo "model $version: grouped ROC AUC $grouped (floor $floor), random-split ROC AUC $random"
if [[ -n $expected && $expected != "$version" ]]; then
  echo "error: the trained model is $version, but $expected was expected" >&2
  exit 1
fi
if ! jq -en --argjson auc "$grouped" --argjson floor "$floor" '$auc >= $floor' >/dev/null; then
  echo "error: grouped ROC AUC $grouped is below the floor $floor; the model is not shipped" >&2
  exit 1
fi
echo "model check passed"
