#!/usr/bin/env bash
# A Calibra cluster on this machine, to try: N app nodes (the boot jar) behind HAProxy with sticky sessions, on one
# private PostgreSQL, sharing one secrets key file and one blob directory (docs/deployment.md "Topology").
#   scripts/cluster.sh start [--nodes N] | stop | status | logs [node1|haproxy|postgres] (or: ./calibra cluster …)
# Everything lives under data/cluster/ (CALIBRA_CLUSTER_DIR): PostgreSQL's data, the key file, the blobs, each node's
# log and PID file. stop ends what start began (by PID file) and keeps the data; delete the folder to start afresh.
# Needs the Debian packages haproxy and postgresql (15; CALIBRA_PG_BIN, default /usr/lib/postgresql/15/bin).
# Settings (env): CALIBRA_CLUSTER_PORT (HAProxy's frontend, 8400), CALIBRA_CLUSTER_STATS_PORT (8404), the nodes take
#   free ports from 8410 (public) and 8420 (management), PostgreSQL from 55432; CALIBRA_CLUSTER_TIMEOUT (s, 300).
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=${CALIBRA_CLUSTER_DIR:-data/cluster}
PG_BIN=${CALIBRA_PG_BIN:-/usr/lib/postgresql/15/bin}
FRONTEND_PORT=${CALIBRA_CLUSTER_PORT:-8400}
STATS_PORT=${CALIBRA_CLUSTER_STATS_PORT:-8404}
TIMEOUT=${CALIBRA_CLUSTER_TIMEOUT:-300}
TEMPLATE=scripts/cluster-haproxy.cfg.template
STATE=$DIR/cluster.env # the ports and node count of the running cluster, for status and stop

say() { echo "cluster: $*" >&2; }
die() { say "$*"; exit 1; }

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { # the first free port from $1 on that is not in the list $2
  local p=$1
  while port_taken "$p" || [[ " $2 " == *" $p "* ]]; do p=$((p + 1)); done
  echo "$p"
}
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# PostgreSQL refuses to run as root: as root its commands run as the postgres user (Debian's package makes it).
pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PG_BIN/$1" "${@:2}"; else "$PG_BIN/$1" "${@:2}"; fi
}

