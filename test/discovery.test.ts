import { apiCalls, createTestEnv, type TestEnv } from './env';

const discovery = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'discovery',
	operation,
	...extra,
});

describe('Discovery resource', () => {
	let env: TestEnv;
	let viralPostId: string;
	const TREND_POSTS = 8;

	beforeAll(async () => {
		env = await createTestEnv();
		viralPostId = (await env.act('carol_analyst', 'POST', '/api/posts', { content: 'A chart everyone is talking about' })).post.id;
		for (const fan of ['alice_ai', 'bob_bot', 'dave_auto', 'erin_helper', env.sandbox.seeded.handle]) {
			await env.act(fan, 'POST', `/api/posts/${viralPostId}/like`);
		}
		await env.act('alice_ai', 'POST', `/api/posts/${viralPostId}/comments`, { content: 'Wow' });
		await env.act('bob_bot', 'POST', `/api/posts/${viralPostId}/comments`, { content: 'Neat' });
		for (let i = 0; i < TREND_POSTS; i++) {
			const postId = (await env.act(i % 2 ? 'dave_auto' : 'erin_helper', 'POST', '/api/posts', { content: `Take ${i} on the #MegaTrend` }))
				.post.id;
			await env.act('alice_ai', 'POST', `/api/posts/${postId}/like`);
			await env.act('bob_bot', 'POST', `/api/posts/${postId}/like`);
		}
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	describe('search', () => {
		it('finds agents and posts, one item per result tagged with its type', async () => {
			const result = await env.run(discovery('search', { query: 'ALICE', searchType: 'all', returnAll: false, limit: 50 }));
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'GET', path: '/api/search', status: 200 });
			expect(call.query).toEqual({ q: 'ALICE', type: 'all', limit: '50' });
			const agents = result.items.filter((i) => i.json.resultType === 'agent');
			const posts = result.items.filter((i) => i.json.resultType === 'post');
			expect(agents.map((i) => i.json.handle)).toEqual(['alice_ai']);
			expect(posts.length).toBeGreaterThanOrEqual(1);
			for (const post of posts) expect(String(post.json.content).toLowerCase()).toContain('alice');
			expect(result.items.length).toBe(agents.length + posts.length);
		});

		it('searches agents only, by bio', async () => {
			const result = await env.run(discovery('search', { query: 'summar', searchType: 'agents', returnAll: true }));
			expect(env.onlyCall().query).toEqual({ q: 'summar', type: 'agents', limit: '100' });
			expect(result.items.map((i) => [i.json.resultType, i.json.handle])).toEqual([['agent', 'erin_helper']]);
		});

		it('searches posts only, by hashtag', async () => {
			const result = await env.run(discovery('search', { query: '#megatrend', searchType: 'posts', returnAll: true }));
			expect(env.onlyCall().query).toMatchObject({ q: '#megatrend', type: 'posts' });
			expect(result.items).toHaveLength(TREND_POSTS);
			expect(result.items.every((i) => i.json.resultType === 'post')).toBe(true);
			expect(result.items.every((i) => (i.json.hashtags as string[]).includes('megatrend'))).toBe(true);
		});

		it('pages through many results with Return All', async () => {
			for (let i = 0; i < 105; i++) await env.act('bob_bot', 'POST', '/api/posts', { content: `needle in haystack ${i}` });
			env.mark();
			const result = await env.run(discovery('search', { query: 'needle', searchType: 'posts', returnAll: true }));
			const calls = apiCalls(env.requestsSinceMark());
			expect(calls.map((c) => [c.query.limit, !!c.query.cursor])).toEqual([
				['100', false],
				['100', true],
			]);
			expect(result.items).toHaveLength(105);
			expect(result.items[0].json.content).toBe('needle in haystack 104');
			expect(new Set(result.items.map((i) => i.json.id)).size).toBe(105);
		});

		it('refuses an empty query before sending', async () => {
			const result = await env.run(discovery('search', { query: '={{ "  " }}', searchType: 'all', returnAll: true }));
			expect(result.error?.message).toBe('"Query" is required');
			env.nothingSent();
		});
	});

	describe('trending', () => {
		it('returns every section as one item', async () => {
			const result = await env.run(discovery('getTrending', { section: 'all', limit: 5 }));
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'GET', path: '/api/explore', status: 200 });
			expect(call.query).toEqual({ section: 'all', limit: '5' });
			expect(result.items).toHaveLength(1);
			const all = result.items[0].json as Record<string, Array<Record<string, unknown>> & Record<string, unknown>>;
			expect(Object.keys(all).sort()).toEqual(['featuredAgent', 'popularAgents', 'trendingHashtags', 'trendingPosts']);
			expect(all.trendingPosts).toHaveLength(5);
			expect(all.trendingPosts[0].id).toBe(viralPostId);
			expect(all.trendingHashtags[0]).toEqual({ tag: 'megatrend', postCount: TREND_POSTS, engagement: 2 * TREND_POSTS });
			expect((all.featuredAgent as unknown as { handle: string }).handle).toBe(all.popularAgents[0].handle);
		});

		it('returns one item per trending post, most engagement first', async () => {
			const result = await env.run(discovery('getTrending', { section: 'posts', limit: 3 }));
			expect(env.onlyCall().query).toEqual({ section: 'posts', limit: '3' });
			expect(result.items).toHaveLength(3);
			expect(result.items[0].json).toMatchObject({ id: viralPostId, likeCount: 5, commentCount: 2, recentEngagement: 7 });
			const scores = result.items.map((i) => i.json.recentEngagement as number);
			expect([...scores].sort((a, b) => b - a)).toEqual(scores);
		});

		it('returns one item per popular agent', async () => {
			const result = await env.run(discovery('getTrending', { section: 'agents', limit: 50 }));
			expect(env.onlyCall().query).toEqual({ section: 'agents', limit: '50' });
			expect(result.items.length).toBe(env.sandbox.agents().length);
			// Carol's viral post (7 interactions) plus a follower this week ties with the 4 #MegaTrend posts
			// (2 likes each) of Dave and of Erin; Carol's follower count breaks the tie.
			expect(result.items[0].json.handle).toBe('carol_analyst');
			expect(result.items.slice(1, 3).map((i) => i.json.handle).sort()).toEqual(['dave_auto', 'erin_helper']);
			expect(result.items[0].json.capabilities).toBeDefined();
		});

		it('returns one item per trending hashtag, also from the hashtag endpoint', async () => {
			const viaExplore = await env.run(discovery('getTrending', { section: 'hashtags', limit: 3 }));
			expect(env.onlyCall().query).toEqual({ section: 'hashtags', limit: '3' });
			env.mark();
			const result = await env.run(discovery('getTrendingHashtags', { limit: 3 }));
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'GET', path: '/api/hashtags/trending', status: 200 });
			expect(call.query).toEqual({ limit: '3' });
			expect(result.items).toHaveLength(3);
			expect(result.items[0].json).toEqual({ tag: 'megatrend', postCount: TREND_POSTS, engagement: 2 * TREND_POSTS });
			expect(result.items.map((i) => i.json)).toEqual(viaExplore.items.map((i) => i.json));
		});
	});

	describe('hashtag posts', () => {
		it.each(['#MegaTrend', 'megatrend'])('lists the posts of %s, newest first', async (tag) => {
			const result = await env.run(discovery('getHashtagPosts', { tag, returnAll: false, limit: 3 }));
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'GET', path: `/api/hashtags/${tag.replace('#', '')}`, status: 200 });
			expect(call.query).toEqual({ limit: '3' });
			expect(result.items.map((i) => i.json.content)).toEqual([
				`Take ${TREND_POSTS - 1} on the #MegaTrend`,
				`Take ${TREND_POSTS - 2} on the #MegaTrend`,
				`Take ${TREND_POSTS - 3} on the #MegaTrend`,
			]);
		});

		it('returns all posts of a hashtag, and none of an unused one', async () => {
			const all = await env.run(discovery('getHashtagPosts', { tag: 'megatrend', returnAll: true }));
			expect(all.items).toHaveLength(TREND_POSTS);
			env.mark();
			const none = await env.run(discovery('getHashtagPosts', { tag: '#nobody_uses_this', returnAll: true }));
			expect(env.onlyCall().status).toBe(200);
			expect(none.error).toBeUndefined();
			expect(none.items).toHaveLength(0);
		});

		it('refuses an empty hashtag before sending', async () => {
			const result = await env.run(discovery('getHashtagPosts', { tag: '={{ "#" }}', returnAll: true }));
			expect(result.error?.message).toBe('"Hashtag" is empty');
			env.nothingSent();
		});
	});
});
