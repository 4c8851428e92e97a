/**
 * Both triggers in a real n8n (`n8n start`, the package installed from its tarball), against the
 * sandbox in this process. One instance runs two published workflows: the webhook trigger of
 * agent @e2e_seller and the DM auto-reply example with the Poll Trigger swapped in (every minute,
 * the shortest schedule n8n 2.41 accepts) for agent @e2e_poller; @e2e_fan acts. A third workflow,
 * never published, has a webhook trigger of @e2e_seller too and is run the editor's way (a manual
 * run that listens for a test event). Executions are read through n8n's REST API as the owner.
 *
 * n8n's shutdown does not remove webhook registrations: its @OnShutdown hook
 * (ActiveWorkflowManager.removeAllTriggerAndPollerBasedWorkflows) stops triggers and pollers
 * only. On the next start n8n before 2.41 calls the trigger's checkExists, which finds its
 * registration and keeps it; 2.41 calls nothing for a webhook still in its database.
 * The registration goes when the workflow is deactivated on a running instance (n8n then calls
 * the trigger's delete); `n8n unpublish:workflow` only changes the database and calls nothing.
 * n8n 2.41 applies an activation or deactivation over REST shortly after the call answers
 * (n8nTraits().publishesThroughOutbox), older n8n before it answers: the steps wait for it on 2.41 only.
 */
import * as fs from 'fs';
import * as path from 'path';

import { startSandbox, type Sandbox } from '../sandbox';
import { marketplaceOf } from '../sandbox/state/marketplace';
import { webhookConfigOf } from '../sandbox/state/webhooks';
import { EXAMPLE_FILES, POLL_SWAPS, withPollTrigger } from '../../scripts/examples';
import {
	createHost,
	CREDENTIAL_TYPE,
	disposeAllHosts,
	idFor,
	loadExample,
	NODE_TYPES,
	n8nTraits,
	prepareWorkflow,
	type CredentialRef,
	type N8nHost,
	type Workflow,
} from '../../scripts/n8n';
import { listExecutions, login, postForgedDelivery, waitForExecutions, type StoredExecution } from './triggerExecutions';

const TRIGGER = 'ImagineAnything Trigger';
/** The trigger node of the DM auto-reply example, a Poll Trigger here. */
const POLL = POLL_SWAPS.dmAutoReply.trigger;
const TRIGGER_WORKFLOW = idFor('e2e trigger workflow');
const POLL_WORKFLOW = idFor('e2e poll trigger workflow');
const TEST_LISTEN_WORKFLOW = idFor('e2e trigger tested in the editor');
const WEBHOOK_ID = '3f6a1c2e-8d4b-4e7a-9c1f-5b7d9e1f2a3c';
/** A scheduled poll comes within a minute (n8n picks a random second of each minute). */
const SCHEDULED_POLL_WITHIN_MS = 75_000;

let sandbox: Sandbox;
let host: N8nHost;
/** n8n 2.41: activation over REST applied after the answer, no checkExists on start (read once n8n is installed). */
const queuedActivation = () => n8nTraits(host.version).publishesThroughOutbox;
const timings: string[] = [];
const began = Date.now();

function mark(label: string): void {
	timings.push(`${label}: ${((Date.now() - began) / 1000).toFixed(1)} s`);
}

type Agent = { handle: string; agentId: string };
let seller: Agent;
let poller: Agent;
let fan: Agent;

function newAgent(handle: string): Agent {
	const agent = sandbox.store.createAgent({ handle, name: handle }, Date.now());
	return { handle, agentId: agent.id };
}

/** Both agents' credentials in one `n8n import:credentials` (each CLI run costs seconds). */
async function importCredentials(agents: Agent[]): Promise<CredentialRef[]> {
	const refs = agents.map((agent) => ({ id: idFor(`cred:${agent.handle}`), name: `@${agent.handle}` }));
	const file = path.join(host.userFolder, 'e2e-trigger-credentials.json');
	fs.writeFileSync(
		file,
		JSON.stringify(
			agents.map((agent, i) => ({ ...refs[i], type: CREDENTIAL_TYPE, data: { baseUrl: sandbox.url, ...sandbox.credentialsFor(agent.handle) } })),
		),
	);
	const result = await host.cli(['import:credentials', `--input=${file}`]);
	fs.rmSync(file, { force: true });
	if (result.code !== 0) throw new Error(`import:credentials failed:\n${result.stdout}\n${result.stderr}`);
	return refs;
}

