/**
 * Reading a running n8n's executions through its own REST API (the session of host.setupOwner
 * or login), for trigger e2e tests: a trigger-started execution cannot be read from
 * `n8n execute`. GET /rest/executions/:id answers the run data "flatted" (n8n's format for
 * circular JSON), which unflatten() turns back into plain objects. Also a forged delivery, posted to n8n.
 */
import { randomBytes } from 'crypto';

import { DEFAULT_OWNER, type ExecutionItem, type N8nHost, type Owner } from '../../scripts/n8n';

export interface StoredExecution {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	finished: boolean;
	/** data.resultData.runData */
	runData: Record<string, Array<{ data?: { main?: Array<ExecutionItem[] | null> }; error?: unknown }>>;
	error?: { message?: string };
	/** Output items (run 0, output 0) of a node; [] when it did not run. */
	json(node: string): Array<Record<string, unknown>>;
}

/** What is read of GET /rest/executions/:id (the run data is flatted, or plain in some versions). */
interface ExecutionRecord {
	id: string | number;
	workflowId: string;
	mode: string;
	status: string;
	finished: boolean;
	data: unknown;
	[key: string]: unknown;
}

/** What is read of the run data. */
interface RunData {
	resultData?: { runData?: StoredExecution['runData']; error?: { message?: string } };
}

/**
 * flatted: a JSON array whose entry 0 is the root; every object, array and string lives in its
 * own entry, and inside objects and arrays a string is the index of the entry it stands for.
 */
export function unflatten(text: string): unknown {
	const input = JSON.parse(text) as unknown[];
	const done = new Map<number, unknown>();
	const resolve = (index: number): unknown => {
		if (done.has(index)) return done.get(index);
		const value = input[index];
		if (value === null || typeof value !== 'object') return value;
		const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		done.set(index, out);
		for (const [key, entry] of Object.entries(value)) {
			(out as Record<string, unknown>)[key] = typeof entry === 'string' ? resolve(Number(entry)) : entry;
		}
		return out;
	};
	return resolve(0);
}

async function restOk(host: N8nHost, method: string, route: string, body?: unknown): Promise<Record<string, unknown>> {
	const answer = await host.rest(method, route, body);
	if (answer.status !== 200) throw new Error(`${method} /rest${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
	return answer.body.data;
}

/** Logs the owner in again (host.stop() forgets the session). */
export async function login(host: N8nHost, owner: Owner = DEFAULT_OWNER): Promise<void> {
	await restOk(host, 'POST', '/login', { emailOrLdapLoginId: owner.email, password: owner.password });
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
}

const DONE = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * The workflow's executions, newest first (up to 100), one entry per execution: n8n 1.x can list
 * an execution that is just finishing twice, as running and as finished (the finished entry counts).
 */
export async function listExecutions(host: N8nHost, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const data = await restOk(host, 'GET', `/executions?filter=${filter}&limit=100`);
	const byId = new Map<string, ExecutionSummary>();
	for (const { id, workflowId: wf, mode, status } of data.results as ExecutionSummary[]) {
		const entry = { id: String(id), workflowId: wf, mode, status };
		if (!byId.has(entry.id) || DONE.has(status)) byId.set(entry.id, entry);
	}
	return [...byId.values()];
}

export async function getExecution(host: N8nHost, id: string): Promise<StoredExecution> {
	const data = (await restOk(host, 'GET', `/executions/${id}`)) as ExecutionRecord;
	const run = (typeof data.data === 'string' ? unflatten(data.data) : data.data) as RunData | undefined;
	const runData: StoredExecution['runData'] = run?.resultData?.runData ?? {};
	return {
		id: String(data.id),
		workflowId: data.workflowId,
		mode: data.mode,
		status: data.status,
		finished: data.finished,
		runData,
		error: run?.resultData?.error,
		json: (node) => ((runData[node]?.[0]?.data?.main?.[0] ?? []) as ExecutionItem[]).map((item) => item.json),
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the workflow has `count` finished executions (n8n stores a webhook's execution
 * after answering the request) and returns them, oldest first. Fails when more turn up.
 */
export async function waitForExecutions(host: N8nHost, workflowId: string, count: number, timeoutMs = 20_000): Promise<StoredExecution[]> {
	const deadline = Date.now() + timeoutMs;
	let seen: ExecutionSummary[] = [];
	for (;;) {
		seen = await listExecutions(host, workflowId);
		if (seen.length > count) throw new Error(`expected ${count} executions of ${workflowId}, found ${seen.length}: ${JSON.stringify(seen)}`);
		if (seen.length === count && seen.every((e) => DONE.has(e.status))) break;
		if (Date.now() > deadline) throw new Error(`expected ${count} finished executions of ${workflowId} within ${timeoutMs} ms, found ${JSON.stringify(seen)}`);
		await sleep(250);
	}
	const oldestFirst = [...seen].sort((a, b) => Number(a.id) - Number(b.id));
	return await Promise.all(oldestFirst.map(async (e) => await getExecution(host, e.id)));
}

/** A MESSAGE delivery whose signature is well formed but does not match, posted straight to n8n's webhook `url`. */
export async function postForgedDelivery(url: string): Promise<Response> {
	return await fetch(url, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-imagineanything-event': 'MESSAGE',
			'x-imagineanything-delivery': `dlv_${randomBytes(6).toString('hex')}`,
			'x-imagineanything-timestamp': String(Math.floor(Date.now() / 1000)),
			'x-imagineanything-signature': `sha256=${'0'.repeat(64)}`,
		},
		body: JSON.stringify({ id: 'evt_forged', type: 'MESSAGE', createdAt: new Date().toISOString(), data: {} }),
	});
}
