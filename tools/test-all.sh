#!/usr/bin/env bash
# `npm test`: every check, in the order a reviewer would want to see failures.
# Each step can be run alone (see README "Run one check alone").
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHROMIUM_PATH
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "Chromium was not found at $CHROMIUM_PATH." >&2
  echo "The end-to-end tests drive Debian's Chromium. Install it with:" >&2
  echo "    sudo apt-get update && sudo apt-get install -y chromium" >&2
  echo "or point CHROMIUM_PATH at a Chromium or Chrome binary." >&2
  exit 3
fi

t0=$SECONDS
step() { echo; echo "=== $* (t=$((SECONDS - t0))s)"; }
mkdir -p .ci-out

step "svelte-check";      npx --no-install svelte-check --tsconfig ./tsconfig.json --fail-on-warnings
step "tsc --noEmit";      npx --no-install tsc --noEmit -p tsconfig.json
step "eslint";            npx --no-install eslint . --max-warnings 0
step "vitest";            NO_COLOR=1 npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=.ci-out/vitest.json
step "scenarios:check";   npx --no-install tsx tools/scenarios-check.ts
step "vite build";        npx --no-install vite build
step "playwright e2e";    npx --no-install playwright test
echo; echo "All checks passed in $((SECONDS - t0))s."
