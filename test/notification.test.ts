import { apiCalls, createTestEnv, type TestEnv } from './env';

const notification = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'notification',
	operation,
	...extra,
});

interface ApiNotification {
	id: string;
	type: string;
	read: boolean;
	actor: { handle: string };
	postId?: string;
}

describe('Notification resource', () => {
	let env: TestEnv;
	let me: string;
	let myPostId: string;

	/** Every notification of the seeded agent, newest first, read through the API. */
	const allNotifications = async (): Promise<ApiNotification[]> => {
		const all: ApiNotification[] = [];
		let cursor: string | null = null;
		do {
			const page: { notifications: ApiNotification[]; nextCursor: string | null } = await env.act(
				me,
				'GET',
				`/api/notifications?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
			);
			all.push(...page.notifications);
			cursor = page.nextCursor;
		} while (cursor);
		return all;
	};

	const unreadCount = async (): Promise<number> => (await env.act(me, 'GET', '/api/notifications/count')).count;

	beforeAll(async () => {
		env = await createTestEnv();
		me = env.sandbox.seeded.handle;
		myPostId = (await env.act(me, 'POST', '/api/posts', { content: 'Ask me anything about #n8n' })).post.id;
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	it('counts unread notifications as other agents follow, comment and mention', async () => {
		const before = await unreadCount();
		await env.act('carol_analyst', 'POST', `/api/agents/${me}/follow`);
		await env.act('bob_bot', 'POST', `/api/posts/${myPostId}/comments`, { content: 'How do I start?' });
		await env.act('erin_helper', 'POST', '/api/posts', { content: `Great thread by @${me} #learning` });

		env.mark();
		const result = await env.run(notification('getUnreadCount'));
		expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/notifications/count', status: 200 });
		expect(result.items.map((i) => i.json)).toEqual([{ count: before + 3 }]);
	});

	it('lists notifications of one type with actor, post and message', async () => {
		const result = await env.run(notification('getMany', { returnAll: false, limit: 10, filters: { type: 'MENTION' } }));
		const call = env.onlyCall();
		expect(call).toMatchObject({ method: 'GET', path: '/api/notifications' });
		expect(call.query).toEqual({ limit: '10', type: 'MENTION' });
		expect(result.items.length).toBeGreaterThanOrEqual(1);
		expect(result.items.every((i) => i.json.type === 'MENTION')).toBe(true);
		expect(result.items[0].json).toMatchObject({
			type: 'MENTION',
			read: false,
			actor: { handle: 'erin_helper' },
			postId: expect.stringMatching(/^post_/),
			message: '@erin_helper mentioned you in a post',
		});
	});

	it('surfaces the 400 of an unknown type', async () => {
		const result = await env.run(notification('getMany', { returnAll: true, filters: { type: 'DM' } }));
		expect(env.onlyCall().status).toBe(400);
		expect(result.error?.message).toMatch(/^"Type" must be one of/);
	});

	describe('many notifications', () => {
		let expected: ApiNotification[];
		beforeAll(async () => {
			for (let i = 0; i < 60; i++) {
				const postId = (await env.act(me, 'POST', '/api/posts', { content: `Post number ${i}` })).post.id;
				await env.act('alice_ai', 'POST', `/api/posts/${postId}/like`);
				await env.act('bob_bot', 'POST', `/api/posts/${postId}/like`);
			}
			expected = await allNotifications();
			expect(expected.length).toBeGreaterThan(120);
		});

		it('returns all notifications across two pages, newest first', async () => {
			const result = await env.run(notification('getMany', { returnAll: true, filters: {} }));
			const calls = apiCalls(env.requestsSinceMark());
			expect(calls.length).toBe(Math.ceil(expected.length / 100));
			expect(calls.length).toBeGreaterThanOrEqual(2);
			expect(calls.every((c) => c.path === '/api/notifications' && c.query.limit === '100')).toBe(true);
			expect(calls[0].query.cursor).toBeUndefined();
			expect(calls.slice(1).every((c) => !!c.query.cursor)).toBe(true);
			expect(result.items.map((i) => i.json.id)).toEqual(expected.map((n) => n.id));
			expect(result.items[0].json).toMatchObject({ type: 'LIKE', actor: { handle: 'bob_bot' } });
		});

		it('follows the cursor for a limit above one page', async () => {
			const result = await env.run(notification('getMany', { returnAll: false, limit: 110, filters: { type: 'LIKE' } }));
			const calls = apiCalls(env.requestsSinceMark());
			expect(calls.map((c) => [c.query.limit, c.query.type, !!c.query.cursor])).toEqual([
				['100', 'LIKE', false],
				['10', 'LIKE', true],
			]);
			expect(result.items).toHaveLength(110);
			expect(result.items.every((i) => i.json.type === 'LIKE')).toBe(true);
		});

		it('marks notifications read by comma-separated IDs', async () => {
			const before = await unreadCount();
			const [first, second] = expected;
			const result = await env.run(
				notification('markRead', { mode: 'ids', notificationIds: ` ${first.id}, ${second.id} ` }),
			);
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'POST', path: '/api/notifications/read', status: 200 });
			expect(call.body).toEqual({ ids: [first.id, second.id] });
			expect(result.items[0].json).toEqual({ success: true, markedRead: 2, unreadCount: before - 2 });
			const now = await allNotifications();
			expect(now.filter((n) => n.read).map((n) => n.id)).toEqual([first.id, second.id]);
		});

		it('marks the notification of each input item read by an ID expression', async () => {
			const items = expected.slice(2, 5).map((n) => ({ id: n.id, type: n.type }));
			const result = await env.run(notification('markRead', { mode: 'ids', notificationIds: '={{ $json.id }}' }), {
				items,
			});
			const calls = apiCalls(env.requestsSinceMark());
			expect(calls.map((c) => c.body)).toEqual(items.map((i) => ({ ids: [i.id] })));
			expect(result.items.map((i) => i.json.markedRead)).toEqual([1, 1, 1]);
			expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		});

		it('refuses By IDs without IDs, or with more than 100, before sending', async () => {
			const empty = await env.run(notification('markRead', { mode: 'ids', notificationIds: '={{ "" }}' }));
			expect(empty.error?.message).toBe('"Notification IDs" is required');
			const tooMany = await env.run(
				notification('markRead', { mode: 'ids', notificationIds: expected.slice(0, 101).map((n) => n.id).join(',') }),
			);
			expect(tooMany.error?.message).toMatch(/"Notification IDs" takes at most 100 entries \(it has 101\)/);
			env.nothingSent();
		});

		it('marks all notifications read', async () => {
			const result = await env.run(notification('markRead', { mode: 'all' }));
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'POST', path: '/api/notifications/read', status: 200 });
			expect(call.body).toEqual({ all: true });
			expect(result.items[0].json).toMatchObject({ success: true, unreadCount: 0 });
			expect(result.items[0].json.markedRead).toBe(expected.length - 5);

			env.mark();
			expect((await env.run(notification('getUnreadCount'))).items[0].json).toEqual({ count: 0 });
			expect((await allNotifications()).every((n) => n.read)).toBe(true);
		});
	});
});
