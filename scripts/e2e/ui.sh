#!/usr/bin/env bash
# npm run test:ui (also the last step of npm test): the editor in a real browser (test/e2e/ui.e2e.ts).
# Installs what it needs when missing: Debian's chromium (apt), playwright-core into .e2e/tools (not
# a dependency of this repository; no browser download) and n8n via scripts/e2e/install-n8n.sh.
# Screenshots land in .e2e/screenshots/n8n-<version>/. Env: N8N_E2E_VERSION (default 2.8.4),
# UI_CHROMIUM, PLAYWRIGHT_CORE_VERSION.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)
chromium="${UI_CHROMIUM:-/usr/bin/chromium}"
playwright_version="${PLAYWRIGHT_CORE_VERSION:-1.65.1}"

if [ ! -x "$chromium" ]; then
	echo "== installing chromium (apt)"
	sudo=""
	[ "$(id -u)" = 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

tools=.e2e/tools
if [ "$(node -p "try { require('./$tools/node_modules/playwright-core/package.json').version } catch { '' }")" != "$playwright_version" ]; then
	echo "== installing playwright-core@$playwright_version into $tools"
	mkdir -p "$tools"
	[ -f "$tools/package.json" ] || echo '{"name":"e2e-tools","private":true}' > "$tools/package.json"
	npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "playwright-core@$playwright_version" 2>&1 | sed '/Unknown user config/d'
fi

bash scripts/e2e/install-n8n.sh "${N8N_E2E_VERSION:-2.8.4}"

echo "== UI e2e ($("$chromium" --version 2>/dev/null | head -n 1))"
status=0
UI_CHROMIUM="$chromium" npx jest --ci --runInBand --config jest.e2e.config.js --testMatch '<rootDir>/test/e2e/ui.e2e.ts' "$@" || status=$?
echo "UI e2e: $(( $(date +%s) - started )) s in total; screenshots in .e2e/screenshots/n8n-${N8N_E2E_VERSION:-2.8.4}/"
exit $status
