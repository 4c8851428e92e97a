#!/usr/bin/env bash
# Compatibility run: the headless e2e suites (test/e2e/headless.e2e.test.ts, volume.e2e.test.ts, secrets.e2e.test.ts) against several real n8n
# versions, each on the Node it needs (scripts/e2e/install-n8n.sh installs n8n, and Node 24 for
# n8n 2.4x, when missing), through scripts/e2e/test-e2e.sh. Prints a Markdown table for the README
# and writes it with each version's jest JSON and log to .e2e/compat/.
# Usage: scripts/e2e/compat.sh [version ...]      (default: 2.8.4 1.123.81 2.41.1)
# Env: COMPAT_SUITES=all runs every e2e suite instead of the headless one.
set -uo pipefail
cd "$(dirname "$0")/../.."
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(2.8.4 1.123.81 2.41.1)
suite=(test/e2e/headless.e2e.test.ts test/e2e/volume.e2e.test.ts test/e2e/secrets.e2e.test.ts)
[ "${COMPAT_SUITES:-}" = all ] && suite=()
out=.e2e/compat
mkdir -p "$out"
rows=()
failed=0

for version in "${versions[@]}"; do
	if ! bash scripts/e2e/install-n8n.sh "$version"; then
		rows+=("| $version | ? | install failed | | |")
		failed=1
		continue
	fi
	node_bin=node
	if [ -f ".n8n-install/$version/host.env" ]; then
		recorded="$(sed -n 's/^N8N_NODE_BIN=//p' ".n8n-install/$version/host.env")"
		[ -n "$recorded" ] && node_bin="$recorded"
	fi
	node_version="$("$node_bin" --version)"
	json="$out/$version.json"
	rm -f "$json"
	started=$(date +%s)
	N8N_E2E_VERSION="$version" bash scripts/e2e/test-e2e.sh --json --outputFile="$json" ${suite[@]+"${suite[@]}"} 2>&1 | tee "$out/$version.log"
	status=${PIPESTATUS[0]}
	seconds=$(( $(date +%s) - started ))
	counts="$(node -e '
		try {
			const r = require(process.argv[1]);
			console.log(`${r.numPassedTests} | ${r.numFailedTests + r.numRuntimeErrorTestSuites}`);
		} catch { console.log("? | ?"); }
	' "$PWD/$json")"
	[ "$status" = 0 ] || failed=1
	rows+=("| $version | $node_version | $counts | $seconds s |")
done

{
	echo "| n8n | Node | passed | failed | time |"
	echo "| --- | --- | --- | --- | --- |"
	printf '%s\n' "${rows[@]}"
} > "$out/results.md"
echo
echo "== compatibility ($(date -u +%Y-%m-%d), suite: ${suite[*]:-all e2e suites}; time = build, pack and jest)"
cat "$out/results.md"
exit $failed
