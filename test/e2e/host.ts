/**
 * Drives a real n8n (installed by scripts/e2e/install-n8n.sh into .n8n-install/<version>) with
 * this package installed the way users get it: `npm pack` → tarball → `npm install` in a fresh
 * N8N_USER_FOLDER's .n8n/nodes, so node types are `n8n-nodes-imagineanything.*`.
 * Everything listens on 127.0.0.1; telemetry, templates and version checks are off.
 *
 * API (stable; add to it, do not change these signatures):
 *
 *   N8N_VERSION                      '2.8.4', or env N8N_E2E_VERSION
 *   REPO_ROOT                        absolute path of the repository
 *   NODE_TYPES                       { action, trigger, pollTrigger }: full type names as installed
 *   CREDENTIAL_TYPE                  'imagineAnythingApi'
 *   n8nBin(version?)                 path of the n8n binary
 *   n8nInstalled(version?)           whether that n8n is installed
 *   ensureN8n(version?)              installs it when missing (progress on stderr); returns n8nBin
 *   n8nRuntime(version?)             { nodeBin?, env } recorded by install-n8n.sh (Node 24 for 2.4x), honoured by every host
 *   packPackage()                    npm run build + npm pack (once per process, or env N8N_E2E_TARBALL) → .tgz path
 *                                    (under .e2e/pack-XXXXXX/, removed by disposeAllHosts() or when the process exits)
 *   freePort()                       a free TCP port on 127.0.0.1
 *
 *   createHost(options?) → Promise<N8nHost>   fresh N8N_USER_FOLDER (under os.tmpdir()) with the package installed
 *     options: { version?, tarball?, port?, userFolder?, env?, log? }
 *   N8nHost
 *     .userFolder .port .url (http://127.0.0.1:port) .version
 *     .env()                                    the environment every n8n process of this host gets
 *     .cli(args, { timeoutMs?, onStart? })      runs `n8n <args>` → { code, stdout, stderr } (output through files, complete
 *                                               however large); rejects only on timeout; onStart(pid) when spawned
 *     .importCredential({ baseUrl, clientId, clientSecret, id?, name? }) → { id, name }
 *     .importWorkflows(workflows)               `n8n import:workflow` of an array (each needs a 16-char id)
 *     .execute(workflowId, { timeoutMs?, onStart? })  `n8n execute --rawOutput` → Execution (never rejects on a failed run)
 *     .publish(workflowId)                      `n8n publish:workflow` (1.x: update:workflow --active=true; activate while n8n is stopped)
 *     .start({ timeoutMs? })                    `n8n start` on .port; resolves when the REST API answers (GET /rest/settings 200, POST /rest/login mounted)
 *     .stop()                                   SIGTERM n8n (it stops its task runner), SIGKILL its process group after 20 s / once it exited
 *     .running                                  whether `n8n start` is running
 *     .log()                                    stdout+stderr of `n8n start` so far (for diagnostics)
 *     .setupOwner(owner?) → Owner               POST /rest/owner/setup on a fresh instance (needs .start()); DEFAULT_OWNER
 *                                               is owner@example.com / Imagine-n8n-2025
 *     .rest(method, path, body?) → { status, body }   REST call with the owner's session cookie
 *     .dispose()                                stop + delete the user folder (unless options.userFolder was given)
 *   disposeAllHosts()                            dispose every host still alive, remove packPackage's folder (for afterAll)
 *
 *   Execution: { ok, status, error?, lastNode?, runData, nodesRun, items(node, opts?), json(node, opts?), stdout, stderr }
 *   (a run that fails has ok false and error { message, description?, node? }; runData still holds what ran)
 *
 *   Workflows: loadExample(file) reads examples/<file>; itemsWorkflow(name, items, nodes) runs nodes over many input
 *   items; prepareWorkflow(workflow, { id, credential?, byName?, name? })
 *   sets the id and points every ImagineAnything credential at `credential` (or byName[its name]);
 *   nodeNamed(workflow, name) finds a node to edit; idFor(text) makes a stable 16-char id; replaceTrigger(workflow,
 *   triggerName, item) turns a trigger into a Manual Trigger + a Set node of the same name producing `item`.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { createHash, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export const N8N_VERSION = process.env.N8N_E2E_VERSION || '2.8.4';
export const PACKAGE_NAME = 'n8n-nodes-imagineanything';
export const NODE_TYPES = {
	action: `${PACKAGE_NAME}.imagineAnything`,
	trigger: `${PACKAGE_NAME}.imagineAnythingTrigger`,
	pollTrigger: `${PACKAGE_NAME}.imagineAnythingPollTrigger`,
} as const;
export const CREDENTIAL_TYPE = 'imagineAnythingApi';

function findRepoRoot(): string {
	let dir = __dirname;
	for (;;) {
		const manifest = path.join(dir, 'package.json');
		if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === PACKAGE_NAME) return dir;
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`cannot find the ${PACKAGE_NAME} repository above ${__dirname}`);
		dir = parent;
	}
}

export const REPO_ROOT = findRepoRoot();

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

let packed: string | undefined;
/** Removed by disposeAllHosts() and at exit (jest's sandboxed `process` may not see 'exit'). */
const packDirs = new Set<string>();

