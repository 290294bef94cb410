#!/usr/bin/env bash
# Sets up a fresh machine and runs RiskFlag: trains a default model from generated data when none
# exists yet, then starts the site (http://127.0.0.1:5000 unless ASPNETCORE_URLS says otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash scripts/setup.sh
dotnet build RiskFlag.sln -c Release

train=(dotnet RiskFlag.Training/bin/Release/net10.0/riskflag-train.dll)
if [[ ! -f artifacts/risk-model.zip ]]; then
  [[ -f data/applicants.csv ]] || "${train[@]}" generate --rows 252000 --seed 42 --out data/applicants.csv
  "${train[@]}" train --data data/applicants.csv --artifacts artifacts
fi

if [[ -f RiskFlag.Web/RiskFlag.Web.csproj ]]; then
  export ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:5000}
  export Model__Path=${Model__Path:-$PWD/artifacts/risk-model.zip}
  export Auth__Database=${Auth__Database:-$PWD/data/identity.db} Auth__KeysDirectory=${Auth__KeysDirectory:-$PWD/data/keys}
  export Auth__AdminEmail=${Auth__AdminEmail:-admin@localhost}
  # First start: no user store yet, so an administrator is created. Without a password of the operator's own, one
  # is generated and shown here once (it is not stored anywhere in plain text).
  if [[ ! -f $Auth__Database && -z ${Auth__AdminPassword:-} ]]; then
    Auth__AdminPassword="Rf-$(head -c 18 /dev/urandom | base64 | tr -d '+/=')-7a"
    export Auth__AdminPassword
    echo "Sign in as $Auth__AdminEmail with the password: $Auth__AdminPassword (shown only this once)"
  fi
  echo "RiskFlag on $ASPNETCORE_URLS (model: $Model__Path)"
  cd RiskFlag.Web && exec dotnet bin/Release/net10.0/RiskFlag.Web.dll
else
  "${train[@]}" evaluate --model artifacts/risk-model.zip --data data/applicants.csv
fi
