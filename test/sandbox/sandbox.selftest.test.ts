import { trickyBytes } from '../fixtures/files';
import { startSandbox, type ApiAgent, type LoggedRequest, type Sandbox, type SandboxOptions } from './index';

interface CallOptions {
	token?: string;
	body?: unknown;
	rawBody?: string;
	contentType?: string;
}

interface CallResult<Body = unknown> {
	status: number;
	body: Body;
	headers: Headers;
}

/** `Body`: what the test reads of the JSON answer. */
async function call<Body = unknown>(sb: Sandbox, method: string, path: string, opts: CallOptions = {}): Promise<CallResult<Body>> {
	const headers: Record<string, string> = {};
	if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
	let body: string | undefined;
	if (opts.rawBody !== undefined) {
		body = opts.rawBody;
		headers['Content-Type'] = opts.contentType ?? 'application/json';
	} else if (opts.body !== undefined) {
		body = JSON.stringify(opts.body);
		headers['Content-Type'] = 'application/json';
	}
	const res = await fetch(`${sb.url}${path}`, { method, headers, body });
	const text = await res.text();
	return { status: res.status, body: text === '' ? undefined : JSON.parse(text), headers: res.headers };
}

/** An error answer: `{error, message}`, or `{error, error_description}` from /api/auth/token; `details` names the invalid fields. */
interface ApiError {
	error: string;
	message?: string;
	error_description?: string;
	details?: Record<string, string>;
}

type ValidationError = ApiError & { details: Record<string, string> };

interface Tokens {
	access_token: string;
	refresh_token: string;
}

/** What the tests read of a post. `repostOf` is the reposted or quoted post (its id under the repostOfId fault). */
interface Post {
	id: string;
	createdAt: string;
	agent: { handle: string };
	isQuote: boolean;
	isLiked: boolean;
	viewCount: number;
	commentCount: number;
	repostOf: Post | string | null;
}

interface PostPage {
	posts: Post[];
	hasMore: boolean;
	nextCursor: string | null;
}

interface AgentPage {
	agents: ApiAgent[];
	hasMore: boolean;
}

interface Comment {
	id: string;
	content: string;
	replies: Comment[];
}

interface Xp {
	axp: { total: number };
	history: unknown[];
}

/** An upload answer: both names of its id, unless a shape fault leaves one out. */
interface Upload {
	id?: string;
	media_id?: string;
}

async function tokenFor(sb: Sandbox, handle = 'sandbox_agent'): Promise<{ access: string; refresh: string }> {
	const { clientId, clientSecret } = sb.credentialsFor(handle);
	const res = await call<Tokens>(sb, 'POST', '/api/auth/token', {
		body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
	});
	expect(res.status).toBe(200);
	return { access: res.body.access_token, refresh: res.body.refresh_token };
}

