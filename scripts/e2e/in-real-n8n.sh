#!/usr/bin/env bash
# Runs jest suites against the package installed in a real n8n, the way users get it: installs n8n
# when missing (scripts/e2e/install-n8n.sh, progress shown), builds the package and packs package/ as
# `npm publish` would (once for every suite: N8N_E2E_TARBALL), runs jest, prints how long each step took.
#   bash scripts/e2e/in-real-n8n.sh <jest config> [jest arguments]
# Env: N8N_E2E_VERSION (default 2.8.4). Used by test-e2e.sh and queue.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
config="$1"
shift
version="${N8N_E2E_VERSION:-2.8.4}"
t0=$(date +%s)

echo "== n8n $version"
bash scripts/e2e/install-n8n.sh "$version"
t1=$(date +%s)

echo "== build and pack"
npm run build --silent
mkdir -p .e2e
pack_dir="$(mktemp -d "$PWD/.e2e/pack-XXXXXX")"
trap 'rm -rf "$pack_dir"' EXIT
tarball="$pack_dir/$(npm pack --workspace package --silent --pack-destination "$pack_dir" 2>/dev/null | tail -n 1)"
[ -f "$tarball" ] || { echo "npm pack did not produce a tarball" >&2; exit 1; }
echo "packed ${tarball#"$PWD/"} ($(du -k "$tarball" | cut -f1) kB)"
t2=$(date +%s)

echo "== jest ($config)"
status=0
N8N_E2E_VERSION="$version" N8N_E2E_TARBALL="$tarball" npx jest --ci --runInBand --config "$config" "$@" || status=$?
t3=$(date +%s)

echo "== timings: n8n install/check $((t1 - t0)) s, build+pack $((t2 - t1)) s, suites $((t3 - t2)) s, total $((t3 - t0)) s"
exit $status
