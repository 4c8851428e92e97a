#!/usr/bin/env bash
# npm run test:e2e — the suites of test/e2e/*.e2e.test.ts in a real n8n (jest.e2e.config.js), with the
# package installed from its tarball (scripts/e2e/in-real-n8n.sh).
# Env: N8N_E2E_VERSION (default 2.8.4). Extra arguments go to jest (e.g. -t 'Return All').
set -euo pipefail
exec bash "$(dirname "$0")/in-real-n8n.sh" jest.e2e.config.js "$@"
