#!/usr/bin/env bash
# Where the site's CPU goes under /api/predict load with the decision log on: the share of perf samples spent on
# logging decisions, on the request path (building and queueing the record) and in the writer (encoding and storing
# segments).
# If logging takes a share f of a CPU-bound site, the same site without it serves 1 / (1 - f) times as many
# requests; f stays put when other work shares the machine, unlike requests per second (bench/site-profile.sh).
#
#   bash bench/decisions-profile.sh [model.zip]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/site-profile.sh
model=$(realpath "${1:-artifacts/risk-model.zip}")
database=$(mktemp -u --suffix .db)
trap 'rm -f "$database"*' EXIT

# Native SQLite frames (libe_sqlite3.so) count too: only the writer calls SQLite while the site serves predictions.
# (Matched by library, not by "sqlite3" in a name: perf labels the runtime's P/Invoke stubs, sockets' too, with
# whichever assembly generated them first.)
profile_site "$model" Decisions__Enabled=true Decisions__Database="$database" | charge_samples "decision log" \
  'DecisionSegmentCodec::=writer: encoding segments' \
  'SqliteDecisionLogStore::|SQLitePCL\.raw::|libe_sqlite3\.so=writer: storing segments (SQLite)' \
  'DecisionLogWriter::Run|DecisionLogService::=writer: loop' \
  'DecisionLogWriter::TryEnqueue|Channels\.BoundedChannel=request: queueing the record' \
  'DecisionLog::=request: building the record'
