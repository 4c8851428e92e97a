import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { toExecution, type Execution } from './execution';
import { ensureN8n, n8nBin, n8nInstalled, n8nRuntime, n8nTraits } from './install';
import { packPackage, removePackDirs } from './pack';
import { CREDENTIAL_TYPE, N8N_VERSION } from './paths';
import { childEnv, freePort, killGroup, liveProcesses, runProcess, type CliResult } from './processes';
import { RestSession, type RestAnswer } from './rest';
import { idFor, type CredentialRef, type Workflow } from './workflows';

export interface HostOptions {
	version?: string;
	/** Default: packPackage(). */
	tarball?: string;
	/** Port of `n8n start` (and the base of webhook URLs). Default: a free port. */
	port?: number;
	/** Use this folder instead of a new temporary one; dispose() then leaves it in place. */
	userFolder?: string;
	/** Extra environment for every n8n process of this host. */
	env?: Record<string, string>;
	/** Progress lines (default: none). */
	log?: (line: string) => void;
}

export interface Owner {
	email: string;
	firstName: string;
	lastName: string;
	password: string;
}

export const DEFAULT_OWNER: Owner = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Imagine-n8n-2025',
};

const liveHosts = new Set<N8nHost>();

export class N8nHost {
	readonly version: string;
	readonly userFolder: string;
	readonly port: number;
	readonly url: string;
	private readonly ownFolder: boolean;
	private readonly extraEnv: Record<string, string>;
	private readonly encryptionKey = randomBytes(24).toString('hex');
	private server?: ChildProcess;
	private serverLog = '';
	private readonly session: RestSession;
	private readonly runtime: ReturnType<typeof n8nRuntime>;

	constructor(options: { version: string; userFolder: string; ownFolder: boolean; port: number; env: Record<string, string> }) {
		this.version = options.version;
		this.userFolder = options.userFolder;
		this.ownFolder = options.ownFolder;
		this.port = options.port;
		this.url = `http://127.0.0.1:${options.port}`;
		this.extraEnv = options.env;
		this.runtime = n8nRuntime(options.version);
		this.session = new RestSession(this.url, (line) => (this.serverLog += line));
	}

	get running(): boolean {
		return !!this.server && this.server.exitCode === null && this.server.signalCode === null;
	}

	env(): NodeJS.ProcessEnv {
		return {
			...childEnv(),
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			// Only the variable this version reads first, so that the suites show it is enough.
			[n8nTraits(this.version).webhookUrlVariable]: `${this.url}/`,
			N8N_EDITOR_BASE_URL: `${this.url}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
			N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			DO_NOT_TRACK: '1',
			N8N_LOG_LEVEL: 'info',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			NODE_ENV: 'production',
			...this.runtime.env,
			// n8n's bin starts with `#!/usr/bin/env node`: the first node on PATH runs it.
			...(this.runtime.nodeBin ? { PATH: `${path.dirname(this.runtime.nodeBin)}${path.delimiter}${process.env.PATH ?? ''}` } : {}),
			...this.extraEnv,
		};
	}

	/** env() plus a task-runner broker port of its own, so that n8n processes never collide on 5679. */
	private async processEnv(): Promise<NodeJS.ProcessEnv> {
		return { N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...this.env() };
	}

	async cli(args: string[], options: { timeoutMs?: number; onStart?: (pid: number) => void } = {}): Promise<CliResult> {
		return await runProcess(n8nBin(this.version), args, await this.processEnv(), this.userFolder, options.timeoutMs ?? 180_000, options.onStart);
	}

