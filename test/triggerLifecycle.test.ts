import { apiCalls } from './env';
import { createTriggerTestEnv, type TriggerTestEnv } from './harness/trigger';
import { sealingKey, unseal } from '../package/nodes/ImagineAnythingTrigger/helpers/sealedSecret';
import { webhookConfigOf } from './sandbox/state/webhooks';

const WEBHOOK_PATH = '/api/agents/me/webhook';

let t: TriggerTestEnv;

beforeAll(async () => {
	t = await createTriggerTestEnv();
	t.env.sandbox.configureWebhooks({ retryDelaysMs: [] });
});

afterAll(async () => {
	await t.close();
});

type NodeError = Error & { description?: string; httpCode?: string };

/** The error a promise rejects with (fails the test when it resolves). */
async function failure(promise: Promise<unknown>): Promise<NodeError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeError;
	}
	throw new Error('expected a failure');
}

/** The webhook secret kept in a trigger's static data, opened with its agent's credential. */
function openedSecret(handle: string, stored: unknown): string | undefined {
	expect(stored).toMatch(/^sealed:v1:/);
	return unseal(String(stored), sealingKey({ ...t.env.sandbox.credentialsFor(handle) }));
}

function registrationOf(agentId: string) {
	return webhookConfigOf(t.env.sandbox.store, agentId);
}

function webhookCalls() {
	return apiCalls(t.env.requestsSinceMark())
		.filter((r) => r.path === WEBHOOK_PATH)
		.map((r) => ({ method: r.method, body: r.body, status: r.status }));
}

function triggerFor(agent: { credential: { id: string | null; name: string } }, parameters: Record<string, unknown> = {}) {
	return t.server.workflow({
		credential: agent.credential,
		parameters: { events: ['all'], ...parameters } as never,
	});
}

