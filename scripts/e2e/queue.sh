#!/usr/bin/env bash
# npm run test:queue — the package on n8n's queue mode (test/queue/*.e2e.test.ts, jest.queue.config.js):
# Redis, Postgres and n8n as main + 2 workers + 1 webhook processor, all on 127.0.0.1.
# Installs what is missing: Debian's redis-server and postgresql (apt-get, as root; their system
# services are kept from starting, the suite runs its own throwaway instances), n8n
# (scripts/e2e/in-real-n8n.sh, which also builds and packs the package, runs jest and prints timings).
# Env: N8N_E2E_VERSION (default 2.8.4). Extra arguments go to jest (e.g. -t 'poll').
set -euo pipefail
cd "$(dirname "$0")/../.."
t0=$(date +%s)

echo "== redis-server and postgresql"
missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "missing ${missing[*]}: install them as root (apt-get install -y ${missing[*]}) and run again" >&2
		exit 1
	fi
	echo "installing ${missing[*]} with apt-get"
	# Debian starts a package's service on install unless policy-rc.d says no (exit 101).
	policy=/usr/sbin/policy-rc.d
	own_policy=0
	if [ ! -e "$policy" ]; then
		printf '#!/bin/sh\nexit 101\n' > "$policy"
		chmod 755 "$policy"
		own_policy=1
	fi
	status=0
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } || status=$?
	[ "$own_policy" = 1 ] && rm -f "$policy"
	[ "$status" = 0 ] || exit "$status"
fi
echo "$(redis-server --version | cut -d' ' -f1-3), postgres $(ls /usr/lib/postgresql | sort -n | tail -n 1)"
echo "== services ready in $(( $(date +%s) - t0 )) s"
exec bash scripts/e2e/in-real-n8n.sh jest.queue.config.js "$@"
