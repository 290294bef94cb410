#!/usr/bin/env bash
# Sets up a fresh machine and runs every check: formatting, a warning-free build, all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash scripts/setup.sh

# Locked restore, format check, build and every test: the same script the container image's build
# stage runs (the image skips only the Browser and Tooling test categories).
log=$(mktemp)
set +e
bash scripts/container/restore-build-test.sh restore format build test 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
if [[ $status -ne 0 && $failed -eq 0 ]]; then
  failed=1 # the run broke before reporting (build or host crash): never report it as clean
fi
# .ci/run adds its own checks to these counts and prints the closing line itself.
if [[ -n ${RISKFLAG_SUMMARY_FILE:-} ]]; then
  echo "$passed $failed" >"$RISKFLAG_SUMMARY_FILE"
else
  echo "$passed passed, $failed failed"
fi
exit "$status"
