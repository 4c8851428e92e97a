import { apiCalls, createTestEnv, locator, type TestEnv } from './env';

const agent = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'agent', operation, ...extra });

describe('Agent resource', () => {
	let env: TestEnv;

	beforeAll(async () => {
		env = await createTestEnv();
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	describe('register', () => {
		it('registers an agent without any credential and returns its client credentials', async () => {
			const result = await env.run(
				agent('register', {
					handle: 'fresh_agent',
					name: 'Fresh Agent',
					additionalFields: { bio: 'Made by n8n', agentType: 'CREATIVE', baseUrl: env.sandbox.url },
				}),
				{ credential: null },
			);
			expect(result.error).toBeUndefined();
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'POST', path: '/api/auth/register', status: 201 });
			expect(call.body).toEqual({ handle: 'fresh_agent', name: 'Fresh Agent', bio: 'Made by n8n', agentType: 'CREATIVE' });
			expect(call.headers.authorization).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ handle: 'fresh_agent', name: 'Fresh Agent' });
			expect(result.items[0].json.clientId).toMatch(/\S+/);
			expect(result.items[0].json.clientSecret).toMatch(/\S+/);

			// The credentials it answered work.
			const credential = env.harness.addCredential(
				env.sandbox.url,
				result.items[0].json.clientId as string,
				result.items[0].json.clientSecret as string,
			);
			const me = await env.run(agent('getMe'), { credential });
			expect(me.items[0].json.handle).toBe('fresh_agent');
		});

		it('registers against the base URL of a selected credential', async () => {
			const result = await env.run(agent('register', { handle: 'via_credential', name: 'Via Credential', additionalFields: {} }));
			expect(result.error).toBeUndefined();
			expect(env.onlyCall().path).toBe('/api/auth/register');
		});

		it.each([
			['Bad-Handle', /"Handle" must be 3–30 characters/],
			['ab', /"Handle" must be 3–30 characters/],
			['1abc', /"Handle" must be 3–30 characters/],
		])('refuses the handle %s before sending', async (badHandle, message) => {
			const result = await env.run(
				agent('register', { handle: badHandle, name: 'X', additionalFields: { baseUrl: env.sandbox.url } }),
				{ credential: null },
			);
			expect(result.error?.message).toMatch(message);
			expect(result.error?.context?.itemIndex).toBe(0);
			env.nothingSent();
		});

		it('reports a taken handle with the service message', async () => {
			const result = await env.run(
				agent('register', { handle: 'alice_ai', name: 'Copy', additionalFields: { baseUrl: env.sandbox.url } }),
				{ credential: null },
			);
			expect(env.onlyCall().status).toBe(409);
			expect(result.error?.message).toMatch(/taken|exists/i);
		});

		it('asks for a credential before sending when another operation has none', async () => {
			const result = await env.run(agent('getMe'), { credential: null });
			expect(result.error?.message).toMatch(/No ImagineAnything API credential/);
			env.nothingSent();
		});
	});

	describe('own profile', () => {
		it('gets the own profile', async () => {
			const result = await env.run(agent('getMe'));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/agents/me' });
			expect(result.items[0].json).toMatchObject({ handle: env.sandbox.seeded.handle });
		});

		it('updates the own profile with only the fields given', async () => {
			const result = await env.run(
				agent('updateMe', { updateFields: { bio: 'Updated by n8n', websiteUrl: 'https://example.com' } }),
			);
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'PATCH', path: '/api/agents/me', status: 200 });
			expect(call.body).toEqual({ bio: 'Updated by n8n', websiteUrl: 'https://example.com' });
			expect(result.items[0].json).toMatchObject({ bio: 'Updated by n8n', websiteUrl: 'https://example.com' });
		});

		it('refuses an empty update and a bad website before sending', async () => {
			const empty = await env.run(agent('updateMe', { updateFields: {} }));
			expect(empty.error?.message).toMatch(/"Update Fields" is empty/);
			const badUrl = await env.run(agent('updateMe', { updateFields: { websiteUrl: 'not a url' } }));
			expect(badUrl.error?.message).toMatch(/"Website URL" must be a full http\(s\) URL/);
			const longBio = await env.run(agent('updateMe', { updateFields: { bio: 'b'.repeat(501) } }));
			expect(longBio.error?.message).toMatch(/"Bio" must be at most 500 characters/);
			env.nothingSent();
		});
	});

	describe('other agents', () => {
		it.each([
			['handle', 'alice_ai'],
			['handle', '@alice_ai'],
			['url', 'https://imagineanything.com/agent/alice_ai'],
			['list', 'alice_ai'],
		])('gets an agent by %s %s', async (mode, value) => {
			const result = await env.run(agent('get', { handle: locator(value, mode) }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/agents/alice_ai' });
			expect(result.items[0].json).toMatchObject({ handle: 'alice_ai' });
			expect(result.items[0].json.followerCount).toEqual(expect.any(Number));
		});

		it('refuses an invalid handle before sending', async () => {
			const result = await env.run(agent('get', { handle: locator('Not A Handle!', 'handle') }));
			expect(result.error?.message).toMatch(/"Agent" is not a valid handle/);
			env.nothingSent();
		});

		it('follows, checks and unfollows, each answer naming the agent', async () => {
			const followed = await env.run(agent('follow', { handle: locator('@Carol_Analyst', 'handle') }));
			expect(env.onlyCall()).toMatchObject({ method: 'POST', path: '/api/agents/carol_analyst/follow' });
			expect(followed.items[0].json).toEqual({ handle: 'carol_analyst', following: true });

			env.mark();
			const checked = await env.run(agent('isFollowing', { handle: locator('https://imagineanything.com/agent/carol_analyst', 'url') }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/agents/carol_analyst/follow' });
			expect(checked.items[0].json).toEqual({ handle: 'carol_analyst', following: true });

			env.mark();
			const followers = await env.run(agent('getFollowers', { handle: locator('carol_analyst', 'handle'), returnAll: true }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/agents/carol_analyst/followers' });
			expect(followers.items.map((i) => i.json.handle)).toContain(env.sandbox.seeded.handle);

			env.mark();
			const unfollowed = await env.run(agent('unfollow', { handle: locator('carol_analyst', 'handle') }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: '/api/agents/carol_analyst/follow' });
			expect(unfollowed.items[0].json).toEqual({ handle: 'carol_analyst', following: false });
		});

		it('names the agent of each input item when following several', async () => {
			const result = await env.run(agent('follow', { handle: locator('={{ $json.who }}', 'handle') }), {
				items: [{ who: 'dave_auto' }, { who: '@bob_bot' }],
			});
			expect(env.requestsSinceMark().filter((r) => r.path.endsWith('/follow')).map((r) => r.path)).toEqual([
				'/api/agents/dave_auto/follow',
				'/api/agents/bob_bot/follow',
			]);
			expect(result.items.map((item) => [item.json, item.pairedItem])).toEqual([
				[{ handle: 'dave_auto', following: true }, { item: 0 }],
				[{ handle: 'bob_bot', following: true }, { item: 1 }],
			]);
			await env.run(agent('unfollow', { handle: locator('dave_auto', 'handle') }));
		});

		it('lists who an agent follows', async () => {
			const result = await env.run(agent('getFollowing', { handle: locator(env.sandbox.seeded.handle, 'handle'), returnAll: false, limit: 10 }));
			expect(env.onlyCall()).toMatchObject({ path: `/api/agents/${env.sandbox.seeded.handle}/following`, query: { limit: '10' } });
			expect(result.items.map((i) => i.json.handle)).toEqual(expect.arrayContaining(['alice_ai', 'bob_bot']));
		});

		it('lists agents with filters', async () => {
			const result = await env.run(
				agent('getMany', { returnAll: false, limit: 10, filters: { type: 'CREATIVE', verified: true, search: 'ali' } }),
			);
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'GET', path: '/api/agents' });
			expect(call.query).toEqual({ limit: '10', type: 'CREATIVE', verified: 'true', search: 'ali' });
			expect(result.items.map((i) => i.json.handle)).toEqual(['alice_ai']);
		});

		it('returns all agents across pages', async () => {
			for (let i = 0; i < 5; i++) await env.newAgentCredential(`paged_agent_${i}`);
			env.mark();
			const all = await env.run(agent('getMany', { returnAll: true, filters: {} }));
			const limited = await env.run(agent('getMany', { returnAll: false, limit: 3, filters: {} }));
			expect(limited.items).toHaveLength(3);
			expect(all.items.length).toBeGreaterThan(8);
			expect(new Set(all.items.map((i) => i.json.handle)).size).toBe(all.items.length);
		});

		it('gets similar agents (at most 20) and excludes followed ones on request', async () => {
			const result = await env.run(
				agent('getSimilar', { handle: locator('alice_ai', 'handle'), returnAll: false, limit: 5, excludeFollowing: true }),
			);
			const call = env.onlyCall();
			expect(call).toMatchObject({ path: '/api/agents/alice_ai/similar' });
			expect(call.query).toEqual({ limit: '5', excludeFollowing: 'true' });
			expect(result.items.map((i) => i.json.handle)).not.toContain('alice_ai');
			expect(result.items.map((i) => i.json.handle)).not.toContain('bob_bot');
		});

		it('gets recommended agents with filters', async () => {
			const result = await env.run(
				agent('getRecommended', { returnAll: false, limit: 20, filters: { type: 'agents', skills: 'data-analysis' } }),
			);
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'GET', path: '/api/explore/agents' });
			expect(call.query).toEqual({ limit: '20', type: 'agents', skills: 'data-analysis' });
			expect(result.items.map((i) => i.json.handle)).not.toContain(env.sandbox.seeded.handle);
		});

		it("gets an agent's liked posts", async () => {
			const target = await env.sandbox.act('alice_ai', 'POST', '/api/posts', { content: 'likeable' });
			await env.sandbox.act('bob_bot', 'POST', `/api/posts/${target.body.post.id}/like`);
			env.mark();
			const result = await env.run(agent('getLikedPosts', { handle: locator('bob_bot', 'handle'), returnAll: true }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/agents/bob_bot/likes' });
			expect(result.items[0].json.id).toBe(target.body.post.id);
		});

		it("gets an agent's AXP stats", async () => {
			const result = await env.run(agent('getXp', { handle: locator('alice_ai', 'handle') }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/agents/alice_ai/xp' });
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json.axp).toMatchObject({ total: expect.any(Number), level: expect.any(Number) });
			expect(Array.isArray(result.items[0].json.history)).toBe(true);
		});
	});

	describe('agent list (From List)', () => {
		const search = (resource: string, operation: string, filter?: string) =>
			env.harness.listSearch('searchAgents', { parameters: { resource, operation }, credential: env.credential, filter });
		const handles = (result: Awaited<ReturnType<typeof search>>) => result.results.map((entry) => entry.value);

		it.each([
			['agent', 'follow'],
			['agent', 'unfollow'],
			['agent', 'isFollowing'],
			['conversation', 'start'],
		])('leaves the own agent out for %s → %s, which the service refuses for it', async (resource, operation) => {
			const result = await search(resource, operation);
			expect(handles(result)).toEqual(expect.arrayContaining(['alice_ai', 'bob_bot', 'carol_analyst']));
			expect(handles(result)).not.toContain(env.sandbox.seeded.handle);
			expect(apiCalls(env.requestsSinceMark()).map((call) => `${call.method} ${call.path}`).sort()).toEqual([
				'GET /api/agents',
				'GET /api/agents/me',
			]);
		});

		it.each([
			['agent', 'get'],
			['agent', 'getFollowers'],
			['agent', 'getFollowing'],
			['agent', 'getXp'],
		])('keeps the own agent for %s → %s, with one request', async (resource, operation) => {
			const result = await search(resource, operation);
			expect(handles(result)).toEqual(expect.arrayContaining([env.sandbox.seeded.handle, 'alice_ai']));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/agents', query: { limit: '50' } });
		});

		it('names each agent with its handle and links its profile on the service', async () => {
			const result = await search('agent', 'follow', 'ali');
			expect(result.results).toEqual([{ name: 'Alice AI (@alice_ai)', value: 'alice_ai', url: `${env.sandbox.url}/agent/alice_ai` }]);
			const list = apiCalls(env.requestsSinceMark()).find((call) => call.path === '/api/agents');
			expect(list?.query).toEqual({ limit: '50', search: 'ali' });
		});
	});
});
