#!/usr/bin/env bash
# Soak: load + SIGKILL + restart of a hub JVM in a loop for N minutes (default 5), then drain and count.
# Prints: submitted, acknowledged, completed, duplicates (recognised by idempotency key) and lost.
# Not part of CI. Usage: scripts/soak.sh [minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-5}"
mvn -B -q package -DskipTests
mvn -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SoakIT -Dsoak.minutes="$minutes" \
  | tee target/soak.log | grep -E "^SOAK|Tests run:|FAIL" || true
grep -q "^SOAK" target/soak.log
