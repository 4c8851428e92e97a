#!/usr/bin/env bash
# The README's test command: build, lint, then every jest suite (sandbox, engine tests).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== build"
npm run build --silent
echo "== lint"
npm run lint --silent
echo "== jest"
mkdir -p .build
status=0
npx jest --ci --json --outputFile=.build/jest-results.json "$@" || status=$?
node -e '
const r = require("./.build/jest-results.json");
console.log(`jest: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
if (r.numTotalTests === 0) { console.error("no tests ran"); process.exit(1); }
' || status=1
exit $status
