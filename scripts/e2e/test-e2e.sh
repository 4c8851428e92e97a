#!/usr/bin/env bash
# npm run test:e2e — the suites of test/e2e/*.e2e.test.ts in a real n8n (jest.e2e.config.js).
# Builds, installs n8n when missing (scripts/e2e/install-n8n.sh, progress shown), packs the package
# once for every suite (N8N_E2E_TARBALL), runs jest, and prints how long each step took.
# Env: N8N_E2E_VERSION (default 2.8.4). Extra arguments go to jest (e.g. -t 'Return All').
set -euo pipefail
cd "$(dirname "$0")/../.."
version="${N8N_E2E_VERSION:-2.8.4}"
t0=$(date +%s)

echo "== n8n $version"
bash scripts/e2e/install-n8n.sh "$version"
t1=$(date +%s)

echo "== build and pack"
mkdir -p .e2e
pack_dir="$(mktemp -d "$PWD/.e2e/pack-XXXXXX")"
trap 'rm -rf "$pack_dir"' EXIT
tarball="$(bash scripts/e2e/pack.sh "$pack_dir")"
echo "packed ${tarball#"$PWD/"} ($(du -k "$tarball" | cut -f1) kB)"
t2=$(date +%s)

echo "== jest (jest.e2e.config.js)"
status=0
N8N_E2E_VERSION="$version" N8N_E2E_TARBALL="$tarball" \
	npx jest --ci --runInBand --config jest.e2e.config.js "$@" || status=$?
t3=$(date +%s)

echo "== timings: n8n install/check $((t1 - t0)) s, build+pack $((t2 - t1)) s, e2e suites $((t3 - t2)) s, total $((t3 - t0)) s"
exit $status
