#!/usr/bin/env bash
# Saves a screenshot of the hub's routes in Hawtio (docs/images/hawtio-routes.png by default), through headless
# Chromium, logged in as the operator. Uses the hub at HUB_URL if one answers there, else starts target/hub.jar
# on the sandbox defaults for the time of the shot.
#   scripts/hawtio-screenshot.sh [out.png]
# Needs: Debian's chromium (installed here if missing) and Node.js (playwright-core is installed from npm).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/images/hawtio-routes.png}"
hub="${HUB_URL:-http://127.0.0.1:8080}"
password="${HUB_OPERATOR_PASSWORD:-sandbox-operator}"

if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
(cd scripts/hawtio-screenshot && npm ci --no-audit --no-fund --silent)

started=""
if ! curl -fs "$hub/actuator/health/readiness" >/dev/null; then
  [ -f target/hub.jar ] || mvn -B -q -DskipTests package
  data="$(mktemp -d)"
  port=18089
  hub="http://127.0.0.1:$port"
  java -jar target/hub.jar --spring.profiles.active=sandbox --server.port=$port --hub.sandbox.port=0 --hub.embedded.data-dir="$data" >"$data/hub.log" 2>&1 &
  started=$!
  trap 'kill $started 2>/dev/null; wait $started 2>/dev/null; rm -rf "$data"' EXIT
  for _ in $(seq 1 120); do curl -fs "$hub/actuator/health/readiness" >/dev/null && break; sleep 1; done
fi
mkdir -p "$(dirname "$out")"
node scripts/hawtio-screenshot/screenshot.mjs "$hub" "$password" "$out"
