#!/usr/bin/env bash
# The README's test command: build, lint, every jest suite through n8n's engine against the
# sandbox, the endpoint coverage check over what those suites sent, then the end-to-end suites in
# a real n8n 2.8.4 (installed into .n8n-install/ on first use). SKIP_E2E=1 leaves the last step out.
set -euo pipefail
cd "$(dirname "$0")/.."

stage_started=$(date +%s)
stage() {
	local now
	now=$(date +%s)
	[ -n "${stage_name:-}" ] && echo "== $stage_name took $(( now - stage_started )) s"
	stage_name="$1"
	stage_started=$now
	[ -n "$1" ] && echo "== $1"
	return 0
}

stage build
npm run build --silent
stage lint
npm run lint --silent
stage jest
rm -rf .build/operation-runs .build/jest-*.json
mkdir -p .build
status=0
npx jest --ci --json --outputFile=.build/jest-main.json "$@" || status=$?
stage "endpoint coverage"
npx jest --ci --config jest.coverage.config.js --json --outputFile=.build/jest-coverage.json || status=$?
stage ""
if [ "${SKIP_E2E:-0}" != 1 ]; then
	echo "== end to end in real n8n"
	if ! bash scripts/e2e/test-e2e.sh --json --outputFile=.build/jest-e2e.json; then
		# These suites drive real n8n processes (start, restart, REST sessions) on a 2-core machine.
		# A failed first attempt is printed and the suites run once more; the second result counts.
		mv .build/jest-e2e.json .build/jest-e2e-attempt1.json 2>/dev/null || true
		node -e '
const r = require("./.build/jest-e2e-attempt1.json");
console.log(`== end to end, attempt 1: ${r.numPassedTests} passed, ${r.numFailedTests} failed; running the e2e suites once more`);
for (const suite of r.testResults) for (const t of suite.assertionResults) if (t.status === "failed") console.log(`   failed: ${t.fullName}`);
' 2>/dev/null || echo "== end to end, attempt 1 failed before reporting; running the e2e suites once more"
		bash scripts/e2e/test-e2e.sh --json --outputFile=.build/jest-e2e.json || status=$?
	fi
fi
node -e '
const fs = require("fs");
const runs = ["main", "coverage", "e2e"].filter((name) => fs.existsSync(`./.build/jest-${name}.json`)).map((name) => require(`./.build/jest-${name}.json`));
const sum = (key) => runs.reduce((total, r) => total + r[key], 0);
console.log(`jest: ${sum("numPassedTests")} passed, ${sum("numFailedTests")} failed, ${sum("numPendingTests")} skipped`);
if (sum("numTotalTests") === 0) { console.error("no tests ran"); process.exit(1); }
' || status=1
exit $status
