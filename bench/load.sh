#!/usr/bin/env bash
# Concurrent readers through Vaadin's request protocol (docs/performance.md "Concurrent readers"): simulated residents
# ramp against ONE app node behind HAProxy, then TWO, both boot jars on one embedded PostgreSQL, in the same run.
#   bash bench/load.sh                                         stages of 10,20,40,...,480 residents, 30 s each, 1 s pauses
#   BENCH_RESIDENTS=10,20,40 BENCH_STAGE_SECONDS=20 bash bench/load.sh
#   BENCH_THINK_MS=0 bash bench/load.sh                        no pauses: every resident always has a request in flight
#   BENCH_PIN_NODES=true bash bench/load.sh                    each node on a core of its own (taskset), as on machines of their own
# Needs Debian's haproxy. Results: target/bench/concurrent-readers.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./calibra mvn verify -DskipE2E=true -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ConcurrentReadersBench -Dbench.smoke=false \
  -Dbench.residents="${BENCH_RESIDENTS:-10,20,40,60,80,120,160,240,320,480}" -Dbench.stageSeconds="${BENCH_STAGE_SECONDS:-30}" \
  -Dbench.thinkMs="${BENCH_THINK_MS:-1000}" -Dbench.cases="${BENCH_CASES:-10}" -Dbench.nodeHeap="${BENCH_NODE_HEAP:-1g}" \
  -Dbench.pinNodes="${BENCH_PIN_NODES:-false}"
cat target/bench/concurrent-readers.md
