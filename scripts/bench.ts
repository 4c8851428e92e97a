/**
 * npm run bench: speed, memory and behaviour at volume, measured in a real n8n (the e2e install,
 * 2.8.4 unless N8N_E2E_VERSION) against the embedded sandbox. Every scenario runs side by side in
 * this one run with n8n's HTTP Request node making the same calls and, where it applies, a plain
 * Node.js loop as the floor; each figure is the minimum / median of --runs runs (default 3).
 *
 *   npm run bench                         every scenario (about 15 minutes)
 *   npm run bench -- --writes 1000        the write scenario with 1,000 posts (adds about 6 minutes per run)
 *   npm run bench -- --only get,list      some scenarios: get, list, writes, webhook
 *   npm run bench -- --runs 1             fewer runs
 *
 * Not a test: it prints a table and never fails on a figure. Scenarios:
 *   get      1,000 × Post → Get: per-item time with a cold credential (no token anywhere) and with
 *            the token stored; time from the node's start to its first request; token requests.
 *   list     Post → Get Timeline with Return All over 10,000 posts: requests, time, peak RSS of n8n.
 *   writes   N × Post → Create at 30 writes per 10 s window: failed items, 429s received, posts
 *            created (duplicates, lost), wall time against the minimum (ceil(N/30) − 1) windows.
 *   webhook  delivery → execution start, p50/p95, ImagineAnything Trigger vs n8n's Webhook node.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';

import {
	createHost,
	disposeAllHosts,
	idFor,
	itemsWorkflow,
	N8N_VERSION,
	NODE_TYPES,
	type CredentialRef,
	type Execution,
	type N8nHost,
	type BranchNode,
	type Workflow,
} from './n8n';
import { startSandbox, type Sandbox, type SandboxOptions } from '../test/sandbox';
import { option } from './args';

// ---- arguments ------------------------------------------------------------------------------

const RUNS = Math.max(1, Number(option('runs') ?? 3));
const WRITES = Math.max(30, Number(option('writes') ?? 300));
const ONLY = new Set((option('only') ?? 'get,list,writes,webhook').split(',').map((s) => s.trim()));
const GET_ITEMS = 1000;
const LIST_POSTS = 10_000;
const WRITE_LIMIT = 30;
const WRITE_WINDOW_MS = 10_000;
const WEBHOOK_DELIVERIES = 40;

const log = (text: string) => process.stderr.write(`[bench] ${text}\n`);

// ---- figures ----------------------------------------------------------------------------------

interface Figure {
	min: number;
	median: number;
}

function figure(values: number[]): Figure {
	const sorted = [...values].sort((a, b) => a - b);
	return { min: sorted[0], median: sorted[Math.floor((sorted.length - 1) / 2)] };
}

interface Row {
	scenario: string;
	metric: string;
	ours?: Figure;
	http?: Figure;
	floor?: Figure;
	/** How a figure is printed. */
	unit: 'ms' | 's' | 'count' | 'MB' | 'ratio';
	/** Ratio ours / HTTP Request printed beside the row. */
	ratio?: boolean;
	target?: string;
}

const rows: Row[] = [];

function format(value: Figure | undefined, unit: Row['unit']): string {
	if (!value) return '–';
	const one = (v: number) => {
		if (unit === 'ms') return v < 10 ? v.toFixed(2) : v.toFixed(0);
		if (unit === 's') return v.toFixed(1);
		if (unit === 'MB') return v.toFixed(0);
		if (unit === 'ratio') return v.toFixed(3);
		return String(Math.round(v));
	};
	return value.min === value.median ? one(value.min) : `${one(value.min)} / ${one(value.median)}`;
}

