/**
 * `n8n-node lint` and `n8n-node cloud-support`, the checks n8n asks of packages it verifies for Cloud, run
 * as n8n's CLI runs them: in the package's folder, strict mode, the default eslint.config.mjs. scripts/test.sh
 * lints package/ itself; here copies of it show the checks judge what they should (a node using a Node
 * global, a changed config), so that a green lint stage means something.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { stripVTControlCharacters } from 'util';

import { PACKAGE_DIR, REPO_ROOT } from '../scripts/n8n/paths';
import { copyOfPackage, toolEnv } from './harness/tooling';

const N8N_NODE = path.join(REPO_ROOT, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');

/** `n8n-node <args>` in `cwd`; the CLI prints its findings on stdout and stderr. */
function n8nNode(cwd: string, ...args: string[]): { status: number | null; output: string } {
	const run = spawnSync(process.execPath, [N8N_NODE, ...args], {
		cwd,
		encoding: 'utf8',
		env: toolEnv(),
	});
	// Without eslint's colours: n8n-node lint sets FORCE_COLOR for it.
	return { status: run.status, output: stripVTControlCharacters(`${run.stdout}${run.stderr}`) };
}

describe('n8n-node lint and cloud-support', () => {
	const copies: Array<{ remove: () => void }> = [];
	afterAll(() => copies.forEach((copy) => copy.remove()));
	const packageCopy = () => {
		const copy = copyOfPackage();
		copies.push(copy);
		return copy.dir;
	};

	it('reports the package eligible for n8n Cloud verification: strict mode, default config', () => {
		const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8'));
		expect(manifest.n8n.strict).toBe(true);
		const status = n8nNode(PACKAGE_DIR, 'cloud-support');
		expect(status.output).toMatch(/Status: eligible for n8n Cloud verification/);
		expect(status.output).not.toMatch(/NOT eligible/);
	});

	it('passes a copy of the package as it is (the copies below differ from it by one change each)', () => {
		const lint = n8nNode(packageCopy(), 'lint');
		expect({ status: lint.status, problems: lint.output.match(/\d+ problems?/)?.[0] ?? 'none' }).toEqual({ status: 0, problems: 'none' });
	});

	it('fails a node that uses what n8n Cloud forbids, naming the rule and the file', () => {
		const copy = packageCopy();
		fs.writeFileSync(
			path.join(copy, 'nodes', 'ImagineAnything', 'shared', 'wait.ts'),
			"import { readFileSync } from 'fs';\n\nexport const wait = (ms: number) => new Promise((resolve) => setTimeout(() => resolve(readFileSync('x')), ms));\n",
		);
		const lint = n8nNode(copy, 'lint');
		expect(lint.status).toBe(1);
		expect(lint.output).toContain('nodes/ImagineAnything/shared/wait.ts');
		expect(lint.output).toMatch(/\b2 problems \(2 errors, 0 warnings\)/);
		expect(lint.output).toContain('@n8n/community-nodes/no-restricted-imports');
		expect(lint.output).toContain('@n8n/community-nodes/no-restricted-globals');
		expect(lint.output).toContain('n8n Cloud compatibility issues detected');
	});

	it('refuses, in strict mode, an eslint.config.mjs changed from the default', () => {
		const copy = packageCopy();
		const config = path.join(copy, 'eslint.config.mjs');
		fs.writeFileSync(config, `${fs.readFileSync(config, 'utf8')}\nexport const ignores = ['nodes/**'];\n`);
		const lint = n8nNode(copy, 'lint');
		expect(lint.status).toBe(1);
		expect(lint.output).toContain('Strict mode violation');
		expect(n8nNode(copy, 'cloud-support').output).toMatch(/NOT eligible/);
	});
});
