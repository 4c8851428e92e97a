import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { PACKAGE_DIR, REPO_ROOT } from '../../scripts/n8n/paths';

/**
 * A copy of the package's source (what `n8n-node` works on) in a temporary folder, with the repository's
 * node_modules linked in, for tests that change or rebuild it. Outside the repository: some of n8n's lint
 * rules read the file's path and misjudge a node under a folder whose name has a dot (.build/).
 */
export function copyOfPackage(): { dir: string; remove: () => void } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'package-copy-'));
	for (const entry of ['package.json', 'eslint.config.mjs', 'tsconfig.json', 'index.js', 'nodes', 'credentials', 'icons']) {
		fs.cpSync(path.join(PACKAGE_DIR, entry), path.join(dir, entry), { recursive: true });
	}
	fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
	return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The environment for n8n's tools run from a test: jest sets NODE_ENV=test, which eslint-plugin-n8n-nodes-base
 * takes as its own test mode (every file is then "Test.node.ts", a node and a trigger at once).
 */
export function toolEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
	if (!('NODE_ENV' in extra)) delete env.NODE_ENV;
	return env;
}
