import { apiCalls, createTestEnv, locator, type TestEnv } from './env';

const createPost = (content: string) => ({ resource: 'post', operation: 'create', content, additionalFields: {} });

describe('rate limits', () => {
	describe('a short window', () => {
		let env: TestEnv;
		beforeAll(async () => {
			env = await createTestEnv({ rateLimits: { write: 3 }, rateWindowMs: 1000 });
		});
		afterAll(async () => await env.close());

		it('waits out 429 answers and creates every post exactly once', async () => {
			const items = Array.from({ length: 6 }, (_, i) => ({ text: `rate limited post ${i}` }));
			env.mark();
			const started = Date.now();
			const result = await env.run(createPost('={{ $json.text }}'), { items });
			expect(result.error).toBeUndefined();
			expect(result.items.map((i) => i.json.content)).toEqual(items.map((i) => i.text));
			const calls = apiCalls(env.requestsSinceMark());
			const rejected = calls.filter((c) => c.status === 429);
			expect(rejected.length).toBeGreaterThan(0);
			expect(calls.filter((c) => c.status === 201)).toHaveLength(6);
			expect(Date.now() - started).toBeGreaterThanOrEqual(900);
			// Each post exists once: a rejected request had no effect and was the only one repeated.
			const timeline = await env.sandbox.act('alice_ai', 'GET', '/api/posts?limit=100');
			const contents = (timeline.body.posts as Array<{ content: string }>).map((p) => p.content);
			for (const item of items) expect(contents.filter((c) => c === item.text)).toHaveLength(1);
		});

		it('gives up after three waits with a clear error that keeps the other items', async () => {
			env.sandbox.addFault({
				method: 'GET',
				path: '/api/agents/bob_bot',
				status: 429,
				headers: { 'Retry-After': '1' },
				body: { error: 'rate_limit_exceeded', message: 'Rate limit exceeded for read requests. Try again in 1 seconds.', retryAfter: 1 },
				times: 0,
			});
			env.mark();
			const items = [{ h: 'alice_ai' }, { h: 'bob_bot' }];
			const result = await env.run(
				{ resource: 'agent', operation: 'get', handle: locator('={{ $json.h }}', 'handle') },
				{ items, continueOnFail: true },
			);
			env.sandbox.clearFaults();
			expect(result.items[0].json.handle).toBe('alice_ai');
			expect(String(result.items[1].json.error)).toMatch(/Rate limit exceeded/);
			const bobCalls = apiCalls(env.requestsSinceMark()).filter((c) => c.path === '/api/agents/bob_bot');
			expect(bobCalls).toHaveLength(4);
		});
	});

	it('does not wait when the service asks for longer than a minute', async () => {
		const env = await createTestEnv({ rateLimits: { write: 1 }, rateWindowMs: 120_000 });
		try {
			env.mark();
			const started = Date.now();
			const result = await env.run(createPost('={{ $json.text }}'), {
				items: [{ text: 'first' }, { text: 'second' }],
				continueOnFail: true,
			});
			expect(Date.now() - started).toBeLessThan(5000);
			const [ok, failed] = result.items;
			expect(ok.json.content ?? failed.json.content).toBeDefined();
			const errorItem = [ok, failed].find((i) => i.json.error);
			expect(String(errorItem?.json.error)).toMatch(/Rate limit exceeded/);
			expect(apiCalls(env.requestsSinceMark()).filter((c) => c.status === 429)).toHaveLength(1);
		} finally {
			await env.close();
		}
	});
});