function removePackDirs(): void {
	for (const dir of packDirs) fs.rmSync(dir, { recursive: true, force: true });
	packDirs.clear();
}

/** Builds the package and packs it like `npm publish` would; the tarball lands in .e2e/pack-XXXXXX/ (removed at exit). */
export function packPackage(): string {
	const given = process.env.N8N_E2E_TARBALL;
	if (given && fs.existsSync(given)) return path.resolve(given);
	if (packed && fs.existsSync(packed)) return packed;
	const run = (command: string, args: string[], cwd = REPO_ROOT) => {
		const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: childEnv() });
		if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
		return result.stdout;
	};
	// A folder per process: other suites or a demo may pack at the same time.
	fs.mkdirSync(path.join(REPO_ROOT, '.e2e'), { recursive: true });
	const destination = fs.mkdtempSync(path.join(REPO_ROOT, '.e2e', 'pack-'));
	packDirs.add(destination);
	const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	const needed: string[] = [...manifest.n8n.nodes, ...manifest.n8n.credentials];
	// Another build in this working tree (gulp clean) can empty dist/ under our feet: build and pack again.
	for (let attempt = 1; ; attempt++) {
		try {
			run('npm', ['run', 'build', '--silent']);
			const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', destination])) as Array<{
				filename: string;
				files: Array<{ path: string }>;
			}>;
			const missing = needed.filter((file) => !info.files.some((entry) => entry.path === file));
			if (missing.length > 0) throw new Error(`the tarball lacks ${missing.join(', ')}`);
			packed = path.join(destination, info.filename);
			return packed;
		} catch (error) {
			if (attempt >= 3) throw error;
		}
	}
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** The parent's environment without what would change n8n's behaviour (jest sets NODE_ENV=test). */
function childEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (key === 'NODE_ENV' || key === 'JEST_WORKER_ID' || key.startsWith('N8N_') || key.startsWith('DB_')) continue;
		env[key] = value;
	}
	return env;
}

// ---------------------------------------------------------------------------------------------
// Workflows

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	[key: string]: unknown;
}

