/**
 * Pacing from the service's rate-limit headers, through n8n's engine against the sandbox's real
 * sliding-window limiter (limits and window shortened).
 */
import { apiCalls, createPostParameters as createPost, createTestEnv, tokenCalls, type TestEnv } from './env';
import { rateLimitFault, type LoggedRequest } from './sandbox';

/** The most requests the service counted inside any window of `windowMs`. */
function busiestWindow(requests: LoggedRequest[], windowMs: number): number {
	const counted = requests.filter((r) => r.status !== 429).map((r) => r.time);
	let most = 0;
	for (let i = 0, j = 0; i < counted.length; i++) {
		while (counted[i] - counted[j] >= windowMs) j++;
		most = Math.max(most, i - j + 1);
	}
	return most;
}

/** Posts of an agent with these contents, in the order the service created them. */
function createdContents(env: TestEnv, handle: string): string[] {
	const agent = env.sandbox.store.agentByHandle(handle);
	return [...env.sandbox.store.posts.values()].filter((p) => p.agentId === agent?.id).map((p) => p.content);
}

describe('rate limits', () => {
	const WINDOW_MS = 1500;
	const LIMIT = 4;
	let env: TestEnv;
	beforeAll(async () => {
		env = await createTestEnv({ rateLimits: { write: LIMIT }, rateWindowMs: WINDOW_MS });
	});
	afterAll(async () => await env.close());

	it('paces a batch larger than the limit: every item created once, in item order, without hammering into 429s', async () => {
		const credential = await env.newAgentCredential('pace_single');
		const items = Array.from({ length: 14 }, (_, i) => ({ text: `paced post ${i}` }));
		env.mark();
		const result = await env.run(createPost('={{ $json.text }}'), { credential, items });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.content)).toEqual(items.map((i) => i.text));
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		const writes = apiCalls(env.requestsSinceMark()).filter((r) => r.method === 'POST');
		// Paced, not retried: at most one 429 (a prediction a little early), and each post once, in item order.
		expect(writes.filter((r) => r.status === 429).length).toBeLessThanOrEqual(1);
		expect(writes.filter((r) => r.status === 201)).toHaveLength(items.length);
		expect(busiestWindow(writes, WINDOW_MS)).toBeLessThanOrEqual(LIMIT);
		expect(createdContents(env, 'pace_single')).toEqual(items.map((i) => i.text));
	});

	it('shares one budget between executions of the same agent running at once', async () => {
		const credential = await env.newAgentCredential('pace_shared');
		const batch = (name: string) => Array.from({ length: 6 }, (_, i) => ({ text: `${name} ${i}` }));
		env.mark();
		const [a, b] = await Promise.all([
			env.run(createPost('={{ $json.text }}'), { credential, items: batch('first') }),
			env.run(createPost('={{ $json.text }}'), { credential, items: batch('second') }),
		]);
		expect(a.error ?? b.error).toBeUndefined();
		expect(a.items.map((i) => i.json.content)).toEqual(batch('first').map((i) => i.text));
		expect(b.items.map((i) => i.json.content)).toEqual(batch('second').map((i) => i.text));
		const writes = apiCalls(env.requestsSinceMark()).filter((r) => r.method === 'POST');
		expect(writes.filter((r) => r.status === 429).length).toBeLessThanOrEqual(1);
		expect(busiestWindow(writes, WINDOW_MS)).toBeLessThanOrEqual(LIMIT);
		const created = createdContents(env, 'pace_shared');
		expect([...created].sort()).toEqual([...batch('first'), ...batch('second')].map((i) => i.text).sort());
		// Within each execution, item order.
		for (const name of ['first', 'second']) expect(created.filter((c) => c.startsWith(name))).toEqual(batch(name).map((i) => i.text));
	});

	it('fails the items that would have to wait when Max Wait for Rate Limit is 0, sending nothing for them', async () => {
		const credential = await env.newAgentCredential('pace_no_wait');
		const items = Array.from({ length: 7 }, (_, i) => ({ text: `no wait ${i}` }));
		env.mark();
		const result = await env.run(createPost('={{ $json.text }}', { maxRateLimitWait: 0 }), { credential, items, continueOnFail: true });
		expect(result.items).toHaveLength(7);
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(result.items.slice(0, LIMIT).map((i) => i.json.content)).toEqual(items.slice(0, LIMIT).map((i) => i.text));
		for (const failed of result.items.slice(LIMIT)) {
			expect(String(failed.json.error)).toMatch(/Write requests are rate limited for the next \d+ s, longer than Max Wait for Rate Limit \(0 s\)/);
		}
		const writes = apiCalls(env.requestsSinceMark()).filter((r) => r.method === 'POST');
		expect(writes.map((r) => r.status)).toEqual(Array(LIMIT).fill(201));
	});
});

