#!/usr/bin/env bash
# Builds the package and packs package/ as `npm publish` would, into the folder given; prints the
# tarball's path. Shared by test-e2e.sh and queue.sh, which install it into real n8n.
#   bash scripts/e2e/pack.sh <folder>
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run build --silent >&2
tarball="$1/$(npm pack --workspace package --silent --pack-destination "$1" 2>/dev/null | tail -n 1)"
[ -f "$tarball" ] || { echo "npm pack did not produce a tarball" >&2; exit 1; }
echo "$tarball"