async function withSandbox(options: SandboxOptions, run: (sb: Sandbox) => Promise<void>): Promise<void> {
	const sb = await startSandbox(options);
	try {
		await run(sb);
	} finally {
		await sb.close();
	}
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the SDK's Post.from_dict needs of a post, down its repostOf chain (a nested post or null). */
function expectSdkPost(post: Post): void {
	expect(post).toMatchObject({ id: expect.any(String), agent: { id: expect.any(String), handle: expect.any(String), name: expect.any(String) } });
	if (post.repostOf !== null) {
		expect(typeof post.repostOf).toBe('object');
		expectSdkPost(post.repostOf as Post);
	}
}

async function uploadImage(sb: Sandbox, token: string): Promise<CallResult<Upload>> {
	const form = new FormData();
	form.append('purpose', 'post');
	form.append('file', new Blob([trickyBytes(300)], { type: 'image/png' }), 'shape.png');
	const res = await fetch(`${sb.url}/api/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
	return { status: res.status, body: (await res.json()) as Upload, headers: res.headers };
}

let sb: Sandbox;

beforeAll(async () => {
	sb = await startSandbox();
});

afterAll(async () => {
	await sb.close();
});

beforeEach(() => sb.reset());

describe('auth', () => {
	it('issues client_credentials tokens that authenticate API calls', async () => {
		const { clientId, clientSecret } = sb.seeded;
		const res = await call<Tokens>(sb, 'POST', '/api/auth/token', {
			body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			access_token: expect.stringMatching(/^iat_/),
			token_type: 'Bearer',
			expires_in: 3600,
			refresh_token: expect.stringMatching(/^iar_/),
			scope: 'read write',
		});
		const me = await call<Record<string, unknown>>(sb, 'GET', '/api/agents/me', { token: res.body.access_token });
		expect(me.status).toBe(200);
		expect(me.body).toMatchObject({ handle: 'sandbox_agent', name: 'Sandbox Agent', agentType: 'ASSISTANT', webhookUrl: null });
		expect(me.body.agent).toBeUndefined();
	});

	it('rejects bad credentials without echoing the secret', async () => {
		const res = await call(sb, 'POST', '/api/auth/token', {
			body: { grant_type: 'client_credentials', client_id: sb.seeded.clientId, client_secret: 'ia_secret_wrong_value' },
		});
		expect(res.status).toBe(401);
		expect(res.body).toEqual({ error: 'invalid_client', error_description: 'Invalid client credentials' });
	});

	it('requires a JSON body and a known grant type', async () => {
		const form = await call<ApiError>(sb, 'POST', '/api/auth/token', {
			rawBody: `grant_type=client_credentials&client_id=${sb.seeded.clientId}`,
			contentType: 'application/x-www-form-urlencoded',
		});
		expect(form.status).toBe(400);
		expect(form.body.error).toBe('invalid_request');
		expect(form.body.error_description).toMatch(/JSON/);

		const grant = await call<ApiError>(sb, 'POST', '/api/auth/token', { body: { grant_type: 'password' } });
		expect(grant.status).toBe(400);
		expect(grant.body.error).toBe('unsupported_grant_type');
	});

	it('rotates refresh tokens; the old access token keeps working', async () => {
		const first = await tokenFor(sb);
		const refreshed = await call<Tokens>(sb, 'POST', '/api/auth/token', {
			body: { grant_type: 'refresh_token', refresh_token: first.refresh },
		});
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.access_token).not.toBe(first.access);
		expect(refreshed.body.refresh_token).not.toBe(first.refresh);

		const reused = await call<ApiError>(sb, 'POST', '/api/auth/token', {
			body: { grant_type: 'refresh_token', refresh_token: first.refresh },
		});
		expect(reused.status).toBe(400);
		expect(reused.body.error).toBe('invalid_grant');
		expect((await call(sb, 'GET', '/api/agents/me', { token: first.access })).status).toBe(200);
		expect((await call(sb, 'GET', '/api/agents/me', { token: refreshed.body.access_token })).status).toBe(200);
	});

	it('answers 401 for missing, unknown and expired tokens', async () => {
		const missing = await call(sb, 'GET', '/api/agents/me');
		expect(missing.status).toBe(401);
		expect(missing.body).toEqual({ error: 'unauthorized', message: 'Missing Bearer token' });

		const unknown = await call(sb, 'GET', '/api/feed', { token: 'iat_nope' });
		expect(unknown.body).toEqual({ error: 'unauthorized', message: 'Invalid access token' });

		const { access, refresh } = await tokenFor(sb);
		expect(sb.expireTokens('sandbox_agent')).toBe(1);
		const expired = await call(sb, 'GET', '/api/agents/me', { token: access });
		expect(expired.status).toBe(401);
		expect(expired.body).toEqual({ error: 'unauthorized', message: 'Access token expired' });
		expect(expired.headers.get('x-ratelimit-limit')).toBe('100');

		const again = await call(sb, 'POST', '/api/auth/token', { body: { grant_type: 'refresh_token', refresh_token: refresh } });
		expect(again.status).toBe(200);
	});

	it('expires tokens after tokenTtlSeconds', async () => {
		await withSandbox({ tokenTtlSeconds: 1 }, async (short) => {
			const { access } = await tokenFor(short);
			expect((await call(short, 'GET', '/api/agents/me', { token: access })).status).toBe(200);
			await sleep(1100);
			const res = await call<ApiError>(short, 'GET', '/api/agents/me', { token: access });
			expect(res.status).toBe(401);
			expect(res.body.message).toBe('Access token expired');
		});
	});

	it('registers agents and validates the registration', async () => {
		const res = await call<{ clientSecret: string }>(sb, 'POST', '/api/auth/register', {
			body: { handle: 'new_agent', name: 'New Agent', agentType: 'ANALYST', bio: 'hi' },
		});
		expect(res.status).toBe(201);
		expect(res.body).toEqual({
			id: expect.any(String),
			handle: 'new_agent',
			name: 'New Agent',
			clientId: expect.stringMatching(/^ia_client_/),
			clientSecret: expect.stringMatching(/^ia_secret_.{32,}$/),
			message: 'Agent registered successfully. Save your clientSecret — it is only shown once.',
		});
		expect(sb.credentialsFor('new_agent').clientSecret).toBe(res.body.clientSecret);
		await tokenFor(sb, 'new_agent');

		const taken = await call<ApiError>(sb, 'POST', '/api/auth/register', { body: { handle: 'new_agent', name: 'X' } });
		expect(taken.status).toBe(409);
		expect(taken.body.error).toBe('conflict');

		const bad = await call<ValidationError>(sb, 'POST', '/api/auth/register', { body: { handle: '9Bad', name: '', agentType: 'ROBOT' } });
		expect(bad.status).toBe(400);
		expect(bad.body.error).toBe('validation_error');
		expect(Object.keys(bad.body.details).sort()).toEqual(['agentType', 'handle', 'name']);
		expect(bad.body.details.handle).toMatch(/start with a letter/);
	});
});

describe('rate limits', () => {
	it('sends the headers on every answer and 429s over the limit without counting', async () => {
		await withSandbox({ rateLimits: { read: 3 }, rateWindowMs: 800 }, async (small) => {
			const first = await call(small, 'GET', '/api/posts/nope');
			expect(first.status).toBe(404);
			expect(first.headers.get('x-ratelimit-limit')).toBe('3');
			expect(first.headers.get('x-ratelimit-remaining')).toBe('2');
			expect(first.headers.get('x-ratelimit-endpoint-type')).toBe('read');
			const reset = Number(first.headers.get('x-ratelimit-reset'));
			expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));

			await call(small, 'GET', '/api/posts');
			await call(small, 'GET', '/api/posts');
			const limited = await call(small, 'GET', '/api/posts');
			expect(limited.status).toBe(429);
			expect(limited.headers.get('retry-after')).toBe('1');
			expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
			expect(limited.body).toEqual({
				error: 'rate_limit_exceeded',
				message: 'Rate limit exceeded for read requests. Try again in 1 seconds.',
				limit: 3,
				reset: expect.any(Number),
				retryAfter: 1,
			});

			// Writes have their own window.
			const write = await call(small, 'POST', '/api/posts', { body: { content: 'x' } });
			expect(write.status).toBe(401);
			expect(write.headers.get('x-ratelimit-endpoint-type')).toBe('write');

			await sleep(850);
			const after = await call(small, 'GET', '/api/posts');
			expect(after.status).toBe(200);
			expect(after.headers.get('x-ratelimit-remaining')).toBe('2');
		});
	});

	it('limits token requests per client_id and data requests per agent', async () => {
		await withSandbox({ rateLimits: { auth: 2, write: 1 } }, async (small) => {
			await tokenFor(small);
			const { access } = await tokenFor(small);
			const { clientId, clientSecret } = small.seeded;
			const third = await call(small, 'POST', '/api/auth/token', {
				body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
			});
			expect(third.status).toBe(429);
			expect(third.headers.get('x-ratelimit-endpoint-type')).toBe('auth');
			await tokenFor(small, 'alice_ai');

			const post = await call(small, 'POST', '/api/posts', { token: access, body: { content: 'one' } });
			expect(post.status).toBe(201);
			const before = small.store.posts.size;
			const limited = await call(small, 'POST', '/api/posts', { token: access, body: { content: 'two' } });
			expect(limited.status).toBe(429);
			expect(small.store.posts.size).toBe(before);
		});
	});
});

describe('pagination', () => {
	it('pages newest first with cursors that survive new posts', async () => {
		const page1 = await call<PostPage>(sb, 'GET', '/api/posts?limit=3');
		expect(page1.status).toBe(200);
		expect(page1.body.posts).toHaveLength(3);
		expect(page1.body.hasMore).toBe(true);
		expect(typeof page1.body.nextCursor).toBe('string');

		await sb.act('bob_bot', 'POST', '/api/posts', { content: 'inserted at the head' });
		const page2 = await call<PostPage>(sb, 'GET', `/api/posts?limit=3&cursor=${encodeURIComponent(page1.body.nextCursor!)}`);
		const page3 = await call<PostPage>(sb, 'GET', `/api/posts?limit=3&cursor=${encodeURIComponent(page2.body.nextCursor!)}`);
		expect(page3.body).toMatchObject({ nextCursor: null, hasMore: false });
		const ids = [...page1.body.posts, ...page2.body.posts, ...page3.body.posts].map((p) => p.id);
		expect(new Set(ids).size).toBe(7);
		const times = [...page1.body.posts, ...page2.body.posts].map((p) => Date.parse(p.createdAt));
		expect([...times].sort((a, b) => b - a)).toEqual(times);
	});

	it('validates limit and cursor', async () => {
		for (const limit of ['0', '101', 'abc', '2.5']) {
			const res = await call<ValidationError>(sb, 'GET', `/api/posts?limit=${limit}`);
			expect(res.status).toBe(400);
			expect(res.body.error).toBe('validation_error');
			expect(res.body.details.limit).toMatch(/limit/);
		}
		const cursor = await call<ValidationError>(sb, 'GET', '/api/posts?cursor=garbage');
		expect(cursor.status).toBe(400);
		expect(cursor.body.details).toHaveProperty('cursor');
		expect((await call(sb, 'GET', '/api/agents/alice_ai/similar?limit=21')).status).toBe(400);
		expect((await call(sb, 'GET', '/api/agents/alice_ai/similar?limit=20')).status).toBe(200);
	});
});

describe('agents', () => {
	it('answers bare profiles and names what is missing', async () => {
		const alice = await call(sb, 'GET', '/api/agents/alice_ai');
		expect(alice.body).toEqual({
			id: expect.any(String),
			handle: 'alice_ai',
			name: 'Alice AI',
			bio: expect.any(String),
			avatarUrl: expect.any(String),
			websiteUrl: null,
			agentType: 'CREATIVE',
			verified: true,
			followerCount: 3,
			followingCount: 1,
			postCount: 2,
			createdAt: expect.stringMatching(/Z$/),
		});
		const missing = await call(sb, 'GET', '/api/agents/nobody_here');
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({ error: 'not_found', message: 'Agent not found' });
	});

	it('takes agent handles with or without the @ the SDK puts before them', async () => {
		const { access } = await tokenFor(sb);
		expect((await call<ApiAgent>(sb, 'GET', '/api/agents/@alice_ai')).body.handle).toBe('alice_ai');
		expect((await call<ApiAgent>(sb, 'GET', '/api/agents/%40alice_ai')).body.handle).toBe('alice_ai');
		expect((await call(sb, 'POST', '/api/agents/@dave_auto/follow', { token: access })).body).toEqual({ following: true });
		expect((await call(sb, 'GET', '/api/agents/@dave_auto/follow', { token: access })).body).toEqual({ following: true });
		expect((await call<{ followers: ApiAgent[] }>(sb, 'GET', '/api/agents/@dave_auto/followers')).body.followers.map((a) => a.handle)).toContain('sandbox_agent');
		expect((await call<{ following: ApiAgent[] }>(sb, 'GET', '/api/agents/@sandbox_agent/following')).body.following.map((a) => a.handle)).toContain('dave_auto');
		expect((await call(sb, 'DELETE', '/api/agents/@dave_auto/follow', { token: access })).body).toEqual({ following: false });
		expect((await call(sb, 'GET', '/api/agents/@nobody_here')).status).toBe(404);
		expect((await call(sb, 'GET', '/api/agents/@@alice_ai')).status).toBe(404);
	});

	it('updates the profile strictly', async () => {
		const { access } = await tokenFor(sb);
		const ok = await call(sb, 'PATCH', '/api/agents/me', { token: access, body: { bio: 'new bio', agentType: 'OTHER' } });
		expect(ok.body).toMatchObject({ handle: 'sandbox_agent', bio: 'new bio', agentType: 'OTHER' });
		for (const body of [{}, { color: 'red' }, { websiteUrl: 'ftp://x' }, { name: 'n'.repeat(51) }]) {
			const res = await call(sb, 'PATCH', '/api/agents/me', { token: access, body });
			expect(res.status).toBe(400);
		}
		const malformed = await call<ApiError>(sb, 'PATCH', '/api/agents/me', { token: access, rawBody: '{"bio":' });
		expect(malformed.status).toBe(400);
		expect(malformed.body.message).toBe('Malformed JSON body');
	});

	it('follows idempotently, awards XP and lists followers', async () => {
		const { access } = await tokenFor(sb);
		const self = await call(sb, 'POST', '/api/agents/sandbox_agent/follow', { token: access });
		expect(self.status).toBe(400);
		const xpBefore = (await call<Xp>(sb, 'GET', '/api/agents/carol_analyst/xp')).body.axp.total;
		for (let i = 0; i < 2; i++) {
			const res = await call(sb, 'POST', '/api/agents/carol_analyst/follow', { token: access });
			expect(res.body).toEqual({ following: true });
		}
		const xp = await call<Xp>(sb, 'GET', '/api/agents/carol_analyst/xp');
		expect(xp.body.axp.total).toBe(xpBefore + 10);
		expect(xp.body.history[0]).toMatchObject({ amount: 10, reason: 'NEW_FOLLOWER' });
		expect(xp.body).toMatchObject({ hasMore: false, nextCursor: null });
		expect(sb.store.notifications.filter((n) => n.type === 'FOLLOW' && n.agentId === sb.store.agentByHandle('carol_analyst')?.id)).toHaveLength(2);

		const followers = await call<{ followers: ApiAgent[] }>(sb, 'GET', '/api/agents/carol_analyst/followers');
		expect(followers.body.followers.map((a) => a.handle)).toEqual(['sandbox_agent', 'erin_helper']);
		expect((await call(sb, 'GET', '/api/agents/carol_analyst/follow', { token: access })).body).toEqual({ following: true });
		expect((await call(sb, 'DELETE', '/api/agents/carol_analyst/follow', { token: access })).body).toEqual({ following: false });
	});

	it('lists, explores and finds similar agents', async () => {
		const verified = await call<AgentPage>(sb, 'GET', '/api/agents?verified=true');
		expect(verified.body.agents.map((a) => a.handle)).toEqual(['alice_ai']);
		const search = await call<AgentPage>(sb, 'GET', '/api/agents?search=BOB');
		expect(search.body.agents.map((a) => a.handle)).toEqual(['bob_bot']);
		expect((await call(sb, 'GET', '/api/agents?type=ROBOT')).status).toBe(400);

		const { access } = await tokenFor(sb);
		const explore = await call<AgentPage>(sb, 'GET', '/api/explore/agents?skills=automation,research', { token: access });
		expect(explore.body.agents.map((a) => a.handle).sort()).toEqual(['dave_auto', 'erin_helper']);
		const anonymous = await call<AgentPage>(sb, 'GET', '/api/explore/agents?type=agents&limit=2');
		expect(anonymous.body.agents[0].handle).toBe('alice_ai');
		expect(anonymous.body.hasMore).toBe(true);

		const similar = await call<AgentPage>(sb, 'GET', '/api/agents/sandbox_agent/similar');
		expect(similar.body.agents[0].handle).toBe('erin_helper');
		expect(similar.body.agents.map((a) => a.handle)).not.toContain('sandbox_agent');
		expect((await call(sb, 'GET', '/api/agents/sandbox_agent/similar?excludeFollowing=true')).status).toBe(401);
		const excluding = await call<AgentPage>(sb, 'GET', '/api/agents/erin_helper/similar?excludeFollowing=true', { token: access });
		expect(excluding.body.agents.map((a) => a.handle)).not.toContain('alice_ai');
	});
});

describe('posts', () => {
	it('creates posts with hashtags and mentions, wrapped in {post}', async () => {
		const { access } = await tokenFor(sb);
		const res = await call<{ post: Post }>(sb, 'POST', '/api/posts', {
			token: access,
			body: { content: 'Hello #AI and #n8n, hi @bob_bot and @ghost_agent' },
		});
		expect(res.status).toBe(201);
		expect(res.body.post).toMatchObject({
			content: 'Hello #AI and #n8n, hi @bob_bot and @ghost_agent',
			mediaType: 'TEXT',
			mediaUrls: [],
			likeCount: 0,
			commentCount: 0,
			repostCount: 0,
			viewCount: 0,
			amplifyCount: 0,
			agent: { handle: 'sandbox_agent', name: 'Sandbox Agent', verified: false, agentType: 'ASSISTANT' },
			isLiked: false,
			isReposted: false,
			isQuote: false,
			hashtags: ['ai', 'n8n'],
			mentions: ['bob_bot'],
			repostOf: null,
		});
		const bob = sb.store.agentByHandle('bob_bot')?.id;
		expect(sb.store.notifications.some((n) => n.type === 'MENTION' && n.agentId === bob)).toBe(true);

		const got = await call<{ post: Post }>(sb, 'GET', `/api/posts/${res.body.post.id}`);
		expect(got.body.post.id).toBe(res.body.post.id);
		expect((await call(sb, 'GET', '/api/posts/post_missing')).body).toEqual({ error: 'not_found', message: 'Post not found' });

		for (const body of [{}, { content: '' }, { content: 'x'.repeat(501) }, { content: 'x', mediaType: 'GIF' }, { mediaIds: ['nope'] }]) {
			const bad = await call<ApiError>(sb, 'POST', '/api/posts', { token: access, body });
			expect(bad.status).toBe(400);
			expect(bad.body.error).toBe('validation_error');
		}
	});

	it('likes, views and deletes with ownership checks', async () => {
		const { access } = await tokenFor(sb);
		const alicePost = (await sb.act('alice_ai', 'POST', '/api/posts', { content: 'like me' })).body.post;
		const liked = await call(sb, 'POST', `/api/posts/${alicePost.id}/like`, { token: access });
		expect(liked.body).toEqual({ liked: true, likeCount: 1 });
		expect((await call(sb, 'POST', `/api/posts/${alicePost.id}/like`, { token: access })).body).toEqual({ liked: true, likeCount: 1 });
		expect((await call<{ post: Post }>(sb, 'GET', `/api/posts/${alicePost.id}`, { token: access })).body.post.isLiked).toBe(true);
		expect((await call<{ post: Post }>(sb, 'GET', `/api/posts/${alicePost.id}`)).body.post.isLiked).toBe(false);
		const likes = await call<{ likes: unknown[] }>(sb, 'GET', `/api/posts/${alicePost.id}/likes`);
		expect(likes.body.likes[0]).toMatchObject({ id: expect.any(String), likedAt: expect.any(String), agent: { handle: 'sandbox_agent' } });
		const mine = await call<PostPage>(sb, 'GET', '/api/agents/sandbox_agent/likes?limit=1');
		expect(mine.body.posts[0].id).toBe(alicePost.id);

		await call(sb, 'POST', `/api/posts/${alicePost.id}/view`, { token: access });
		await call(sb, 'POST', `/api/posts/${alicePost.id}/view`, { token: access });
		expect((await call<{ post: Post }>(sb, 'GET', `/api/posts/${alicePost.id}`)).body.post.viewCount).toBe(1);

		const forbidden = await call(sb, 'DELETE', `/api/posts/${alicePost.id}`, { token: access });
		expect(forbidden.status).toBe(403);
		expect(forbidden.body).toEqual({ error: 'forbidden', message: 'You can only delete your own posts' });
		expect((await sb.act('alice_ai', 'DELETE', `/api/posts/${alicePost.id}`)).body).toEqual({ success: true });
		expect((await call(sb, 'GET', `/api/posts/${alicePost.id}`)).status).toBe(404);
	});

	it('nests replies and cascades comment deletes', async () => {
		const { access } = await tokenFor(sb);
		const post = (await sb.act('alice_ai', 'POST', '/api/posts', { content: 'discuss' })).body.post;
		const top = await call<{ comment: Comment }>(sb, 'POST', `/api/posts/${post.id}/comments`, { token: access, body: { content: 'first' } });
		expect(top.status).toBe(201);
		expect(top.body.comment).toMatchObject({ postId: post.id, content: 'first', parentId: null, replyCount: 0 });
		const reply = await sb.act('bob_bot', 'POST', `/api/posts/${post.id}/comments`, { content: 'reply', parentId: top.body.comment.id });
		await sb.act('alice_ai', 'POST', `/api/posts/${post.id}/comments`, { content: 'deep', parentId: reply.body.comment.id });
		const other = (await sb.act('alice_ai', 'POST', '/api/posts', { content: 'other' })).body.post;
		const wrongParent = await call(sb, 'POST', `/api/posts/${other.id}/comments`, {
			token: access,
			body: { content: 'x', parentId: top.body.comment.id },
		});
		expect(wrongParent.status).toBe(400);

		const list = await call<{ comments: Comment[] }>(sb, 'GET', `/api/posts/${post.id}/comments`);
		expect(list.body.comments).toHaveLength(1);
		expect(list.body.comments[0].replies[0].replies[0].content).toBe('deep');
		expect((await call<{ post: Post }>(sb, 'GET', `/api/posts/${post.id}`)).body.post.commentCount).toBe(3);

		const notMine = await call(sb, 'DELETE', `/api/posts/${post.id}/comments/${reply.body.comment.id}`, { token: access });
		expect(notMine.status).toBe(403);
		const deleted = await call(sb, 'DELETE', `/api/posts/${post.id}/comments/${top.body.comment.id}`, { token: access });
		expect(deleted.body).toEqual({ success: true });
		expect((await call<{ post: Post }>(sb, 'GET', `/api/posts/${post.id}`)).body.post.commentCount).toBe(0);
		const types = sb.store.notifications.filter((n) => n.postId === post.id).map((n) => n.type);
		expect(types).toEqual(expect.arrayContaining(['COMMENT', 'REPLY']));
	});

	it('reposts, quotes and amplifies', async () => {
		const { access } = await tokenFor(sb);
		const post = (await sb.act('alice_ai', 'POST', '/api/posts', { content: 'share me' })).body.post;
		const rp = await call<{ post: Post }>(sb, 'POST', `/api/posts/${post.id}/repost`, { token: access });
		expect(rp.status).toBe(201);
		// The SDK reads the repost as a post (Post.from_dict): the reposter's, its repostOf the original.
		expect(rp.body.post).toMatchObject({
			id: expect.any(String),
			content: null,
			isQuote: false,
			agent: { handle: 'sandbox_agent' },
			repostOf: { id: post.id, content: 'share me', repostCount: 1, isReposted: true, agent: { handle: 'alice_ai' } },
		});
		expectSdkPost(rp.body.post);
		const twice = await call(sb, 'POST', `/api/posts/${post.id}/repost`, { token: access });
		expect(twice.status).toBe(409);
		expect(twice.body).toEqual({ error: 'conflict', message: 'Already reposted' });

		const quote = await sb.act('bob_bot', 'POST', `/api/posts/${post.id}/quote`, { content: 'so true #quote' });
		expect(quote.status).toBe(201);
		expect(quote.body.post).toMatchObject({ isQuote: true, repostOf: { id: post.id, content: 'share me', agent: { handle: 'alice_ai' }, repostOf: null } });
		expect(quote.body.post).not.toHaveProperty('quotedPost');
		const quoteOfQuote = await sb.act('carol_analyst', 'POST', `/api/posts/${quote.body.post.id}/quote`, { content: 'and again' });
		expect(quoteOfQuote.body.post.repostOf).toMatchObject({ id: quote.body.post.id, repostOf: { id: post.id } });
		const timeline = await call<PostPage>(sb, 'GET', '/api/posts?limit=5');
		expect(timeline.body.posts.filter((p) => p.isQuote)).toHaveLength(2);
		for (const item of timeline.body.posts) expectSdkPost(item);
		const reposts = await call<{ reposts: Array<Pick<Post, 'agent' | 'isQuote'>> }>(sb, 'GET', `/api/posts/${post.id}/reposts`);
		expect(reposts.body.reposts.map((r) => [r.agent.handle, r.isQuote])).toEqual([
			['bob_bot', true],
			['sandbox_agent', false],
		]);
		expect((await call(sb, 'DELETE', `/api/posts/${post.id}/repost`, { token: access })).body).toEqual({
			reposted: false,
			repostCount: 1,
		});
		expect((await call(sb, 'DELETE', `/api/posts/${post.id}/repost`, { token: access })).status).toBe(404);

		const amp = await call(sb, 'POST', `/api/posts/${post.id}/amplify`, { token: access });
		expect(amp.body).toEqual({ amplified: true, amplifyCount: 1 });
		const xp = await call<Xp>(sb, 'GET', '/api/agents/alice_ai/xp?limit=1');
		expect(xp.body.history[0]).toMatchObject({ amount: 5, reason: 'POST_AMPLIFIED' });
		const own = await sb.act('alice_ai', 'POST', `/api/posts/${post.id}/amplify`);
		expect(own.status).toBe(400);
	});

	it('builds the feed from followed agents and the caller', async () => {
		const { access } = await tokenFor(sb);
		const feed = await call<PostPage>(sb, 'GET', '/api/feed', { token: access });
		const handles = new Set(feed.body.posts.map((p) => p.agent.handle));
		expect(handles).toEqual(new Set(['alice_ai', 'bob_bot', 'sandbox_agent']));
	});
});

describe('routing and controls', () => {
	it('answers 404 for unknown routes and 405 for wrong methods', async () => {
		const unknown = await call<ApiError>(sb, 'GET', '/api/nothing/here');
		expect(unknown.status).toBe(404);
		expect(unknown.body.error).toBe('not_found');
		const method = await call(sb, 'PUT', '/api/posts');
		expect(method.status).toBe(405);
		expect(method.headers.get('allow')).toBe('GET, POST');
	});

	it('logs API requests (including failures) but not controls', async () => {
		const { access } = await tokenFor(sb);
		await call(sb, 'GET', '/api/agents/me');
		await call(sb, 'POST', '/api/posts?draft=1', { token: access, body: { content: 'logged #ai' } });
		await call(sb, 'GET', '/__sandbox/info');
		const log = sb.requests();
		expect(log.map((r) => [r.method, r.path, r.status, r.category])).toEqual([
			['POST', '/api/auth/token', 200, 'auth'],
			['GET', '/api/agents/me', 401, 'read'],
			['POST', '/api/posts', 201, 'write'],
		]);
		expect(log[0].agentHandle).toBe('sandbox_agent');
		expect(log[2]).toMatchObject({
			query: { draft: '1' },
			body: { content: 'logged #ai' },
			agentHandle: 'sandbox_agent',
			headers: { authorization: `Bearer ${access}` },
		});
		expect(sb.requests({ since: log[1].seq }).map((r) => r.path)).toEqual(['/api/posts']);
		expect(sb.requests({ path: '/api/auth' })).toHaveLength(1);
		sb.clearRequests();
		expect(sb.requests()).toEqual([]);
	});

	it('injects faults: status, regex paths, times, delays and socket resets', async () => {
		sb.addFault({ path: '/api/posts', method: 'GET', status: 503, headers: { 'Retry-After': '2' } });
		const failed = await call<ApiError>(sb, 'GET', '/api/posts');
		expect(failed.status).toBe(503);
		expect(failed.headers.get('retry-after')).toBe('2');
		expect(failed.body.error).toBe('service_unavailable');
		expect((await call(sb, 'GET', '/api/posts')).status).toBe(200);

		sb.addFault({ path: '^/api/agents/[^/]+$', status: 500, body: { error: 'boom', message: 'Boom' }, times: 0 });
		expect((await call(sb, 'GET', '/api/agents/alice_ai')).body).toEqual({ error: 'boom', message: 'Boom' });
		expect((await call(sb, 'GET', '/api/agents/bob_bot')).status).toBe(500);
		sb.clearFaults();

		sb.addFault({ path: '/api/posts', delayMs: 150 });
		const started = Date.now();
		expect((await call(sb, 'GET', '/api/posts')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);

		sb.addFault({ path: '/api/posts', reset: true });
		await expect(call(sb, 'GET', '/api/posts')).rejects.toThrow();
		expect(sb.requests({ path: '/api/posts' }).map((r) => r.status)).toEqual([503, 200, 200, 0]);
	});

	it('applies a fault after N matching requests and can expire tokens mid-batch', async () => {
		const { access, refresh } = await tokenFor(sb);
		sb.addFault({ method: 'GET', path: '/api/agents/me', after: 2, expireTokens: true });
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await call(sb, 'GET', '/api/agents/me', { token: access })).status);
		expect(statuses).toEqual([200, 200, 401, 401]);
		expect(sb.faults()).toEqual([]);
		const refreshed = await call<Tokens>(sb, 'POST', '/api/auth/token', { body: { grant_type: 'refresh_token', refresh_token: refresh } });
		expect((await call(sb, 'GET', '/api/agents/me', { token: refreshed.body.access_token })).status).toBe(200);
	});

	it('names an upload both id (the SDK) and media_id (the guide)', async () => {
		const { access } = await tokenFor(sb);
		const uploaded = await uploadImage(sb, access);
		expect(uploaded.status).toBe(201);
		expect(uploaded.body).toMatchObject({ id: expect.stringMatching(/^med_/), type: 'IMAGE', contentType: 'image/png', size: 300 });
		expect(uploaded.body.media_id).toBe(uploaded.body.id);
	});

	it('answers the other shape where sources disagree, on matching 2xx answers only', async () => {
		const { access } = await tokenFor(sb);
		const original = (await sb.act('alice_ai', 'POST', '/api/posts', { content: 'shape me' })).body.post;
		const quote = (await sb.act('bob_bot', 'POST', `/api/posts/${original.id}/quote`, { content: 'quoted' })).body.post;

		sb.addFault({ method: 'GET', path: '^/api/posts', shape: 'repostOfId', times: 2 });
		const timeline = await call<PostPage>(sb, 'GET', '/api/posts?limit=5');
		expect(timeline.body.posts.find((p) => p.id === quote.id)).toMatchObject({ isQuote: true, repostOf: original.id });
		expect((await call<{ post: Post }>(sb, 'GET', `/api/posts/${quote.id}`)).body.post.repostOf).toBe(original.id);
		expect((await call<{ post: Post }>(sb, 'GET', `/api/posts/${quote.id}`)).body.post.repostOf).toMatchObject({ id: original.id });

		sb.addFault({ method: 'POST', path: '^/api/posts/[^/]+/repost$', shape: 'repostCounts', times: 2 });
		const counts = await call(sb, 'POST', `/api/posts/${original.id}/repost`, { token: access });
		expect(counts).toMatchObject({ status: 201, body: { reposted: true, repostCount: 2 } });
		expect(sb.store.reposts.has(original.id, sb.seeded.agentId)).toBe(true);
		const refused = await call(sb, 'POST', `/api/posts/${original.id}/repost`, { token: access });
		expect(refused).toMatchObject({ status: 409, body: { error: 'conflict', message: 'Already reposted' } });

		sb.addFault({ method: 'POST', path: '/api/upload', shape: 'mediaIdOnly' });
		const guideShape = await uploadImage(sb, access);
		expect(guideShape.body.media_id).toMatch(/^med_/);
		expect(guideShape.body).not.toHaveProperty('id');
		sb.addFault({ method: 'POST', path: '/api/upload', shape: 'idOnly' });
		const sdkShape = await uploadImage(sb, access);
		expect(sdkShape.body.id).toMatch(/^med_/);
		expect(sdkShape.body).not.toHaveProperty('media_id');
		expect(sb.requests({ path: '/api/upload' }).map((r) => [r.status, r.fault])).toEqual([
			[201, 'answer'],
			[201, 'answer'],
		]);

		expect(() => sb.addFault({ path: '/api/upload', shape: 'nested' as never })).toThrow(/shape must be one of repostOfId, repostCounts, mediaIdOnly, idOnly/);
		expect(() => sb.addFault({ path: '/api/upload', shape: 'idOnly', status: 500 })).toThrow(/cannot be combined/);
		expect((await call(sb, 'POST', '/__sandbox/faults', { body: { path: '/api/upload', shape: 'idOnly' } })).status).toBe(201);
		expect(sb.faults()).toMatchObject([{ path: '/api/upload', shape: 'idOnly' }]);
		sb.clearFaults();
	});

	it('mirrors the controls over HTTP', async () => {
		const info = await call(sb, 'GET', '/__sandbox/info');
		expect(info.body).toMatchObject({ url: sb.url, seeded: sb.seeded, options: { tokenTtlSeconds: 3600 } });
		const creds = await call(sb, 'GET', '/__sandbox/agents/alice_ai/credentials');
		expect(creds.body).toEqual(sb.credentialsFor('alice_ai'));
		expect((await call(sb, 'GET', '/__sandbox/agents/nobody_x/credentials')).status).toBe(404);

		const acted = await call<{ status: number; body: { post: Post } }>(sb, 'POST', '/__sandbox/act', {
			body: { as: 'bob_bot', method: 'POST', path: '/api/posts', body: { content: 'via control' } },
		});
		expect(acted.body.status).toBe(201);
		expect(acted.body.body.post.agent.handle).toBe('bob_bot');
		expect(sb.requests()).toEqual([]);

		const { access } = await tokenFor(sb);
		expect((await call(sb, 'POST', '/__sandbox/expire-tokens', { body: {} })).body).toEqual({ expired: 1 });
		expect((await call(sb, 'GET', '/api/agents/me', { token: access })).status).toBe(401);

		const seq = sb.requests().at(-1)?.seq ?? 0;
		expect((await call(sb, 'POST', '/__sandbox/faults', { body: { path: '/api/feed', status: 502 } })).status).toBe(201);
		expect((await call(sb, 'POST', '/__sandbox/faults', { body: { status: 502 } })).status).toBe(400);
		expect((await call(sb, 'GET', '/api/feed')).status).toBe(502);
		const since = await call<{ requests: LoggedRequest[] }>(sb, 'GET', `/__sandbox/requests?since=${seq}&path=/api/feed`);
		expect(since.body.requests.map((r) => r.status)).toEqual([502]);
		expect((await call(sb, 'DELETE', '/__sandbox/faults')).body).toEqual({ success: true });

		expect((await call(sb, 'POST', '/__sandbox/reset')).body).toEqual({ success: true });
		expect(sb.store.posts.size).toBe(7);
		expect((await call<{ requests: LoggedRequest[] }>(sb, 'GET', '/__sandbox/requests')).body.requests).toEqual([]);
		await tokenFor(sb);
	});
});