describe('429 answers', () => {
	let env: TestEnv;
	beforeAll(async () => {
		env = await createTestEnv();
	});
	afterAll(async () => await env.close());
	afterEach(() => env.sandbox.clearFaults());

	const rateLimited = (seconds: number) => rateLimitFault('read', seconds);

	// Every test acts as an agent of its own: the rate-limit budget of an agent is shared by the whole process.
	it('waits as long as Retry-After says and sends the refused request again (it had no effect)', async () => {
		const credential = await env.newAgentCredential('wait_retry_after');
		env.sandbox.addFault({ method: 'GET', path: '/api/agents/bob_bot', times: 1, ...rateLimited(1) });
		env.mark();
		const result = await env.run({ resource: 'agent', operation: 'get', handle: { __rl: true, mode: 'handle', value: 'bob_bot' } }, { credential });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.handle).toBe('bob_bot');
		const calls = apiCalls(env.requestsSinceMark());
		expect(calls.map((c) => c.status)).toEqual([429, 200]);
		expect(calls[1].time - calls[0].time).toBeGreaterThanOrEqual(950);
	});

	it('fails at once when Retry-After is longer than Max Wait for Rate Limit, for every read of the agent', async () => {
		const credential = await env.newAgentCredential('wait_too_long');
		env.sandbox.addFault({ method: 'GET', path: '/api/agents/bob_bot', times: 1, ...rateLimited(300) });
		env.mark();
		const started = Date.now();
		const result = await env.run(
			{ resource: 'agent', operation: 'get', handle: { __rl: true, mode: 'handle', value: '={{ $json.h }}' } },
			{ credential, items: [{ h: 'bob_bot' }, { h: 'alice_ai' }], continueOnFail: true },
		);
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		// The service blocked the agent's reads for 300 s: alice_ai is not sent into a 429 either.
		for (const item of result.items) {
			expect(String(item.json.error)).toMatch(/Read requests are rate limited for the next (299|300) s, longer than Max Wait for Rate Limit \(120 s\)/);
		}
		expect(apiCalls(env.requestsSinceMark()).map((c) => c.status)).toEqual([429]);
	});

	it('gives up on a request the service keeps refusing, after 6 refusals and Max Wait for Rate Limit, with the service message', async () => {
		const credential = await env.newAgentCredential('refused_forever');
		env.sandbox.addFault({ method: 'GET', path: '/api/agents/carol_creates', times: 0, ...rateLimited(1) });
		env.mark();
		const result = await env.run(
			{ resource: 'agent', operation: 'get', handle: { __rl: true, mode: 'handle', value: 'carol_creates' }, requestOptions: { maxRateLimitWait: 3 } },
			{ credential, continueOnFail: true },
		);
		expect(String(result.items[0].json.error)).toMatch(/Rate limit exceeded for read requests/);
		expect(apiCalls(env.requestsSinceMark()).filter((c) => c.status === 429)).toHaveLength(6);
	});

	it('keeps sending a refused request while its refusals last less than Max Wait for Rate Limit (others sharing the agent win the slots)', async () => {
		const credential = await env.newAgentCredential('outraced');
		env.sandbox.addFault({ method: 'GET', path: '/api/agents/bob_bot', times: 8, ...rateLimited(1) });
		env.mark();
		const result = await env.run({ resource: 'agent', operation: 'get', handle: { __rl: true, mode: 'handle', value: 'bob_bot' } }, { credential });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.handle).toBe('bob_bot');
		expect(apiCalls(env.requestsSinceMark()).map((c) => c.status)).toEqual([...Array(8).fill(429), 200]);
	});

	it('waits out a 429 of the token endpoint instead of failing the run', async () => {
		const credential = await env.newAgentCredential('token_limited');
		env.sandbox.addFault({ method: 'POST', path: '/api/auth/token', times: 1, ...rateLimitFault('auth', 1) });
		env.mark();
		const result = await env.run({ resource: 'agent', operation: 'getMe' }, { credential, items: [{}, {}, {}] });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.handle)).toEqual(['token_limited', 'token_limited', 'token_limited']);
		expect(tokenCalls(env.requestsSinceMark()).map((c) => c.status)).toEqual([429, 200]);
	});

	it('says the token endpoint is rate limited when its wait is too long', async () => {
		const credential = await env.newAgentCredential('token_limited_long');
		env.sandbox.addFault({ method: 'POST', path: '/api/auth/token', times: 1, ...rateLimitFault('auth', 600) });
		const result = await env.run({ resource: 'agent', operation: 'getMe' }, { credential });
		expect(result.error?.message).toMatch(/Token requests are rate limited for the next 600 s, longer than Max Wait for Rate Limit \(120 s\)/);
		expect(result.error?.description).toMatch(/10 token requests a minute/);
	});
});