function oneNodeWorkflow(id: string, name: string, node: Record<string, unknown>): Workflow {
	return { id, name, active: false, settings: { executionOrder: 'v1' }, connections: {}, nodes: [node as never] };
}

async function act(handle: string, method: string, path: string, body?: unknown) {
	const result = await sandbox.act(handle, method, path, body);
	if (result.status >= 300) throw new Error(`${method} ${path} as @${handle}: ${result.status} ${JSON.stringify(result.body)}`);
	return result.body;
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n--- n8n log ---\n${host.log().slice(-4000)}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/**
 * What an activation or deactivation over REST does. n8n before 2.41 has done it when the call
 * answers; 2.41 queues it and wakes the queue at once (its 15 s poll of the queue is a fallback):
 * allowed 10 s, and the delay measured goes into the suite's timings.
 */
async function applied(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
	const answered = Date.now();
	if (!queuedActivation()) {
		expect({ what, applied: await check() }).toEqual({ what, applied: true });
		return;
	}
	await until(what, check, 10_000);
	mark(`${what}: applied ${Date.now() - answered} ms after the REST answer`);
}

type StoredWorkflow = { versionId: string; [key: string]: unknown };

/** A workflow as n8n's REST API answers it (the editor reads it so before a run or a publish). */
async function storedWorkflow(id: string): Promise<StoredWorkflow> {
	const answer = await host.rest('GET', `/workflows/${id}`);
	if (answer.status !== 200) throw new Error(`GET /rest/workflows/${id}: ${answer.status} ${JSON.stringify(answer.body)}`);
	return answer.body.data as StoredWorkflow;
}

/**
 * The sealed signing secret n8n has saved with the trigger workflow. n8n saves a trigger's static
 * data once the whole activation is done, after the registration reached the service; deliveries
 * are verified against what is saved (2.41 activates after answering: a delivery in between is
 * refused 401, and ImagineAnything retries it).
 */
async function savedSeal(): Promise<string | undefined> {
	return /"webhookSecret":"(sealed:v1:[^"]+)"/.exec(JSON.stringify((await storedWorkflow(TRIGGER_WORKFLOW)).staticData ?? {}))?.[1];
}

const productionUrl = () => `${host.url}/webhook/${WEBHOOK_ID}/webhook`;
const registration = () => webhookConfigOf(sandbox.store, seller.agentId);
const registrationCalls = (method: string) =>
	sandbox.requests({ path: '/api/agents/me/webhook', method, agentHandle: seller.handle }).filter((r) => r.status < 300);

/** API calls of the poll trigger so far (its first poll, at activation, ends with GET /api/agents/me). */
const pollerCalls = (filter: { path?: string } = {}) => sandbox.requests({ ...filter, agentHandle: poller.handle }).length;