function printTable(): void {
	const header = ['Scenario', 'Figure (min / median)', 'ImagineAnything', "n8n's own node", 'Node.js loop', "Ours ÷ n8n's", 'Target'];
	const body = rows.map((row) => [
		row.scenario,
		`${row.metric}${row.unit === 'count' || row.unit === 'ratio' ? '' : ` (${row.unit})`}`,
		format(row.ours, row.unit),
		format(row.http, row.unit),
		format(row.floor, row.unit),
		row.ratio && row.ours && row.http
			? `${(row.ours.min / row.http.min).toFixed(2)} / ${(row.ours.median / row.http.median).toFixed(2)}`
			: '',
		row.target ?? '',
	]);
	const lines = [header, header.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`);
	process.stdout.write(`\n${lines.join('\n')}\n`);
}

// ---- workflows --------------------------------------------------------------------------------

const HTTP_REQUEST = 'n8n-nodes-base.httpRequest';

/** Manual Trigger → Code (the input items) → the node under test, named "Node". */
function benchWorkflow(name: string, itemsJson: unknown[], node: BranchNode): Workflow {
	return itemsWorkflow(name, itemsJson, [node]);
}

function ourNode(credential: CredentialRef, parameters: Record<string, unknown>, extra: Partial<BranchNode> = {}): BranchNode {
	return { name: 'Node', type: NODE_TYPES.action, typeVersion: 1, parameters, credentials: { imagineAnythingApi: credential }, ...extra };
}

function httpNode(headerCredential: CredentialRef, parameters: Record<string, unknown>, extra: Partial<BranchNode> = {}): BranchNode {
	return {
		name: 'Node',
		type: HTTP_REQUEST,
		typeVersion: 4.2,
		parameters: { authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth', options: {}, ...parameters },
		credentials: { httpHeaderAuth: headerCredential },
		...extra,
	};
}

/** An output item of the node under test: a post (some operations answer `{ post }`), a page of posts, or an error item. */
interface OutputItem {
	id?: unknown;
	post?: { id?: unknown } | null;
	posts?: unknown;
	error?: unknown;
	[key: string]: unknown;
}

interface NodeRun {
	execution: Execution;
	/** The node's own execution time (n8n's runData). */
	nodeMs: number;
	/** When the node started (epoch ms). */
	startedAt: number;
	items: OutputItem[];
	peakRssMb?: number;
}

/** Runs a workflow with `n8n execute`, sampling the peak RSS of the n8n process. */
async function runWorkflow(host: N8nHost, workflowId: string, timeoutMs = 1_800_000): Promise<NodeRun> {
	let peakKb = 0;
	let timer: NodeJS.Timeout | undefined;
	const execution = await host.execute(workflowId, {
		timeoutMs,
		onStart: (pid) => {
			timer = setInterval(() => {
				try {
					const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
					const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
					peakKb = Math.max(peakKb, hwm);
				} catch {
					// exited
				}
			}, 50);
		},
	});
	if (timer) clearInterval(timer);
	const task = execution.runData.Node?.[0] as { executionTime?: number; startTime?: number } | undefined;
	if (!task) throw new Error(`the node did not run: ${JSON.stringify(execution.error ?? {})}\n${execution.stdout.slice(-2000)}\n${execution.stderr.slice(-2000)}`);
	return {
		execution,
		nodeMs: Number(task.executionTime ?? 0),
		startedAt: Number(task.startTime ?? 0),
		items: execution.json('Node'),
		peakRssMb: peakKb ? peakKb / 1024 : undefined,
	};
}

// ---- helpers ----------------------------------------------------------------------------------

async function sandboxWith(options: SandboxOptions): Promise<Sandbox> {
	return await startSandbox({ seed: false, ...options });
}

async function register(sandbox: Sandbox, handle: string): Promise<{ clientId: string; clientSecret: string }> {
	const response = await fetch(`${sandbox.url}/api/auth/register`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ handle, name: handle }),
	});
	const body = (await response.json()) as { clientId: string; clientSecret: string };
	if (response.status !== 201) throw new Error(`register ${handle}: ${JSON.stringify(body)}`);
	return body;
}

async function tokenFor(sandbox: Sandbox, clientId: string, clientSecret: string): Promise<string> {
	const response = await fetch(`${sandbox.url}/api/auth/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
	});
	const body = (await response.json()) as { access_token: string };
	return body.access_token;
}

