/**
 * The package on n8n's queue mode (`npm run test:queue`): Redis, Postgres, n8n 2.8.4 as main +
 * 2 workers (concurrency 2) + 1 webhook processor, each process with the package installed from
 * its tarball and one encryption key, against the sandbox in this process (write limit 30 per
 * 10 s window). Every scenario asserts the wire (the sandbox's request log) and n8n's executions
 * (REST on main), and adds its figures to the report printed at the end.
 */
import { createHmac, randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { startSandbox, type LoggedRequest, type Sandbox } from '../sandbox';
import { webhookConfigOf } from '../sandbox/state/webhooks';
import { listExecutions, login, postForgedDelivery, waitForExecutions, type StoredExecution } from '../e2e/triggerExecutions';
import { CREDENTIAL_TYPE, idFor, NODE_TYPES, QueueCluster, type CredentialRef, type Workflow, type WorkflowNode } from '../../scripts/n8n';

const progress = (text: string) => process.stderr.write(`[queue] ${text}\n`);

const WRITE_LIMIT = 30;
const WINDOW_MS = 10_000;
const BATCHES = 4;
const BATCH_SIZE = 150;
/** A poll every 10 s: n8n refuses a `*` in the seconds field, not a list. */
const POLL_EVERY_10_S = '0,10,20,30,40,50 * * * * *';
const POLL_MS = 10_000;

const BATCH_WORKFLOW = idFor('queue batch workflow');
const TRIGGER_WORKFLOW = idFor('queue webhook trigger workflow');
const POLL_WORKFLOW = idFor('queue poll trigger workflow');
const TRIGGER = 'ImagineAnything Trigger';
const POLL = 'ImagineAnything Poll Trigger';
const TRIGGER_WEBHOOK_ID = '6d1f3a5b-2c4e-4f7a-8b9c-0d1e2f3a4b5c';
const BATCH_PATH = 'queue-batch';

let sandbox: Sandbox;
let cluster: QueueCluster;
const figures: string[] = [];
const began = Date.now();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function report(line: string): void {
	figures.push(line);
	progress(line);
}

type Agent = { handle: string; agentId: string };
const agents: Record<'batch' | 'hooked' | 'polled' | 'fan', Agent> = {} as never;

function node(name: string, type: string, parameters: Record<string, unknown>, extra: Partial<WorkflowNode> = {}): WorkflowNode {
	return { id: idFor(`queue node:${name}:${type}`), name, type, typeVersion: 1, position: [0, 0], parameters, ...extra };
}

function workflow(id: string, name: string, nodes: WorkflowNode[]): Workflow {
	const connections: Workflow['connections'] = {};
	nodes.forEach((from, i) => {
		if (i + 1 < nodes.length) connections[from.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
		from.position = [i * 220, 0];
	});
	return { id, name, nodes, connections, active: false, settings: { executionOrder: 'v1' } };
}

/** All agents' credentials in one `n8n import:credentials` (each CLI run costs seconds). */
async function importCredentials(list: Agent[]): Promise<CredentialRef[]> {
	const refs = list.map((agent) => ({ id: idFor(`queue cred:${agent.handle}`), name: `@${agent.handle}` }));
	const file = path.join(cluster.main.userFolder, 'queue-credentials.json');
	fs.writeFileSync(file, JSON.stringify(list.map((agent, i) => ({ ...refs[i], type: CREDENTIAL_TYPE, data: { baseUrl: sandbox.url, ...sandbox.credentialsFor(agent.handle) } }))));
	const result = await cluster.main.cli(['import:credentials', `--input=${file}`]);
	fs.rmSync(file, { force: true });
	if (result.code !== 0) throw new Error(`import:credentials failed:\n${result.stdout}\n${result.stderr}`);
	return refs;
}

async function activate(workflowId: string): Promise<void> {
	const { body } = await cluster.main.rest('GET', `/workflows/${workflowId}`);
	const answer = await cluster.main.rest('POST', `/workflows/${workflowId}/activate`, { versionId: body.data.versionId });
	if (answer.status !== 200) throw new Error(`activating ${workflowId}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(100);
	}
}

const lastSeq = () => sandbox.requests().reduce((max, r) => Math.max(max, r.seq), 0);
const count = (requests: LoggedRequest[], status: number) => requests.filter((r) => r.status === status).length;

/** The workers the executions ran on; fails for an execution no worker's log names (it ran elsewhere). */
function workersOf(executions: StoredExecution[]): string[] {
	const byExecution = cluster.executionWorkers();
	return executions.map((execution) => {
		const worker = byExecution.get(execution.id);
		if (!worker) throw new Error(`execution ${execution.id} was not started by a worker`);
		return worker;
	});
}

beforeAll(async () => {
	sandbox = await startSandbox({ seed: false, rateLimits: { write: WRITE_LIMIT, auth: 10, read: 300 }, rateWindowMs: WINDOW_MS });
	// One attempt per delivery: the retries of this suite are sent by the test, at chosen moments.
	sandbox.configureWebhooks({ retryDelaysMs: [], timeoutMs: 20_000 });
	for (const key of ['batch', 'hooked', 'polled', 'fan'] as const) {
		const handle = `queue_${key}`;
		agents[key] = { handle, agentId: sandbox.store.createAgent({ handle, name: handle }, Date.now()).id };
	}

	cluster = await QueueCluster.create({ log: progress });
	const [batchCredential, hookedCredential, polledCredential] = await importCredentials([agents.batch, agents.hooked, agents.polled]);
	await cluster.main.importWorkflows([
		workflow(BATCH_WORKFLOW, 'Queue: batch of posts', [
			node('Webhook', 'n8n-nodes-base.webhook', { httpMethod: 'POST', path: BATCH_PATH, responseMode: 'onReceived', options: {} }, {
				typeVersion: 2,
				webhookId: '0b7c9e1a-3d5f-4a6b-9c8d-7e6f5a4b3c2d',
			}),
			node('Posts', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'body.posts', include: 'noOtherFields', options: {} }),
			node('Create', NODE_TYPES.action, { resource: 'post', operation: 'create', content: '={{ $json.text }}', additionalFields: {} }, {
				credentials: { imagineAnythingApi: batchCredential },
				onError: 'continueRegularOutput',
			}),
		]),
		workflow(TRIGGER_WORKFLOW, 'Queue: webhook trigger', [
			node(TRIGGER, NODE_TYPES.trigger, { events: ['all'] }, { webhookId: TRIGGER_WEBHOOK_ID, credentials: { imagineAnythingApi: hookedCredential } }),
		]),
		workflow(POLL_WORKFLOW, 'Queue: poll trigger', [
			node(POLL, NODE_TYPES.pollTrigger, { event: 'message', pollTimes: { item: [{ mode: 'custom', cronExpression: POLL_EVERY_10_S }] } }, {
				credentials: { imagineAnythingApi: polledCredential },
			}),
		]),
	]);
	let started = Date.now();
	await cluster.start();
	await cluster.main.setupOwner();
	report(`cluster up: main + ${cluster.workers.length} workers + webhook processor ready ${seconds(Date.now() - started)} after the first start`);
	started = Date.now();
	for (const id of [BATCH_WORKFLOW, TRIGGER_WORKFLOW, POLL_WORKFLOW]) await activate(id);
	report(`3 workflows activated over REST in ${seconds(Date.now() - started)}`);
}, 900_000);

afterAll(async () => {
	await cluster?.dispose();
	await sandbox?.close();
	process.stderr.write(`\nqueue-mode figures (suite ${seconds(Date.now() - began)}):\n  ${figures.join('\n  ')}\n`);
}, 120_000);

/** Starts the batch workflow once per run, all at once, through the webhook processor. */
async function startBatches(runs: number[], size: number): Promise<string[]> {
	const texts: string[] = [];
	await Promise.all(
		runs.map(async (run) => {
			const posts = Array.from({ length: size }, (_, i) => ({ text: `queue run ${run} post ${i}` }));
			texts.push(...posts.map((post) => post.text));
			const answer = await fetch(`${cluster.webhookUrl}webhook/${BATCH_PATH}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ run, posts }),
			});
			expect(answer.status).toBe(200);
		}),
	);
	return texts;
}