require_packages() {
  local missing=()
  command -v haproxy >/dev/null || missing+=(haproxy)
  [ -x "$PG_BIN/initdb" ] || missing+=(postgresql)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then # as scripts/test-tools.sh does for the tests
    say "installing the Debian packages the cluster needs: ${missing[*]}"
    . scripts/test-tools.sh
    calibra_install_test_packages "${missing[@]}" || say "apt-get could not install them"
    command -v haproxy >/dev/null && [ -x "$PG_BIN/initdb" ] && return 0
  fi
  die "the local cluster needs Debian packages that are not installed: ${missing[*]}
cluster: install them with
cluster:     sudo apt-get update && sudo apt-get install -y ${missing[*]}
cluster: (PostgreSQL 15's binaries are expected in $PG_BIN; set CALIBRA_PG_BIN for another version)"
}

jar() { ls target/calibra-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n1; }

build_jar_if_stale() {
  local j; j=$(jar)
  if [ -n "$j" ] && [ -z "$(find src/main pom.xml -newer "$j" -print -quit)" ]; then return 0; fi
  say "building the boot jar (./mvnw -DskipTests package)"
  if [ -z "${JAVA_HOME:-}" ]; then . scripts/env.sh; calibra_find_jdk; calibra_provision_node; fi
  ./mvnw -q -B -DskipTests package >&2
}

start_postgres() {
  local data=$DIR/pg
  mkdir -p "$DIR"
  if [ ! -f "$data/PG_VERSION" ]; then
    say "creating a PostgreSQL cluster in $data (user calibra, a random password in $DIR/pg-password)"
    mkdir -p "$data"; chmod 700 "$data"
    [ -f "$DIR/pg-password" ] || { (umask 077; openssl rand -hex 24 >"$DIR/pg-password"); }
    # initdb wants an empty folder, and as root it runs as postgres: a copy of the password that user may read
    local pwfile=$DIR/.pwfile-initdb
    (umask 077; cp "$DIR/pg-password" "$pwfile")
    if [ "$(id -u)" = 0 ]; then chown postgres: "$data" "$pwfile"; fi
    pg initdb -D "$data" -U calibra --pwfile="$pwfile" --auth-local=scram-sha-256 --auth-host=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 >"$DIR/pg-initdb.log" 2>&1 || { tail -n 20 "$DIR/pg-initdb.log" >&2; rm -f "$pwfile"; die "initdb failed"; }
    rm -f "$pwfile"
  fi
  PG_PORT=$(free_port 55432 "")
  # loopback only; the socket in the data folder, so no system-wide /run/postgresql is needed
  pg pg_ctl -D "$data" -l "$data/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PWD/$data" start >/dev/null \
      || { tail -n 20 "$data/postgres.log" >&2; die "PostgreSQL did not start"; }
  export PGPASSWORD; PGPASSWORD=$(cat "$DIR/pg-password")
  if ! "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U calibra -d postgres -tAc "select 1 from pg_database where datname='calibra'" | grep -q 1; then
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U calibra calibra
  fi
  say "PostgreSQL ready on 127.0.0.1:$PG_PORT (data: $data, log: $data/postgres.log)"
}

# node $1 with public port $2 and management port $3
start_node() {
  local n=$1 home=$DIR/node$1
  mkdir -p "$home"
  # the same database, key file and blob directory for every node; the rest of the data folder (caches) per node
  SPRING_PROFILES_ACTIVE=postgres \
  CALIBRA_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/calibra" CALIBRA_DB_USER=calibra CALIBRA_DB_PASSWORD="$PGPASSWORD" \
  CALIBRA_SECRETS_KEY_FILE="$PWD/$DIR/secrets.key" CALIBRA_DATA_DIR="$PWD/$home" \
  CALIBRA_DEMO_USERS=true PORT=$2 CALIBRA_MANAGEMENT_PORT=$3 \
      setsid nohup "$JAVA_HOME/bin/java" -jar "$(jar)" --calibra.storage.blob-dir="$PWD/$DIR/blobs" \
      >"$home/node.log" 2>&1 </dev/null &
  echo $! >"$home/node.pid"
}

ready() { curl -fsS -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null; }

wait_ready() { # node number, management port, start time
  while ! ready "$2"; do
    alive "$DIR/node$1/node.pid" || { say "node$1 exited during start-up; last lines of $DIR/node$1/node.log:"; tail -n 30 "$DIR/node$1/node.log" >&2; return 1; }
    [ $(( $(date +%s) - $3 )) -lt "$TIMEOUT" ] || { say "node$1 not ready after ${TIMEOUT}s (log: $DIR/node$1/node.log)"; return 1; }
    sleep 2
  done
  say "node$1 ready after $(( $(date +%s) - $3 ))s"
}

start() {
  local nodes=2
  while [ $# -gt 0 ]; do
    case "$1" in
      --nodes) nodes=${2:-}; shift 2 ;;
      --nodes=*) nodes=${1#*=}; shift ;;
      *) die "unknown option '$1' (expected --nodes N)" ;;
    esac
  done
  [[ "$nodes" =~ ^[1-9][0-9]?$ ]] || die "--nodes expects a number from 1 to 99, got '$nodes'"
  [ -f "$STATE" ] && [ -n "$(running)" ] && die "a cluster is already running ($(running)); ./calibra cluster stop first"
  require_packages
  build_jar_if_stale
  if [ -z "${JAVA_HOME:-}" ]; then . scripts/env.sh; calibra_find_jdk; fi
  port_taken "$FRONTEND_PORT" && die "port $FRONTEND_PORT (HAProxy's frontend) is taken; set CALIBRA_CLUSTER_PORT"
  port_taken "$STATS_PORT" && die "port $STATS_PORT (HAProxy's stats page) is taken; set CALIBRA_CLUSTER_STATS_PORT"
  mkdir -p "$DIR/blobs"
  # one key-encryption key for every node (ADR 0030): without the same key a node cannot open the signing keys
  [ -f "$DIR/secrets.key" ] || { (umask 077; openssl rand -base64 32 >"$DIR/secrets.key"); say "made the shared key file $DIR/secrets.key"; }
  start_postgres

  local used="$FRONTEND_PORT $STATS_PORT $PG_PORT" ports=() mports=() i p m
  for i in $(seq 1 "$nodes"); do
    p=$(free_port $((8409 + i)) "$used"); used="$used $p"
    m=$(free_port $((8419 + i)) "$used"); used="$used $m"
    ports+=("$p"); mports+=("$m")
  done
  { echo "NODES=$nodes"; echo "PG_PORT=$PG_PORT"; echo "FRONTEND_PORT=$FRONTEND_PORT"; echo "STATS_PORT=$STATS_PORT"
    echo "PORTS=\"${ports[*]}\""; echo "MPORTS=\"${mports[*]}\""; } >"$STATE"

  # HAProxy's configuration first: a mistake in it should not cost a minute of node start-ups
  local servers=""
  for i in $(seq 1 "$nodes"); do
    servers+="    server node$i 127.0.0.1:${ports[i-1]} check port ${mports[i-1]} cookie node$i"$'\n'
  done
  awk -v front="$FRONTEND_PORT" -v stats="$STATS_PORT" -v servers="${servers%$'\n'}" \
      '$1 == "@SERVERS@" { print servers; next } { gsub(/@FRONTEND_PORT@/, front); gsub(/@STATS_PORT@/, stats); print }' \
      "$TEMPLATE" >"$DIR/haproxy.cfg"
  haproxy -c -q -f "$DIR/haproxy.cfg" || { pg pg_ctl -D "$DIR/pg" -m fast -w stop >/dev/null; die "HAProxy rejected $DIR/haproxy.cfg"; }

  # node1 first: it runs the Flyway migrations and loads cases/ and curricula/ while the others would only wait for
  # its locks; and the demo accounts (a development convenience) are created without a cluster lock
  local t0; t0=$(date +%s)
  say "starting node1 on port ${ports[0]} (management ${mports[0]}); it migrates the schema and loads the content"
  start_node 1 "${ports[0]}" "${mports[0]}"
  wait_ready 1 "${mports[0]}" "$t0" || { stop; return 1; }
  for i in $(seq 2 "$nodes"); do
    say "starting node$i on port ${ports[i-1]} (management ${mports[i-1]})"
    start_node "$i" "${ports[i-1]}" "${mports[i-1]}"
  done
  for i in $(seq 2 "$nodes"); do wait_ready "$i" "${mports[i-1]}" "$t0" || { stop; return 1; }; done

  # -db: in the foreground of its own process group, logging to its stdout (the log file)
  setsid nohup haproxy -db -f "$DIR/haproxy.cfg" >"$DIR/haproxy.log" 2>&1 </dev/null &
  echo $! >"$DIR/haproxy.pid"
  for _ in $(seq 1 20); do port_taken "$FRONTEND_PORT" && break; sleep 0.5; done
  alive "$DIR/haproxy.pid" || { tail -n 20 "$DIR/haproxy.log" >&2; stop; die "HAProxy did not start"; }
  say "ready after $(( $(date +%s) - t0 ))s"
  print_ports
}

