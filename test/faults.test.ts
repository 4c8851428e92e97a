/**
 * What the node does when the network or the service fails, through n8n's engine against the
 * sandbox's fault injection: reads are tried again, a write is never sent twice and says it may
 * have been applied when its outcome is unknown, a 2xx without the expected JSON is an error.
 */
import { apiCalls, createPostParameters as createPost, createTestEnv, locator, tokenCalls, type TestEnv } from './env';

const getPost = (postId: string) => ({ resource: 'post', operation: 'get', postId: locator(postId) });
const MAY_HAVE = /it may have been applied/;

describe('faults', () => {
	let env: TestEnv;
	let postId: string;

	beforeAll(async () => {
		env = await createTestEnv();
		postId = (await env.act('alice_ai', 'POST', '/api/posts', { content: 'a post to read' })).post.id;
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());
	afterEach(() => env.sandbox.clearFaults());

	/** Posts of the seeded agent with this content. */
	const postsWith = (content: string) => [...env.sandbox.store.posts.values()].filter((p) => p.content === content);

	describe('reads are tried again', () => {
		it('after 5xx answers', async () => {
			env.sandbox.addFault({ method: 'GET', path: `/api/posts/${postId}`, status: 503, times: 2 });
			const result = await env.run(getPost(postId));
			expect(result.error).toBeUndefined();
			expect(result.items[0].json.id).toBe(postId);
			expect(apiCalls(env.requestsSinceMark()).map((c) => c.status)).toEqual([503, 503, 200]);
		});

		it('after a connection reset and a garbled answer', async () => {
			env.sandbox.addFault({ method: 'GET', path: `/api/posts/${postId}`, reset: true, times: 1 });
			env.sandbox.addFault({ method: 'GET', path: `/api/posts/${postId}`, status: 200, body: '<html>maintenance</html>', headers: { 'Content-Type': 'text/html' }, times: 1 });
			const result = await env.run(getPost(postId));
			expect(result.error).toBeUndefined();
			expect(apiCalls(env.requestsSinceMark()).map((c) => c.status)).toEqual([0, 200, 200]);
		});

		it('and fail with a clear error, nothing changed, when the failure lasts', async () => {
			env.sandbox.addFault({ method: 'GET', path: `/api/posts/${postId}`, status: 502, body: 'Bad Gateway', times: 4 });
			const result = await env.run(getPost(postId));
			expect(result.error?.message).toBe('ImagineAnything answered 502');
			expect(result.error?.description).toMatch(/tried 4 time\(s\)\. Nothing was changed\. Try again later\. The answer began with: "Bad Gateway"\./);
			expect(apiCalls(env.requestsSinceMark())).toHaveLength(4);
		});
	});

	describe('a write is never sent twice', () => {
		it('a 502 after the service created the post: one POST, the post exists once, the error says it may have been applied', async () => {
			env.sandbox.addFault({ method: 'POST', path: '/api/posts', stage: 'answer', status: 502, body: '<html>Bad Gateway</html>' });
			const result = await env.run(createPost('made behind a 502'));
			expect(apiCalls(env.requestsSinceMark()).map((c) => [c.status, c.handledStatus])).toEqual([[502, 201]]);
			expect(postsWith('made behind a 502')).toHaveLength(1);
			expect(result.error?.message).toBe('ImagineAnything answered 502 to "Create a post": it may have been applied');
			expect(result.error?.description).toMatch(/Check on ImagineAnything whether it happened before running this item again/);
			expect(result.error?.description).toMatch(/"Retry On Fail" would: keep it off/);
		});

		it('a connection reset after the service created the post', async () => {
			env.sandbox.addFault({ method: 'POST', path: '/api/posts', stage: 'answer', reset: true });
			const result = await env.run(createPost('made behind a reset'));
			expect(apiCalls(env.requestsSinceMark()).map((c) => [c.status, c.handledStatus])).toEqual([[0, 201]]);
			expect(postsWith('made behind a reset')).toHaveLength(1);
			expect(result.error?.message).toMatch(/No answer from ImagineAnything to "Create a post".*: it may have been applied/);
		});

		it('an answer cut off halfway', async () => {
			env.sandbox.addFault({ method: 'POST', path: '/api/posts', stage: 'answer', truncate: true });
			const result = await env.run(createPost('made behind a cut answer'));
			expect(apiCalls(env.requestsSinceMark())).toHaveLength(1);
			expect(postsWith('made behind a cut answer')).toHaveLength(1);
			expect(result.error?.message).toMatch(MAY_HAVE);
		});

		it('an answer slower than the Timeout option', async () => {
			env.sandbox.addFault({ method: 'POST', path: '/api/posts', stage: 'answer', delayMs: 1500 });
			const result = await env.run(createPost('made behind a slow answer', { timeout: 500 }));
			expect(result.error?.message).toMatch(/No answer from ImagineAnything to "Create a post" \(no answer in time\): it may have been applied/);
			await new Promise((resolve) => setTimeout(resolve, 1200));
			expect(apiCalls(env.requestsSinceMark())).toHaveLength(1);
			expect(postsWith('made behind a slow answer')).toHaveLength(1);
		});

		it('a 2xx that is not JSON, empty, or null', async () => {
			for (const body of ['<html>OK</html>', '', 'null']) {
				env.mark();
				env.sandbox.addFault({ method: 'POST', path: '/api/posts', stage: 'answer', status: 201, body, headers: { 'Content-Type': 'text/html' } });
				const result = await env.run(createPost(`garbled answer ${JSON.stringify(body)}`));
				expect(result.error?.message).toMatch(/ImagineAnything answered 201 to "Create a post" without (the expected JSON|a JSON object): it may have been applied/);
				expect(result.items).toHaveLength(0);
				expect(apiCalls(env.requestsSinceMark())).toHaveLength(1);
			}
		});

		it('is sent again when it never left (connection refused), and says nothing was changed when it keeps failing', async () => {
			const dead = env.harness.addCredential('http://127.0.0.1:9', env.sandbox.seeded.clientId, env.sandbox.seeded.clientSecret);
			const result = await env.run(createPost('never sent'), { credential: dead });
			expect(result.error?.message).toBe('Could not reach ImagineAnything at http://127.0.0.1:9 to get an access token');
			expect(result.error?.description).toMatch(/Connection refused, ECONNREFUSED\. The node tried 4 times\. Nothing was changed/);
		});
	});

	describe('a 2xx without the JSON the operation needs is an error', () => {
		it('a list answer without a list, rather than 0 items', async () => {
			env.sandbox.addFault({ method: 'GET', path: '/api/posts', status: 200, body: { unexpected: true }, times: 4 });
			const result = await env.run({ resource: 'post', operation: 'getTimeline', limit: 5 });
			expect(result.error?.message).toBe('ImagineAnything answered 200 without a list of posts');
			expect(result.items).toHaveLength(0);
			expect(apiCalls(env.requestsSinceMark())).toHaveLength(4);
		});

		it('a read answered with JSON null is asked again, then fails; Continue On Fail keeps the other items, paired', async () => {
			const other = (await env.act('alice_ai', 'POST', '/api/posts', { content: 'another post to read' })).post.id;
			env.sandbox.addFault({ method: 'GET', path: `/api/posts/${postId}`, status: 200, body: 'null', headers: { 'Content-Type': 'application/json' }, times: 4 });
			const result = await env.run(
				{ resource: 'post', operation: 'get', postId: locator('={{ $json.id }}') },
				{ items: [{ id: postId }, { id: other }], continueOnFail: true },
			);
			expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect(String(result.items[0].json.error)).toBe('ImagineAnything answered 200 without a JSON object');
			expect(result.items[1].json.id).toBe(other);
			expect(apiCalls(env.requestsSinceMark()).filter((c) => c.path === `/api/posts/${postId}`)).toHaveLength(4);
		});
	});
});

describe('the token, stored by n8n', () => {
	let env: TestEnv;
	beforeAll(async () => {
		env = await createTestEnv();
	});
	afterAll(async () => await env.close());

	const getMe = { resource: 'agent', operation: 'getMe' };

	it('is written to the credential once per new token, not once per item', async () => {
		const credential = await env.newAgentCredential('stored_once');
		const writes = env.harness.credentials.storeWrites;
		env.mark();
		const result = await env.run(getMe, { credential, items: Array.from({ length: 40 }, () => ({})) });
		expect(result.items.filter((i) => i.json.handle === 'stored_once')).toHaveLength(40);
		expect(tokenCalls(env.requestsSinceMark())).toHaveLength(1);
		expect(env.harness.credentials.storeWrites - writes).toBe(1);
		const stored = env.harness.credentials.data(credential.id as string);
		expect(stored.accessToken).toMatch(/^iat_/);
		expect(Number(stored.expiresAt)).toBeGreaterThan(Date.now() + 50 * 60_000);
		await env.run(getMe, { credential, items: [{}, {}] });
		expect(env.harness.credentials.storeWrites - writes).toBe(1);
	});

	it('is used by a process that starts without one in memory (a restart, another worker)', async () => {
		const other = await env.newAgentCredential('stored_elsewhere');
		const { clientId, clientSecret } = env.harness.credentials.data(other.id as string);
		// What another n8n process stored: its own token for this agent.
		const token = await fetch(`${env.sandbox.url}/api/auth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
		}).then(async (r) => (await r.json()) as { access_token: string });
		const { fingerprintOf } = await import('../package/nodes/ImagineAnything/transport/token');
		const stored = { baseUrl: env.sandbox.url, clientId, clientSecret };
		const credential = env.harness.credentials.add({ ...stored, accessToken: token.access_token, expiresAt: Date.now() + 3_000_000, issuedFor: fingerprintOf(stored) });
		env.mark();
		const result = await env.run(getMe, { credential, items: [{}, {}, {}] });
		expect(result.items.map((i) => i.json.handle)).toEqual(['stored_elsewhere', 'stored_elsewhere', 'stored_elsewhere']);
		expect(tokenCalls(env.requestsSinceMark())).toHaveLength(0);
		expect(apiCalls(env.requestsSinceMark()).every((c) => c.headers.authorization === `Bearer ${token.access_token}`)).toBe(true);
	});

	it('is not used for other credential values, or once expired', async () => {
		const agent = await env.newAgentCredential('stored_mismatch');
		const { clientId, clientSecret } = env.harness.credentials.data(agent.id as string);
		const { fingerprintOf } = await import('../package/nodes/ImagineAnything/transport/token');
		const values = { baseUrl: env.sandbox.url, clientId, clientSecret };
		for (const stored of [
			{ accessToken: 'iat_for_another_secret', expiresAt: Date.now() + 3_000_000, issuedFor: fingerprintOf({ ...values, clientSecret: 'old secret' }) },
			{ accessToken: 'iat_expired', expiresAt: Date.now() - 1000, issuedFor: fingerprintOf(values) },
		]) {
			const credential = env.harness.credentials.add({ ...values, ...stored });
			env.mark();
			const result = await env.run(getMe, { credential });
			expect(result.items[0].json.handle).toBe('stored_mismatch');
			expect(apiCalls(env.requestsSinceMark()).map((c) => c.status)).toEqual([200]);
		}
	});
});
