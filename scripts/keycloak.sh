#!/usr/bin/env bash
# A local Keycloak for Calibra, without Docker: fetches org.keycloak:keycloak-quarkus-dist from Maven Central
# into a cache folder, starts it on 127.0.0.1 with realm-config/calibra-realm.json imported, and stops it by PID.
#   scripts/keycloak.sh fetch | start | stop | status | reset | logs      (or: ./calibra keycloak …)
# Settings (env): CALIBRA_KEYCLOAK_VERSION (26.5.6), CALIBRA_KEYCLOAK_PORT (8180),
#   CALIBRA_KEYCLOAK_CACHE (~/.cache/calibra/keycloak), CALIBRA_KEYCLOAK_TIMEOUT (seconds to wait, 240),
#   KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD (master-realm admin, default admin/admin —
#   a development server on loopback only).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=${CALIBRA_KEYCLOAK_VERSION:-26.5.6}
PORT=${CALIBRA_KEYCLOAK_PORT:-8180}
CACHE=${CALIBRA_KEYCLOAK_CACHE:-$HOME/.cache/calibra/keycloak}
TIMEOUT=${CALIBRA_KEYCLOAK_TIMEOUT:-240}
KC_HOME=$CACHE/keycloak-$VERSION
RUN=$CACHE/run-$PORT
PIDFILE=$RUN/keycloak.pid
LOG=$RUN/keycloak.log
REALM_FILE=realm-config/calibra-realm.json
READY_URL="http://127.0.0.1:$PORT/realms/calibra/.well-known/openid-configuration"

say() { echo "keycloak: $*" >&2; }

running_pid() { # prints the PID if our Keycloak is alive
  [ -f "$PIDFILE" ] || return 1
  local pid; pid=$(cat "$PIDFILE")
  kill -0 "$pid" 2>/dev/null && { echo "$pid"; return 0; }
  return 1
}

fetch() {
  [ -x "$KC_HOME/bin/kc.sh" ] && return 0
  mkdir -p "$CACHE"
  say "fetching org.keycloak:keycloak-quarkus-dist:$VERSION:zip from Maven Central (≈165 MB, once)"
  if [ -z "${JAVA_HOME:-}" ]; then . scripts/env.sh; calibra_find_jdk; fi
  ./mvnw -q -B dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$VERSION:zip" \
      -DoutputDirectory="$CACHE" -Dmdep.overWriteReleases=true >&2
  rm -rf "$KC_HOME.partial" && mkdir -p "$KC_HOME.partial"
  if command -v unzip >/dev/null; then
    unzip -q "$CACHE/keycloak-quarkus-dist-$VERSION.zip" -d "$KC_HOME.partial"
  else # the JDK's jar tool reads zips too, but drops the executable bits
    ( cd "$KC_HOME.partial" && "$JAVA_HOME/bin/jar" xf "$CACHE/keycloak-quarkus-dist-$VERSION.zip" ) && chmod +x "$KC_HOME.partial/keycloak-$VERSION"/bin/*.sh
  fi
  mv "$KC_HOME.partial/keycloak-$VERSION" "$KC_HOME" && rm -rf "$KC_HOME.partial" "$CACHE/keycloak-quarkus-dist-$VERSION.zip"
  say "installed in $KC_HOME"
}

start() {
  if pid=$(running_pid); then say "already running (pid $pid) on http://127.0.0.1:$PORT"; return 0; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then say "port $PORT is taken by another process"; return 1; fi
  fetch
  if [ -z "${JAVA_HOME:-}" ]; then . scripts/env.sh; calibra_find_jdk; fi
  mkdir -p "$RUN" "$KC_HOME/data/import"
  # Keycloak imports a realm only if it does not exist yet: when the realm file changed since the last
  # import, forget Keycloak's database so this start imports the new one.
  local want; want=$(sha256sum "$REALM_FILE" | cut -d' ' -f1)
  if [ -d "$KC_HOME/data/h2" ] && [ "$(cat "$KC_HOME/data/imported-realm.sha256" 2>/dev/null)" != "$want" ]; then
    say "realm-config changed since the last import: resetting Keycloak's database"
    rm -rf "$KC_HOME/data/h2"
  fi
  cp "$REALM_FILE" "$KC_HOME/data/import/calibra-realm.json"
  echo "$want" >"$KC_HOME/data/imported-realm.sha256"
  local t0; t0=$(date +%s)
  say "starting Keycloak $VERSION on http://127.0.0.1:$PORT (log: $LOG)"
  # setsid: its own process group, so stop can end kc.sh and the JVM it starts together
  KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin} \
  KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin} \
  JAVA_HOME=$JAVA_HOME \
      setsid nohup "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$PORT" \
      --import-realm --hostname-strict=false >"$LOG" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
  while ! curl -fsS -o /dev/null "$READY_URL" 2>/dev/null; do
    if ! running_pid >/dev/null; then say "Keycloak exited during start-up; last lines of $LOG:"; tail -n 30 "$LOG" >&2; return 1; fi
    if [ $(( $(date +%s) - t0 )) -ge "$TIMEOUT" ]; then say "not ready after ${TIMEOUT}s"; stop; return 1; fi
    sleep 1
  done
  say "ready after $(( $(date +%s) - t0 ))s: realm calibra at http://127.0.0.1:$PORT/realms/calibra (pid $(cat "$PIDFILE"))"
}

stop() {
  local pid
  if ! pid=$(running_pid); then say "not running"; rm -f "$PIDFILE"; return 0; fi
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && { say "still running; killing pid $pid"; kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; }
  rm -f "$PIDFILE"
  say "stopped (pid $pid)"
}

status() {
  if pid=$(running_pid); then
    if curl -fsS -o /dev/null "$READY_URL" 2>/dev/null; then say "running (pid $pid), realm calibra ready on port $PORT"; else say "starting (pid $pid)"; fi
  else say "not running"; return 3; fi
}

case "${1:-help}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  reset) stop; rm -rf "$KC_HOME/data/h2"; say "database removed: the next start imports $REALM_FILE afresh" ;;
  logs) tail -n "${2:-100}" "$LOG" ;;
  *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
