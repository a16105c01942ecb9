#!/usr/bin/env bash
# Memory per session (docs/performance.md, "Memory per session"): the boot jar, warmed up, live heap after a full GC with
# 0 and with N sessions on the reading view, measured over JMX.
#   bash bench/memory.sh                       60 sessions after 20 warm-up sessions, -Xmx1g
#   BENCH_SESSIONS=200 BENCH_HEAP=2g bash bench/memory.sh
# Builds the jar (package) first. Results: target/bench/memory-per-session.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./calibra mvn verify -DskipE2E=true -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=MemoryPerSessionBench -Dbench.smoke=false \
  -Dbench.sessions="${BENCH_SESSIONS:-60}" -Dbench.warmUpSessions="${BENCH_WARM_UP_SESSIONS:-20}" -Dbench.heap="${BENCH_HEAP:-1g}"
cat target/bench/memory-per-session.md
