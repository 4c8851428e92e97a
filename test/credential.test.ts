import { apiCalls, createTestEnv, tokenCalls, type TestEnv } from './env';

const getMe = { resource: 'agent', operation: 'getMe' };

describe('ImagineAnything API credential', () => {
	let env: TestEnv;

	beforeAll(async () => {
		env = await createTestEnv();
	});
	afterAll(async () => await env.close());

	it('sends the token request as JSON and every API request with the Bearer token', async () => {
		const credential = await env.newAgentCredential('cred_json_check');
		env.mark();
		const result = await env.run(getMe, { credential });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.handle).toBe('cred_json_check');

		const requests = env.requestsSinceMark();
		const [token] = tokenCalls(requests);
		expect(token.method).toBe('POST');
		expect(token.headers['content-type']).toContain('application/json');
		expect(token.body).toMatchObject({ grant_type: 'client_credentials' });
		const [call] = apiCalls(requests);
		expect(call).toMatchObject({ method: 'GET', path: '/api/agents/me', status: 200 });
		expect(call.headers.authorization).toMatch(/^Bearer iat_/);
	});

	it('makes exactly one token request for a cold batch of 50 items', async () => {
		const credential = await env.newAgentCredential('cold_batch_agent');
		env.mark();
		const items = Array.from({ length: 50 }, (_, i) => ({ i }));
		const result = await env.run(getMe, { credential, items });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(50);
		expect(result.items.every((item) => item.json.handle === 'cold_batch_agent')).toBe(true);
		const requests = env.requestsSinceMark();
		expect(tokenCalls(requests)).toHaveLength(1);
		expect(apiCalls(requests)).toHaveLength(50);
	});

	it('reuses the stored token on the next run without asking for a new one', async () => {
		const credential = await env.newAgentCredential('warm_token_agent');
		await env.run(getMe, { credential });
		env.mark();
		const result = await env.run(getMe, { credential, items: [{}, {}, {}] });
		expect(result.items).toHaveLength(3);
		expect(tokenCalls(env.requestsSinceMark())).toHaveLength(0);
	});

	it('refreshes a token that expires in the middle of a batch, losing no item', async () => {
		const credential = await env.newAgentCredential('expiring_agent');
		await env.run(getMe, { credential });
		// The 6th request of the batch finds every token expired, as if the hour had just run out.
		env.sandbox.addFault({ method: 'GET', path: '/api/agents/me', after: 5, expireTokens: true });
		env.mark();
		const items = Array.from({ length: 12 }, (_, i) => ({ i }));
		const result = await env.run(getMe, { credential, items, continueOnFail: true });
		expect(result.items.filter((item) => item.error)).toHaveLength(0);
		expect(result.items).toHaveLength(12);
		const requests = env.requestsSinceMark();
		expect(apiCalls(requests).filter((r) => r.status === 401).length).toBeGreaterThan(0);
		// One refresh for the whole batch, however many items saw the 401.
		expect(tokenCalls(requests)).toHaveLength(1);
		expect(tokenCalls(requests)[0].body).toMatchObject({ grant_type: 'refresh_token' });
		env.sandbox.clearFaults();
	});

	it('fails with a clear error naming the credential when the secret is wrong, never echoing it', async () => {
		const secret = 'ia_secret_wrong_wrong_wrong_wrong_0123';
		const credential = env.harness.addCredential(env.sandbox.url, env.sandbox.seeded.clientId, secret);
		env.mark();
		const result = await env.run(getMe, { credential, items: [{}, {}, {}, {}, {}] });
		expect(result.error).toBeDefined();
		expect(result.error?.message).toMatch(/ImagineAnything API credential/);
		expect(result.error?.message).toMatch(/Client ID or Client Secret/);
		const serialized = JSON.stringify(result.run);
		expect(serialized).not.toContain(secret);
		expect(tokenCalls(env.requestsSinceMark())).toHaveLength(1);
		env.nothingSent();
	});

	it('keeps the client secret and tokens out of the output of a successful run', async () => {
		const result = await env.run(getMe, { items: [{}] });
		const serialized = JSON.stringify(result.run);
		expect(serialized).not.toContain(env.sandbox.seeded.clientSecret);
		expect(serialized).not.toMatch(/iat_[A-Za-z0-9]/);
	});
});
