import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { createTriggerTestEnv, type TriggerTestEnv, type TriggerWorkflow } from './harness/trigger';
import { marketplaceOf } from './sandbox/state/marketplace';
import { webhookConfigOf } from './sandbox/state/webhooks';

let t: TriggerTestEnv;

beforeAll(async () => {
	t = await createTriggerTestEnv();
	t.env.sandbox.configureWebhooks({ retryDelaysMs: [30, 60], timeoutMs: 2000 });
});

afterAll(async () => {
	await t.close();
});

interface Setup {
	me: ReturnType<TriggerTestEnv['newAgent']>;
	fan: ReturnType<TriggerTestEnv['newAgent']>;
	workflow: TriggerWorkflow;
}

async function activeTrigger(name: string, parameters: Record<string, unknown> = {}): Promise<Setup> {
	const me = t.newAgent(`${name}_me`);
	const fan = t.newAgent(`${name}_fan`);
	const workflow = t.server.workflow({ credential: me.credential, parameters: { events: ['all'], ...parameters } as never });
	await workflow.activate();
	return { me, fan, workflow };
}

function startedItems(workflow: TriggerWorkflow) {
	return workflow.starts.flatMap((s) => s.items.map((i) => i.json));
}

function receivedBy(workflow: TriggerWorkflow) {
	const path = new URL(workflow.url(false)).pathname;
	return t.server.received.filter((r) => r.path === path);
}

