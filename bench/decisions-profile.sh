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

# One sample is a block of frames, leaf first; it is charged to the first (innermost) decision-log frame it holds.
# Native SQLite frames (libe_sqlite3.so) count too: only the writer calls SQLite while the site serves predictions.
# (Matched by library, not by "sqlite3" in a name: perf labels the runtime's P/Invoke stubs, sockets' too, with
# whichever assembly generated them first.)
profile_site "$model" Decisions__Enabled=true Decisions__Database="$database" | awk '
  function flush() {
    if (!open) return
    total++
    if (hit != "") share[hit]++
    if (scoring) scored++
    open = 0; hit = ""; scoring = 0
  }
  /^$/ { flush(); next }
  {
    open = 1
    if ($0 ~ /RiskScorer::Score/) scoring = 1
    if (hit != "") next
    if ($0 ~ /DecisionSegmentCodec::/) hit = "writer: encoding segments"
    else if ($0 ~ /SqliteDecisionLogStore::|SQLitePCL\.raw::|libe_sqlite3\.so/) hit = "writer: storing segments (SQLite)"
    else if ($0 ~ /DecisionLogWriter::Run|DecisionLogService::/) hit = "writer: loop"
    else if ($0 ~ /DecisionLogWriter::TryEnqueue|Channels\.BoundedChannel/) hit = "request: queueing the record"
    else if ($0 ~ /DecisionLog::/) hit = "request: building the record"
  }
  END {
    flush()
    printf "%d samples; scoring (RiskScorer.Score) %.1f %%\n", total, scored * 100 / total
    for (name in share) { printf "  %-40s %5.2f %%\n", name, share[name] * 100 / total; all += share[name] }
    printf "decision log in all: %.2f %% of the site'"'"'s CPU samples\n", all * 100 / total
  }'