export interface Workflow {
	id?: string;
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	active?: boolean;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface CredentialRef {
	id: string;
	name: string;
}

export function loadExample(file: string): Workflow {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as Workflow;
}

/** A 16-character workflow/credential id derived from a text (stable across runs). */
export function idFor(text: string): string {
	return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * A copy with `id` set, inactive, and every ImagineAnything credential pointing at `credential`,
 * or, where the workflow names a credential listed in `byName`, at that one.
 */
export function prepareWorkflow(
	workflow: Workflow,
	options: { id: string; credential?: CredentialRef; byName?: Record<string, CredentialRef>; name?: string },
): Workflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as Workflow;
	copy.id = options.id;
	if (options.name) copy.name = options.name;
	copy.active = false;
	copy.settings = copy.settings ?? { executionOrder: 'v1' };
	for (const node of copy.nodes) {
		const current = node.credentials?.[CREDENTIAL_TYPE];
		if (!current) continue;
		const target = options.byName?.[current.name] ?? options.credential;
		if (!target) throw new Error(`no credential for "${current.name}" in node "${node.name}"`);
		node.credentials![CREDENTIAL_TYPE] = { ...target };
	}
	return copy;
}

/** A node of itemsWorkflow. */
export interface BranchNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
	onError?: string;
}

/**
 * Manual Trigger → Items (a Code node that outputs `items`) → each of `nodes`, every one on a branch
 * of its own fed by Items (positions are set here). For runs over many input items.
 */
export function itemsWorkflow(name: string, items: unknown[], nodes: BranchNode[]): Workflow {
	const all: WorkflowNode[] = [
		{ id: idFor(`${name}/start`), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: idFor(`${name}/items`),
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [220, 0],
			parameters: { jsCode: `return ${JSON.stringify(items)}.map((json) => ({ json }));` },
		},
		...nodes.map((node, index) => ({ ...node, id: idFor(`${name}/${node.name}`), position: [440, index * 160] as [number, number] })),
	];
	return {
		id: idFor(`items workflow:${name}`),
		name,
		nodes: all,
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [nodes.map((node) => ({ node: node.name, type: 'main', index: 0 }))] },
		},
		active: false,
		settings: { executionOrder: 'v1' },
	};
}

/** The node `name` of a workflow (throws when missing), for editing parameters of a copy. */
export function nodeNamed(workflow: Workflow, name: string): WorkflowNode {
	const found = workflow.nodes.find((node) => node.name === name);
	if (!found) throw new Error(`workflow "${workflow.name}" has no node "${name}"`);
	return found;
}

/**
 * Replaces the node `triggerName` by a Set node of the same name (so expressions such as
 * `$('ImagineAnything Trigger').item.json.conversationId` keep working) that outputs `item` (the
 * event as the trigger outputs it), fed by a new Manual Trigger: `n8n execute` can only start a
 * workflow at a Manual Trigger.
 */
export function replaceTrigger(workflow: Workflow, triggerName: string, item: Record<string, unknown>): Workflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as Workflow;
	const index = copy.nodes.findIndex((node) => node.name === triggerName);
	if (index < 0) throw new Error(`workflow "${copy.name}" has no node "${triggerName}"`);
	const trigger = copy.nodes[index];
	const manualName = 'Manual Trigger (instead of the event)';
	copy.nodes[index] = {
		id: trigger.id,
		name: trigger.name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: trigger.position,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify(item, null, 2), options: {} },
	};
	copy.nodes.push({
		id: idFor(`${copy.name}:${manualName}`),
		name: manualName,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [trigger.position[0] - 220, trigger.position[1]],
		parameters: {},
	});
	copy.connections[manualName] = { main: [[{ node: trigger.name, type: 'main', index: 0 }]] };
	return copy;
}

// ---------------------------------------------------------------------------------------------
// Executions

export interface ExecutionItem {
	json: Record<string, any>;
	binary?: Record<string, { mimeType?: string; fileName?: string; fileSize?: string; [key: string]: unknown }>;
}

