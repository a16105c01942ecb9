#!/usr/bin/env bash
# DICOMweb delivery, the app side by side with a real Orthanc in the same run (docs/performance.md); then the boot jar on
# PostgreSQL as one node and as two behind HAProxy, against the same Orthanc figures (BENCH_NODES=false leaves that out):
#   bash bench/dicomweb.sh                                  300 CT slices of 512x512, 6 connections, 5 rounds, 3 browser runs
#   BENCH_SLICES=100 BENCH_SIZE=256 bash bench/dicomweb.sh  a smaller series
# Needs Debian's orthanc + orthanc-dicomweb and haproxy (started by the bench on a free 127.0.0.1 port, stopped after) and chromium.
# Results: target/bench/dicomweb.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./calibra mvn verify -DskipE2E=true -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DicomWebBench -Dbench.smoke=false \
  -Dbench.slices="${BENCH_SLICES:-300}" -Dbench.size="${BENCH_SIZE:-512}" -Dbench.connections="${BENCH_CONNECTIONS:-6}" \
  -Dbench.rounds="${BENCH_ROUNDS:-5}" -Dbench.browserRuns="${BENCH_BROWSER_RUNS:-3}" \
  -Dbench.nodes="${BENCH_NODES:-true}"
cat target/bench/dicomweb.md
