import type { INodeCredentialsDetails } from 'n8n-workflow';

import { createTestEnv, type TestEnv } from './env';
import type { AgentRecord } from './sandbox/state/records';

const analytics = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'analytics',
	operation,
	...extra,
});

const DAY = 24 * 3600 * 1000;

describe('Analytics resource', () => {
	let env: TestEnv;
	let credential: INodeCredentialsDetails;
	const posts: Record<string, string> = {};

	/*
	 * A fresh agent with a known history. The previous week (8–10 days ago) is written to the
	 * store directly, since the API stamps everything "now": 2 posts, 1 like, 1 view, 1 follower.
	 * This week goes through the API: 4 posts; 4 likes (one on an old post), 2 comments by others
	 * (+1 own, not counted), 1 repost + 1 quote, 1 amplify, 2 followers, 3 views.
	 */
	beforeAll(async () => {
		env = await createTestEnv();
		credential = await env.newAgentCredential('stats_bot');
		const { store } = env.sandbox;
		const agent = (handle: string) => store.agentByHandle(handle) as AgentRecord;
		const now = Date.now();
		const old1 = store.createPost(agent('stats_bot').id, { content: 'old one', mediaType: 'TEXT' }, now - 10 * DAY);
		const old2 = store.createPost(agent('stats_bot').id, { content: 'old two', mediaType: 'TEXT' }, now - 9 * DAY);
		store.like(old1, agent('alice_ai').id, now - 9 * DAY);
		store.recordView(old1.id, null, now - 9 * DAY);
		store.follow(agent('bob_bot').id, agent('stats_bot').id, now - 8 * DAY);
		posts.old1 = old1.id;
		posts.old2 = old2.id;

		for (const name of ['p1', 'p2', 'p3', 'p4']) {
			posts[name] = (await env.act('stats_bot', 'POST', '/api/posts', { content: `fresh ${name}` })).post.id;
		}
		await env.act('alice_ai', 'POST', `/api/posts/${posts.p1}/like`);
		await env.act('bob_bot', 'POST', `/api/posts/${posts.p1}/like`);
		await env.act('carol_analyst', 'POST', `/api/posts/${posts.p2}/like`);
		await env.act('alice_ai', 'POST', `/api/posts/${posts.old2}/like`);
		await env.act('bob_bot', 'POST', `/api/posts/${posts.p1}/comments`, { content: 'nice' });
		await env.act('carol_analyst', 'POST', `/api/posts/${posts.p2}/comments`, { content: 'agreed' });
		await env.act('stats_bot', 'POST', `/api/posts/${posts.p4}/comments`, { content: 'my own note' });
		await env.act('dave_auto', 'POST', `/api/posts/${posts.p1}/repost`);
		await env.act('erin_helper', 'POST', `/api/posts/${posts.p2}/quote`, { content: 'see this' });
		await env.act('carol_analyst', 'POST', `/api/posts/${posts.p3}/amplify`);
		await env.act('carol_analyst', 'POST', '/api/agents/stats_bot/follow');
		await env.act('dave_auto', 'POST', '/api/agents/stats_bot/follow');
		for (let i = 0; i < 3; i++) await env.act(null, 'POST', `/api/posts/${posts.p1}/view`);
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	it('compares the last 7 days with the 7 days before, with percentage changes', async () => {
		const result = await env.run(analytics('getOverview', { range: '7d' }), { credential });
		const call = env.onlyCall();
		expect(call).toMatchObject({ method: 'GET', path: '/api/analytics/overview', status: 200, agentHandle: 'stats_bot' });
		expect(call.query).toEqual({ range: '7d' });
		expect(result.items).toHaveLength(1);
		const overview = result.items[0].json;
		expect(overview).toMatchObject({
			range: '7d',
			current: {
				posts: 4,
				likes: 4,
				comments: 2,
				reposts: 2,
				amplifies: 1,
				views: 3,
				followersGained: 2,
				engagement: 9,
				engagementRate: 300,
			},
			previous: {
				posts: 2,
				likes: 1,
				comments: 0,
				reposts: 0,
				amplifies: 0,
				views: 1,
				followersGained: 1,
				engagement: 1,
				engagementRate: 100,
			},
			changes: {
				posts: 100,
				likes: 300,
				comments: null,
				reposts: null,
				amplifies: null,
				views: 200,
				followersGained: 100,
				engagement: 800,
			},
			totals: { followers: 3, following: 0, posts: 6 },
		});
		const current = overview.current as { start: string; end: string };
		const previous = overview.previous as { start: string; end: string };
		expect(previous.end).toBe(current.start);
		expect(Date.parse(current.end) - Date.parse(current.start)).toBe(7 * DAY);
	});

	it('puts the whole history in the last 30 days, against an empty period before', async () => {
		const result = await env.run(analytics('getOverview', { range: '30d' }), { credential });
		expect(env.onlyCall().query).toEqual({ range: '30d' });
		expect(result.items[0].json).toMatchObject({
			range: '30d',
			current: { posts: 6, likes: 5, views: 4, followersGained: 3, engagement: 10, engagementRate: 250 },
			previous: { posts: 0, likes: 0, views: 0, followersGained: 0, engagement: 0, engagementRate: 0 },
			changes: { posts: null, likes: null, engagement: null },
		});
	});

	it('surfaces the 400 of a range the service does not know', async () => {
		const result = await env.run(analytics('getOverview', { range: '={{ "1y" }}' }), { credential });
		expect(env.onlyCall()).toMatchObject({ query: { range: '1y' }, status: 400 });
		expect(result.error?.message).toBe('"Period" must be one of 7d, 30d, 90d');
	});

	it('ranks the posts by engagement with their counts', async () => {
		const result = await env.run(analytics('getPostPerformance', { sortBy: 'engagement', returnAll: true }), {
			credential,
		});
		const call = env.onlyCall();
		expect(call).toMatchObject({ method: 'GET', path: '/api/analytics/posts', status: 200 });
		expect(call.query).toEqual({ sortBy: 'engagement', limit: '100' });
		// Ties (engagement 1) go newest first.
		expect(result.items.map((i) => i.json.id)).toEqual(['p1', 'p2', 'p4', 'p3', 'old2', 'old1'].map((p) => posts[p]));
		expect(result.items[0].json).toMatchObject({
			content: 'fresh p1',
			likeCount: 2,
			commentCount: 1,
			repostCount: 1,
			amplifyCount: 0,
			viewCount: 3,
			engagement: 4,
			engagementRate: 133.33,
		});
	});

	it.each([
		['views', ['p1', 'old1', 'p4']],
		['likes', ['p1', 'p2', 'old2']],
		['comments', ['p4', 'p2', 'p1']],
	])('ranks by %s up to a limit', async (sortBy, expected) => {
		const result = await env.run(analytics('getPostPerformance', { sortBy, returnAll: false, limit: 3 }), { credential });
		expect(env.onlyCall().query).toEqual({ sortBy, limit: '3' });
		expect(result.items.map((i) => i.json.id)).toEqual(expected.map((p) => posts[p]));
	});

	it('pages post performance with a stable cursor', async () => {
		const first = await env.act('stats_bot', 'GET', '/api/analytics/posts?sortBy=engagement&limit=4');
		expect(first.hasMore).toBe(true);
		const second = await env.act('stats_bot', 'GET', `/api/analytics/posts?sortBy=engagement&limit=4&cursor=${first.nextCursor}`);
		expect([...first.posts, ...second.posts].map((p: { id: string }) => p.id)).toEqual(
			['p1', 'p2', 'p4', 'p3', 'old2', 'old1'].map((p) => posts[p]),
		);
		expect(second.hasMore).toBe(false);
	});
});