describe('ImagineAnything Trigger lifecycle (n8n hook contexts against the sandbox)', () => {
	it('activation registers the production URL with a fresh secret and keeps the secret sealed in static data', async () => {
		const agent = t.newAgent('life_create');
		const workflow = triggerFor(agent);
		t.env.mark();
		await workflow.activate();

		const url = workflow.url(false);
		expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/wf\d+-hook\/webhook$/);
		// checkExists answers false without a request when nothing is stored; create looks first, then registers.
		expect(webhookCalls()).toEqual([
			{ method: 'GET', body: undefined, status: 200 },
			{ method: 'PATCH', body: { webhookUrl: url, regenerateSecret: true }, status: 200 },
		]);
		const registration = registrationOf(agent.agentId);
		expect(registration?.url).toBe(url);
		expect(workflow.nodeStaticData()).toEqual({
			webhookUrl: url,
			webhookSecret: expect.stringMatching(/^sealed:v1:/),
			registeredAt: expect.any(String),
		});
		// Unreadable without the credential's Client Secret.
		expect(JSON.stringify(workflow.nodeStaticData())).not.toContain(registration!.secret);
		expect(openedSecret(agent.handle, workflow.nodeStaticData().webhookSecret)).toBe(registration?.secret);
	});

	it('checkExists finds its own registration, so a restart of n8n registers nothing again', async () => {
		const agent = t.newAgent('life_exists');
		const workflow = triggerFor(agent);
		await workflow.activate();
		const secret = registrationOf(agent.agentId)?.secret;

		t.env.mark();
		expect(await workflow.hook('checkExists', { isTest: false, mode: 'trigger', activation: 'init' })).toBe(true);
		await workflow.activate('init');
		expect(webhookCalls().map((c) => c.method)).toEqual(['GET', 'GET']);
		expect(registrationOf(agent.agentId)?.secret).toBe(secret);
	});

	it('checkExists is false when the service lost the registration, and create registers again', async () => {
		const agent = t.newAgent('life_lost');
		const workflow = triggerFor(agent);
		await workflow.activate();
		await t.env.sandbox.act(agent.handle, 'DELETE', WEBHOOK_PATH);

		expect(await workflow.hook('checkExists', { isTest: false, mode: 'trigger', activation: 'init' })).toBe(false);
		await workflow.activate('init');
		expect(registrationOf(agent.agentId)?.url).toBe(workflow.url(false));
		expect(openedSecret(agent.handle, workflow.nodeStaticData().webhookSecret)).toBe(registrationOf(agent.agentId)?.secret);
	});

	it('re-registers its own earlier URL when n8n’s address changed (WEBHOOK_URL)', async () => {
		const agent = t.newAgent('life_moved');
		const workflow = triggerFor(agent);
		t.server.publicBaseUrl = 'https://old-n8n.example.com';
		try {
			await workflow.activate();
		} finally {
			t.server.publicBaseUrl = undefined;
		}
		expect(registrationOf(agent.agentId)?.url).toBe('https://old-n8n.example.com/webhook/' + workflow.webhooks(false)[0].path);
		await workflow.activate('init');
		expect(registrationOf(agent.agentId)?.url).toBe(workflow.url(false));
	});

	it('deactivation removes the registration and the local secret', async () => {
		const agent = t.newAgent('life_delete');
		const workflow = triggerFor(agent);
		await workflow.activate();
		t.env.mark();
		await workflow.deactivate();

		expect(webhookCalls().map((c) => c.method)).toEqual(['GET', 'DELETE']);
		expect(registrationOf(agent.agentId)).toBeUndefined();
		expect(workflow.nodeStaticData()).toEqual({});
	});

	it('deactivation leaves a registration alone that is no longer ours (but still forgets the local secret)', async () => {
		const agent = t.newAgent('life_foreign');
		const workflow = triggerFor(agent);
		await workflow.activate();
		await t.env.sandbox.act(agent.handle, 'PATCH', WEBHOOK_PATH, { webhookUrl: 'https://elsewhere.example.com/hook' });
		t.env.mark();
		await workflow.deactivate();

		expect(webhookCalls().map((c) => c.method)).toEqual(['GET']);
		expect(registrationOf(agent.agentId)?.url).toBe('https://elsewhere.example.com/hook');
		expect(workflow.nodeStaticData()).toEqual({});
	});

	it('refuses to take over another receiver’s registration, naming it and saying what to do', async () => {
		const agent = t.newAgent('life_stale');
		await t.env.sandbox.act(agent.handle, 'PATCH', WEBHOOK_PATH, { webhookUrl: 'https://old.example.com/hook', regenerateSecret: true });
		const before = registrationOf(agent.agentId);
		const workflow = triggerFor(agent);
		t.env.mark();

		const error = await failure(workflow.activate());
		expect(error).toBeInstanceOf(Error);
		expect(error.message).toContain('https://old.example.com/hook');
		expect(error.message).toContain('not this trigger');
		// The way out is in the message: n8n 2.8 shows only that.
		expect(error.message).toMatch(/unpublish.*another agent's credential.*Replace Existing Registration.*Poll Trigger/s);
		// Looked, refused, and the delete n8n runs after a failed activation left it alone.
		expect(webhookCalls().map((c) => c.method)).toEqual(['GET', 'GET']);
		expect(registrationOf(agent.agentId)).toEqual(before);
		expect(workflow.nodeStaticData()).toEqual({});
	});

	it('takes over a stale registration with "Replace Existing Registration"', async () => {
		const agent = t.newAgent('life_replace');
		await t.env.sandbox.act(agent.handle, 'PATCH', WEBHOOK_PATH, { webhookUrl: 'https://old.example.com/hook' });
		const workflow = triggerFor(agent, { options: { replaceExistingRegistration: true } });
		await workflow.activate();
		expect(registrationOf(agent.agentId)?.url).toBe(workflow.url(false));
	});

	describe('one URL per agent: test listen versus the active workflow', () => {
		it('a test listen while the workflow is active, with no event to replay, fails saying so and what to do; production keeps its events', async () => {
			const agent = t.newAgent('life_prod_test');
			const other = t.newAgent('life_prod_fan');
			const workflow = triggerFor(agent);
			await workflow.activate();
			const production = { ...registrationOf(agent.agentId) };
			t.env.mark();

			const error = await failure(workflow.listenForTestEvent());
			expect(error).toBeInstanceOf(Error);
			expect(error.message).toContain(workflow.url(false));
			expect(error.message).toContain('the production URL of this workflow');
			expect(error.message).toContain("replays the agent's latest direct message, notification or order instead, but the agent has none yet");
			expect(error.message).toMatch(/deactivate this workflow while you test \(in n8n 2\.x: unpublish it\).*another agent's credential.*Replace Existing Registration.*Poll Trigger/s);
			// Nothing was registered: one look by create, one by the delete n8n runs after a failed listen.
			expect(webhookCalls().map((c) => c.method)).toEqual(['GET', 'GET']);
			expect(registrationOf(agent.agentId)).toEqual(production);

			// Production still verifies and starts on real events.
			await t.env.sandbox.act(other.handle, 'POST', `/api/agents/${agent.handle}/follow`);
			await t.env.sandbox.webhooksIdle();
			expect(workflow.starts.map((s) => [s.isTest, s.items[0].json.type])).toEqual([[false, 'FOLLOW']]);
		});

		it('refuses activation while a test listen holds the registration', async () => {
			const agent = t.newAgent('life_test_prod');
			const workflow = triggerFor(agent);
			const listen = await workflow.listenForTestEvent();
			expect(registrationOf(agent.agentId)?.url).toBe(workflow.url(true));

			const error = await failure(workflow.activate());
			expect(error.message).toContain('the test URL of this trigger');
			expect(error.message).toContain('Stop listening');
			expect(registrationOf(agent.agentId)?.url).toBe(workflow.url(true));

			await listen.stop();
			expect(registrationOf(agent.agentId)).toBeUndefined();
			await workflow.activate();
			expect(registrationOf(agent.agentId)?.url).toBe(workflow.url(false));
		});

		it('a test listen on an inactive workflow registers the test URL and removes it after the first event', async () => {
			const agent = t.newAgent('life_test_only');
			const other = t.newAgent('life_test_fan');
			const workflow = triggerFor(agent);
			const listen = await workflow.listenForTestEvent();
			expect(listen.staticData()).toEqual({
				'node:ImagineAnything Trigger': expect.objectContaining({ webhookUrl: workflow.url(true), webhookSecret: expect.any(String) }),
			});
			// The test registration's data stays apart from the workflow's (n8n keeps it in the listen).
			expect(workflow.nodeStaticData()).toEqual({});

			await t.env.sandbox.act(other.handle, 'POST', `/api/agents/${agent.handle}/follow`);
			const start = await listen.started;
			expect(start.isTest).toBe(true);
			expect(start.items[0].json).toMatchObject({ type: 'FOLLOW', actor: { handle: other.handle } });
			expect(registrationOf(agent.agentId)).toBeUndefined();
		});

		it('with "Replace Existing Registration" a test listen takes the events, and production needs reactivating after', async () => {
			const agent = t.newAgent('life_takeover');
			const workflow = triggerFor(agent, { options: { replaceExistingRegistration: true } });
			await workflow.activate();
			const listen = await workflow.listenForTestEvent();
			expect(registrationOf(agent.agentId)?.url).toBe(workflow.url(true));

			await t.env.sandbox.deliverWebhook(agent.handle, 'TEST', { message: 'ping' });
			await listen.started;
			expect(registrationOf(agent.agentId)).toBeUndefined();

			// Reactivating the production workflow registers it again with a new secret.
			await workflow.activate('update');
			expect(registrationOf(agent.agentId)?.url).toBe(workflow.url(false));
			const delivery = await t.env.sandbox.deliverWebhook(agent.handle, 'TEST', {});
			expect(delivery.attempts[0].status).toBe(200);
			expect(workflow.starts.filter((s) => !s.isTest)).toHaveLength(1);
		});
	});

	describe('registration failures', () => {
		it('explains that ImagineAnything needs HTTPS when n8n’s URL is plain HTTP', async () => {
			const agent = t.newAgent('life_http');
			const workflow = triggerFor(agent);
			t.server.publicBaseUrl = 'http://n8n.example.com';
			try {
				const error = await failure(workflow.activate());
				expect(error.message).toContain('ImagineAnything refused to register http://n8n.example.com/webhook/');
				expect(error.message).toContain('webhookUrl must be an HTTPS URL');
				expect(error.message).toContain(
					'only delivers to HTTPS URLs: give n8n a public HTTPS address (N8N_WEBHOOK_URL, or WEBHOOK_URL before n8n 2.41) or use the ImagineAnything Poll Trigger.',
				);
				expect(error.description).toMatch(/N8N_WEBHOOK_URL environment variable, WEBHOOK_URL before n8n 2\.41, to the HTTPS address.*Poll Trigger/s);
			} finally {
				t.server.publicBaseUrl = undefined;
			}
			expect(registrationOf(agent.agentId)).toBeUndefined();
		});

		it('fails clearly when the answer carries no secret, and removes the half-made registration', async () => {
			const agent = t.newAgent('life_nosecret');
			const workflow = triggerFor(agent);
			t.env.sandbox.addFault({ method: 'PATCH', path: WEBHOOK_PATH, after: 0, times: 1, status: 200, body: { success: true } });
			const error = await failure(workflow.activate());
			expect(error.message).toContain('without a signing secret');
			expect(registrationOf(agent.agentId)).toBeUndefined();
			expect(workflow.nodeStaticData()).toEqual({});
		});

		it('turns service errors into NodeApiErrors with the service’s message, never the secret', async () => {
			const agent = t.newAgent('life_error');
			const workflow = triggerFor(agent);
			// Reads are sent again after a 5xx (three more times): a lasting outage fails the activation.
			t.env.sandbox.addFault({ method: 'GET', path: WEBHOOK_PATH, times: 4, status: 503, body: { error: 'unavailable', message: 'Down for maintenance' } });
			t.env.mark();
			const error = await failure(workflow.activate());
			expect(t.env.requestsSinceMark().filter((r) => r.path === WEBHOOK_PATH).map((r) => r.status).slice(0, 4)).toEqual([503, 503, 503, 503]);
			expect(error.constructor.name).toBe('NodeApiError');
			expect(error.message).toBe('Down for maintenance');
			expect(error.httpCode).toBe('503');
			t.env.sandbox.clearFaults();

			await workflow.activate();
			const secret = String(registrationOf(agent.agentId)?.secret);
			t.env.sandbox.addFault({ method: 'GET', path: WEBHOOK_PATH, times: 4, status: 500 });
			const deactivation = await failure(workflow.deactivate());
			expect(deactivation.constructor.name).toBe('NodeApiError');
			expect(JSON.stringify(deactivation, Object.getOwnPropertyNames(deactivation))).not.toContain(secret);
			// The local secret is gone even though the service could not be asked.
			expect(workflow.nodeStaticData()).toEqual({});
		});
	});
});
