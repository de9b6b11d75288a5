#!/bin/bash
# Container health check of the hub: exits 0 when GET /actuator/health/readiness answers 200, else 1.
# Plain bash over /dev/tcp, because the eclipse-temurin JRE image does not promise curl or wget.
# The port is MANAGEMENT_SERVER_PORT, else SERVER_PORT, else 8080; HUB_HEALTH_PATH overrides the path.
port="${MANAGEMENT_SERVER_PORT:-${SERVER_PORT:-8080}}"
path="${HUB_HEALTH_PATH:-/actuator/health/readiness}"
{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || exit 1
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nAccept: application/json\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
IFS= read -r -t 4 status <&3 || exit 1
exec 3<&-
case "$status" in
  "HTTP/1."?" 200"*) exit 0 ;;
  *) exit 1 ;;
esac
