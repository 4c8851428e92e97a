import { apiCalls, createTestEnv, locator, type TestEnv } from './env';

const post = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'post', operation, ...extra });

describe('Post resource', () => {
	let env: TestEnv;
	let alicePostId: string;

	const createAs = async (handle: string, content: string): Promise<string> => {
		const answer = await env.sandbox.act(handle, 'POST', '/api/posts', { content });
		expect(answer.status).toBe(201);
		return answer.body.post.id as string;
	};

	beforeAll(async () => {
		env = await createTestEnv();
		alicePostId = await createAs('alice_ai', 'A post by alice #testing');
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	it('creates a post, sending content and extracting hashtags and mentions', async () => {
		const result = await env.run(post('create', { content: 'Hello #n8n world, hi @alice_ai', additionalFields: {} }));
		expect(result.error).toBeUndefined();
		const call = env.onlyCall();
		expect(call).toMatchObject({ method: 'POST', path: '/api/posts', status: 201 });
		expect(call.body).toEqual({ content: 'Hello #n8n world, hi @alice_ai' });
		expect(call.headers.authorization).toMatch(/^Bearer iat_/);
		expect(result.items).toHaveLength(1);
		const created = result.items[0].json;
		expect(created.content).toBe('Hello #n8n world, hi @alice_ai');
		expect(created.hashtags).toEqual(['n8n']);
		expect(JSON.stringify(created.mentions)).toContain('alice_ai');
		expect((created.agent as { handle: string }).handle).toBe(env.sandbox.seeded.handle);
		// The post's public page, on the service of the credential's Base URL.
		expect(created.url).toBe(`${env.sandbox.url}/post/${String(created.id)}`);
	});

	it('sends media type and media IDs as an array', async () => {
		await env.run(post('create', { content: 'with media', additionalFields: { mediaType: 'TEXT', mediaIds: ' m1, m2 ' } }));
		const call = env.onlyCall();
		expect(call.body).toEqual({ content: 'with media', mediaType: 'TEXT', mediaIds: ['m1', 'm2'] });
	});

	it('refuses content over 500 characters before sending anything', async () => {
		const result = await env.run(post('create', { content: 'x'.repeat(501) }));
		expect(result.error?.message).toMatch(/"Content" must be at most 500 characters \(it has 501\)/);
		env.nothingSent();
	});

	it('refuses more than 4 media IDs before sending anything', async () => {
		const result = await env.run(post('create', { content: 'x', additionalFields: { mediaIds: 'a,b,c,d,e' } }));
		expect(result.error?.message).toMatch(/"Media IDs" takes at most 4 entries/);
		env.nothingSent();
	});

	it('gets a post by ID and by post URL', async () => {
		const byIdResult = await env.run(post('get', { postId: locator(alicePostId) }));
		expect(env.onlyCall()).toMatchObject({ method: 'GET', path: `/api/posts/${alicePostId}` });
		expect(byIdResult.items[0].json.id).toBe(alicePostId);

		env.mark();
		const byUrl = await env.run(
			post('get', { postId: locator(`https://imagineanything.com/post/${alicePostId}`, 'url') }),
		);
		expect(env.onlyCall().path).toBe(`/api/posts/${alicePostId}`);
		expect(byUrl.items[0].json.content).toBe('A post by alice #testing');
	});

	it('reports a missing post with the service message', async () => {
		const result = await env.run(post('get', { postId: locator('post_does_not_exist') }));
		expect(result.error?.message).toMatch(/not found/i);
		expect((result.error as { httpCode?: string }).httpCode).toBe('404');
	});

	it('deletes an own post, given by its URL, and says which post it deleted', async () => {
		const own = await createAs(env.sandbox.seeded.handle, 'to be deleted');
		env.mark();
		const result = await env.run(post('delete', { postId: locator(`https://imagineanything.com/post/${own}`, 'url') }));
		expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: `/api/posts/${own}`, status: 200 });
		expect(result.items[0].json).toEqual({ postId: own, deleted: true, success: true });
		expect((await env.sandbox.act('alice_ai', 'GET', `/api/posts/${own}`)).status).toBe(404);
	});

	it("surfaces the service's 403 when deleting another agent's post", async () => {
		const result = await env.run(post('delete', { postId: locator(alicePostId) }));
		expect(env.onlyCall().status).toBe(403);
		expect(result.error?.message).toBe('You can only delete your own posts');
		expect(result.error?.description).toMatch(/credential of the agent that owns/);
		expect((await env.sandbox.act('alice_ai', 'GET', `/api/posts/${alicePostId}`)).status).toBe(200);
	});

	it('keeps the other items when one fails and Continue On Fail is on', async () => {
		const items = [{ id: alicePostId }, { id: 'post_missing' }, { id: alicePostId }];
		const result = await env.run(post('get', { postId: locator('={{ $json.id }}') }), { items, continueOnFail: true });
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json.id).toBe(alicePostId);
		expect(result.items[1].json.error).toBeDefined();
		expect(String(result.items[1].json.error)).toMatch(/not found/i);
		expect(result.items[2].json.id).toBe(alicePostId);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	describe('lists', () => {
		let timelineTotal: number;
		beforeAll(async () => {
			for (let i = 0; i < 230; i++) await createAs(i % 2 ? 'bob_bot' : 'alice_ai', `filler post ${i}`);
			const first = await env.sandbox.act('alice_ai', 'GET', '/api/posts?limit=100');
			expect(first.status).toBe(200);
			timelineTotal = 0;
			let cursor: string | null = null;
			do {
				const page: { body: { posts: unknown[]; nextCursor: string | null } } = await env.sandbox.act(
					'alice_ai',
					'GET',
					`/api/posts?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
				);
				timelineTotal += page.body.posts.length;
				cursor = page.body.nextCursor;
			} while (cursor);
		});
		beforeEach(() => env.mark());

		it('returns the timeline up to a limit with one request', async () => {
			const result = await env.run(post('getTimeline', { returnAll: false, limit: 5 }));
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'GET', path: '/api/posts' });
			expect(call.query).toEqual({ limit: '5' });
			expect(result.items).toHaveLength(5);
			expect(result.items[0].json.content).toBeDefined();
		});

		it('follows cursors for a limit above one page', async () => {
			const result = await env.run(post('getTimeline', { returnAll: false, limit: 150 }));
			const calls = apiCalls(env.requestsSinceMark());
			expect(calls.map((c) => c.query.limit)).toEqual(['100', '50']);
			expect(calls[1].query.cursor).toBeTruthy();
			expect(result.items).toHaveLength(150);
			expect(new Set(result.items.map((i) => i.json.id)).size).toBe(150);
		});

		it('returns all across three or more pages of 100', async () => {
			const result = await env.run(post('getTimeline', { returnAll: true }));
			const calls = apiCalls(env.requestsSinceMark());
			expect(calls.length).toBeGreaterThanOrEqual(3);
			expect(calls.length).toBe(Math.ceil(timelineTotal / 100));
			expect(calls.every((c) => c.query.limit === '100')).toBe(true);
			expect(calls.slice(1).every((c) => !!c.query.cursor)).toBe(true);
			expect(result.items).toHaveLength(timelineTotal);
			expect(new Set(result.items.map((i) => i.json.id)).size).toBe(timelineTotal);
		});

		it("returns the feed of followed agents' posts", async () => {
			const result = await env.run(post('getFeed', { returnAll: false, limit: 20 }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/feed', query: { limit: '20' } });
			expect(result.items.length).toBeGreaterThan(0);
			const authors = new Set(result.items.map((i) => (i.json.agent as { handle: string }).handle));
			for (const author of authors) expect(['alice_ai', 'bob_bot', env.sandbox.seeded.handle]).toContain(author);
		});
	});

	describe('likes, reposts, amplifies and views', () => {
		let target: string;
		beforeAll(async () => {
			target = await createAs('carol_analyst', 'Something to like #engagement');
		});

		it('likes, lists likers and unlikes', async () => {
			const liked = await env.run(post('like', { postId: locator(target) }));
			expect(env.onlyCall()).toMatchObject({ method: 'POST', path: `/api/posts/${target}/like` });
			expect(liked.items[0].json).toEqual({ postId: target, liked: true, likeCount: 1 });

			env.mark();
			const likers = await env.run(post('getLikes', { postId: locator(target), returnAll: true }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: `/api/posts/${target}/likes` });
			expect(likers.items.map((i) => (i.json.agent as { handle: string }).handle)).toContain(env.sandbox.seeded.handle);

			env.mark();
			const unliked = await env.run(post('unlike', { postId: locator(target) }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: `/api/posts/${target}/like` });
			expect(unliked.items[0].json).toEqual({ postId: target, liked: false, likeCount: 0 });
		});

		it('reposts, lists reposts, undoes the repost and quotes', async () => {
			const reposted = await env.run(post('repost', { postId: locator(target) }));
			expect(env.onlyCall()).toMatchObject({ method: 'POST', path: `/api/posts/${target}/repost` });
			// The repost comes out as the service answers it: a post of the agent, its repostOf the original.
			expect(reposted.items[0].json).toMatchObject({
				isQuote: false,
				agent: { handle: env.sandbox.seeded.handle },
				repostOf: { id: target, isReposted: true },
			});

			env.mark();
			const again = await env.run(post('repost', { postId: locator(target) }));
			expect(again.error?.message).toMatch(/already/i);

			env.mark();
			const quoted = await env.run(post('quote', { postId: locator(target), content: 'Worth reading #quote' }));
			const quoteCall = env.onlyCall();
			expect(quoteCall).toMatchObject({ method: 'POST', path: `/api/posts/${target}/quote` });
			expect(quoteCall.body).toEqual({ content: 'Worth reading #quote' });
			expect(quoted.items[0].json.isQuote).toBe(true);
			expect(quoted.items[0].json.url).toBe(`${env.sandbox.url}/post/${String(quoted.items[0].json.id)}`);

			env.mark();
			const reposts = await env.run(post('getReposts', { postId: locator(target), returnAll: false, limit: 10 }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: `/api/posts/${target}/reposts`, query: { limit: '10' } });
			expect(reposts.items.length).toBe(2);

			env.mark();
			const undone = await env.run(post('undoRepost', { postId: locator(target) }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: `/api/posts/${target}/repost` });
			expect(undone.items[0].json).toMatchObject({ postId: target, reposted: false });
		});

		it('amplifies, removes the amplify and records a view', async () => {
			const amplified = await env.run(post('amplify', { postId: locator(target) }));
			expect(env.onlyCall()).toMatchObject({ method: 'POST', path: `/api/posts/${target}/amplify` });
			expect(amplified.items[0].json).toEqual({ postId: target, amplified: true, amplifyCount: 1 });

			env.mark();
			const removed = await env.run(post('removeAmplify', { postId: locator(target) }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: `/api/posts/${target}/amplify` });
			expect(removed.items[0].json).toEqual({ postId: target, amplified: false, amplifyCount: 0 });

			env.mark();
			const viewed = await env.run(post('recordView', { postId: locator(target) }));
			expect(env.onlyCall()).toMatchObject({ method: 'POST', path: `/api/posts/${target}/view`, status: 200 });
			expect(viewed.items[0].json).toEqual({ postId: target, success: true });
			const after = await env.sandbox.act('alice_ai', 'GET', `/api/posts/${target}`);
			expect(after.body.post.viewCount).toBe(1);
		});
	});

	describe('comments', () => {
		let target: string;
		beforeAll(async () => {
			target = await createAs('alice_ai', 'Discuss #threads');
		});

		it('comments, replies in a thread, lists and deletes with cascade', async () => {
			const top = await env.run(post('comment', { postId: locator(target), content: 'First!', additionalFields: {} }));
			const topCall = env.onlyCall();
			expect(topCall).toMatchObject({ method: 'POST', path: `/api/posts/${target}/comments`, status: 201 });
			expect(topCall.body).toEqual({ content: 'First!' });
			const topId = top.items[0].json.id as string;
			expect(top.items[0].json.content).toBe('First!');

			env.mark();
			const reply = await env.run(
				post('comment', { postId: locator(target), content: 'A reply', additionalFields: { parentId: topId } }),
			);
			expect(env.onlyCall().body).toEqual({ content: 'A reply', parentId: topId });
			expect(reply.items[0].json.parentId).toBe(topId);

			env.mark();
			const listed = await env.run(post('getComments', { postId: locator(target), returnAll: true }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: `/api/posts/${target}/comments` });
			expect(JSON.stringify(listed.items.map((i) => i.json))).toContain('A reply');

			env.mark();
			const deleted = await env.run(post('deleteComment', { postId: locator(target), commentId: topId }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: `/api/posts/${target}/comments/${topId}` });
			expect(deleted.items[0].json).toEqual({ postId: target, commentId: topId, deleted: true, success: true });
			const after = await env.sandbox.act('alice_ai', 'GET', `/api/posts/${target}/comments`);
			expect(JSON.stringify(after.body)).not.toContain('A reply');
			expect((await env.sandbox.act('alice_ai', 'GET', `/api/posts/${target}`)).body.post.commentCount).toBe(0);
		});

		it('refuses an empty comment before sending', async () => {
			// An expression that resolves to nothing passes n8n's own required-field check.
			const result = await env.run(post('comment', { postId: locator(target), content: '={{ "" }}' }));
			expect(result.error?.message).toMatch(/"Comment" is required/);
			env.nothingSent();
		});
	});
});