print_ports() {
  . "$STATE"
  local ports=($PORTS) mports=($MPORTS) i
  cat <<EOF

  Calibra (through HAProxy):  http://127.0.0.1:$FRONTEND_PORT/   demo users as in the README (resident/resident, …)
  HAProxy stats page:         http://127.0.0.1:$STATS_PORT/        log: $DIR/haproxy.log  config: $DIR/haproxy.cfg
  PostgreSQL:                 127.0.0.1:$PG_PORT, database calibra, user calibra, password in $DIR/pg-password
  shared by the nodes:        key file $DIR/secrets.key, blobs $DIR/blobs
EOF
  for i in $(seq 1 "$NODES"); do
    printf '  node%-3s public http://127.0.0.1:%s/  management %s  log: %s\n' "$i" "${ports[i-1]}" "${mports[i-1]}" "$DIR/node$i/node.log"
  done
  echo
}

running() { # names what still runs
  local out=() f
  for f in "$DIR"/node*/node.pid; do alive "$f" && out+=("$(basename "$(dirname "$f")")"); done
  alive "$DIR/haproxy.pid" && out+=(haproxy)
  [ -f "$DIR/pg/postmaster.pid" ] && pg pg_ctl -D "$DIR/pg" status >/dev/null 2>&1 && out+=(postgres)
  echo "${out[*]}"
}

stop_pid() { # PID file, name
  alive "$1" || { rm -f "$1"; return 0; }
  local pid; pid=$(cat "$1")
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$pid" 2>/dev/null && { say "$2 still running; killing pid $pid"; kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"; }
  rm -f "$1"; say "stopped $2 (pid $pid)"
}

stop() {
  local f
  stop_pid "$DIR/haproxy.pid" haproxy
  for f in "$DIR"/node*/node.pid; do [ -e "$f" ] && stop_pid "$f" "$(basename "$(dirname "$f")")"; done
  if [ -f "$DIR/pg/postmaster.pid" ]; then
    pg pg_ctl -D "$DIR/pg" -m fast -w stop >/dev/null && say "stopped PostgreSQL"
  fi
  rm -f "$STATE"
  say "the data stays in $DIR (delete it to start afresh)"
}

status() {
  [ -f "$STATE" ] || { say "not running (no $STATE)"; return 3; }
  . "$STATE"
  local mports=($MPORTS) i
  for i in $(seq 1 "$NODES"); do
    if ! alive "$DIR/node$i/node.pid"; then echo "node$i: not running"
    elif ready "${mports[i-1]}"; then echo "node$i: ready (pid $(cat "$DIR/node$i/node.pid"))"
    else echo "node$i: running, not ready (pid $(cat "$DIR/node$i/node.pid"))"; fi
  done
  if alive "$DIR/haproxy.pid"; then
    echo "haproxy: running (pid $(cat "$DIR/haproxy.pid")); as HAProxy sees the nodes:"
    curl -fsS "http://127.0.0.1:$STATS_PORT/;csv" 2>/dev/null | awk -F, '$1=="calibra" && $2 ~ /^node/ {print "  " $2 ": " $18}'
  else echo "haproxy: not running"; fi
  if pg pg_ctl -D "$DIR/pg" status >/dev/null 2>&1; then echo "postgres: running on 127.0.0.1:$PG_PORT"; else echo "postgres: not running"; fi
  print_ports
}

logs() {
  case "${1:-haproxy}" in
    haproxy) tail -n "${2:-50}" "$DIR/haproxy.log" ;;
    postgres) tail -n "${2:-50}" "$DIR/pg/postgres.log" ;;
    node[0-9]*) tail -n "${2:-100}" "$DIR/$1/node.log" ;;
    *) die "logs of what? node1, node2, …, haproxy or postgres" ;;
  esac
}

case "${1:-help}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  logs) shift; logs "$@" ;;
  *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