export interface Execution {
	ok: boolean;
	/** n8n's status: success, error, … ('unparsed' when no JSON could be read from the output). */
	status: string;
	error?: { message: string; description?: string; node?: string; [key: string]: unknown };
	lastNode?: string;
	runData: Record<string, Array<{ data?: { main?: Array<ExecutionItem[] | null> }; error?: unknown; [key: string]: unknown }>>;
	/** Names of the nodes that ran, in the order their first run started. */
	nodesRun: string[];
	/** Output items of a node (run 0, output 0 unless given); [] when it did not run. */
	items(node: string, options?: { run?: number; output?: number }): ExecutionItem[];
	json(node: string, options?: { run?: number; output?: number }): Array<Record<string, any>>;
	stdout: string;
	stderr: string;
}

/** The run JSON in `n8n execute` output: after the logs on success, inside the log on failure. */
function extractRunJson(stdout: string): any {
	const starts: number[] = [];
	const lines = stdout.split('\n');
	let offset = 0;
	for (const text of lines) {
		if (text === '{') starts.push(offset);
		offset += text.length + 1;
	}
	for (const start of starts) {
		const end = stdout.indexOf('\n}', start);
		for (let close = end; close >= 0; close = stdout.indexOf('\n}', close + 1)) {
			try {
				const parsed = JSON.parse(stdout.slice(start, close + 2));
				if (parsed && typeof parsed === 'object' && parsed.data?.resultData) return parsed;
			} catch {
				// not the end of this object yet
			}
		}
	}
	return undefined;
}

function toExecution(stdout: string, stderr: string, code: number | null): Execution {
	const run = extractRunJson(stdout);
	const resultData = run?.data?.resultData ?? {};
	const runData: Execution['runData'] = resultData.runData ?? {};
	const items: Execution['items'] = (node, options = {}) =>
		(runData[node]?.[options.run ?? 0]?.data?.main?.[options.output ?? 0] ?? []) as ExecutionItem[];
	const nodesRun = Object.entries(runData)
		.map(([name, runs]) => ({ name, start: Number((runs[0] as { startTime?: number })?.startTime ?? 0) }))
		.sort((a, b) => a.start - b.start)
		.map((entry) => entry.name);
	const error = resultData.error
		? { ...resultData.error, message: String(resultData.error.message ?? ''), node: resultData.error.node?.name ?? resultData.error.node }
		: run
			? undefined
			: { message: `no execution result in the output of n8n execute (exit ${String(code)})` };
	return {
		ok: !!run && !resultData.error && code === 0,
		status: run?.status ?? 'unparsed',
		error,
		lastNode: resultData.lastNodeExecuted,
		runData,
		nodesRun,
		items,
		json: (node, options) => items(node, options).map((item) => item.json),
		stdout,
		stderr,
	};
}

// ---------------------------------------------------------------------------------------------
// Hosts

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

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
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
const liveProcesses = new Set<ChildProcess>();

/** Signals the child's process group (n8n and its task runner); after the child exited, what is left of it. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// the group is gone
	}
}

process.once('exit', () => {
	for (const child of liveProcesses) killGroup(child, 'SIGKILL');
	removePackDirs();
});

/**
 * Runs a command to completion. Its output goes to files, not pipes: `n8n execute` ends with
 * process.exit(), which cuts off what is still queued for a pipe (a large run's JSON was truncated
 * that way), while writes to a file are synchronous and complete.
 */