const postsOf = (agent: Agent) => [...sandbox.store.posts.values()].filter((p) => p.agentId === agent.agentId).map((p) => p.content);
const tokenRequests = (since: number) => sandbox.requests({ path: '/api/auth/token', since, agentHandle: agents.batch.handle });

describe('queue mode: main + 2 workers + webhook processor (n8n 2.8.4, Redis, Postgres)', () => {
	let firstTokenSeq = 0;

	it(`1. ${BATCHES} executions of ${BATCH_SIZE} × Post → Create at once run on both workers: every post once, none failed, 429s few`, async () => {
		firstTokenSeq = lastSeq();
		const since = lastSeq();
		const started = Date.now();
		const texts = await startBatches([0, 1, 2, 3], BATCH_SIZE);
		const executions = await waitForExecutions(cluster.main, BATCH_WORKFLOW, BATCHES, 600_000);
		const elapsed = Date.now() - started;

		expect(executions.map((e) => [e.mode, e.status])).toEqual(executions.map(() => ['webhook', 'success']));
		const outputs = executions.flatMap((e) => e.json('Create'));
		const failed = outputs.filter((item) => item.error !== undefined);
		expect(failed).toEqual([]);
		expect(outputs).toHaveLength(BATCHES * BATCH_SIZE);
		const workers = workersOf(executions);
		expect(new Set(workers).size).toBe(cluster.workers.length);

		const created = postsOf(agents.batch);
		expect(created).toHaveLength(texts.length);
		expect(new Set(created).size).toBe(created.length);
		expect([...created].sort()).toEqual([...texts].sort());
		const writes = sandbox.requests({ path: /^\/api\/posts$/, method: 'POST', since });
		expect(count(writes, 201)).toBe(texts.length);
		const refused = count(writes, 429);
		// Each process learns the shared budget from the answers alone. A refusal happens when both
		// reach for the same freed slot: at most twice per window and worker, never one per request.
		const windows = Math.ceil(elapsed / WINDOW_MS);
		expect(refused).toBeLessThanOrEqual(2 * cluster.workers.length * windows);
		const ideal = (texts.length / WRITE_LIMIT) * WINDOW_MS;
		report(
			`batches: ${executions.length} executions (${workers.map((w, i) => `#${executions[i].id} on ${w}`).join(', ')}), ` +
				`${created.length} posts, ${failed.length} failed items, ${created.length - new Set(created).size} duplicates, ` +
				`${writes.length} write requests, ${refused} answered 429 (${windows} windows), ${seconds(elapsed)} (the limit allows ${seconds(ideal)})`,
		);
	});

	it('2. tokens: at most one token request per worker for the cold start and per worker after a forced expiry, never a 429', async () => {
		const cold = tokenRequests(firstTokenSeq);
		const coldWorkers = new Set(workersOf(await waitForExecutions(cluster.main, BATCH_WORKFLOW, BATCHES))).size;
		expect(cold.map((r) => r.status)).toEqual(cold.map(() => 200));
		expect(cold.length).toBeGreaterThanOrEqual(1);
		expect(cold.length).toBeLessThanOrEqual(coldWorkers);

		const since = lastSeq();
		const expired = sandbox.expireTokens(agents.batch.handle);
		expect(expired).toBeGreaterThanOrEqual(1);
		const texts = await startBatches([4, 5, 6, 7], 10);
		const executions = (await waitForExecutions(cluster.main, BATCH_WORKFLOW, BATCHES * 2, 300_000)).slice(BATCHES);
		expect(executions.map((e) => e.status)).toEqual(executions.map(() => 'success'));
		expect(executions.flatMap((e) => e.json('Create')).filter((item) => item.error !== undefined)).toEqual([]);
		const afterWorkers = new Set(workersOf(executions)).size;
		const renewed = tokenRequests(since);
		expect(renewed.map((r) => r.status)).toEqual(renewed.map(() => 200));
		expect(renewed.length).toBeGreaterThanOrEqual(1);
		expect(renewed.length).toBeLessThanOrEqual(afterWorkers);
		const writes = sandbox.requests({ path: /^\/api\/posts$/, method: 'POST', since });
		expect(count(writes, 201)).toBe(texts.length);
		expect(postsOf(agents.batch).filter((content) => texts.includes(content)).sort()).toEqual([...texts].sort());
		expect(sandbox.requests({ path: '/api/auth/token', status: 429 })).toEqual([]);
		report(
			`tokens: cold start ${cold.length} token request(s) for ${coldWorkers} workers; after a forced expiry ${renewed.length} ` +
				`(${renewed.map((r) => (r.body as { grant_type?: string }).grant_type).join(', ')}) for ${afterWorkers} workers, ` +
				`${count(writes, 401)} write(s) answered 401 and sent again; 0 token requests answered 429`,
		);
	});

	describe('3. webhook trigger', () => {
		const productionUrl = () => `${cluster.webhookUrl}webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		const mainUrl = () => `${cluster.main.url}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		const registrationCalls = (method: string) =>
			sandbox.requests({ path: '/api/agents/me/webhook', method, agentHandle: agents.hooked.handle }).filter((r) => r.status < 300);
		const secret = () => webhookConfigOf(sandbox.store, agents.hooked.agentId)!.secret;
		type Delivery = { id: string; event: { id: string; type: string; createdAt: string; data: Record<string, unknown> } };
		const deliveries: Delivery[] = [];

		/** One attempt of a delivery, signed as the service signs every attempt (same id and body, fresh timestamp). */
		async function send(url: string, delivery: Delivery): Promise<{ status: number; body: unknown }> {
			const rawBody = JSON.stringify(delivery.event);
			const timestamp = String(Math.floor(Date.now() / 1000));
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-imagineanything-event': delivery.event.type,
					'x-imagineanything-delivery': delivery.id,
					'x-imagineanything-timestamp': timestamp,
					'x-imagineanything-signature': `sha256=${createHmac('sha256', secret()).update(`${timestamp}.${rawBody}`).digest('hex')}`,
				},
				body: rawBody,
			});
			const text = await response.text();
			try {
				return { status: response.status, body: JSON.parse(text) };
			} catch {
				// n8n 2.8.4 answers a started webhook of a node without response data with a bare word.
				return { status: response.status, body: text };
			}
		}

		/** Whether n8n answered a delivery `{ received: true, duplicate: true, … }` (a bare-word answer is none). */
		const isDuplicate = (answer: { body: unknown }): boolean =>
			typeof answer.body === 'object' && answer.body !== null && 'duplicate' in answer.body && answer.body.duplicate === true;

		it('activation registered the webhook processor URL once', () => {
			expect(registrationCalls('PATCH').map((r) => r.body)).toEqual([{ webhookUrl: productionUrl(), regenerateSecret: true }]);
			expect(webhookConfigOf(sandbox.store, agents.hooked.agentId)?.url).toBe(productionUrl());
			report(`webhook registration: ${registrationCalls('PATCH').length} PATCH at activation, URL on the webhook processor`);
		});

		it('runs each distinct event once on a worker, also when the attempts of one delivery arrive at the same time', async () => {
			const first = await sandbox.deliverWebhook(agents.hooked.handle, 'FOLLOW', { follower: { handle: agents.fan.handle } });
			expect(first.attempts.map((a) => a.status)).toEqual([200]);
			deliveries.push({ id: first.id, event: first.event });
			// Four more events, each delivered five times at once (the first attempt and four retries in flight together).
			const fresh: Delivery[] = ['LIKE', 'COMMENT', 'MENTION', 'MESSAGE'].map((type) => ({
				id: `dlv_${randomBytes(10).toString('hex')}`,
				event: { id: `evt_${randomBytes(10).toString('hex')}`, type, createdAt: new Date().toISOString(), data: { by: agents.fan.handle } },
			}));
			deliveries.push(...fresh);
			const attempts = fresh.flatMap((delivery) => Array.from({ length: 5 }, () => delivery));
			const answers = await Promise.all(attempts.map(async (delivery) => ({ delivery: delivery.id, ...(await send(productionUrl(), delivery)) })));
			expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
			for (const delivery of fresh) {
				const own = answers.filter((a) => a.delivery === delivery.id);
				expect({ delivery: delivery.id, started: own.filter((a) => !isDuplicate(a)).length }).toEqual({ delivery: delivery.id, started: 1 });
			}

			const executions = await waitForExecutions(cluster.main, TRIGGER_WORKFLOW, deliveries.length);
			expect(executions.map((e) => [e.mode, e.status])).toEqual(executions.map(() => ['webhook', 'success']));
			expect(executions.map((e) => e.json(TRIGGER)[0].id).sort()).toEqual(deliveries.map((d) => d.event.id).sort());
			const workers = workersOf(executions);
			report(
				`webhook deliveries: 1 from the sandbox + ${fresh.length} × 5 attempts at once → ${executions.length} executions ` +
					`(${workers.join(', ')}), ${answers.filter(isDuplicate).length} attempts answered 200 as duplicates`,
			);
		});

		it('later retries are recognised by every process: at main (which never saw them) and at the webhook processor, no execution', async () => {
			const atMain = await Promise.all(deliveries.map(async (delivery) => await send(mainUrl(), delivery)));
			expect(atMain).toEqual(deliveries.map((d) => ({ status: 200, body: { received: true, duplicate: true, type: d.event.type } })));
			const again = await sandbox.redeliverWebhook(deliveries[0].id);
			expect(again.attempts.map((a) => a.status)).toEqual([200, 200]);
			await sleep(2000);
			expect(await listExecutions(cluster.main, TRIGGER_WORKFLOW)).toHaveLength(deliveries.length);
			report(`webhook retries later: ${deliveries.length} at main + 1 sandbox retry at the webhook processor → 0 executions`);
		});

		it('forged, unsigned, wrong-secret and stale deliveries get 401 at the webhook processor and at main, and run nothing', async () => {
			const tampers = [{ signature: 'invalid' as const }, { signature: 'missing' as const }, { signature: 'wrongSecret' as const }, { timestampOffsetSeconds: -600 }];
			for (const tamper of tampers) {
				const delivery = await sandbox.deliverWebhook(agents.hooked.handle, 'MESSAGE', { message: { content: 'pay me' } }, tamper);
				expect({ tamper, statuses: delivery.attempts.map((a) => a.status) }).toEqual({ tamper, statuses: [401] });
			}
			const forged = await postForgedDelivery(mainUrl());
			expect(forged.status).toBe(401);
			await sleep(2000);
			expect(await listExecutions(cluster.main, TRIGGER_WORKFLOW)).toHaveLength(deliveries.length);
			report(`forged deliveries: ${tampers.length} at the webhook processor + 1 at main → 401, 0 executions`);
		});

		it('attempts of one delivery arriving at main and at the webhook processor in the same instant run at most once per process', async () => {
			// n8n offers a node no shared store it can check and write in one step: each process
			// reads the record when the request arrives and writes it afterwards. Within a process
			// the check is exact; across processes at the same instant, each may run it once.
			const delivery: Delivery = {
				id: `dlv_${randomBytes(10).toString('hex')}`,
				event: { id: `evt_${randomBytes(10).toString('hex')}`, type: 'REPOST', createdAt: new Date().toISOString(), data: {} },
			};
			const urls = [mainUrl(), productionUrl()].flatMap((url) => Array.from({ length: 5 }, () => url));
			const answers = await Promise.all(urls.map(async (url) => await send(url, delivery)));
			expect(answers.map((a) => a.status)).toEqual(urls.map(() => 200));
			const started = answers.filter((a) => !isDuplicate(a)).length;
			expect(started).toBeGreaterThanOrEqual(1);
			expect(started).toBeLessThanOrEqual(2);
			const executions = await waitForExecutions(cluster.main, TRIGGER_WORKFLOW, deliveries.length + started);
			expect(executions.slice(deliveries.length).map((e) => e.json(TRIGGER)[0].id)).toEqual(Array.from({ length: started }, () => delivery.event.id));
			report(`one delivery × 5 attempts at main and × 5 at the webhook processor in the same instant → ${started} execution(s)`);
		});
	});

	it('4. poll trigger: one poll per interval, from main only; no event lost or repeated across a restart of main', async () => {
		const listCalls = () => sandbox.requests({ path: /^\/api\/conversations$/, method: 'GET', agentHandle: agents.polled.handle });
		const dm = async (content: string) => {
			const answer = await sandbox.act(agents.fan.handle, 'POST', '/api/conversations', { participantHandle: agents.polled.handle, message: content });
			expect(answer.status).toBeLessThan(300);
		};
		const steady: Array<[number, number]> = [];
		let upSince = Date.now();

		await dm('before the restart');
		await waitForExecutions(cluster.main, POLL_WORKFLOW, 1, 3 * POLL_MS);
		// Each steady stretch lasts 20 s at least, so it holds at least one whole interval.
		await sleep(2 * POLL_MS);
		steady.push([upSince, Date.now()]);

		await cluster.main.stop();
		const downFrom = Date.now();
		await dm('while main is down');
		await sleep(POLL_MS + 2000);
		const downUntil = Date.now();
		await cluster.main.start();
		await login(cluster.main);
		upSince = Date.now() + POLL_MS;
		await waitForExecutions(cluster.main, POLL_WORKFLOW, 2, 3 * POLL_MS);
		await dm('after the restart');
		await waitForExecutions(cluster.main, POLL_WORKFLOW, 3, 3 * POLL_MS);
		await sleep(3 * POLL_MS);
		steady.push([upSince, Date.now()]);

		const executions = await waitForExecutions(cluster.main, POLL_WORKFLOW, 3);
		expect(executions.map((e) => [e.mode, e.status])).toEqual(executions.map(() => ['trigger', 'success']));
		expect(executions.map((e) => e.json(POLL).map((item) => (item.message as { content?: string } | undefined)?.content))).toEqual([['before the restart'], ['while main is down'], ['after the restart']]);
		workersOf(executions);

		// Polls come from main: none while it is down, though the workers and the webhook processor run on.
		const calls = listCalls();
		expect(calls.filter((r) => r.time > downFrom && r.time < downUntil)).toEqual([]);
		expect(cluster.workers.every((worker) => worker.running) && cluster.webhook.running).toBe(true);
		// One poll in every interval of steady running (the slots n8n's schedule opens), none more.
		// Main's start polls once more at activation: the slot of the restart is left out.
		const perSlot: number[] = [];
		for (const [from, to] of steady) {
			for (let slot = Math.ceil(from / POLL_MS); (slot + 1) * POLL_MS <= to; slot++) {
				perSlot.push(calls.filter((r) => r.time >= slot * POLL_MS && r.time < (slot + 1) * POLL_MS).length);
			}
		}
		expect(perSlot.length).toBeGreaterThanOrEqual(2);
		expect(perSlot).toEqual(perSlot.map(() => 1));
		report(
			`poll trigger: ${perSlot.length} steady 10 s intervals with 1 poll each, 0 polls during ${seconds(downUntil - downFrom)} with main down, ` +
				`3 messages → ${executions.length} executions (${workersOf(executions).join(', ')}), 0 duplicates, 0 lost`,
		);
	});

	it('5. deactivation removes the registration once', async () => {
		const deletes = () => sandbox.requests({ path: '/api/agents/me/webhook', method: 'DELETE', agentHandle: agents.hooked.handle });
		const answer = await cluster.main.rest('POST', `/workflows/${TRIGGER_WORKFLOW}/deactivate`, {});
		expect(answer.status).toBe(200);
		await until('the registration to go', () => webhookConfigOf(sandbox.store, agents.hooked.agentId) === undefined, 10_000);
		await sleep(2000);
		expect(deletes().map((r) => r.status < 300)).toEqual([true]);
		// Registered once over the whole suite, the restart of main included.
		expect(sandbox.requests({ path: '/api/agents/me/webhook', method: 'PATCH', agentHandle: agents.hooked.handle })).toHaveLength(1);
		report(`deactivation: ${deletes().length} DELETE of the registration; ${sandbox.requests({ path: '/api/agents/me/webhook', method: 'PATCH' }).length} PATCH over the suite`);
	});
});
