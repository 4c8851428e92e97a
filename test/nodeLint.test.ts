/**
 * `n8n-node lint` and `n8n-node cloud-support`, the checks n8n asks of packages it verifies for Cloud, run
 * as n8n's CLI runs them: in the package's folder, strict mode, the default eslint.config.mjs. scripts/test.sh
 * lints package/ itself; here copies of it show the checks judge what they should (a node using a Node
 * global, a changed config), so that a green lint stage means something.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { PACKAGE_DIR, REPO_ROOT } from '../scripts/n8n/paths';

const N8N_NODE = path.join(REPO_ROOT, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');
const PACKAGE_SOURCE = ['package.json', 'eslint.config.mjs', 'tsconfig.json', 'nodes', 'credentials', 'icons'];

/** `n8n-node <args>` in `cwd`; the CLI prints its findings on stdout and stderr. */
function n8nNode(cwd: string, ...args: string[]): { status: number | null; output: string } {
	const run = spawnSync(process.execPath, [N8N_NODE, ...args], {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
	});
	return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('n8n-node lint and cloud-support', () => {
	const copies: string[] = [];
	afterAll(() => copies.forEach((copy) => fs.rmSync(copy, { recursive: true, force: true })));

	/** The package's source outside package/, with the repository's node_modules (where its eslint is). */
	function copyOfPackage(): string {
		fs.mkdirSync(path.join(REPO_ROOT, '.build'), { recursive: true });
		const copy = fs.mkdtempSync(path.join(REPO_ROOT, '.build', 'node-lint-'));
		copies.push(copy);
		for (const entry of PACKAGE_SOURCE) fs.cpSync(path.join(PACKAGE_DIR, entry), path.join(copy, entry), { recursive: true });
		fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(copy, 'node_modules'));
		return copy;
	}

	it('reports the package eligible for n8n Cloud verification: strict mode, default config', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8'));
		expect(manifest.n8n.strict).toBe(true);
		const status = n8nNode(PACKAGE_DIR, 'cloud-support');
		expect(status.output).toMatch(/Status: eligible for n8n Cloud verification/);
		expect(status.output).not.toMatch(/NOT eligible/);
	});

	it('fails a node that uses what n8n Cloud forbids, naming the rule and the file', () => {
		const copy = copyOfPackage();
		fs.writeFileSync(
			path.join(copy, 'nodes', 'ImagineAnything', 'shared', 'wait.ts'),
			"import { readFileSync } from 'fs';\n\nexport const wait = (ms: number) => new Promise((resolve) => setTimeout(() => resolve(readFileSync('x')), ms));\n",
		);
		const lint = n8nNode(copy, 'lint');
		expect(lint.status).toBe(1);
		expect(lint.output).toContain('nodes/ImagineAnything/shared/wait.ts');
		expect(lint.output).toContain('@n8n/community-nodes/no-restricted-imports');
		expect(lint.output).toContain('@n8n/community-nodes/no-restricted-globals');
		expect(lint.output).toContain('n8n Cloud compatibility issues detected');
	});

	it('refuses, in strict mode, an eslint.config.mjs changed from the default', () => {
		const copy = copyOfPackage();
		const config = path.join(copy, 'eslint.config.mjs');
		fs.writeFileSync(config, `${fs.readFileSync(config, 'utf8')}\nexport const ignores = ['nodes/**'];\n`);
		const lint = n8nNode(copy, 'lint');
		expect(lint.status).toBe(1);
		expect(lint.output).toContain('Strict mode violation');
		expect(n8nNode(copy, 'cloud-support').output).toMatch(/NOT eligible/);
	});
});
