import { apiCalls, createTestEnv, locator, type TestEnv } from './env';
import { reportState } from './sandbox/state/reports';

const report = (extra: Record<string, unknown>) => ({ resource: 'report', operation: 'create', ...extra });

describe('Report resource', () => {
	let env: TestEnv;
	let alicePostId: string;
	let secondPostId: string;
	let commentId: string;
	let aliceId: string;

	beforeAll(async () => {
		env = await createTestEnv();
		alicePostId = (await env.act('alice_ai', 'POST', '/api/posts', { content: 'Buy followers now!!! #spam' })).post.id;
		secondPostId = (await env.act('alice_ai', 'POST', '/api/posts', { content: 'The moon is made of cheese' })).post.id;
		commentId = (await env.act('bob_bot', 'POST', `/api/posts/${alicePostId}/comments`, { content: 'rude words' })).comment.id;
		aliceId = (await env.act('bob_bot', 'GET', '/api/agents/alice_ai')).id;
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	it('reports a post by ID with a reason and description', async () => {
		const result = await env.run(
			report({
				targetType: 'post',
				reportedPostId: locator(alicePostId),
				reason: 'SPAM',
				additionalFields: { description: 'Repetitive promotional content' },
			}),
		);
		expect(result.error).toBeUndefined();
		const call = env.onlyCall();
		expect(call).toMatchObject({ method: 'POST', path: '/api/reports', status: 201 });
		expect(call.body).toEqual({ reason: 'SPAM', description: 'Repetitive promotional content', reportedPostId: alicePostId });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			id: expect.stringMatching(/^rpt_/),
			reason: 'SPAM',
			description: 'Repetitive promotional content',
			reportedPostId: alicePostId,
			reportedAgentId: null,
			status: 'PENDING',
		});
		const filed = reportState(env.sandbox.store).reports.find((r) => r.id === result.items[0].json.id);
		expect(filed?.reporterId).toBe(env.sandbox.seeded.agentId);
	});

	it('reports a post given by its URL', async () => {
		const result = await env.run(
			report({
				targetType: 'post',
				reportedPostId: locator(`https://imagineanything.com/post/${secondPostId}`, 'url'),
				reason: 'MISINFORMATION',
				additionalFields: {},
			}),
		);
		expect(env.onlyCall().body).toEqual({ reason: 'MISINFORMATION', reportedPostId: secondPostId });
		expect(result.items[0].json).toMatchObject({ reportedPostId: secondPostId, reason: 'MISINFORMATION' });
	});

	it('reports an agent by ID and a comment by ID', async () => {
		const agent = await env.run(report({ targetType: 'agent', reportedAgentId: aliceId, reason: 'IMPERSONATION' }));
		expect(env.onlyCall()).toMatchObject({ status: 201, body: { reason: 'IMPERSONATION', reportedAgentId: aliceId } });
		expect(agent.items[0].json).toMatchObject({ reportedAgentId: aliceId, reportedPostId: null });

		env.mark();
		const comment = await env.run(report({ targetType: 'comment', reportedCommentId: commentId, reason: 'HARASSMENT' }));
		expect(env.onlyCall()).toMatchObject({ status: 201, body: { reason: 'HARASSMENT', reportedCommentId: commentId } });
		expect(comment.items[0].json).toMatchObject({ reportedCommentId: commentId, reason: 'HARASSMENT' });
	});

	it('reports the target of each input item', async () => {
		const items = [{ postId: alicePostId }, { postId: secondPostId }];
		const result = await env.run(
			report({ targetType: 'post', reportedPostId: locator('={{ $json.postId }}'), reason: 'OTHER', additionalFields: {} }),
			{ items, credential: await env.newAgentCredential('watchdog') },
		);
		const calls = apiCalls(env.requestsSinceMark()).filter((c) => c.path === '/api/reports');
		expect(calls.map((c) => c.body)).toEqual(items.map((i) => ({ reason: 'OTHER', reportedPostId: i.postId })));
		expect(result.items.map((i) => i.json.reportedPostId)).toEqual([alicePostId, secondPostId]);
	});

	it.each([
		['post', { reportedPostId: locator('={{ "" }}') }, /^"Post" is empty$/],
		['agent', { reportedAgentId: '={{ "" }}' }, /^"Agent ID" is empty$/],
		['comment', { reportedCommentId: '={{ " " }}' }, /^"Comment ID" is empty$/],
	])('refuses a %s report without a target before sending', async (targetType, target, error) => {
		const result = await env.run(report({ targetType, ...target, reason: 'SPAM' }));
		expect(result.error?.message).toMatch(error);
		env.nothingSent();
	});

	it('refuses a description over 1000 characters before sending', async () => {
		const result = await env.run(
			report({ targetType: 'post', reportedPostId: locator(alicePostId), reason: 'SPAM', additionalFields: { description: 'd'.repeat(1001) } }),
		);
		expect(result.error?.message).toMatch(/"Description" must be at most 1000 characters \(it has 1001\)/);
		env.nothingSent();
	});

	it('surfaces the 409 of a repeated report, the 404 of a missing post and the 400 of a self-report', async () => {
		const repeated = await env.run(report({ targetType: 'post', reportedPostId: locator(alicePostId), reason: 'VIOLENCE' }));
		expect(env.onlyCall().status).toBe(409);
		expect(repeated.error?.message).toBe('You have already reported this');

		env.mark();
		const missing = await env.run(report({ targetType: 'post', reportedPostId: locator('post_gone'), reason: 'SPAM' }));
		expect(env.onlyCall().status).toBe(404);
		expect(missing.error?.message).toBe('Post not found');

		env.mark();
		const self = await env.run(report({ targetType: 'agent', reportedAgentId: env.sandbox.seeded.agentId, reason: 'SPAM' }));
		expect(env.onlyCall().status).toBe(400);
		expect(self.error?.message).toBe('You cannot report yourself');
	});

	it('has the sandbox refuse a report without a target or with an unknown reason', async () => {
		const noTarget = await env.sandbox.act('bob_bot', 'POST', '/api/reports', { reason: 'SPAM' });
		expect(noTarget.status).toBe(400);
		expect(noTarget.body.message).toMatch(/at least one of reportedAgentId, reportedPostId, reportedCommentId/);
		const badReason = await env.sandbox.act('bob_bot', 'POST', '/api/reports', { reason: 'BORING', reportedPostId: alicePostId });
		expect(badReason.status).toBe(400);
		expect(badReason.body.details).toEqual({ reason: expect.stringMatching(/must be one of SPAM/) });
	});
});
