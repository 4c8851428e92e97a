import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { advance, isBeyond, isNew, OVERLAP_MS, positionOf, START } from '../package/nodes/ImagineAnythingPollTrigger/helpers/position';
import { apiCalls } from './env';
import { createTriggerTestEnv, POLL_TRIGGER_TYPE, type TriggerTestEnv, type TriggerWorkflow } from './harness/trigger';
import { marketplaceOf } from './sandbox/state/marketplace';

let t: TriggerTestEnv;

beforeAll(async () => {
	t = await createTriggerTestEnv();
});

afterAll(async () => {
	await t.close();
});

type Agent = ReturnType<TriggerTestEnv['newAgent']>;

function pollTrigger(agent: Agent, parameters: Record<string, unknown>): TriggerWorkflow {
	return t.server.workflow({
		nodeType: POLL_TRIGGER_TYPE,
		nodeName: 'ImagineAnything Poll Trigger',
		credential: agent.credential,
		parameters: parameters as never,
	});
}

function json(result: INodeExecutionData[][] | null): IDataObject[] | null {
	return result === null ? null : result[0].map((item) => item.json);
}

/** The text of each direct-message item. */
function texts(result: INodeExecutionData[][] | null): unknown[] | undefined {
	return json(result)?.map((item) => (item.message as IDataObject).content);
}

async function dm(from: Agent, to: Agent, content: string): Promise<string> {
	const answer = await t.env.act(from.handle, 'POST', '/api/conversations', { participantHandle: to.handle, message: content });
	return answer.conversation.id as string;
}

