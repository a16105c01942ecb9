#!/usr/bin/env bash
# Reproducible measurements. Results: target/bench/*.md (copy the figures into docs/performance.md).
#   bash bench/run.sh                   read pipeline vs bare inserts, H2 and PostgreSQL (~3 min)
#   BENCH_TRAINEES=300 bash bench/run.sh
#   BENCH_READS=200 bash bench/run.sh  module scoring of N reads (all figures vs sensitivity/specificity only)
set -euo pipefail
cd "$(dirname "$0")/.."
./calibra mvn verify -DskipE2E=true -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='ReadPipelineBench,ModuleScoringBench' -Dbench.smoke=false -Dbench.trainees="${BENCH_TRAINEES:-150}" -Dbench.reads="${BENCH_READS:-200}"
cat target/bench/read-pipeline.md target/bench/module-scoring.md
