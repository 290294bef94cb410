#!/usr/bin/env bash
# What each kind of credential costs on POST /api/predict, side by side in one run (docs/security.md): Identity's
# bearer token from /api/auth/login, an API key made with the site's `keys create`, and an RS256 JWT from an
# OpenID Connect authority (a static discovery document and key set served on 127.0.0.1, the token signed here with
# openssl). Each credential is measured ROUNDS times, interleaved, so the machine's other load falls on all alike.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/web-server.sh
model=$(realpath "${1:-artifacts/risk-model.zip}")
seconds=${SECONDS_PER_RUN:-10}
rounds=${ROUNDS:-3}
work=$(mktemp -d)
authority_port=$((PORT + 1))
trap 'stop_site; [[ -n ${AUTHORITY_PID:-} ]] && kill "$AUTHORITY_PID"; rm -rf "$work" "${WEB_OUT:-}"' EXIT

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

# The authority: discovery and key set as static files.
issuer="http://127.0.0.1:$authority_port"
mkdir -p "$work/authority/.well-known"
openssl genrsa -out "$work/key.pem" 2048 2>/dev/null
modulus=$(openssl rsa -in "$work/key.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)
cat >"$work/authority/.well-known/openid-configuration" <<JSON
{"issuer":"$issuer","jwks_uri":"$issuer/jwks","authorization_endpoint":"$issuer/authorize","token_endpoint":"$issuer/token",
 "response_types_supported":["code"],"subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}
JSON
echo "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"bench\",\"n\":\"$modulus\",\"e\":\"AQAB\"}]}" >"$work/authority/jwks"
timeout "$SITE_LIMIT" python3 -m http.server "$authority_port" --bind 127.0.0.1 --directory "$work/authority" >/dev/null 2>&1 &
AUTHORITY_PID=$!
now=$(date +%s)
header=$(printf '{"alg":"RS256","typ":"JWT","kid":"bench"}' | b64url)
payload=$(printf '{"iss":"%s","aud":"riskflag-bench","sub":"bench","preferred_username":"bench@idp","roles":["officer"],"iat":%d,"nbf":%d,"exp":%d}' \
  "$issuer" "$now" "$now" $((now + 3600)) | b64url)
jwt="$header.$payload.$(printf '%s' "$header.$payload" | openssl dgst -sha256 -sign "$work/key.pem" | b64url)"

export Auth__Oidc__Authority=$issuer Auth__Oidc__ClientId=riskflag-bench Auth__Oidc__ClientSecret=unused Auth__Oidc__RequireHttpsMetadata=false
publish_site
start_site "$model"
identity_token=$RISKFLAG_TOKEN
api_key=$(dotnet "$WEB_OUT/RiskFlag.Web.dll" keys create bench-officer --role officer | sed -n 's/^key bench-officer (shown once): //p')
[[ -n $api_key ]] || { echo "keys create printed no key" >&2; exit 1; }

for credential in identity_token api_key jwt; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${!credential}" -H 'Content-Type: application/json' \
    -d @<(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" bench/predict.lua) "$BASE/api/predict")
  [[ $code == 200 ]] || { echo "$credential: POST /api/predict answered $code" >&2; exit 1; }
done

for round in $(seq 1 "$rounds"); do
  for credential in identity_token api_key jwt; do
    echo "== round $round: $credential"
    RISKFLAG_TOKEN=${!credential} measure "$seconds" "$BASE/api/predict" bench/predict.lua | grep -E "Requests/sec|p50|non-2xx|server CPU"
  done
done