/** Distinct timestamps, so "oldest first" is checked against a clear order. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

function listCalls(path: string | RegExp) {
	return apiCalls(t.env.requestsSinceMark()).filter((r) => r.method === 'GET' && (typeof path === 'string' ? r.path === path : path.test(r.path)));
}

describe('poll position (what is new)', () => {
	const at = (ms: number, id: string): IDataObject => ({ id, createdAt: new Date(ms).toISOString() });
	const T = Date.parse('2025-06-01T12:00:00.000Z');

	it('tells items of the same millisecond apart by id after activation', () => {
		// Activation read the newest item only: it and everything up to its millisecond existed then.
		const position = positionOf([at(T, 'a')], false);
		expect([at(T - 1, 'older'), at(T, 'a'), at(T, 'twin'), at(T + 1, 'new')].map((i) => isNew(position, i))).toEqual([
			false,
			false,
			false,
			true,
		]);
		const next = advance(position, [at(T + 1, 'new'), at(T + 5, 'b')]);
		expect([at(T + 1, 'new'), at(T + 5, 'b'), at(T + 5, 'c')].map((i) => isNew(next, i))).toEqual([false, false, true]);
	});

	it('returns an item that became visible late (within the overlap) once, and stops reading past the window', () => {
		let position = advance(START, [at(T, 'a')]);
		position = advance(position, [at(T + 10_000, 'b')]);
		const late = at(T + 5_000, 'late');
		expect(isNew(position, late)).toBe(true);
		position = advance(position, [late]);
		expect(isNew(position, late)).toBe(false);
		expect(isBeyond(position, at(T + 10_000 - OVERLAP_MS - 1, 'x'))).toBe(true);
		expect(isBeyond(position, at(T, 'a'))).toBe(false);
		// Only the ids inside the window are kept.
		position = advance(position, [at(T + 10 * OVERLAP_MS, 'far')]);
		expect(Object.keys(position.seen)).toEqual(['far']);
	});

	it('treats an empty list at activation as "everything later is new"', () => {
		expect(positionOf([], true)).toEqual(START);
		expect(isNew(positionOf([], true), at(1, 'first'))).toBe(true);
	});
});

describe('ImagineAnything Poll Trigger', () => {
	describe('new direct messages', () => {
		it('does not replay history on activation, then returns only new incoming messages, oldest first', async () => {
			const me = t.newAgent('poll_dm_me');
			const ann = t.newAgent('poll_dm_ann');
			const bob = t.newAgent('poll_dm_bob');
			await dm(ann, me, 'old one');
			await dm(ann, me, 'old two');
			const workflow = pollTrigger(me, { event: 'message' });

			expect(await workflow.poll()).toBeNull();
			expect(await workflow.poll()).toBeNull();

			const annConversation = await dm(ann, me, 'new from ann');
			await tick();
			await t.env.act(me.handle, 'POST', `/api/conversations/${annConversation}/messages`, { content: 'my own reply' });
			await tick();
			const bobConversation = await dm(bob, me, 'hello from bob');
			const items = json(await workflow.poll());
			expect(items?.map((m) => (m.message as IDataObject).content)).toEqual(['new from ann', 'hello from bob']);
			// The webhook Trigger's MESSAGE item: the message's id as the item's id.
			expect(items?.[0]).toEqual({
				type: 'MESSAGE',
				id: (items?.[0].message as IDataObject).id,
				createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				conversationId: annConversation,
				message: {
					id: expect.any(String),
					conversationId: annConversation,
					content: 'new from ann',
					sender: expect.objectContaining({ handle: ann.handle }),
					createdAt: items?.[0].createdAt,
				},
			});
			expect(items?.[1]).toMatchObject({ conversationId: bobConversation, message: { sender: { handle: bob.handle } } });
			expect(await workflow.poll()).toBeNull();
		});

		it('follows pages when many messages arrived between polls, and loses or repeats nothing', async () => {
			const me = t.newAgent('poll_dm_many');
			const ann = t.newAgent('poll_dm_many_a');
			const bob = t.newAgent('poll_dm_many_b');
			const workflow = pollTrigger(me, { event: 'message' });
			expect(await workflow.poll()).toBeNull();

			const sent: string[] = [];
			const conversation = await dm(ann, me, 'a-0');
			sent.push('a-0');
			for (let i = 1; i < 230; i++) {
				await t.env.act(ann.handle, 'POST', `/api/conversations/${conversation}/messages`, { content: `a-${i}` });
				sent.push(`a-${i}`);
			}
			t.env.mark();
			expect(texts(await workflow.poll())).toEqual(sent);
			// 230 messages at 100 a page: the trigger followed the cursor three times.
			const pages = listCalls(`/api/conversations/${conversation}/messages`);
			expect(pages.map((r) => r.query.cursor === undefined)).toEqual([true, false, false]);

			// More arrive in both conversations between the next polls.
			const later: string[] = [];
			for (let i = 0; i < 3; i++) {
				await tick();
				await t.env.act(ann.handle, 'POST', `/api/conversations/${conversation}/messages`, { content: `a-late-${i}` });
				later.push(`a-late-${i}`);
				await tick();
				await dm(bob, me, `b-late-${i}`);
				later.push(`b-late-${i}`);
			}
			expect(texts(await workflow.poll())).toEqual(later);
			expect(await workflow.poll()).toBeNull();
		});

		it('includes the agent’s own messages when asked', async () => {
			const me = t.newAgent('poll_dm_own');
			const ann = t.newAgent('poll_dm_own_a');
			const workflow = pollTrigger(me, { event: 'message', includeOwnMessages: true });
			expect(await workflow.poll()).toBeNull();
			const conversation = await dm(ann, me, 'question');
			await tick();
			await t.env.act(me.handle, 'POST', `/api/conversations/${conversation}/messages`, { content: 'answer' });
			expect(texts(await workflow.poll())).toEqual(['question', 'answer']);
		});

		it('returns the latest message as a sample in a manual test, without moving the state', async () => {
			const me = t.newAgent('poll_dm_manual');
			const ann = t.newAgent('poll_dm_manual_a');
			const workflow = pollTrigger(me, { event: 'message' });
			expect(await workflow.poll('manual')).toBeNull();
			expect(await workflow.poll()).toBeNull();
			const before = JSON.stringify(workflow.staticData);

			await dm(ann, me, 'first');
			await tick();
			await dm(ann, me, 'second');
			expect(json(await workflow.poll('manual'))).toEqual([expect.objectContaining({ type: 'MESSAGE', message: expect.objectContaining({ content: 'second' }) })]);
			expect(JSON.stringify(workflow.staticData)).toBe(before);
			expect(texts(await workflow.poll())).toEqual(['first', 'second']);
		});

		it('repeats a failed poll in full: nothing is lost when a page fails', async () => {
			const me = t.newAgent('poll_dm_fail');
			const ann = t.newAgent('poll_dm_fail_a');
			const workflow = pollTrigger(me, { event: 'message' });
			expect(await workflow.poll()).toBeNull();
			const conversation = await dm(ann, me, 'one');
			await t.env.act(ann.handle, 'POST', `/api/conversations/${conversation}/messages`, { content: 'two' });
			// Lasting longer than the transport's own retries of a read.
			t.env.sandbox.addFault({ method: 'GET', path: `/api/conversations/${conversation}/messages`, status: 500, times: 4 });

			const error = await workflow.poll().catch((e: Error) => e);
			expect(error?.constructor.name).toBe('NodeApiError');
			expect(texts(await workflow.poll())).toEqual(['one', 'two']);
		});
	});

	describe('notifications and mentions', () => {
		it('returns new notifications of the chosen types, filtering several types itself', async () => {
			const me = t.newAgent('poll_nt_types');
			const fan = t.newAgent('poll_nt_types_f');
			const post = t.env.sandbox.store.createPost(me.agentId, { content: 'a post', mediaType: 'TEXT' }, Date.now());
			await t.env.act(fan.handle, 'POST', `/api/posts/${post.id}/like`);
			const workflow = pollTrigger(me, { event: 'notification', notificationTypes: ['FOLLOW', 'COMMENT'] });
			expect(await workflow.poll()).toBeNull();

			await t.env.act(fan.handle, 'POST', `/api/agents/${me.handle}/follow`);
			await tick();
			await t.env.act(fan.handle, 'POST', `/api/posts/${post.id}/repost`);
			await tick();
			await t.env.act(fan.handle, 'POST', `/api/posts/${post.id}/comments`, { content: 'great' });
			t.env.mark();
			const items = json(await workflow.poll());
			expect(items?.map((n) => n.type)).toEqual(['FOLLOW', 'COMMENT']);
			// The webhook Trigger's notification item: notificationId (and id) the notification's.
			expect(items?.[0]).toEqual({
				type: 'FOLLOW',
				id: expect.any(String),
				createdAt: expect.any(String),
				notificationId: items?.[0].id,
				actor: expect.objectContaining({ handle: fan.handle }),
			});
			expect(items?.[1]).toMatchObject({ type: 'COMMENT', postId: post.id, commentId: expect.any(String) });
			expect(listCalls('/api/notifications').map((r) => r.query.type)).toEqual([undefined]);
			expect(await workflow.poll()).toBeNull();
		});

		it('asks the API for one type when one is chosen', async () => {
			const me = t.newAgent('poll_nt_one');
			const fan = t.newAgent('poll_nt_one_f');
			const workflow = pollTrigger(me, { event: 'notification', notificationTypes: ['FOLLOW'] });
			expect(await workflow.poll()).toBeNull();
			await t.env.act(fan.handle, 'POST', `/api/agents/${me.handle}/follow`);
			t.env.mark();
			expect(json(await workflow.poll())?.map((n) => n.type)).toEqual(['FOLLOW']);
			expect(listCalls('/api/notifications').map((r) => r.query)).toEqual([{ type: 'FOLLOW', limit: '100' }]);
		});

		it('watches mentions', async () => {
			const me = t.newAgent('poll_mention');
			const fan = t.newAgent('poll_mention_f');
			await t.env.act(fan.handle, 'POST', '/api/posts', { content: `before @${me.handle}`, mediaType: 'TEXT' });
			const workflow = pollTrigger(me, { event: 'mention' });
			expect(await workflow.poll()).toBeNull();
			await t.env.act(fan.handle, 'POST', `/api/agents/${me.handle}/follow`);
			const post = await t.env.act(fan.handle, 'POST', '/api/posts', { content: `after @${me.handle}`, mediaType: 'TEXT' });
			const items = json(await workflow.poll());
			expect(items).toEqual([expect.objectContaining({ type: 'MENTION', postId: post.post?.id ?? post.id })]);
			expect(json(await workflow.poll('manual'))).toEqual([expect.objectContaining({ type: 'MENTION' })]);
		});

		it('follows pages when more than a page of notifications arrived between polls', async () => {
			const me = t.newAgent('poll_nt_pages');
			const fans = [t.newAgent('poll_nt_pages_a'), t.newAgent('poll_nt_pages_b')];
			const workflow = pollTrigger(me, { event: 'notification' });
			expect(await workflow.poll()).toBeNull();
			const expected: string[] = [];
			for (let i = 0; i < 70; i++) {
				const post = t.env.sandbox.store.createPost(me.agentId, { content: `post ${i}`, mediaType: 'TEXT' }, Date.now());
				for (const fan of fans) {
					await t.env.act(fan.handle, 'POST', `/api/posts/${post.id}/like`);
					expected.push(`${fan.handle}:${post.id}`);
				}
			}
			t.env.mark();
			const items = json(await workflow.poll());
			expect(items?.map((n) => `${(n.actor as IDataObject).handle}:${n.postId}`)).toEqual(expected);
			expect(listCalls('/api/notifications')).toHaveLength(2);
			expect(await workflow.poll()).toBeNull();
		});

		it('starts afresh when the watched event changes (no replay of the other list)', async () => {
			const me = t.newAgent('poll_scope');
			const fan = t.newAgent('poll_scope_f');
			const workflow = pollTrigger(me, { event: 'notification' });
			expect(await workflow.poll()).toBeNull();
			await t.env.act(fan.handle, 'POST', `/api/agents/${me.handle}/follow`);
			workflow.node.parameters = { event: 'mention' };
			expect(await workflow.poll()).toBeNull();
			workflow.node.parameters = { event: 'notification' };
			expect(await workflow.poll()).toBeNull();
		});
	});

	describe('new or updated orders', () => {
		function setUpShop(seller: Agent) {
			const market = marketplaceOf(t.env.sandbox.store);
			const service = market.createService(
				seller.agentId,
				{ title: 'Poem', description: 'A poem', shortDesc: 'Poem', price: 900, deliveryDays: 1, revisions: 2, category: 'WRITING', tags: [] },
				Date.now(),
			);
			return { market, service };
		}

		async function order(buyer: Agent, serviceId: string): Promise<string> {
			const placed = await t.env.act(buyer.handle, 'POST', '/api/marketplace/orders', { serviceId, requirements: 'About cats', paymentMethod: 'CARD' });
			return placed.order.id as string;
		}

		const summary = (items: IDataObject[] | null) =>
			items?.map((o) => {
				// The webhook Trigger's ORDER item: the order's id as the item's id.
				expect(o.id).toBe((o.order as IDataObject).id);
				return [o.id, (o.order as IDataObject).status, o.previousStatus];
			}) ?? null;

		it('returns new orders and status changes once per poll, with the status before', async () => {
			const seller = t.newAgent('poll_ord_seller');
			const buyer = t.newAgent('poll_ord_buyer');
			const { market, service } = setUpShop(seller);
			const existing = await order(buyer, service.id);
			const workflow = pollTrigger(seller, { event: 'order', orderRole: 'seller' });
			expect(await workflow.poll()).toBeNull();

			const placed = await order(buyer, service.id);
			expect(json(await workflow.poll())).toEqual([
				{
					type: 'ORDER',
					id: placed,
					createdAt: expect.any(String),
					order: expect.objectContaining({ id: placed, status: 'PENDING_PAYMENT' }),
					previousStatus: null,
					action: 'place',
				},
			]);
			expect(await workflow.poll()).toBeNull();

			market.confirmPayment(placed);
			await t.env.act(seller.handle, 'PATCH', `/api/marketplace/orders/${placed}`, { action: 'start' });
			await t.env.act(buyer.handle, 'PATCH', `/api/marketplace/orders/${existing}`, { action: 'cancel' });
			// Two changes of one order between polls: one item with its current status.
			expect(summary(json(await workflow.poll()))).toEqual([
				[placed, 'IN_PROGRESS', 'PENDING_PAYMENT'],
				[existing, 'CANCELLED', 'PENDING_PAYMENT'],
			]);
		});

		it('sees a status that came back between two polls (DELIVERED → REVISION → DELIVERED)', async () => {
			const seller = t.newAgent('poll_ord_rev');
			const buyer = t.newAgent('poll_ord_rev_b');
			const { market, service } = setUpShop(seller);
			const id = await order(buyer, service.id);
			market.confirmPayment(id);
			await t.env.act(seller.handle, 'PATCH', `/api/marketplace/orders/${id}`, { action: 'start' });
			await t.env.act(seller.handle, 'PATCH', `/api/marketplace/orders/${id}`, { action: 'deliver', deliverables: 'v1' });
			const workflow = pollTrigger(buyer, { event: 'order', orderRole: 'buyer', orderStatuses: ['DELIVERED'] });
			expect(await workflow.poll()).toBeNull();

			await t.env.act(buyer.handle, 'PATCH', `/api/marketplace/orders/${id}`, { action: 'request_revision' });
			await t.env.act(seller.handle, 'PATCH', `/api/marketplace/orders/${id}`, { action: 'deliver', deliverables: 'v2' });
			t.env.mark();
			expect(summary(json(await workflow.poll()))).toEqual([[id, 'DELIVERED', 'DELIVERED']]);
			expect(listCalls('/api/marketplace/orders').map((r) => r.query)).toEqual([{ role: 'buyer', status: 'DELIVERED', limit: '100' }]);
		});

		it('filters by several statuses itself, and by role', async () => {
			const seller = t.newAgent('poll_ord_filter');
			const buyer = t.newAgent('poll_ord_filter_b');
			const { market, service } = setUpShop(seller);
			const asSeller = pollTrigger(seller, { event: 'order', orderRole: 'seller', orderStatuses: ['PAID', 'COMPLETED'] });
			const asBuyer = pollTrigger(seller, { event: 'order', orderRole: 'buyer' });
			expect(await asSeller.poll()).toBeNull();
			expect(await asBuyer.poll()).toBeNull();

			const id = await order(buyer, service.id);
			expect(await asSeller.poll()).toBeNull();
			market.confirmPayment(id);
			expect(summary(json(await asSeller.poll()))).toEqual([[id, 'PAID', 'PENDING_PAYMENT']]);
			expect(await asBuyer.poll()).toBeNull();
		});

		it('follows pages of orders and returns the latest one in a manual test', async () => {
			const seller = t.newAgent('poll_ord_pages');
			const buyer = t.newAgent('poll_ord_pages_b');
			const { service } = setUpShop(seller);
			const workflow = pollTrigger(seller, { event: 'order', orderRole: 'all' });
			expect(await workflow.poll()).toBeNull();
			const ids: string[] = [];
			for (let i = 0; i < 120; i++) ids.push(await order(buyer, service.id));
			t.env.mark();
			const items = json(await workflow.poll());
			expect(new Set(summary(items)?.map(([id]) => id))).toEqual(new Set(ids));
			expect(items).toHaveLength(120);
			expect(listCalls('/api/marketplace/orders')).toHaveLength(2);
			expect(await workflow.poll()).toBeNull();
			const sample = json(await workflow.poll('manual'));
			expect(sample).toHaveLength(1);
			expect(ids).toContain(sample?.[0].id);
		});
	});
});
