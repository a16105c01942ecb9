#!/usr/bin/env bash
# The front end's unit tests (Vitest, frontend/**/*.test.ts, in Node without a browser). Maven runs this in the
# test phase, so `./calibra test` (and .ci/run) fail when a front-end test fails; -DskipTests skips it.
#   scripts/frontend-tests.sh           run once
#   scripts/frontend-tests.sh watch     re-run on every change while working on the viewer
# Uses the Node 24 that ./calibra provisions (also when Maven was started without ./calibra).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
calibra_provision_node
if [ ! -f node_modules/vitest/vitest.mjs ]; then
  echo "frontend tests: node_modules/vitest is missing. Vaadin's build installs the front-end packages, but skips" >&2
  echo "frontend tests: that while its cached bundle is current: rm -rf src/main/bundles && ./calibra test" >&2
  exit 1
fi
exec node node_modules/vitest/vitest.mjs "${@:-run}"