function runProcess(
	command: string,
	args: string[],
	env: NodeJS.ProcessEnv,
	cwd: string,
	timeoutMs: number,
	onStart?: (pid: number) => void,
): Promise<CliResult> {
	const outputDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cli-'));
	const outFile = path.join(outputDir, 'stdout');
	const errFile = path.join(outputDir, 'stderr');
	const out = fs.openSync(outFile, 'w');
	const err = fs.openSync(errFile, 'w');
	let collected: { stdout: string; stderr: string } | undefined;
	const collect = (): { stdout: string; stderr: string } => {
		if (!collected) {
			const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
			collected = { stdout: read(outFile), stderr: read(errFile) };
			fs.rmSync(outputDir, { recursive: true, force: true });
		}
		return collected;
	};
	return new Promise((resolve, reject) => {
		// Own process group, so that n8n's task runner goes down with it.
		const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', out, err] });
		fs.closeSync(out);
		fs.closeSync(err);
		liveProcesses.add(child);
		if (onStart && child.pid !== undefined) onStart(child.pid);
		const timer = setTimeout(() => {
			killGroup(child, 'SIGKILL');
			const { stdout, stderr } = collect();
			reject(new Error(`${path.basename(command)} ${args.join(' ')} timed out after ${timeoutMs} ms\n${stdout}\n${stderr}`));
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			liveProcesses.delete(child);
			collect();
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			liveProcesses.delete(child);
			// A runner child may outlive n8n briefly; the group goes with it.
			killGroup(child, 'SIGKILL');
			resolve({ code, ...collect() });
		});
	});
}

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
	private cookie?: string;
	private readonly browserId = randomBytes(12).toString('hex');
	private signIn?: { emailOrLdapLoginId: string; password: string };
	private readonly runtime: ReturnType<typeof n8nRuntime>;

	constructor(options: { version: string; userFolder: string; ownFolder: boolean; port: number; env: Record<string, string> }) {
		this.version = options.version;
		this.userFolder = options.userFolder;
		this.ownFolder = options.ownFolder;
		this.port = options.port;
		this.url = `http://127.0.0.1:${options.port}`;
		this.extraEnv = options.env;
		this.runtime = n8nRuntime(options.version);
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
			WEBHOOK_URL: `${this.url}/`,
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
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], options);
		return toExecution(result.stdout, result.stderr, result.code);
	}

	async publish(workflowId: string): Promise<void> {
		// n8n 1.x has no publish:workflow: activating is update:workflow there.
		const args = this.version.startsWith('1.') ? ['update:workflow', `--id=${workflowId}`, '--active=true'] : ['publish:workflow', `--id=${workflowId}`];
		await this.cliOk(args);
	}

	async start(options: { timeoutMs?: number } = {}): Promise<void> {
		if (this.running) return;
		const timeoutMs = options.timeoutMs ?? 120_000;
		this.serverLog = '';
		const child = spawn(n8nBin(this.version), ['start'], { cwd: this.userFolder, env: await this.processEnv(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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
			try {
				// /healthz/readiness turns 200 before the REST API and webhooks are mounted, and under load
				// /rest/settings can answer while the auth routes are still missing (a restart once got
				// 404 on POST /rest/login): ready means both answer.
				const settings = await fetch(`${this.url}/rest/settings`, { signal: AbortSignal.timeout(2000) });
				if (settings.status === 200) {
					const login = await fetch(`${this.url}/rest/login`, {
						method: 'POST',
						headers: { 'content-type': 'application/json', 'browser-id': this.browserId },
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
		this.cookie = undefined;
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

	async rest(method: string, route: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
		const answer = await this.restOnce(method, route, body);
		if (answer.status === 200 && (route === '/login' || route === '/owner/setup')) {
			const { email, emailOrLdapLoginId, password } = (body ?? {}) as Record<string, string>;
			this.signIn = { emailOrLdapLoginId: emailOrLdapLoginId ?? email, password };
		}
		// Right after `n8n start` a fresh session was seen refused once (401 after a 200 login):
		// sign in again once, visibly in the server log, rather than fail on a session race.
		if (answer.status === 401 && this.signIn && route !== '/login') {
			this.serverLog += `\n[e2e host] ${method} /rest${route} answered 401: signing in again\n`;
			const again = await this.restOnce('POST', '/login', this.signIn);
			if (again.status === 200) return await this.restOnce(method, route, body);
		}
		return answer;
	}

	private async restOnce(method: string, route: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
		const response = await fetch(`${this.url}/rest${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (cookie) this.cookie = cookie.split(';')[0];
		const text = await response.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON
		}
		return { status: response.status, body: parsed, headers: response.headers };
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
