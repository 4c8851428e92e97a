import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { N8N_VERSION, REPO_ROOT } from './paths';

export function n8nBin(version = N8N_VERSION): string {
	return path.join(REPO_ROOT, '.n8n-install', version, 'node_modules', '.bin', 'n8n');
}

export function n8nInstalled(version = N8N_VERSION): boolean {
	return fs.existsSync(n8nBin(version)) && fs.existsSync(path.join(REPO_ROOT, '.n8n-install', version, '.complete'));
}

/**
 * What scripts/e2e/install-n8n.sh recorded in .n8n-install/<version>/host.env: the Node binary that
 * n8n version runs on (N8N_NODE_BIN, e.g. Node 24 for n8n 2.4x) and variables it needs (e.g.
 * N8N_DISABLED_MODULES). Env N8N_E2E_NODE_BIN overrides the binary. No file: this process's Node.
 */
export function n8nRuntime(version = N8N_VERSION): { nodeBin?: string; env: Record<string, string> } {
	const env: Record<string, string> = {};
	const file = path.join(REPO_ROOT, '.n8n-install', version, 'host.env');
	if (fs.existsSync(file)) {
		for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
			const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
			if (match) env[match[1]] = match[2];
		}
	}
	const nodeBin = process.env.N8N_E2E_NODE_BIN || env.N8N_NODE_BIN || undefined;
	delete env.N8N_NODE_BIN;
	return { nodeBin, env };
}

export interface N8nTraits {
	/**
	 * n8n applies publishing through its workflow publication outbox (2.41). Activating or
	 * deactivating over REST is then done shortly after the call answers (0.1 to 0.3 s here: the
	 * outbox is woken at once, its 15 s poll is a fallback), and on start a webhook trigger whose
	 * webhook n8n still has in its database is not registered again: n8n does not call its
	 * checkExists. Older n8n does both before the call answers and calls checkExists on every start.
	 */
	publishesThroughOutbox: boolean;
	/** The variable n8n reads its public webhook address from first: N8N_WEBHOOK_URL from 2.41 (WEBHOOK_URL is then deprecated), WEBHOOK_URL before. */
	webhookUrlVariable: 'N8N_WEBHOOK_URL' | 'WEBHOOK_URL';
}

/** How an installed n8n version differs where the e2e suites and the host see it, read from its installed code. */
export function n8nTraits(version = N8N_VERSION): N8nTraits {
	const modules = path.join(REPO_ROOT, '.n8n-install', version, 'node_modules');
	const config = path.join(modules, '@n8n', 'config', 'dist', 'index.js');
	return {
		publishesThroughOutbox: fs.existsSync(path.join(modules, 'n8n', 'dist', 'workflows', 'publication')),
		webhookUrlVariable: fs.existsSync(config) && fs.readFileSync(config, 'utf8').includes("'N8N_WEBHOOK_URL'") ? 'N8N_WEBHOOK_URL' : 'WEBHOOK_URL',
	};
}

/** Installs n8n when missing; the install script's progress goes to stderr (visible under jest too). */
export function ensureN8n(version = N8N_VERSION): string {
	if (n8nInstalled(version)) return n8nBin(version);
	const result = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'e2e', 'install-n8n.sh'), version], {
		cwd: REPO_ROOT,
		stdio: ['ignore', process.stderr, process.stderr],
	});
	if (result.status !== 0) throw new Error(`installing n8n ${version} failed (exit ${String(result.status)})`);
	return n8nBin(version);
}