describe('deliveries from the sandbox to the trigger, end to end', () => {
	it('turns every notification type caused by another agent into a verified workflow start', async () => {
		const { me, fan, workflow } = await activeTrigger('dl_all');
		const post = (await t.env.act(me.handle, 'POST', '/api/posts', { content: 'Hello from me', mediaType: 'TEXT' })).post ?? undefined;
		const postId: string = post?.id ?? (await t.env.act(me.handle, 'GET', '/api/feed')).posts?.[0]?.id;
		await t.env.act(fan.handle, 'POST', `/api/agents/${me.handle}/follow`);
		await t.env.act(fan.handle, 'POST', `/api/posts/${postId}/like`);
		const comment = await t.env.act(me.handle, 'POST', `/api/posts/${postId}/comments`, { content: 'my own comment' });
		const commentId: string = comment.comment?.id ?? comment.id;
		await t.env.act(fan.handle, 'POST', `/api/posts/${postId}/comments`, { content: 'great post' });
		await t.env.act(fan.handle, 'POST', `/api/posts/${postId}/comments`, { content: 'nice', parentId: commentId });
		await t.env.act(fan.handle, 'POST', `/api/posts/${postId}/repost`);
		await t.env.act(fan.handle, 'POST', `/api/posts/${postId}/quote`, { content: 'quoting this' });
		await t.env.act(fan.handle, 'POST', '/api/posts', { content: `hey @${me.handle}`, mediaType: 'TEXT' });
		await t.env.sandbox.webhooksIdle();

		const items = startedItems(workflow);
		expect(items.map((i) => i.type).sort()).toEqual(['COMMENT', 'FOLLOW', 'LIKE', 'MENTION', 'QUOTE', 'REPLY', 'REPOST']);
		for (const item of items) {
			expect(item).toMatchObject({
				id: expect.stringMatching(/^evt_/),
				createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				notificationId: expect.any(String),
				actor: { handle: fan.handle },
			});
		}
		expect(items.find((i) => i.type === 'LIKE')).toMatchObject({ postId });
		expect(items.find((i) => i.type === 'REPLY')).toMatchObject({ postId, commentId: expect.any(String) });
		// Every request was signed, verified and answered 200; nothing was retried.
		expect(receivedBy(workflow).map((r) => r.status)).toEqual(items.map(() => 200));
		expect(t.env.sandbox.webhookDeliveries({ handle: me.handle }).every((d) => d.status === 'delivered' && d.attempts.length === 1)).toBe(true);
	});

	it('delivers direct messages to the recipient only, with the conversation and the message', async () => {
		const { me, fan, workflow } = await activeTrigger('dl_dm');
		const fanTrigger = t.server.workflow({ credential: fan.credential, parameters: { events: ['message'] } as never });
		await fanTrigger.activate();
		const started = await t.env.act(fan.handle, 'POST', '/api/conversations', { participantHandle: me.handle, message: 'Hi there' });
		const conversationId: string = started.conversation.id;
		await t.env.act(me.handle, 'POST', `/api/conversations/${conversationId}/messages`, { content: 'Hello back' });
		await t.env.sandbox.webhooksIdle();

		expect(startedItems(workflow)).toEqual([
			expect.objectContaining({
				type: 'MESSAGE',
				conversationId,
				message: expect.objectContaining({ content: 'Hi there', sender: expect.objectContaining({ handle: fan.handle }) }),
			}),
		]);
		expect(startedItems(fanTrigger)).toEqual([
			expect.objectContaining({ type: 'MESSAGE', conversationId, message: expect.objectContaining({ content: 'Hello back' }) }),
		]);
	});

	it('delivers order events to the other party of whoever acted (both when the payment provider acts)', async () => {
		const { me: seller, fan: buyer, workflow: sellerTrigger } = await activeTrigger('dl_order');
		const buyerTrigger = t.server.workflow({ credential: buyer.credential, parameters: { events: ['order'] } as never });
		await buyerTrigger.activate();
		const market = marketplaceOf(t.env.sandbox.store);
		const service = market.createService(
			seller.agentId,
			{ title: 'Logo', description: 'A logo', shortDesc: 'Logo', price: 500, deliveryDays: 1, revisions: 1, category: 'DESIGN', tags: [] },
			Date.now(),
		);
		const placed = await t.env.act(buyer.handle, 'POST', '/api/marketplace/orders', { serviceId: service.id, requirements: 'Blue', paymentMethod: 'CARD' });
		const orderId: string = placed.order.id;
		market.confirmPayment(orderId);
		await t.env.act(seller.handle, 'PATCH', `/api/marketplace/orders/${orderId}`, { action: 'start' });
		await t.env.sandbox.webhooksIdle();

		const summary = (items: Array<Record<string, unknown>>) =>
			items.map((i) => [i.type, (i.order as { status: string }).status, i.previousStatus, i.action]);
		expect(summary(startedItems(sellerTrigger))).toEqual([
			['ORDER', 'PENDING_PAYMENT', null, 'place'],
			['ORDER', 'PAID', 'PENDING_PAYMENT', 'pay'],
		]);
		expect(summary(startedItems(buyerTrigger))).toEqual([
			['ORDER', 'PAID', 'PENDING_PAYMENT', 'pay'],
			['ORDER', 'IN_PROGRESS', 'PAID', 'start'],
		]);
		expect(startedItems(buyerTrigger)[1]).toMatchObject({ order: { id: orderId, seller: { handle: seller.handle } } });
	});

	it('delivers the TEST ping that PATCH with test: true asks for', async () => {
		const { me, workflow } = await activeTrigger('dl_ping');
		const answer = await t.env.act(me.handle, 'PATCH', '/api/agents/me/webhook', { test: true });
		expect(answer).toMatchObject({ testRequested: true });
		expect(answer.secret).toBeUndefined();
		await t.env.sandbox.webhooksIdle();
		expect(startedItems(workflow)).toEqual([expect.objectContaining({ type: 'TEST', message: expect.any(String) })]);
	});

	it('answers events that are not selected with 200 and starts nothing', async () => {
		const { me, fan, workflow } = await activeTrigger('dl_filter', { events: ['like', 'test'] });
		const post = await t.env.act(me.handle, 'POST', '/api/posts', { content: 'Filter me', mediaType: 'TEXT' });
		await t.env.act(fan.handle, 'POST', `/api/agents/${me.handle}/follow`);
		await t.env.act(fan.handle, 'POST', `/api/posts/${post.post?.id ?? post.id}/like`);
		await t.env.sandbox.webhooksIdle();

		expect(startedItems(workflow).map((i) => i.type)).toEqual(['LIKE']);
		const follow = receivedBy(workflow).find((r) => !r.started);
		expect(follow).toMatchObject({ status: 200, answer: { received: true, ignored: true, type: 'FOLLOW' } });
		expect(t.env.sandbox.webhookDeliveries({ handle: me.handle, type: 'FOLLOW' })[0].status).toBe('delivered');
	});

	it('adds the delivery headers to the output when asked', async () => {
		const { me, workflow } = await activeTrigger('dl_headers', { options: { includeHeaders: true } });
		const delivery = await t.env.sandbox.deliverWebhook(me.handle, 'LIKE', { postId: 'post_x' });
		expect(startedItems(workflow)[0]).toMatchObject({
			type: 'LIKE',
			id: delivery.eventId,
			postId: 'post_x',
			headers: {
				'x-imagineanything-event': 'LIKE',
				'x-imagineanything-delivery': delivery.id,
				'x-imagineanything-signature': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
			},
		});
	});

	describe('verification', () => {
		it.each([
			['a forged', { signature: 'invalid' as const }],
			['an unsigned', { signature: 'missing' as const }],
			['a wrong-secret', { signature: 'wrongSecret' as const }],
			['a stale', { timestampOffsetSeconds: -600 }],
		])('answers %s delivery 401 and starts nothing (the service retries, then gives up)', async (_, tamper) => {
			const { me, workflow } = await activeTrigger(`dl_${'signature' in tamper ? tamper.signature : 'stale'}`.toLowerCase());
			await t.env.sandbox.deliverWebhook(me.handle, 'LIKE', { postId: 'p' }, tamper);
			await t.env.sandbox.webhooksIdle();

			expect(workflow.starts).toEqual([]);
			const [delivery] = t.env.sandbox.webhookDeliveries({ handle: me.handle });
			expect(delivery.status).toBe('failed');
			expect(delivery.attempts.map((a) => a.status)).toEqual([401, 401, 401]);
			const answers = receivedBy(workflow);
			expect(answers.map((r) => r.status)).toEqual([401, 401, 401]);
			expect(answers[0].answer).toMatchObject({ error: 'invalid_signature' });
			// Nothing about the secret or the expected signature is revealed.
			const secret = String(webhookConfigOf(t.env.sandbox.store, me.agentId)?.secret);
			expect(JSON.stringify(answers)).not.toContain(secret);
		});

		it('drops a replayed or retried delivery id: answered 200, no second execution', async () => {
			const { me, workflow } = await activeTrigger('dl_replay');
			const delivery = await t.env.sandbox.deliverWebhook(me.handle, 'MENTION', { postId: 'p1' });
			const again = await t.env.sandbox.redeliverWebhook(delivery.id);

			expect(again.attempts.map((a) => a.status)).toEqual([200, 200]);
			expect(workflow.starts).toHaveLength(1);
			expect(receivedBy(workflow)[1]).toMatchObject({ status: 200, answer: { received: true, duplicate: true } });
			// Seen ids persist in the workflow's static data, as n8n saves it after each request.
			expect(Object.keys(workflow.nodeStaticData().seenDeliveries as object)).toEqual([`delivery:${delivery.id}`, `event:${delivery.eventId}`]);
		});

		it('refuses deliveries once the workflow was deactivated (the secret is gone)', async () => {
			const { me, workflow } = await activeTrigger('dl_after');
			const path = workflow.webhooks(false)[0].path;
			await workflow.deactivate();
			t.server.route(workflow, false);
			const response = await fetch(`${t.server.localBaseUrl}/webhook/${path}`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ id: 'evt_x', type: 'LIKE', createdAt: new Date().toISOString(), data: {} }),
			});
			expect(response.status).toBe(401);
			expect(await response.json()).toMatchObject({ error: 'invalid_signature' });
			expect(workflow.starts).toEqual([]);
			t.server.unroute(workflow, false);
			expect(webhookConfigOf(t.env.sandbox.store, me.agentId)).toBeUndefined();
		});
	});

	describe('retries', () => {
		it('retries a failed delivery with backoff and the same delivery id, and the workflow starts once', async () => {
			const { me, workflow } = await activeTrigger('dl_retry');
			t.server.unroute(workflow, false); // n8n not reachable: 404
			const first = await t.env.sandbox.deliverWebhook(me.handle, 'FOLLOW', {});
			expect(first.attempts.map((a) => a.status)).toEqual([404]);
			expect(first.status).toBe('pending');
			t.server.route(workflow, false);
			await t.env.sandbox.webhooksIdle();

			const [delivery] = t.env.sandbox.webhookDeliveries({ handle: me.handle });
			expect(delivery.status).toBe('delivered');
			expect(delivery.attempts.map((a) => a.status)).toEqual([404, 200]);
			expect(new Set(receivedBy(workflow).map((r) => r.path)).size).toBe(1);
			expect(workflow.starts).toHaveLength(1);
		});

		it('counts an answer slower than the timeout as failed and retries it', async () => {
			let calls = 0;
			const slow = createServer((req, res) => {
				calls++;
				req.resume();
				if (calls === 1) setTimeout(() => res.end('late'), 400).unref();
				else res.end('ok');
			});
			await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
			const agent = t.newAgent('dl_slow');
			try {
				t.env.sandbox.configureWebhooks({ timeoutMs: 150 });
				const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/hook`;
				await t.env.sandbox.act(agent.handle, 'PATCH', '/api/agents/me/webhook', { webhookUrl: url, regenerateSecret: true });
				await t.env.sandbox.deliverWebhook(agent.handle, 'TEST', {});
				await t.env.sandbox.webhooksIdle();
				const [delivery] = t.env.sandbox.webhookDeliveries({ handle: agent.handle });
				expect(delivery.attempts.map((a) => a.status)).toEqual([null, 200]);
				expect(delivery.attempts[0].error).toContain('No answer within 150 ms');
			} finally {
				t.env.sandbox.configureWebhooks({ timeoutMs: 2000 });
				slow.closeAllConnections();
				await new Promise<void>((resolve) => slow.close(() => resolve()));
			}
		});
	});

	it('sends nothing off this machine: a delivery to a remote URL fails at once, without retries', async () => {
		const agent = t.newAgent('dl_remote');
		await t.env.sandbox.act(agent.handle, 'PATCH', '/api/agents/me/webhook', { webhookUrl: 'https://remote.example.com/hook' });
		const delivery = await t.env.sandbox.deliverWebhook(agent.handle, 'TEST', {});
		expect(delivery.status).toBe('failed');
		expect(delivery.attempts).toEqual([expect.objectContaining({ status: null, error: expect.stringContaining('Not sent') })]);
	});

	describe('sandbox HTTP controls', () => {
		it('delivers on request and lists deliveries under /__sandbox/webhooks', async () => {
			const { me, workflow } = await activeTrigger('dl_http');
			const base = t.env.sandbox.url;
			const deliver = await fetch(`${base}/__sandbox/webhooks/deliver`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ handle: me.handle, type: 'order', data: { order: { id: 'ord_1', status: 'PAID' } } }),
			});
			expect(deliver.status).toBe(200);
			const { delivery } = (await deliver.json()) as { delivery: { id: string; type: string; attempts: Array<{ status: number }> } };
			expect(delivery).toMatchObject({ type: 'ORDER', attempts: [{ status: 200 }] });
			expect(startedItems(workflow)).toEqual([expect.objectContaining({ type: 'ORDER', order: { id: 'ord_1', status: 'PAID' } })]);

			const list = (await (await fetch(`${base}/__sandbox/webhooks/deliveries?handle=${me.handle}`)).json()) as { deliveries: unknown[] };
			expect(list.deliveries).toEqual([expect.objectContaining({ id: delivery.id, status: 'delivered' })]);
			const redeliver = await fetch(`${base}/__sandbox/webhooks/deliveries/${delivery.id}/redeliver`, { method: 'POST' });
			expect(((await redeliver.json()) as { delivery: { attempts: unknown[] } }).delivery.attempts).toHaveLength(2);
			expect((await fetch(`${base}/__sandbox/webhooks/idle`)).status).toBe(200);
			const config = await fetch(`${base}/__sandbox/webhooks/config`);
			expect(await config.json()).toEqual({ retryDelaysMs: [30, 60], timeoutMs: 2000, deliverToRemoteHosts: false });

			const none = t.newAgent('dl_http_none');
			const refused = await fetch(`${base}/__sandbox/webhooks/deliver`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ handle: none.handle, type: 'LIKE' }),
			});
			expect(refused.status).toBe(409);
		});
	});
});

describe('the webhook secret at rest', () => {
	const NODE_KEY = 'node:ImagineAnything Trigger';

	it('a secret kept in clear by an earlier version still verifies and is sealed on the next delivery', async () => {
		const { me, fan, workflow } = await activeTrigger('dl_legacy');
		const secret = webhookConfigOf(t.env.sandbox.store, me.agentId)!.secret;
		(workflow.staticData[NODE_KEY] as Record<string, unknown>).webhookSecret = secret;

		await t.env.act(fan.handle, 'POST', `/api/agents/${me.handle}/follow`);
		await t.env.sandbox.webhooksIdle();
		expect(startedItems(workflow).map((i) => i.type)).toEqual(['FOLLOW']);
		expect(workflow.nodeStaticData().webhookSecret).toMatch(/^sealed:v1:/);
		expect(JSON.stringify(workflow.staticData)).not.toContain(secret);
	});

	it('a seal that cannot be opened refuses deliveries, and activation registers again', async () => {
		const { me, fan, workflow } = await activeTrigger('dl_tampered');
		const kept = workflow.staticData[NODE_KEY] as Record<string, string>;
		// As if the credential's Client Secret had changed: the seal no longer opens.
		kept.webhookSecret = kept.webhookSecret.replace(/\.([A-Za-z0-9_-])/, (_m, c: string) => `.${c === 'A' ? 'B' : 'A'}`);

		await t.env.act(fan.handle, 'POST', `/api/agents/${me.handle}/follow`);
		await t.env.sandbox.webhooksIdle();
		expect(startedItems(workflow)).toEqual([]);
		expect(receivedBy(workflow).map((r) => r.status)).toContain(401);

		expect(await workflow.hook('checkExists', { isTest: false, mode: 'trigger', activation: 'init' })).toBe(false);
		await workflow.activate('init');
		await t.env.act(t.newAgent('dl_tampered_again').handle, 'POST', `/api/agents/${me.handle}/follow`);
		await t.env.sandbox.webhooksIdle();
		expect(startedItems(workflow).map((i) => i.type)).toContain('FOLLOW');
	});
});
