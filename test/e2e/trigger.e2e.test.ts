/**
 * Both triggers in a real n8n (`n8n start`, the package installed from its tarball), against the
 * sandbox in this process. One instance runs two published workflows: the webhook trigger of
 * agent @e2e_seller and the poll trigger (every 5 s) of agent @e2e_poller; @e2e_fan acts.
 * Executions are read through n8n's REST API as the owner.
 *
 * n8n's shutdown does not remove webhook registrations: its @OnShutdown hook
 * (ActiveWorkflowManager.removeAllTriggerAndPollerBasedWorkflows) stops triggers and pollers
 * only, and on the next start the trigger's checkExists finds its registration and keeps it.
 * The registration goes when the workflow is deactivated on a running instance (n8n then calls
 * the trigger's delete); `n8n unpublish:workflow` only changes the database and calls nothing.
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

import { startSandbox, type Sandbox } from '../sandbox';
import { marketplaceOf } from '../sandbox/state/marketplace';
import { webhookConfigOf } from '../sandbox/state/webhooks';
import { createHost, CREDENTIAL_TYPE, disposeAllHosts, idFor, NODE_TYPES, type CredentialRef, type N8nHost, type Workflow } from '../../scripts/n8n';
import { listExecutions, login, waitForExecutions, type StoredExecution } from './triggerExecutions';

const TRIGGER = 'ImagineAnything Trigger';
const POLL = 'ImagineAnything Poll Trigger';
const TRIGGER_WORKFLOW = idFor('e2e trigger workflow');
const POLL_WORKFLOW = idFor('e2e poll trigger workflow');
const WEBHOOK_ID = '3f6a1c2e-8d4b-4e7a-9c1f-5b7d9e1f2a3c';
/** Every 5 s. n8n refuses a `*` in the seconds field ("at least a minute"), not a list. */
const EVERY_5_SECONDS = `${Array.from({ length: 12 }, (_, i) => i * 5).join(',')} * * * * *`;

let sandbox: Sandbox;
let host: N8nHost;
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

async function until(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n--- n8n log ---\n${host.log().slice(-4000)}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
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
			oneNodeWorkflow(POLL_WORKFLOW, 'E2E poll trigger', {
				id: idFor('node:poll'),
				name: POLL,
				type: NODE_TYPES.pollTrigger,
				typeVersion: 1,
				position: [0, 0],
				parameters: { event: 'message', pollTimes: { item: [{ mode: 'custom', cronExpression: EVERY_5_SECONDS }] } },
				credentials: { imagineAnythingApi: pollerCredential },
			}),
		]);
		// The webhook trigger is published the headless way (CLI while n8n is stopped, activated by
		// `n8n start`), the poll trigger the editor's way (REST on the running instance) below.
		await host.publish(TRIGGER_WORKFLOW);
		mark('credentials and workflows imported, webhook trigger published');
		await host.start();
		await host.setupOwner();
		mark('n8n started, owner set up');
		const { body } = await host.rest('GET', `/workflows/${POLL_WORKFLOW}`);
		const activated = await host.rest('POST', `/workflows/${POLL_WORKFLOW}/activate`, { versionId: body.data.versionId });
		if (activated.status !== 200) throw new Error(`activating the poll trigger: ${activated.status} ${JSON.stringify(activated.body)}`);
		mark('poll trigger activated');
	}, 600_000);

	afterAll(async () => {
		await disposeAllHosts();
		await sandbox?.close();
		mark('done');
		process.stderr.write(`trigger e2e timings (since the suite began):\n  ${timings.join('\n  ')}\n`);
	}, 60_000);

	it('registers the production URL of the active workflow with the agent on start', async () => {
		await until('the webhook registration', () => registration() !== undefined);
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
		const body = JSON.stringify({ id: 'evt_forged', type: 'MESSAGE', createdAt: new Date().toISOString(), data: {} });
		const response = await fetch(productionUrl(), {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'x-imagineanything-event': 'MESSAGE',
				'x-imagineanything-delivery': `dlv_${randomBytes(6).toString('hex')}`,
				'x-imagineanything-timestamp': String(Math.floor(Date.now() / 1000)),
				'x-imagineanything-signature': `sha256=${'0'.repeat(64)}`,
			},
			body,
		});
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

	it('poll trigger: one scheduled poll picks up a new direct message, once', async () => {
		expect(pollerCalls({ path: '/api/agents/me' })).toBe(1);
		const answer = await act(fan.handle, 'POST', '/api/conversations', { participantHandle: poller.handle, message: 'Anyone polling?' });
		const [execution] = await waitForExecutions(host, POLL_WORKFLOW, 1, 30_000);
		expect(execution).toMatchObject({ mode: 'trigger', status: 'success' });
		expect(execution.json(POLL)).toEqual([
			expect.objectContaining({
				content: 'Anyone polling?',
				conversationId: answer.conversation.id,
				sender: expect.objectContaining({ handle: fan.handle }),
				participant: expect.objectContaining({ handle: fan.handle }),
			}),
		]);
		mark('poll trigger executed');
	});

	it('keeps the registration over a restart (SIGTERM does not call delete; checkExists finds it on start)', async () => {
		const before = { ...registration()! };
		await host.stop();
		mark('n8n stopped (SIGTERM)');
		expect(registration()).toEqual(before);
		expect(registrationCalls('DELETE')).toEqual([]);

		const patchesBefore = registrationCalls('PATCH').length;
		const listingsBefore = pollerCalls({ path: '/api/conversations' });
		const getsBefore = registrationCalls('GET').length;
		await host.start();
		await login(host);
		mark('n8n restarted');
		await until('checkExists after the restart', () => registrationCalls('GET').length > getsBefore);
		expect(registrationCalls('PATCH')).toHaveLength(patchesBefore);
		expect(registration()).toEqual(before);

		// The secret survived in the workflow's static data: a delivery after the restart verifies and runs.
		await act(fan.handle, 'POST', '/api/conversations', { participantHandle: seller.handle, message: 'After the restart' });
		await sandbox.webhooksIdle();
		delivered = await waitForExecutions(host, TRIGGER_WORKFLOW, 3);
		expect(delivered[2].json(TRIGGER)).toEqual([
			expect.objectContaining({ type: 'MESSAGE', message: expect.objectContaining({ content: 'After the restart' }) }),
		]);
		// The poll trigger resumed from the position saved with its execution: after the poll at
		// activation and a scheduled one, the message it reported before the restart was not reported again.
		await until('two polls after the restart', () => pollerCalls({ path: '/api/conversations' }) >= listingsBefore + 2);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await listExecutions(host, POLL_WORKFLOW)).toHaveLength(1);
	});

	it('removes the registration when the workflow is deactivated on the running instance', async () => {
		const deliveriesBefore = sandbox.webhookDeliveries({ handle: seller.handle }).length;
		const answer = await host.rest('POST', `/workflows/${TRIGGER_WORKFLOW}/deactivate`, {});
		expect(answer.status).toBe(200);
		expect(answer.body.data).toMatchObject({ id: TRIGGER_WORKFLOW, active: false });
		expect(registration()).toBeUndefined();
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
		const { body } = await host.rest('GET', `/workflows/${TRIGGER_WORKFLOW}`);
		const answer = await host.rest('POST', `/workflows/${TRIGGER_WORKFLOW}/activate`, { versionId: body.data.versionId });
		expect(answer.status).toBe(200);
		expect(registration()?.url).toBe(productionUrl());
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
