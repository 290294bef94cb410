#!/usr/bin/env bash
# Restore with locked package versions, check formatting, build Release warning-free, run the tests.
# The image's build stage, scripts/test.sh and the CI workflow all run this same script.
#
#   restore-build-test.sh [restore] [format] [build] [test]     (no argument: all four, in order)
#
# TEST_FILTER        dotnet test --filter expression (empty: every test)
# TEST_RESULTS_DIR   when set, a TRX report per test run is written there
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

solution=RiskFlag.sln
steps=("$@")
((${#steps[@]} > 0)) || steps=(restore format build test)

for step in "${steps[@]}"; do
  case $step in
    restore)
      # --locked-mode: every project restores exactly what its packages.lock.json records, or fails.
      dotnet restore "$solution" --locked-mode
      ;;
    format)
      dotnet format "$solution" --verify-no-changes --no-restore
      ;;
    build)
      dotnet build "$solution" -c Release --no-restore
      ;;
    test)
      args=(test "$solution" -c Release --no-build)
      [[ -n ${TEST_FILTER:-} ]] && args+=(--filter "$TEST_FILTER")
      [[ -n ${TEST_RESULTS_DIR:-} ]] && args+=(--results-directory "$TEST_RESULTS_DIR" --logger trx)
      dotnet "${args[@]}"
      ;;
    *)
      echo "error: unknown step '$step' (restore, format, build, test)" >&2
      exit 2
      ;;
  esac
done