async function importHeaderCredential(host: N8nHost, name: string, token: string): Promise<CredentialRef> {
	const credential = { id: idFor(`bench-header:${name}`), name };
	const file = `${host.userFolder}/bench-header-${credential.id}.json`;
	fs.writeFileSync(file, JSON.stringify([{ ...credential, type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${token}` } }]));
	const result = await host.cli(['import:credentials', `--input=${file}`]);
	fs.rmSync(file, { force: true });
	if (result.code !== 0) throw new Error(`import of the header credential failed: ${result.stderr}`);
	return credential;
}

/** The same GETs as a plain Node.js process would send them, all at once; answers ms for the batch. */
async function nodeLoop(urls: string[], token: string): Promise<number> {
	const script = `
const urls = JSON.parse(process.argv[1]);
const started = performance.now();
Promise.all(urls.map((u) => fetch(u, { headers: { authorization: ${JSON.stringify(`Bearer ${token}`)}, accept: 'application/json' } }).then((r) => r.json())))
  .then(() => process.stdout.write(String(performance.now() - started)));`;
	return await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['-e', script, JSON.stringify(urls)], { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.on('close', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`node loop exited ${String(code)}`))));
	});
}

// ---- scenarios --------------------------------------------------------------------------------

async function getScenario(host: N8nHost): Promise<void> {
	log(`get: ${GET_ITEMS} × Post → Get`);
	const sandbox = await sandboxWith({ rateLimits: { read: 1_000_000, auth: 1000 } });
	try {
		const agent = await register(sandbox, 'bench_reader');
		const author = sandbox.store.agentByHandle('bench_reader');
		if (!author) throw new Error('no bench agent');
		const ids = Array.from({ length: GET_ITEMS }, (_, i) => sandbox.store.createPost(author.id, { content: `bench post ${i}`, mediaType: 'TEXT' }, Date.now()).id);
		const credentialId = idFor('bench:get-credential');
		const importCold = async (): Promise<CredentialRef> =>
			await host.importCredential({ id: credentialId, name: 'Bench reader', baseUrl: sandbox.url, clientId: agent.clientId, clientSecret: agent.clientSecret });
		const credential = await importCold();
		const token = await tokenFor(sandbox, agent.clientId, agent.clientSecret);
		const header = await importHeaderCredential(host, 'Bench header', token);
		const items = ids.map((id) => ({ id }));
		const ours = benchWorkflow('bench get ours', items, ourNode(credential, { resource: 'post', operation: 'get', postId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }));
		const http = benchWorkflow('bench get http', items, httpNode(header, { url: `={{ "${sandbox.url}/api/posts/" + $json.id }}` }));
		await host.importWorkflows([ours, http]);

		const measure = async (workflow: Workflow, before?: () => Promise<void>) => {
			if (before) await before();
			const since = sandbox.requests().reduce((max, r) => Math.max(max, r.seq), 0);
			const run = await runWorkflow(host, workflow.id as string);
			const wire = sandbox.requests({ since });
			const api = wire.filter((r) => r.path !== '/api/auth/token');
			const ok = run.items.filter((item) => (item.id || item.post?.id) && !item.error).length;
			if (ok !== GET_ITEMS) log(`  ${workflow.name}: ${ok} of ${GET_ITEMS} items ok (${JSON.stringify(run.items.find((i) => i.error) ?? run.execution.error ?? {}).slice(0, 300)})`);
			return {
				perItemMs: run.nodeMs / GET_ITEMS,
				firstRequestMs: api.length ? api[0].time - run.startedAt : NaN,
				tokens: wire.length - api.length,
			};
		};
		const cold: Array<Awaited<ReturnType<typeof measure>>> = [];
		const warm: Array<Awaited<ReturnType<typeof measure>>> = [];
		const viaHttp: Array<Awaited<ReturnType<typeof measure>>> = [];
		const loop: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			log(`  run ${run + 1}/${RUNS}: ours cold, ours with the token stored, HTTP Request, Node.js loop`);
			cold.push(await measure(ours, async () => void (await importCold())));
			warm.push(await measure(ours));
			viaHttp.push(await measure(http));
			loop.push((await nodeLoop(ids.map((id) => `${sandbox.url}/api/posts/${id}`), token)) / GET_ITEMS);
		}
		const scenario = `${GET_ITEMS} × Post → Get`;
		rows.push(
			{ scenario, metric: 'per item, cold credential', unit: 'ms', ours: figure(cold.map((m) => m.perItemMs)), http: figure(viaHttp.map((m) => m.perItemMs)), floor: figure(loop), ratio: true, target: '≤ 1.1× HTTP Request' },
			{ scenario, metric: 'per item, token stored', unit: 'ms', ours: figure(warm.map((m) => m.perItemMs)), http: figure(viaHttp.map((m) => m.perItemMs)), floor: figure(loop), ratio: true, target: '≤ 1.0× HTTP Request' },
			{ scenario, metric: 'node start → first request, cold', unit: 'ms', ours: figure(cold.map((m) => m.firstRequestMs)), http: figure(viaHttp.map((m) => m.firstRequestMs)), target: 'a few hundred ms' },
			{ scenario, metric: 'token requests, cold batch', unit: 'count', ours: figure(cold.map((m) => m.tokens)), target: '1' },
			{ scenario, metric: 'token requests, token stored', unit: 'count', ours: figure(warm.map((m) => m.tokens)) },
		);
	} finally {
		await sandbox.close();
	}
}

async function listScenario(host: N8nHost): Promise<void> {
	log(`list: Return All over ${LIST_POSTS} posts`);
	const sandbox = await sandboxWith({ rateLimits: { read: 1_000_000, auth: 1000 } });
	try {
		const agent = await register(sandbox, 'bench_lister');
		const author = sandbox.store.agentByHandle('bench_lister');
		if (!author) throw new Error('no bench agent');
		const start = Date.now() - LIST_POSTS * 1000;
		for (let i = 0; i < LIST_POSTS; i++) sandbox.store.createPost(author.id, { content: `timeline post ${i} #bench`, mediaType: 'TEXT' }, start + i * 1000);
		const credential = await host.importCredential({ id: idFor('bench:list-credential'), name: 'Bench lister', baseUrl: sandbox.url, clientId: agent.clientId, clientSecret: agent.clientSecret });
		const header = await importHeaderCredential(host, 'Bench list header', await tokenFor(sandbox, agent.clientId, agent.clientSecret));
		const ours = benchWorkflow('bench list ours', [{}], ourNode(credential, { resource: 'post', operation: 'getTimeline', returnAll: true }));
		const http = benchWorkflow(
			'bench list http',
			[{}],
			httpNode(header, {
				url: `${sandbox.url}/api/posts`,
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'limit', value: '100' }] },
				options: {
					pagination: {
						pagination: {
							parameters: { parameters: [{ name: 'cursor', value: '={{ $response.body.nextCursor }}' }] },
							paginationCompleteWhen: 'other',
							completeExpression: '={{ !$response.body.hasMore }}',
							limitPagesFetched: false,
						},
					},
				},
			}),
		);
		await host.importWorkflows([ours, http]);
		const measure = async (workflow: Workflow, countItems: (items: OutputItem[]) => number) => {
			const since = sandbox.requests().reduce((max, r) => Math.max(max, r.seq), 0);
			const run = await runWorkflow(host, workflow.id as string);
			const api = sandbox.requests({ since }).filter((r) => r.path === '/api/posts');
			const posts = countItems(run.items);
			if (posts !== LIST_POSTS) log(`  ${workflow.name}: ${posts} posts instead of ${LIST_POSTS}`);
			return { seconds: run.nodeMs / 1000, requests: api.length, rss: run.peakRssMb ?? NaN };
		};
		const a: Array<Awaited<ReturnType<typeof measure>>> = [];
		const b: Array<Awaited<ReturnType<typeof measure>>> = [];
		for (let run = 0; run < RUNS; run++) {
			log(`  run ${run + 1}/${RUNS}`);
			a.push(await measure(ours, (items) => items.filter((i) => i.id).length));
			b.push(await measure(http, (items) => items.reduce((sum, page) => sum + (Array.isArray(page.posts) ? page.posts.length : 0), 0)));
		}
		const scenario = `Return All, ${LIST_POSTS.toLocaleString('en')} posts`;
		rows.push(
			{ scenario, metric: 'requests', unit: 'count', ours: figure(a.map((m) => m.requests)), http: figure(b.map((m) => m.requests)), target: `${Math.ceil(LIST_POSTS / 100)}` },
			{ scenario, metric: 'time', unit: 's', ours: figure(a.map((m) => m.seconds)), http: figure(b.map((m) => m.seconds)), ratio: true },
			{ scenario, metric: 'peak RSS of n8n', unit: 'MB', ours: figure(a.map((m) => m.rss)), http: figure(b.map((m) => m.rss)), ratio: true },
		);
	} finally {
		await sandbox.close();
	}
}

