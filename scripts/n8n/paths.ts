import * as fs from 'fs';
import * as path from 'path';

/** The n8n version the e2e suites, the demo and the bench run (env N8N_E2E_VERSION). */
export const N8N_VERSION = process.env.N8N_E2E_VERSION || '2.8.4';
export const PACKAGE_NAME = 'n8n-nodes-imagineanything';
export const NODE_TYPES = {
	action: `${PACKAGE_NAME}.imagineAnything`,
	trigger: `${PACKAGE_NAME}.imagineAnythingTrigger`,
	pollTrigger: `${PACKAGE_NAME}.imagineAnythingPollTrigger`,
} as const;
export const CREDENTIAL_TYPE = 'imagineAnythingApi';

/** The repository: the folder whose package/ holds the published package (also from .build/). */
function findRepoRoot(): string {
	let dir = __dirname;
	for (;;) {
		const manifest = path.join(dir, 'package', 'package.json');
		if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === PACKAGE_NAME) return dir;
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} repository above ${__dirname}`);
		dir = parent;
	}
}

export const REPO_ROOT = findRepoRoot();
/** The published package: package.json, nodes/, credentials/, icons/, and dist/ once built. */
export const PACKAGE_DIR = path.join(REPO_ROOT, 'package');
