/**
 * The verification scan of scripts/test.sh (scripts/scan-package.mjs, n8n's @n8n/scan-community-package
 * offline) fails a package n8n would refuse: here one whose package.json has an "overrides" field.
 * Run after `npm run build`.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { PACKAGE_DIR, REPO_ROOT as ROOT } from '../scripts/n8n/paths';
import { toolEnv } from './harness/tooling';

describe('the verification scan', () => {
	let copy: string;
	beforeAll(() => {
		fs.mkdirSync(path.join(ROOT, '.build'), { recursive: true });
		copy = fs.mkdtempSync(path.join(ROOT, '.build', 'scan-'));
		for (const entry of ['package.json', 'dist', 'nodes', 'credentials', 'icons']) {
			fs.cpSync(path.join(PACKAGE_DIR, entry), path.join(copy, entry), { recursive: true });
		}
	});
	afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

	it('fails a package whose package.json has "overrides", in both legs', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'package.json'), 'utf8'));
		fs.writeFileSync(path.join(copy, 'package.json'), JSON.stringify({ ...manifest, overrides: { 'n8n-workflow': '2.8.0' } }, null, 2));
		const scan = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'scan-package.mjs'), copy], { cwd: ROOT, encoding: 'utf8', env: toolEnv() });
		expect(scan.status).toBe(1);
		expect(scan.stdout).toContain('scan of the source (package.json, nodes/, credentials/): FAILED: ESLint violations found');
		expect(scan.stdout).toContain(`scan of the tarball ${manifest.name}-${manifest.version}.tgz: FAILED: ESLint violations found`);
		expect(scan.stdout.match(/@n8n\/community-nodes\/no-overrides-field/g)).toHaveLength(2);
	});
});
