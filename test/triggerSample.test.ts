import type { IDataObject } from 'n8n-workflow';

import { apiCalls } from './env';
import { createTriggerTestEnv, type TriggerTestEnv, type TriggerWorkflow } from './harness/trigger';
import { marketplaceOf } from './sandbox/state/marketplace';
import { webhookConfigOf } from './sandbox/state/webhooks';

/*
 * "Listen for test event" while another URL holds the agent's webhook: the trigger leaves that
 * registration alone and replays the agent's latest event of the selected kinds to its test URL,
 * signed, so the test run gets an item like a real delivery's (marked `sample: true`).
 */

const WEBHOOK_PATH = '/api/agents/me/webhook';

let t: TriggerTestEnv;

beforeAll(async () => {
	t = await createTriggerTestEnv();
	t.env.sandbox.configureWebhooks({ retryDelaysMs: [] });
});

afterAll(async () => {
	await t.close();
});

type Agent = ReturnType<TriggerTestEnv['newAgent']>;

function trigger(agent: Agent, events: string[]): TriggerWorkflow {
	return t.server.workflow({ credential: agent.credential, parameters: { events } as never });
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

function webhookCalls() {
	return apiCalls(t.env.requestsSinceMark())
		.filter((r) => r.path === WEBHOOK_PATH)
		.map((r) => r.method);
}

/** The item of a test listen's run, within a few seconds. */
async function sampleOf(workflow: TriggerWorkflow): Promise<IDataObject> {
	const listen = await workflow.listenForTestEvent();
	let timer: NodeJS.Timeout | undefined;
	const start = await Promise.race([
		listen.started,
		new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error('no sample reached the test URL')), 8000);
		}),
	]).finally(() => clearTimeout(timer));
	expect(start.isTest).toBe(true);
	expect(start.items).toHaveLength(1);
	return start.items[0].json;
}