async function writeScenario(host: N8nHost): Promise<void> {
	const minimumSeconds = ((Math.ceil(WRITES / WRITE_LIMIT) - 1) * WRITE_WINDOW_MS) / 1000;
	log(`writes: ${WRITES} × Post → Create at ${WRITE_LIMIT} per ${WRITE_WINDOW_MS / 1000} s (minimum ${minimumSeconds} s)`);
	const sandbox = await sandboxWith({ rateLimits: { write: WRITE_LIMIT }, rateWindowMs: WRITE_WINDOW_MS });
	try {
		const measure = async (kind: 'ours' | 'http', run: number) => {
			const handle = `bench_${kind}_${run}_${Date.now() % 100000}`;
			const agent = await register(sandbox, handle);
			const texts = Array.from({ length: WRITES }, (_, i) => `bench write ${handle} #${i}`);
			const name = `bench writes ${kind} ${run}`;
			let workflow: Workflow;
			if (kind === 'ours') {
				const credential = await host.importCredential({ id: idFor(`bench:${handle}`), name: handle, baseUrl: sandbox.url, clientId: agent.clientId, clientSecret: agent.clientSecret });
				workflow = benchWorkflow(name, texts.map((text) => ({ text })), ourNode(credential, { resource: 'post', operation: 'create', content: '={{ $json.text }}', additionalFields: {} }, { onError: 'continueRegularOutput' }));
			} else {
				const header = await importHeaderCredential(host, handle, await tokenFor(sandbox, agent.clientId, agent.clientSecret));
				workflow = benchWorkflow(
					name,
					texts.map((text) => ({ text })),
					httpNode(header, { method: 'POST', url: `${sandbox.url}/api/posts`, sendBody: true, specifyBody: 'json', jsonBody: '={{ JSON.stringify({ content: $json.text }) }}' }, { onError: 'continueRegularOutput' }),
				);
			}
			await host.importWorkflows([workflow]);
			const result = await runWorkflow(host, workflow.id as string);
			const writes = sandbox.requests({ agentHandle: handle, method: 'POST', path: '/api/posts' });
			const author = sandbox.store.agentByHandle(handle);
			const contents = [...sandbox.store.posts.values()].filter((p) => p.agentId === author?.id).map((p) => p.content);
			const unique = new Set(contents);
			return {
				failed: result.items.filter((item) => item.error !== undefined).length,
				rejected: writes.filter((r) => r.status === 429).length,
				created: contents.length,
				duplicates: contents.length - unique.size,
				lost: texts.filter((text) => !unique.has(text)).length,
				seconds: result.nodeMs / 1000,
			};
		};
		const a: Array<Awaited<ReturnType<typeof measure>>> = [];
		const b: Array<Awaited<ReturnType<typeof measure>>> = [];
		for (let run = 0; run < RUNS; run++) {
			log(`  run ${run + 1}/${RUNS}: ours`);
			a.push(await measure('ours', run));
			log(`  run ${run + 1}/${RUNS}: HTTP Request`);
			b.push(await measure('http', run));
		}
		const scenario = `${WRITES} × Post → Create, ${WRITE_LIMIT}/${WRITE_WINDOW_MS / 1000} s`;
		const pick = (key: keyof (typeof a)[number]) => ({ ours: figure(a.map((m) => m[key])), http: figure(b.map((m) => m[key])) });
		rows.push(
			{ scenario, metric: 'failed items', unit: 'count', ...pick('failed'), target: '0' },
			{ scenario, metric: '429 answers', unit: 'count', ...pick('rejected'), target: 'a handful' },
			{ scenario, metric: 'posts created', unit: 'count', ...pick('created'), target: String(WRITES) },
			{ scenario, metric: 'duplicate posts', unit: 'count', ...pick('duplicates'), target: '0' },
			{ scenario, metric: 'items without a post', unit: 'count', ...pick('lost'), target: '0' },
			{ scenario, metric: 'wall time', unit: 's', ...pick('seconds') },
			{ scenario, metric: `wall ÷ minimum (${minimumSeconds} s)`, unit: 'ratio', ours: figure(a.map((m) => m.seconds / minimumSeconds)), http: figure(b.map((m) => m.seconds / minimumSeconds)), target: '≤ 1.05' },
		);
	} finally {
		await sandbox.close();
	}
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function webhookScenario(host: N8nHost): Promise<void> {
	log(`webhook: ${WEBHOOK_DELIVERIES} deliveries to each trigger under n8n start`);
	const sandbox = await sandboxWith({});
	try {
		const agent = await register(sandbox, 'bench_hooked');
		const credential = await host.importCredential({ id: idFor('bench:hook-credential'), name: 'Bench hooked', baseUrl: sandbox.url, clientId: agent.clientId, clientSecret: agent.clientSecret });
		const trigger: Workflow = {
			id: idFor('bench:trigger'),
			name: 'bench trigger ours',
			nodes: [
				{ id: idFor('bench:trigger/t'), name: 'Trigger', type: NODE_TYPES.trigger, typeVersion: 1, position: [0, 0], webhookId: idFor('bench:trigger/hook'), parameters: {}, credentials: { imagineAnythingApi: credential } },
				{ id: idFor('bench:trigger/n'), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			],
			connections: { Trigger: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
			active: false,
			settings: { executionOrder: 'v1' },
		};
		const webhook: Workflow = {
			id: idFor('bench:webhook'),
			name: 'bench trigger n8n webhook',
			nodes: [
				{ id: idFor('bench:webhook/t'), name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: idFor('bench:webhook/hook'), parameters: { httpMethod: 'POST', path: 'bench-webhook', options: {} } },
				{ id: idFor('bench:webhook/n'), name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			],
			connections: { Webhook: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
			active: false,
			settings: { executionOrder: 'v1' },
		};
		await host.importWorkflows([trigger, webhook]);
		await host.publish(trigger.id as string);
		await host.publish(webhook.id as string);
		await host.start();
		await host.setupOwner();
		// n8n lists at most 100 executions per request: each round reads only the ones it started.
		const startsOf = async (workflowId: string, since: number): Promise<number[]> => {
			const filter = { workflowId, startedAfter: new Date(since - 1000).toISOString() };
			const answer = await host.rest('GET', `/executions?filter=${encodeURIComponent(JSON.stringify(filter))}&limit=${WEBHOOK_DELIVERIES * 2}`);
			const results = (answer.body?.data?.results ?? answer.body?.data ?? []) as Array<{ startedAt: string }>;
			return results.map((e) => Date.parse(e.startedAt)).sort((a, b) => a - b);
		};
		const sent: Record<'ours' | 'http', number[]> = { ours: [], http: [] };
		const rounds: Array<{ ours: number[]; http: number[] }> = [];
		for (let round = 0; round < RUNS; round++) {
			log(`  run ${round + 1}/${RUNS}: ${WEBHOOK_DELIVERIES} deliveries each`);
			const first = { ours: sent.ours.length, http: sent.http.length };
			const roundStarted = Date.now();
			for (let i = 0; i < WEBHOOK_DELIVERIES; i++) {
				sent.ours.push(Date.now());
				await sandbox.deliverWebhook('bench_hooked', 'MESSAGE', { conversationId: 'conv_bench', message: { id: `msg_${round}_${i}`, content: `hello ${i}` } });
				await new Promise((resolve) => setTimeout(resolve, 100));
				sent.http.push(Date.now());
				await fetch(`${host.url}/webhook/bench-webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'MESSAGE', data: { message: { id: `msg_${round}_${i}`, content: `hello ${i}` } } }) });
				await new Promise((resolve) => setTimeout(resolve, 100));
			}
			await new Promise((resolve) => setTimeout(resolve, 3000));
			const latency = (starts: number[], sends: number[], from: number) => sends.slice(from).map((at, i) => (starts[i] ?? NaN) - at).filter((v) => Number.isFinite(v));
			const starts = { ours: await startsOf(trigger.id as string, roundStarted), http: await startsOf(webhook.id as string, roundStarted) };
			if (starts.ours.length !== WEBHOOK_DELIVERIES || starts.http.length !== WEBHOOK_DELIVERIES) {
				log(`  executions found: ours ${starts.ours.length}, webhook ${starts.http.length} of ${WEBHOOK_DELIVERIES}`);
			}
			rounds.push({ ours: latency(starts.ours, sent.ours, first.ours), http: latency(starts.http, sent.http, first.http) });
		}
		const scenario = `Webhook delivery → execution start (${WEBHOOK_DELIVERIES} per run)`;
		const per = (p: number) => ({ ours: figure(rounds.map((r) => percentile(r.ours, p))), http: figure(rounds.map((r) => percentile(r.http, p))) });
		rows.push({ scenario, metric: 'p50', unit: 'ms', ...per(50), ratio: true }, { scenario, metric: 'p95', unit: 'ms', ...per(95), ratio: true });
	} finally {
		await host.stop();
		await sandbox.close();
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	log(`n8n ${N8N_VERSION}, ${os.cpus().length} CPU, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}; ${RUNS} run(s) each`);
	const host = await createHost({ log });
	try {
		if (ONLY.has('get')) await getScenario(host);
		if (ONLY.has('list')) await listScenario(host);
		if (ONLY.has('writes')) await writeScenario(host);
		if (ONLY.has('webhook')) await webhookScenario(host);
	} finally {
		await disposeAllHosts();
	}
	printTable();
	process.stdout.write(
		`\nn8n ${N8N_VERSION} (n8n execute; node time from n8n's run data), ${os.cpus().length} CPU / ${Math.round(os.totalmem() / 2 ** 30)} GB, ` +
			`${RUNS} run(s), ${((Date.now() - started) / 60000).toFixed(1)} min. n8n's own node: HTTP Request (Header Auth credential holding a token) for requests, ` +
			`the Webhook node for deliveries. Node.js loop: the same requests from a plain Node.js process (fetch, all at once).\n`,
	);
}

main().catch(async (error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	await disposeAllHosts();
	process.exit(1);
});