	private async cliOk(args: string[]): Promise<CliResult> {
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} failed (exit ${String(result.code)}):\n${result.stdout}\n${result.stderr}`);
		return result;
	}

	private writeInput(name: string, content: unknown): string {
		const dir = path.join(this.userFolder, 'e2e-input');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${name}-${randomBytes(4).toString('hex')}.json`);
		fs.writeFileSync(file, JSON.stringify(content, null, 2));
		return file;
	}

	async importCredential(spec: { baseUrl: string; clientId: string; clientSecret: string; id?: string; name?: string }): Promise<CredentialRef> {
		const credential = { id: spec.id ?? idFor(`credential:${spec.clientId}`), name: spec.name ?? 'ImagineAnything account' };
		const file = this.writeInput('credentials', [
			{ ...credential, type: CREDENTIAL_TYPE, data: { baseUrl: spec.baseUrl, clientId: spec.clientId, clientSecret: spec.clientSecret } },
		]);
		await this.cliOk(['import:credentials', `--input=${file}`]);
		fs.rmSync(file, { force: true });
		return credential;
	}

	async importWorkflows(workflows: Workflow[]): Promise<void> {
		for (const workflow of workflows) {
			if (typeof workflow.id !== 'string' || workflow.id.length === 0) throw new Error(`workflow "${workflow.name}" needs an id (see prepareWorkflow)`);
		}
		await this.cliOk(['import:workflow', `--input=${this.writeInput('workflows', workflows)}`]);
	}

	async execute(workflowId: string, options: { timeoutMs?: number; onStart?: (pid: number) => void } = {}): Promise<Execution> {
		return toExecution(await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], options));
	}

	async publish(workflowId: string): Promise<void> {
		// n8n 1.x has no publish:workflow: activating is update:workflow there.
		const args = this.version.startsWith('1.') ? ['update:workflow', `--id=${workflowId}`, '--active=true'] : ['publish:workflow', `--id=${workflowId}`];
		await this.cliOk(args);
	}

	async start(options: { timeoutMs?: number; env?: Record<string, string> } = {}): Promise<void> {
		if (this.running) return;
		const timeoutMs = options.timeoutMs ?? 120_000;
		this.serverLog = '';
		const env = { ...(await this.processEnv()), ...options.env };
		const child = spawn(n8nBin(this.version), ['start'], { cwd: this.userFolder, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		liveProcesses.add(child);
		this.server = child;
		const append = (chunk: Buffer) => {
			this.serverLog += chunk.toString('utf8');
			if (this.serverLog.length > 2_000_000) this.serverLog = this.serverLog.slice(-1_000_000);
		};
		child.stdout!.on('data', append);
		child.stderr!.on('data', append);
		child.on('close', () => {
			liveProcesses.delete(child);
			killGroup(child, 'SIGKILL');
		});
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (!this.running) throw new Error(`n8n start exited (code ${String(child.exitCode)}):\n${this.serverLog}`);
			// Printed once this n8n listens: what answers on the port is then this process. Without it a suite
			// twice found its n8n "ready" 2 to 4 s after spawning it, then got 404s: another server had the port.
			if (!this.serverLog.includes('Editor is now accessible via')) {
				await new Promise((resolve) => setTimeout(resolve, 250));
				continue;
			}
			try {
				// /healthz/readiness turns 200 before the REST API and webhooks are mounted, and under load
				// /rest/settings can answer while the auth routes are still missing (a restart once got
				// 404 on POST /rest/login): ready means both answer.
				const settings = await fetch(`${this.url}/rest/settings`, { signal: AbortSignal.timeout(2000) });
				if (settings.status === 200) {
					const login = await fetch(`${this.url}/rest/login`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', 'browser-id': this.session.browserId },
						body: '{}',
						signal: AbortSignal.timeout(2000),
					});
					if (login.status !== 404) return;
				}
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		await this.stop();
		throw new Error(`n8n start did not become ready within ${timeoutMs} ms:\n${this.serverLog}`);
	}

	async stop(): Promise<void> {
		const child = this.server;
		this.server = undefined;
		this.session.end();
		if (!child) return;
		if (child.exitCode !== null || child.signalCode !== null) {
			killGroup(child, 'SIGKILL');
			return;
		}
		const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
		// n8n alone first: it stops its task runner itself (signalled together, it starts a new one).
		child.kill('SIGTERM');
		const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 20_000);
		await closed;
		clearTimeout(timer);
		killGroup(child, 'SIGKILL');
	}

	log(): string {
		return this.serverLog;
	}

	/** A REST call to this n8n with the owner's session (see RestSession). */
	async rest(method: string, route: string, body?: unknown): Promise<RestAnswer> {
		return await this.session.call(method, route, body);
	}

	/** Creates the owner account of a fresh instance (n8n must be running) and keeps its session for rest(). */
	async setupOwner(owner: Owner = DEFAULT_OWNER): Promise<Owner> {
		const answer = await this.rest('POST', '/owner/setup', owner);
		if (answer.status !== 200) throw new Error(`owner setup failed (${answer.status}): ${JSON.stringify(answer.body)}`);
		return owner;
	}

	async dispose(): Promise<void> {
		await this.stop();
		liveHosts.delete(this);
		if (this.ownFolder) fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/** Installs the package tarball as a community package into <userFolder>/.n8n/nodes. */
function installPackage(userFolder: string, tarball: string): void {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	// --legacy-peer-deps: n8n provides n8n-workflow; installing the peer would pull and build isolated-vm.
	const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--legacy-peer-deps', '--loglevel=error', tarball], {
		cwd: nodesDir,
		encoding: 'utf8',
		env: childEnv(),
	});
	if (result.status !== 0) throw new Error(`installing ${tarball} into ${nodesDir} failed:\n${result.stdout}\n${result.stderr}`);
}

export async function createHost(options: HostOptions = {}): Promise<N8nHost> {
	const version = options.version ?? N8N_VERSION;
	const log = options.log ?? (() => undefined);
	if (!n8nInstalled(version)) {
		log(`installing n8n ${version} (first run only)…`);
		ensureN8n(version);
	}
	const tarball = options.tarball ?? packPackage();
	const userFolder = options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
	log(`installing ${path.basename(tarball)} into ${userFolder}/.n8n/nodes`);
	installPackage(userFolder, tarball);
	const host = new N8nHost({
		version,
		userFolder,
		ownFolder: !options.userFolder,
		port: options.port ?? (await freePort()),
		env: options.env ?? {},
	});
	liveHosts.add(host);
	return host;
}

export async function disposeAllHosts(): Promise<void> {
	await Promise.all([...liveHosts].map(async (host) => await host.dispose()));
	removePackDirs();
}
