#!/usr/bin/env bash
# Installs a real n8n into .n8n-install/<version> (git-ignored), reusing it when it is already there.
# Usage: scripts/e2e/install-n8n.sh [version]     (default 2.8.4, the newest n8n that runs on Node 20)
set -euo pipefail
version="${1:-2.8.4}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.n8n-install/$version"
if [ -x "$dir/node_modules/.bin/n8n" ] && [ -f "$dir/.complete" ]; then
	echo "n8n $version: reusing $dir"
	exit 0
fi
rm -rf "$dir"
mkdir -p "$dir"
# n8n-nodes-base points xlsx at a CDN tarball that cannot be reached from here; the registry copy is the same code.
cat > "$dir/package.json" <<JSON
{
  "name": "n8n-host-$version",
  "private": true,
  "dependencies": { "n8n": "$version" },
  "overrides": { "xlsx": "npm:@e965/xlsx@0.20.3" },
  "allowScripts": { "sqlite3": true }
}
JSON
echo "n8n $version: installing into $dir (a few minutes, about 2 GB)..."
started=$(date +%s)
( cd "$dir" && npm install --no-audit --no-fund --loglevel=error --foreground-scripts=false 2>&1 | grep -v 'Unknown user config' ) &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
	sleep 15
	echo "  ... $(( $(date +%s) - started )) s, $(du -sm "$dir" 2>/dev/null | cut -f1) MB so far"
done
wait "$pid"
"$dir/node_modules/.bin/n8n" --version >/dev/null
touch "$dir/.complete"
echo "n8n $version: installed in $(( $(date +%s) - started )) s"
