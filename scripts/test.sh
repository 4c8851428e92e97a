#!/usr/bin/env bash
# The README's test command: build, lint, every jest suite through n8n's engine against the
# sandbox, then the endpoint coverage check over what those suites sent.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== build"
npm run build --silent
echo "== lint"
npm run lint --silent
echo "== jest"
rm -rf .build/operation-runs .build/jest-*.json
mkdir -p .build
status=0
npx jest --ci --json --outputFile=.build/jest-main.json "$@" || status=$?
echo "== endpoint coverage"
npx jest --ci --config jest.coverage.config.js --json --outputFile=.build/jest-coverage.json || status=$?
node -e '
const runs = ["main", "coverage"].map((name) => require(`./.build/jest-${name}.json`));
const sum = (key) => runs.reduce((total, r) => total + r[key], 0);
console.log(`jest: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped`);
if (sum("numTotalTests") === 0) { console.error("no tests ran"); process.exit(1); }
' || status=1
exit $status
