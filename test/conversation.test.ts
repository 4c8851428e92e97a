import { apiCalls, createTestEnv, locator, type TestEnv } from './env';

const conversation = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'conversation',
	operation,
	...extra,
});
const message = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'message', operation, ...extra });

describe('Conversation and Message resources', () => {
	let env: TestEnv;
	let me: string;

	beforeAll(async () => {
		env = await createTestEnv();
		me = env.sandbox.seeded.handle;
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	it('answers a DM started by another agent: counts, lists, reads, replies and marks it read', async () => {
		const started = await env.act('alice_ai', 'POST', '/api/conversations', {
			participantHandle: me,
			message: 'Hi! Want to build a workflow together?',
		});
		const conversationId = started.conversation.id as string;

		const unread = await env.run(conversation('getUnreadCount'));
		expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/conversations/unread', status: 200 });
		expect(unread.items.map((i) => i.json)).toEqual([{ count: 1 }]);

		env.mark();
		const inbox = await env.run(conversation('getMany', { returnAll: true }));
		expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/conversations', query: { limit: '100' } });
		expect(inbox.items).toHaveLength(1);
		expect(inbox.items[0].json).toMatchObject({
			id: conversationId,
			participant: { handle: 'alice_ai' },
			unreadCount: 1,
			lastMessage: { content: 'Hi! Want to build a workflow together?', isOwn: false, read: false },
		});

		// Each conversation item feeds the next nodes through expressions, as in a workflow.
		env.mark();
		const thread = await env.run(
			conversation('getMessages', { conversationId: '={{ $json.id }}', returnAll: false, limit: 10 }),
			{ items: inbox.items },
		);
		expect(env.onlyCall()).toMatchObject({
			method: 'GET',
			path: `/api/conversations/${conversationId}/messages`,
			query: { limit: '10' },
		});
		expect(thread.items.map((i) => i.json.content)).toEqual(['Hi! Want to build a workflow together?']);
		expect(thread.items[0].json).toMatchObject({ sender: { handle: 'alice_ai' }, isOwn: false, read: false });

		env.mark();
		const reply = await env.run(
			conversation('sendMessage', {
				conversationId: '={{ $json.id }}',
				message: '={{ "Sure @" + $json.participant.handle + ", let us start with a webhook." }}',
			}),
			{ items: inbox.items },
		);
		const sent = env.onlyCall();
		expect(sent).toMatchObject({ method: 'POST', path: `/api/conversations/${conversationId}/messages`, status: 201 });
		expect(sent.body).toEqual({ content: 'Sure @alice_ai, let us start with a webhook.' });
		expect(reply.items[0].json).toMatchObject({
			conversationId,
			content: 'Sure @alice_ai, let us start with a webhook.',
			isOwn: true,
			sender: { handle: me },
		});

		env.mark();
		const marked = await env.run(conversation('markRead', { conversationId: '={{ $json.id }}' }), { items: inbox.items });
		expect(env.onlyCall()).toMatchObject({ method: 'POST', path: `/api/conversations/${conversationId}/read`, status: 200 });
		expect(marked.items[0].json).toEqual({ conversationId, success: true, markedRead: 1 });

		env.mark();
		expect((await env.run(conversation('getUnreadCount'))).items[0].json).toEqual({ count: 0 });
		// Alice has the answer, unread on her side.
		expect(await env.act('alice_ai', 'GET', '/api/conversations/unread')).toEqual({ count: 1 });
		const aliceThread = await env.act('alice_ai', 'GET', `/api/conversations/${conversationId}/messages`);
		expect(aliceThread.messages.map((m: { content: string; read: boolean }) => [m.content, m.read])).toEqual([
			['Sure @alice_ai, let us start with a webhook.', false],
			['Hi! Want to build a workflow together?', true],
		]);
	});

	describe('start', () => {
		it.each([
			['handle', '@Bob_Bot'],
			['url', 'https://imagineanything.com/agent/bob_bot'],
			['list', 'bob_bot'],
		])('starts a conversation with a participant given by %s %s, reusing it the next time', async (mode, value) => {
			const before = (await env.act('bob_bot', 'GET', '/api/conversations')).conversations.length;
			const result = await env.run(
				conversation('start', { participantHandle: locator(value, mode), message: `Hello via ${mode}` }),
			);
			expect(result.error).toBeUndefined();
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'POST', path: '/api/conversations' });
			expect(call.status).toBe(before === 0 ? 201 : 200);
			expect(call.body).toEqual({ participantHandle: 'bob_bot', message: `Hello via ${mode}` });
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({
				id: expect.stringMatching(/^conv_/),
				participant: { handle: 'bob_bot' },
				lastMessage: { content: `Hello via ${mode}`, isOwn: true },
				unreadCount: 0,
			});
			const bobsInbox = (await env.act('bob_bot', 'GET', '/api/conversations')).conversations;
			expect(bobsInbox).toHaveLength(1);
			expect(bobsInbox[0].id).toBe(result.items[0].json.id);
		});

		it('keeps all messages of the reused conversation', async () => {
			const bobsInbox = (await env.act('bob_bot', 'GET', '/api/conversations')).conversations;
			expect(bobsInbox[0].unreadCount).toBe(3);
			const thread = await env.act('bob_bot', 'GET', `/api/conversations/${bobsInbox[0].id}/messages`);
			expect(thread.messages.map((m: { content: string }) => m.content)).toEqual([
				'Hello via list',
				'Hello via url',
				'Hello via handle',
			]);
		});

		it.each([
			['an invalid handle', { participantHandle: locator('Not A Handle!', 'handle'), message: 'hi' }, /"Participant" is not a valid handle/],
			['an empty participant', { participantHandle: locator('={{ "" }}', 'handle'), message: 'hi' }, /"Participant" is empty/],
			['an empty message', { participantHandle: locator('bob_bot', 'handle'), message: '={{ "" }}' }, /"Message" is required/],
			[
				'a message over 2000 characters',
				{ participantHandle: locator('bob_bot', 'handle'), message: 'x'.repeat(2001) },
				/"Message" must be at most 2000 characters \(it has 2001\)/,
			],
		])('refuses %s before sending anything', async (_case, parameters, error) => {
			const result = await env.run(conversation('start', parameters));
			expect(result.error?.message).toMatch(error);
			expect(result.error?.context?.itemIndex).toBe(0);
			env.nothingSent();
		});

		it('accepts a message of exactly 2000 characters', async () => {
			const result = await env.run(
				conversation('start', { participantHandle: locator('erin_helper', 'handle'), message: 'y'.repeat(2000) }),
			);
			expect(env.onlyCall().status).toBe(201);
			expect((result.items[0].json.lastMessage as { content: string }).content).toHaveLength(2000);
		});

		it('surfaces the 400 for a DM to yourself and the 404 for an unknown agent', async () => {
			const self = await env.run(conversation('start', { participantHandle: locator(me, 'handle'), message: 'me?' }));
			expect(env.onlyCall().status).toBe(400);
			expect(self.error?.message).toBe('You cannot start a conversation with yourself');

			env.mark();
			const unknown = await env.run(conversation('start', { participantHandle: locator('nobody_here', 'handle'), message: 'hi' }));
			expect(env.onlyCall().status).toBe(404);
			expect(unknown.error?.message).toBe('Agent not found');
			expect((unknown.error as { httpCode?: string }).httpCode).toBe('404');
		});
	});

	describe('send message', () => {
		let conversationId: string;
		beforeAll(async () => {
			conversationId = (await env.act('carol_analyst', 'POST', '/api/conversations', { participantHandle: me, message: 'Numbers?' }))
				.conversation.id;
		});

		it('refuses a message over 2000 characters before sending', async () => {
			const result = await env.run(conversation('sendMessage', { conversationId, message: 'z'.repeat(2001) }));
			expect(result.error?.message).toMatch(/"Message" must be at most 2000 characters/);
			env.nothingSent();
		});

		it('refuses an empty conversation ID before sending', async () => {
			const result = await env.run(conversation('sendMessage', { conversationId: '={{ "" }}', message: 'hello' }));
			expect(result.error?.message).toMatch(/"Conversation ID" is empty/);
			env.nothingSent();
		});

		it("gets a 403 for another pair's conversation and a 404 for an unknown one", async () => {
			const theirs = (await env.act('alice_ai', 'POST', '/api/conversations', { participantHandle: 'dave_auto', message: 'private' }))
				.conversation.id as string;
			const forbidden = await env.run(conversation('getMessages', { conversationId: theirs, returnAll: true }));
			expect(env.onlyCall()).toMatchObject({ path: `/api/conversations/${theirs}/messages`, status: 403 });
			expect(forbidden.error?.message).toBe('You are not a participant in this conversation');

			env.mark();
			const missing = await env.run(conversation('sendMessage', { conversationId: 'conv_missing', message: 'hello?' }));
			expect(env.onlyCall().status).toBe(404);
			expect(missing.error?.message).toBe('Conversation not found (Conversation ID conv_missing)');
		});
	});

	describe('messages', () => {
		let conversationId: string;
		let theirMessageId: string;
		beforeAll(async () => {
			const started = await env.act('dave_auto', 'POST', '/api/conversations', { participantHandle: me, message: 'Scheduled hello' });
			conversationId = started.conversation.id;
			theirMessageId = started.conversation.lastMessage.id;
		});

		it('gets a message and deletes an own one', async () => {
			const sent = await env.run(conversation('sendMessage', { conversationId, message: 'Oops, wrong chat' }));
			const ownId = sent.items[0].json.id as string;

			env.mark();
			const got = await env.run(message('get', { messageId: ownId }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: `/api/messages/${ownId}`, status: 200 });
			expect(got.items[0].json).toMatchObject({ id: ownId, conversationId, content: 'Oops, wrong chat', isOwn: true });

			env.mark();
			const deleted = await env.run(message('delete', { messageId: ownId }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: `/api/messages/${ownId}`, status: 200 });
			expect(deleted.items[0].json).toEqual({ messageId: ownId, deleted: true, success: true });
			expect((await env.sandbox.act('dave_auto', 'GET', `/api/messages/${ownId}`)).status).toBe(404);
			const inbox = await env.act('dave_auto', 'GET', '/api/conversations');
			expect(inbox.conversations[0].lastMessage.content).toBe('Scheduled hello');
		});

		it("surfaces the 403 when deleting the other agent's message, which stays", async () => {
			const result = await env.run(message('delete', { messageId: theirMessageId }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: `/api/messages/${theirMessageId}`, status: 403 });
			expect(result.error?.message).toBe('You can only delete your own messages');
			expect(result.error?.description).toMatch(/credential of the agent that owns/);
			expect((await env.sandbox.act('dave_auto', 'GET', `/api/messages/${theirMessageId}`)).status).toBe(200);
		});

		it('deletes a conversation with all of its messages, for both participants', async () => {
			const result = await env.run(conversation('delete', { conversationId }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: `/api/conversations/${conversationId}`, status: 200 });
			expect(result.items[0].json).toEqual({ conversationId, deleted: true, success: true });
			expect((await env.sandbox.act('dave_auto', 'GET', `/api/messages/${theirMessageId}`)).status).toBe(404);
			expect((await env.sandbox.act('dave_auto', 'GET', `/api/conversations/${conversationId}/messages`)).status).toBe(404);
			const davesInbox = await env.act('dave_auto', 'GET', '/api/conversations');
			expect(davesInbox.conversations.map((c: { id: string }) => c.id)).not.toContain(conversationId);

			env.mark();
			const again = await env.run(message('get', { messageId: theirMessageId }));
			expect(env.onlyCall().status).toBe(404);
			expect(again.error?.message).toBe(`Message not found (Message ID ${theirMessageId})`);
		});
	});

	describe('long conversations', () => {
		let conversationId: string;
		const total = 130;
		beforeAll(async () => {
			await env.newAgentCredential('long_talker');
			conversationId = (await env.act('long_talker', 'POST', '/api/conversations', { participantHandle: me, message: 'message 0' }))
				.conversation.id;
			for (let i = 1; i < total; i++) {
				await env.act('long_talker', 'POST', `/api/conversations/${conversationId}/messages`, { content: `message ${i}` });
			}
		});

		it('returns all messages across two pages, newest first', async () => {
			const result = await env.run(conversation('getMessages', { conversationId, returnAll: true }));
			const calls = apiCalls(env.requestsSinceMark());
			expect(calls.map((c) => [c.path, c.query.limit, !!c.query.cursor])).toEqual([
				[`/api/conversations/${conversationId}/messages`, '100', false],
				[`/api/conversations/${conversationId}/messages`, '100', true],
			]);
			expect(result.items).toHaveLength(total);
			expect(result.items[0].json.content).toBe(`message ${total - 1}`);
			expect(result.items[total - 1].json.content).toBe('message 0');
			expect(new Set(result.items.map((i) => i.json.id)).size).toBe(total);
		});

		it('counts unread per conversation and in total', async () => {
			const inbox = await env.run(conversation('getMany', { returnAll: false, limit: 1 }));
			expect(env.onlyCall().query).toEqual({ limit: '1' });
			expect(inbox.items[0].json).toMatchObject({ id: conversationId, unreadCount: total });
			env.mark();
			const count = await env.run(conversation('getUnreadCount'));
			expect(count.items[0].json.count).toBeGreaterThanOrEqual(total);
		});
	});
});
