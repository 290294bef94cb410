#!/usr/bin/env bash
# Sign-in for the benchmarks' sites: source it, call bench_auth_dirs with the run's temp folder before starting a
# site, and bench_sign_in with its base address once it is ready. The load then sends $RISKFLAG_TOKEN (the lua
# scripts read it) and scrapes /metrics with $Auth__MetricsToken. The scoring limit stays on, set so high it never
# refuses: its cost is part of what is measured.
export Auth__AdminEmail=bench@localhost
export Auth__AdminPassword=Bench-Password-42
export Auth__MetricsToken=bench-scrape-token-$RANDOM$RANDOM
export Auth__ScoringPermitsPerSecond=${Auth__ScoringPermitsPerSecond:-100000000}

bench_auth_dirs() {
  export Auth__Database="$1/identity.db" Auth__KeysDirectory="$1/keys"
}

# Signs in as the benchmark's administrator; exports RISKFLAG_TOKEN.
bench_sign_in() {
  RISKFLAG_TOKEN=$(curl -fs -H 'Content-Type: application/json' \
    -d "{\"email\":\"$Auth__AdminEmail\",\"password\":\"$Auth__AdminPassword\"}" "$1/api/auth/login" | jq -er .accessToken)
  export RISKFLAG_TOKEN
}