describe('ImagineAnything Trigger: a test while another workflow holds the agent’s webhook', () => {
	it('replays the latest direct message to the test URL, shaped like the delivery, and leaves the registration alone', async () => {
		const me = t.newAgent('smp_dm');
		const fan = t.newAgent('smp_dm_fan');
		const production = trigger(me, ['message']);
		await production.activate();
		const registered = { ...webhookConfigOf(t.env.sandbox.store, me.agentId) };
		await t.env.act(fan.handle, 'POST', '/api/conversations', { participantHandle: me.handle, message: 'older' });
		await tick();
		await t.env.act(fan.handle, 'POST', '/api/conversations', { participantHandle: me.handle, message: 'Hello, is this the shop?' });
		await t.env.sandbox.webhooksIdle();
		const delivered = production.starts.map((s) => s.items[0].json);
		expect(delivered).toHaveLength(2);

		t.env.mark();
		const other = trigger(me, ['message']);
		const sample = await sampleOf(other);
		const real = delivered[1];
		expect(sample).toEqual({
			type: 'MESSAGE',
			id: (real.message as IDataObject).id,
			createdAt: (real.message as IDataObject).createdAt,
			conversationId: real.conversationId,
			message: real.message,
			sample: true,
		});
		expect(Object.keys(sample)).toEqual([...Object.keys(real), 'sample']);

		// The registration was only looked at: not replaced, not removed, same secret.
		expect(webhookCalls()).toEqual(['GET']);
		expect(webhookConfigOf(t.env.sandbox.store, me.agentId)).toEqual(registered);
		// The sample went through the trigger's verification like a delivery (401 would have started nothing).
		const testPath = new URL(other.url(true)).pathname;
		expect(t.server.received.filter((r) => r.path === testPath).map((r) => r.status)).toEqual([200]);

		// Production still receives and verifies real events.
		await t.env.act(fan.handle, 'POST', '/api/conversations', { participantHandle: me.handle, message: 'still there?' });
		await t.env.sandbox.webhooksIdle();
		expect(production.starts).toHaveLength(3);
		expect(other.starts.filter((s) => !s.isTest)).toEqual([]);
	});

	it('does the same for the active workflow’s own test listen, and again on a second listen', async () => {
		const me = t.newAgent('smp_self');
		const fan = t.newAgent('smp_self_fan');
		const workflow = trigger(me, ['all']);
		await workflow.activate();
		await t.env.act(fan.handle, 'POST', `/api/agents/${me.handle}/follow`);
		await t.env.sandbox.webhooksIdle();
		const [real] = workflow.starts.map((s) => s.items[0].json);

		for (let listen = 0; listen < 2; listen++) {
			const sample = await sampleOf(workflow);
			expect(sample).toEqual({ ...real, id: real.notificationId, sample: true });
		}
		expect(webhookConfigOf(t.env.sandbox.store, me.agentId)?.url).toBe(workflow.url(false));
		// The production trigger still tells a retry of its delivery from a new event.
		const [delivery] = t.env.sandbox.webhookDeliveries({ handle: me.handle });
		await t.env.sandbox.redeliverWebhook(delivery.id);
		expect(workflow.starts.filter((s) => !s.isTest)).toHaveLength(1);
	});

	it('picks the newest event of the selected kinds only', async () => {
		const seller = t.newAgent('smp_pick');
		const buyer = t.newAgent('smp_pick_b');
		await trigger(seller, ['all']).activate();
		const post = t.env.sandbox.store.createPost(seller.agentId, { content: 'my post', mediaType: 'TEXT' }, Date.now());
		await t.env.act(buyer.handle, 'POST', `/api/posts/${post.id}/like`);
		await tick();
		const service = marketplaceOf(t.env.sandbox.store).createService(
			seller.agentId,
			{ title: 'Haiku', description: 'A haiku', shortDesc: 'Haiku', price: 300, deliveryDays: 1, revisions: 1, category: 'WRITING', tags: [] },
			Date.now(),
		);
		const placed = await t.env.act(buyer.handle, 'POST', '/api/marketplace/orders', { serviceId: service.id, requirements: 'Spring', paymentMethod: 'CARD' });
		await tick();
		marketplaceOf(t.env.sandbox.store).confirmPayment(placed.order.id);
		await tick();
		await t.env.act(buyer.handle, 'POST', `/api/agents/${seller.handle}/follow`);
		await tick();
		await t.env.act(buyer.handle, 'POST', '/api/conversations', { participantHandle: seller.handle, message: 'newest of all' });
		await t.env.sandbox.webhooksIdle();

		expect(await sampleOf(trigger(seller, ['all']))).toMatchObject({ type: 'MESSAGE', message: { content: 'newest of all' } });
		expect(await sampleOf(trigger(seller, ['like', 'order']))).toMatchObject({
			type: 'ORDER',
			id: placed.order.id,
			order: { id: placed.order.id, status: 'PAID' },
			previousStatus: 'PENDING_PAYMENT',
			action: 'pay',
			sample: true,
		});
		expect(await sampleOf(trigger(seller, ['like', 'mention']))).toMatchObject({
			type: 'LIKE',
			actor: { handle: buyer.handle },
			postId: post.id,
			sample: true,
		});
	});

	it('with nothing to replay, says so in the message, with what to do', async () => {
		const me = t.newAgent('smp_none');
		const fan = t.newAgent('smp_none_fan');
		await trigger(me, ['all']).activate();
		// A follow exists, but the test listens for orders only.
		await t.env.act(fan.handle, 'POST', `/api/agents/${me.handle}/follow`);
		await t.env.sandbox.webhooksIdle();

		const listening = trigger(me, ['order']);
		const error = await listening.listenForTestEvent().then(
			() => undefined,
			(e: Error) => e,
		);
		expect(error?.message).toContain("this agent's events already go to " + webhookConfigOf(t.env.sandbox.store, me.agentId)?.url);
		expect(error?.message).toContain("replays the agent's latest order instead, but the agent has none yet");
		expect(error?.message).toMatch(/unpublish.*another agent's credential.*Replace Existing Registration.*Poll Trigger/s);
		expect(listening.starts).toEqual([]);
	});
});
