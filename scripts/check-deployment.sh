#!/usr/bin/env bash
# Checks the deployment files of docker/ with the tools' own validators, without a Docker engine:
#   - docker/compose.yaml       `docker compose config` (or Debian's docker-compose) resolves and validates it;
#   - docker/prometheus/        `promtool check config` and `promtool check rules`;
#   - the Grafana dashboard     parses as JSON, and every PromQL query in it parses (promtool, as recording rules);
#   - docker/healthcheck.sh     shellcheck, then run against a throwaway HTTP server answering 200, 503 and nothing;
#   - docker/k8s/*.yaml         parse as YAML documents with apiVersion, kind and metadata.name.
# Missing tools come from Debian (docker-compose, prometheus, shellcheck, python3-yaml) when run as root.
# Not part of `mvn verify`: the tests of gov.onceonly.hub.deploy (ComposeFileTest, MonitoringFilesTest,
# ContainerImageTest, KubernetesFilesTest) are the CI check of the same files. Usage: scripts/check-deployment.sh
set -euo pipefail
cd "$(dirname "$0")/.."

failures=0
step() { printf '\n== %s\n' "$*"; }
ok() { printf 'ok   %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; failures=$((failures + 1)); }
# check WHAT COMMAND...: COMMAND must succeed. refute WHAT COMMAND...: COMMAND must fail.
check() { local what=$1; shift; if "$@"; then ok "$what"; else fail "$what"; fi; }
refute() { local what=$1; shift; if "$@"; then fail "$what"; else ok "$what"; fi; }

need_packages=()
command -v promtool >/dev/null || need_packages+=(prometheus)
command -v shellcheck >/dev/null || need_packages+=(shellcheck)
command -v python3 >/dev/null || need_packages+=(python3)
python3 -c 'import yaml' 2>/dev/null || need_packages+=(python3-yaml)
if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  command -v docker-compose >/dev/null || need_packages+=(docker-compose)
  compose=(docker-compose)
fi
if ((${#need_packages[@]})); then
  step "installing ${need_packages[*]} (Debian)"
  if [[ $(id -u) -ne 0 ]]; then
    echo "run as root, or install them: apt-get install ${need_packages[*]}" >&2
    exit 2
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

work=$(mktemp -d)
server_pids=()
throwaway_env=""
cleanup() {
  for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
  [[ -z "$throwaway_env" ]] || rm -f "$throwaway_env" docker/evidence.p12
}
trap cleanup EXIT

step "compose: ${compose[*]} config"
"${compose[@]}" version 2>/dev/null | head -1
# Compose has no defaults for its secrets; a check run without docker/.env makes a throwaway one (and keystore).
[[ -f docker/.env ]] || { scripts/compose-secrets >/dev/null; throwaway_env=docker/.env; }
check "docker/compose.yaml is valid" "${compose[@]}" -f docker/compose.yaml config -q
services=$({ "${compose[@]}" -f docker/compose.yaml config --services 2>/dev/null || true; } | sort | tr "\n" " ")
echo "services: $services"
for s in postgres kafka hub-1 hub-2 departments prometheus grafana; do
  if [[ " $services " == *" $s "* ]]; then ok "service $s"; else fail "service $s missing"; fi
done

step "Prometheus: promtool"
promtool --version 2>&1 | head -1
check "prometheus.yml" promtool check config docker/prometheus/prometheus.yml
check "alerts.yml" promtool check rules docker/prometheus/alerts.yml

step "Grafana: provisioning and dashboard"
for f in docker/grafana/provisioning/datasources/*.yml docker/grafana/provisioning/dashboards/*.yml; do
  check "$f" python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert d["apiVersion"] == 1' "$f"
done
for dashboard in docker/grafana/dashboards/*.json; do
  # Every query of the dashboard, Grafana's variables replaced, as a recording rule promtool can parse.
  if python3 - "$dashboard" "$work/dashboard-rules.yml" <<'PY'
import json, sys, yaml
dashboard = json.load(open(sys.argv[1]))
rules = []
for panel in dashboard["panels"]:
    for target in panel.get("targets", []):
        expr = (target["expr"].replace("$__rate_interval", "1m").replace("$__range", "1h")
                .replace("$instance", ".*").replace("$bundle", ".*"))
        rules.append({"record": "dashboard:panel_%d:%s" % (panel["id"], target["refId"]), "expr": expr})
yaml.safe_dump({"groups": [{"name": dashboard["uid"], "rules": rules}]}, open(sys.argv[2], "w"), allow_unicode=True)
print("%s: %d panels, %d queries" % (sys.argv[1], len(dashboard["panels"]), len(rules)))
PY
  then
    check "$dashboard: every query parses" promtool check rules "$work/dashboard-rules.yml"
  else
    fail "$dashboard is not a dashboard JSON"
  fi
done

step "health check script"
check "shellcheck" shellcheck docker/healthcheck.sh scripts/check-deployment.sh
cat > "$work/server.py" <<'PY'
import http.server, sys
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(int(sys.argv[2]) if self.path == "/actuator/health/readiness" else 404)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Health).serve_forever()
PY
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
up_port=$(free_port); python3 "$work/server.py" "$up_port" 200 & server_pids+=($!)
down_port=$(free_port); python3 "$work/server.py" "$down_port" 503 & server_pids+=($!)
closed_port=$(free_port)
sleep 1
check "ready (200) is healthy" env SERVER_PORT="$up_port" docker/healthcheck.sh
refute "not ready (503) is unhealthy" env SERVER_PORT="$down_port" docker/healthcheck.sh
refute "nothing listening is unhealthy" env SERVER_PORT="$closed_port" docker/healthcheck.sh
check "the management port comes first" env MANAGEMENT_SERVER_PORT="$up_port" SERVER_PORT="$closed_port" docker/healthcheck.sh

step "Kubernetes manifests"
k8s_check=$(cat <<'PY'
import sys, yaml
docs = [d for d in yaml.safe_load_all(open(sys.argv[1])) if d]
assert docs, "empty"
for d in docs:
    if d.get("kind") != "Kustomization":
        assert d["apiVersion"] and d["kind"] and d["metadata"]["name"], d
print("  " + ", ".join("%s/%s" % (d["kind"], d.get("metadata", {}).get("name", "-")) for d in docs))
PY
)
for f in docker/k8s/*.yaml; do
  check "$f" python3 -c "$k8s_check" "$f"
done

echo
if ((failures)); then
  echo "check-deployment: $failures check(s) failed"
  exit 1
fi
echo "check-deployment: all checks passed"
