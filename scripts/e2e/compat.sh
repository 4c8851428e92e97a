#!/usr/bin/env bash
# Compatibility run: e2e suites against several real n8n versions, each on the Node it needs
# (scripts/e2e/install-n8n.sh installs n8n, and Node 24 for n8n 2.4x, when missing), through
# scripts/e2e/test-e2e.sh. Prints a Markdown table for the README (per suite: tests passed and the
# suite's time) and writes it with each version's jest JSON and log to .e2e/compat/.
# Usage: scripts/e2e/compat.sh [version ...]      (default: 2.8.4 2.41.1 1.123.81)
# Env: COMPAT_SUITES=all runs every e2e suite (what `npm test` runs on 2.8.4 and 2.41.1) instead of
# the headless ones (headless, volume, secrets).
set -uo pipefail
cd "$(dirname "$0")/../.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(2.8.4 2.41.1 1.123.81)
suite=(test/e2e/headless.e2e.test.ts test/e2e/volume.e2e.test.ts test/e2e/secrets.e2e.test.ts)
[ "${COMPAT_SUITES:-}" = all ] && suite=()
out=.e2e/compat
mkdir -p "$out"
runs=()
failed=0

for version in "${versions[@]}"; do
	json="$out/$version.json"
	rm -f "$json"
	if ! bash scripts/e2e/install-n8n.sh "$version"; then
		runs+=("$version|?|$json|0")
		failed=1
		continue
	fi
	node_bin=node
	if [ -f ".n8n-install/$version/host.env" ]; then
		recorded="$(sed -n 's/^N8N_NODE_BIN=//p' ".n8n-install/$version/host.env")"
		[ -n "$recorded" ] && node_bin="$recorded"
	fi
	started=$(date +%s)
	N8N_E2E_VERSION="$version" bash scripts/e2e/test-e2e.sh --json --outputFile="$json" ${suite[@]+"${suite[@]}"} 2>&1 | tee "$out/$version.log"
	[ "${PIPESTATUS[0]}" = 0 ] || failed=1
	runs+=("$version|$("$node_bin" --version)|$json|$(( $(date +%s) - started ))")
done

# One row per version, one column per suite: tests passed of the suite's tests, and the suite's time.
node -e '
const fs = require("fs");
const path = require("path");
const runs = process.argv.slice(1).map((line) => {
	const [version, node, json, seconds] = line.split("|");
	let result;
	try { result = JSON.parse(fs.readFileSync(json, "utf8")); } catch {}
	return { version, node, seconds, result };
});
const suiteName = (file) => path.basename(file).replace(/\.e2e\.test\.ts$/, "");
const suites = [...new Set(runs.flatMap((run) => (run.result?.testResults ?? []).map((s) => suiteName(s.name))))].sort();
const cell = (suite) => {
	const total = suite.assertionResults.length;
	const passed = suite.assertionResults.filter((t) => t.status === "passed").length;
	const time = Math.round((suite.endTime - suite.startTime) / 1000);
	return `${passed}/${total}${suite.status === "failed" && passed === total ? " (suite failed)" : ""}, ${time} s`;
};
console.log(`| n8n | Node | ${suites.join(" | ")} | all | time |`);
console.log(`| --- | --- | ${suites.map(() => "---").join(" | ")} | --- | --- |`);
for (const run of runs) {
	const bySuite = new Map((run.result?.testResults ?? []).map((s) => [suiteName(s.name), s]));
	const all = run.result ? `${run.result.numPassedTests}/${run.result.numTotalTests}` : "did not run";
	console.log(`| ${run.version} | ${run.node.replace(/^v/, "")} | ${suites.map((name) => (bySuite.has(name) ? cell(bySuite.get(name)) : "–")).join(" | ")} | ${all} | ${run.seconds} s |`);
}
' "${runs[@]}" > "$out/results.md" || failed=1
echo
echo "== compatibility ($(date -u +%Y-%m-%d), suites: ${suite[*]:-all e2e suites}; time = n8n check, build, pack and jest)"
cat "$out/results.md"
exit $failed