describe(`triggers in real n8n ${process.env.N8N_E2E_VERSION || '2.8.4'}`, () => {
	let delivered: StoredExecution[] = [];
	let messageDeliveryId = '';
	let firstSecret = '';
	let firstMessage: Record<string, unknown> = {};
	/** The direct message @e2e_poller got after its workflow was activated. */
	let pollerMessage: { conversation: { id: string } };

	beforeAll(async () => {
		sandbox = await startSandbox({ seed: false, rateLimits: { auth: 100, read: 1000, write: 300 } });
		// One attempt per delivery: a refused delivery is not retried behind the test's back.
		sandbox.configureWebhooks({ retryDelaysMs: [], timeoutMs: 20_000 });
		seller = newAgent('e2e_seller');
		poller = newAgent('e2e_poller');
		fan = newAgent('e2e_fan');

		host = await createHost();
		mark('package packed and installed');
		const [sellerCredential, pollerCredential] = await importCredentials([seller, poller]);
		await host.importWorkflows([
			oneNodeWorkflow(TRIGGER_WORKFLOW, 'E2E webhook trigger', {
				id: idFor('node:trigger'),
				name: TRIGGER,
				type: NODE_TYPES.trigger,
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: { events: ['message', 'order'] },
				credentials: { imagineAnythingApi: sellerCredential },
			}),
			prepareWorkflow(
				withPollTrigger(loadExample(EXAMPLE_FILES.dmAutoReply), POLL, {
					event: POLL_SWAPS.dmAutoReply.event,
					pollTimes: { item: [{ mode: 'everyMinute' }] },
				}),
				{ id: POLL_WORKFLOW, name: 'E2E DM auto-reply with the poll trigger', credential: pollerCredential },
			),
			oneNodeWorkflow(TEST_LISTEN_WORKFLOW, 'E2E webhook trigger tested in the editor', {
				id: idFor('node:test-listen'),
				name: TRIGGER,
				type: NODE_TYPES.trigger,
				typeVersion: 1,
				position: [0, 0],
				webhookId: '9b2d4f6a-1c3e-4a5b-8d7f-0e1a2b3c4d5e',
				parameters: { events: ['message'] },
				credentials: { imagineAnythingApi: sellerCredential },
			}),
		]);
		// The webhook trigger is published the headless way (CLI while n8n is stopped, activated by
		// `n8n start`), the poll trigger the editor's way (REST on the running instance) below.
		await host.publish(TRIGGER_WORKFLOW);
		mark('credentials and workflows imported, webhook trigger published');
		await host.start();
		await host.setupOwner();
		mark('n8n started, owner set up');
		const activated = await host.rest('POST', `/workflows/${POLL_WORKFLOW}/activate`, { versionId: (await storedWorkflow(POLL_WORKFLOW)).versionId });
		if (activated.status !== 200) throw new Error(`activating the poll trigger: ${activated.status} ${JSON.stringify(activated.body)}`);
		await applied('the poll at activation', () => pollerCalls({ path: '/api/agents/me' }) === 1);
		mark('poll trigger activated');
		// Sent now, so that the wait for the next scheduled poll overlaps the webhook steps.
		pollerMessage = await act(fan.handle, 'POST', '/api/conversations', { participantHandle: poller.handle, message: 'Anyone polling?' });
	}, 600_000);

	afterAll(async () => {
		await disposeAllHosts();
		await sandbox?.close();
		mark('done');
		process.stderr.write(`trigger e2e timings (since the suite began):\n  ${timings.join('\n  ')}\n`);
	}, 60_000);

	it('registers the production URL of the active workflow with the agent on start', async () => {
		await until('the webhook registration, saved by n8n', async () => registration() !== undefined && (await savedSeal()) !== undefined);
		expect(registration()?.url).toBe(productionUrl());
		expect(registrationCalls('PATCH').map((r) => r.body)).toEqual([{ webhookUrl: productionUrl(), regenerateSecret: true }]);
		firstSecret = registration()!.secret;
		mark('registration seen');
	});

	it('runs the workflow once for a direct message another agent really sends', async () => {
		const answer = await act(fan.handle, 'POST', '/api/conversations', { participantHandle: seller.handle, message: 'Hi from the e2e fan' });
		await sandbox.webhooksIdle();
		const [delivery] = sandbox.webhookDeliveries({ handle: seller.handle, type: 'MESSAGE' });
		expect(delivery).toMatchObject({ status: 'delivered', url: productionUrl() });
		expect(delivery.attempts.map((a) => a.status)).toEqual([200]);
		messageDeliveryId = delivery.id;

		delivered = await waitForExecutions(host, TRIGGER_WORKFLOW, 1);
		expect(delivered[0]).toMatchObject({ mode: 'webhook', status: 'success' });
		firstMessage = delivered[0].json(TRIGGER)[0];
		expect(delivered[0].json(TRIGGER)).toEqual([
			{
				type: 'MESSAGE',
				id: delivery.eventId,
				createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				conversationId: answer.conversation.id,
				message: expect.objectContaining({
					content: 'Hi from the e2e fan',
					conversationId: answer.conversation.id,
					sender: expect.objectContaining({ handle: fan.handle }),
				}),
			},
		]);
		// The signing secret n8n keeps in the workflow's static data never reaches the output.
		expect(JSON.stringify(delivered[0].runData)).not.toContain(registration()!.secret);
		mark('MESSAGE executed');
	});

	it('runs the workflow once for an order another agent places', async () => {
		const service = marketplaceOf(sandbox.store).createService(
			seller.agentId,
			{ title: 'E2E logo', description: 'A logo', shortDesc: 'Logo', price: 500, deliveryDays: 1, revisions: 1, category: 'DESIGN', tags: [] },
			Date.now(),
		);
		const placed = await act(fan.handle, 'POST', '/api/marketplace/orders', { serviceId: service.id, requirements: 'Blue', paymentMethod: 'CARD' });
		await sandbox.webhooksIdle();
		const [delivery] = sandbox.webhookDeliveries({ handle: seller.handle, type: 'ORDER' });
		expect(delivery.attempts.map((a) => a.status)).toEqual([200]);

		delivered = await waitForExecutions(host, TRIGGER_WORKFLOW, 2);
		expect(delivered[1]).toMatchObject({ mode: 'webhook', status: 'success' });
		expect(delivered[1].json(TRIGGER)).toEqual([
			expect.objectContaining({
				type: 'ORDER',
				id: delivery.eventId,
				action: 'place',
				previousStatus: null,
				order: expect.objectContaining({
					id: placed.order.id,
					status: 'PENDING_PAYMENT',
					buyer: expect.objectContaining({ handle: fan.handle }),
					seller: expect.objectContaining({ handle: seller.handle }),
				}),
			}),
		]);
		mark('ORDER executed');
	});

	it('answers forged, unsigned, wrong-secret and stale deliveries 401 and runs nothing', async () => {
		const tampers = [{ signature: 'invalid' as const }, { signature: 'missing' as const }, { signature: 'wrongSecret' as const }, { timestampOffsetSeconds: -600 }];
		for (const tamper of tampers) {
			const delivery = await sandbox.deliverWebhook(seller.handle, 'MESSAGE', { conversationId: 'conv_forged', message: { content: 'pay me' } }, tamper);
			expect({ tamper, statuses: delivery.attempts.map((a) => a.status) }).toEqual({ tamper, statuses: [401] });
		}
		// The answer itself, straight to n8n: a well-formed signature that does not match.
		const response = await postForgedDelivery(productionUrl());
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ error: 'invalid_signature', message: 'The signature does not match the delivery.' });

		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await listExecutions(host, TRIGGER_WORKFLOW)).toHaveLength(2);
		mark('forged deliveries refused');
	});

	it('answers a retry of a delivery it already ran 200 without a second execution', async () => {
		const again = await sandbox.redeliverWebhook(messageDeliveryId);
		expect(again.attempts.map((a) => a.status)).toEqual([200, 200]);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await listExecutions(host, TRIGGER_WORKFLOW)).toHaveLength(2);
	});

	it('a test run of another workflow on the agent replays the latest message to its test URL and leaves the registration alone', async () => {
		const before = { ...registration()! };
		const calls = { PATCH: registrationCalls('PATCH').length, DELETE: registrationCalls('DELETE').length };
		// What the editor sends for "Execute workflow" / "Listen for test event" (2.41 reads the workflow from its database).
		const answer = await host.rest('POST', `/workflows/${TEST_LISTEN_WORKFLOW}/run`, {
			workflowData: await storedWorkflow(TEST_LISTEN_WORKFLOW),
			triggerToStartFrom: { name: TRIGGER },
		});
		expect(answer.status).toBe(200);
		expect(answer.body.data).toEqual({ waitingForWebhook: true });

		const [execution] = await waitForExecutions(host, TEST_LISTEN_WORKFLOW, 1);
		expect(execution).toMatchObject({ mode: 'manual', status: 'success' });
		// The item of the real delivery, with the message's id and the sample marker.
		const { id, createdAt } = firstMessage.message as { id: string; createdAt: string };
		expect(execution.json(TRIGGER)).toEqual([{ ...firstMessage, id, createdAt, sample: true }]);
		// The active workflow's registration was only looked at.
		expect(registration()).toEqual(before);
		expect(registrationCalls('PATCH')).toHaveLength(calls.PATCH);
		expect(registrationCalls('DELETE')).toHaveLength(calls.DELETE);
		// n8n ended the listen after the run: a second request to the test URL finds nothing.
		const late = await fetch(`${host.url}/webhook-test/9b2d4f6a-1c3e-4a5b-8d7f-0e1a2b3c4d5e/webhook`, { method: 'POST', body: '{}' });
		expect(late.status).toBe(404);
		mark('test run got the sample');
	});

	it('poll trigger: a scheduled poll picks up the direct message sent after activation, once', async () => {
		expect(pollerCalls({ path: '/api/agents/me' })).toBe(1);
		const answer = pollerMessage;
		const [execution] = await waitForExecutions(host, POLL_WORKFLOW, 1, SCHEDULED_POLL_WITHIN_MS);
		expect(execution).toMatchObject({ mode: 'trigger', status: 'success' });
		// The webhook Trigger's MESSAGE item, so the example's expressions find the sender and the text.
		expect(execution.json(POLL)).toEqual([
			{
				type: 'MESSAGE',
				id: expect.any(String),
				createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				conversationId: answer.conversation.id,
				message: expect.objectContaining({
					content: 'Anyone polling?',
					conversationId: answer.conversation.id,
					sender: expect.objectContaining({ handle: fan.handle }),
				}),
			},
		]);
		const replies = sandbox.requests({ path: `/api/conversations/${answer.conversation.id}/messages`, method: 'POST', agentHandle: poller.handle });
		expect(replies.map((r) => r.status)).toEqual([201]);
		expect((replies[0].body as { content: string }).content).toContain(`Hi @${fan.handle}, thanks for your message! You wrote: "Anyone polling?"`);
		mark('poll trigger executed');
	});

	it('keeps the registration over a restart (SIGTERM does not call delete; on start checkExists finds it, or n8n 2.41 calls nothing)', async () => {
		const before = { ...registration()! };
		await host.stop();
		mark('n8n stopped (SIGTERM)');
		expect(registration()).toEqual(before);
		expect(registrationCalls('DELETE')).toEqual([]);
		// While n8n is down, the poll trigger's agent gets a message.
		const whileDown = await act(fan.handle, 'POST', '/api/conversations', { participantHandle: poller.handle, message: 'Sent while n8n was down' });

		const patchesBefore = registrationCalls('PATCH').length;
		const getsBefore = registrationCalls('GET').length;
		await host.start();
		await login(host);
		mark('n8n restarted');
		if (!queuedActivation()) await until('checkExists after the restart', () => registrationCalls('GET').length > getsBefore);

		// The secret survived in the workflow's static data: a delivery after the restart verifies and runs.
		await act(fan.handle, 'POST', '/api/conversations', { participantHandle: seller.handle, message: 'After the restart' });
		await sandbox.webhooksIdle();
		delivered = await waitForExecutions(host, TRIGGER_WORKFLOW, 3);
		expect(delivered[2].json(TRIGGER)).toEqual([
			expect.objectContaining({ type: 'MESSAGE', message: expect.objectContaining({ content: 'After the restart' }) }),
		]);
		expect(registrationCalls('PATCH')).toHaveLength(patchesBefore);
		expect(registrationCalls('GET')).toHaveLength(getsBefore + (queuedActivation() ? 0 : 1));
		expect(registration()).toEqual(before);

		// The poll trigger resumed from the position saved before the restart: its poll at activation
		// reports the message sent while n8n was down, and only that one.
		const polled = await waitForExecutions(host, POLL_WORKFLOW, 2, SCHEDULED_POLL_WITHIN_MS);
		expect(polled[1].json(POLL)).toEqual([
			expect.objectContaining({ type: 'MESSAGE', conversationId: whileDown.conversation.id, message: expect.objectContaining({ content: 'Sent while n8n was down' }) }),
		]);
		mark('poll trigger resumed');
	});

	it('removes the registration when the workflow is deactivated on the running instance', async () => {
		const deliveriesBefore = sandbox.webhookDeliveries({ handle: seller.handle }).length;
		const answer = await host.rest('POST', `/workflows/${TRIGGER_WORKFLOW}/deactivate`, {});
		expect(answer.status).toBe(200);
		expect(answer.body.data).toMatchObject({ id: TRIGGER_WORKFLOW, active: false });
		await applied('the deactivation', () => registration() === undefined);
		expect(registrationCalls('DELETE')).toHaveLength(1);
		mark('deactivated');

		// Nothing is delivered any more, so nothing runs.
		await act(fan.handle, 'POST', '/api/conversations', { participantHandle: seller.handle, message: 'Anyone there?' });
		await sandbox.webhooksIdle();
		expect(sandbox.webhookDeliveries({ handle: seller.handle })).toHaveLength(deliveriesBefore);
		expect(await listExecutions(host, TRIGGER_WORKFLOW)).toHaveLength(3);
	});

	it('registers afresh, with a new secret, when the workflow is activated again on the running instance', async () => {
		const patchesBefore = registrationCalls('PATCH').length;
		const sealBefore = await savedSeal();
		const answer = await host.rest('POST', `/workflows/${TRIGGER_WORKFLOW}/activate`, { versionId: (await storedWorkflow(TRIGGER_WORKFLOW)).versionId });
		expect(answer.status).toBe(200);
		await applied('the activation', async () => registration()?.url === productionUrl() && ![undefined, sealBefore].includes(await savedSeal()));
		expect(registrationCalls('PATCH')).toHaveLength(patchesBefore + 1);
		expect(registration()?.secret).not.toBe(firstSecret);

		await act(fan.handle, 'POST', '/api/conversations', { participantHandle: seller.handle, message: 'Back again' });
		await sandbox.webhooksIdle();
		delivered = await waitForExecutions(host, TRIGGER_WORKFLOW, 4);
		expect(delivered[3].json(TRIGGER)).toEqual([
			expect.objectContaining({ type: 'MESSAGE', message: expect.objectContaining({ content: 'Back again' }) }),
		]);
		mark('activated again');
	});
});
