import type { RunResult } from './harness/run';
import { testProviderKey } from '../package/nodes/ImagineAnything/methods/credentialTest';
import { createTestEnv, type TestEnv } from './env';

const service = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'aiService', operation, ...extra });

const OPENAI_KEY = 'sk-proj-test0123456789abcdefXYZ';
const GEMINI_KEY = 'AIzaSyTest0123456789abcdefghij';

/** Output and errors of a run (with the node copy each error carries), as n8n stores them for the execution. */
const serializedResult = (result: RunResult) => JSON.stringify(result.run.data.resultData);

describe('Connected AI Service resource', () => {
	let env: TestEnv;

	beforeAll(async () => {
		env = await createTestEnv();
	});
	afterAll(async () => await env.close());
	beforeEach(() => {
		env.sandbox.clearFaults();
		env.mark();
	});

	it('connects a provider with the key of an AI Provider Key credential: sent, never in the workflow or the run', async () => {
		const keyCredential = env.harness.credentials.add({ apiKey: `${OPENAI_KEY}\n` });
		const result = await env.run(service('connect', { provider: 'ELEVENLABS' }), { otherCredentials: { imagineAnythingProviderKeyApi: keyCredential } });
		expect(result.error).toBeUndefined();
		expect(env.onlyCall().body).toEqual({ provider: 'ELEVENLABS', apiKey: OPENAI_KEY });
		expect(result.items[0].json).toMatchObject({ provider: 'ELEVENLABS', apiKey: 'sk-p****fXYZ' });
		// Not in the parameters, the output, errors or the execution stack: anywhere n8n saves a run.
		expect(JSON.stringify(result.run)).not.toContain(OPENAI_KEY.slice(4, -4));
		await env.sandbox.act(env.sandbox.seeded.handle, 'DELETE', '/api/settings/services/ELEVENLABS');
	});

	it('asks for the AI Provider Key credential before sending when none is selected, or refuses its empty key', async () => {
		const none = await env.run(service('connect', { provider: 'OPENAI' }));
		expect(none.error?.message).toBe('No ImagineAnything AI Provider Key credential is selected');
		expect(none.error?.description).toMatch(/or set "API Key From" to This Node/);
		const empty = await env.run(service('connect', { provider: 'OPENAI' }), {
			otherCredentials: { imagineAnythingProviderKeyApi: env.harness.credentials.add({ apiKey: '  ' }) },
		});
		expect(empty.error?.message).toBe('"API Key of the ImagineAnything AI Provider Key credential" is empty');
		env.nothingSent();
	});

	it('connects a provider, sending the key but outputting it only masked', async () => {
		const result = await env.run(service('connect', { provider: 'OPENAI', apiKeySource: 'parameter', apiKey: `  ${OPENAI_KEY}\n` }));
		expect(result.error).toBeUndefined();
		const call = env.onlyCall();
		expect(call).toMatchObject({ method: 'POST', path: '/api/settings/services', status: 201 });
		expect(call.body).toEqual({ provider: 'OPENAI', apiKey: OPENAI_KEY });
		expect(call.headers.authorization).toMatch(/^Bearer iat_/);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ provider: 'OPENAI', apiKey: 'sk-p****fXYZ', isActive: true });
		expect(serializedResult(result)).not.toContain(OPENAI_KEY);
		expect(JSON.stringify(result.run)).not.toContain(OPENAI_KEY.slice(4, -4));
	});

	it('updates the key of a provider that is already connected', async () => {
		const newKey = 'sk-proj-second-key-000000000099';
		const result = await env.run(service('connect', { provider: 'OPENAI', apiKeySource: 'parameter', apiKey: newKey }));
		expect(env.onlyCall()).toMatchObject({ method: 'POST', path: '/api/settings/services', status: 200 });
		expect(result.items[0].json.apiKey).toBe('sk-p****0099');
		expect(serializedResult(result)).not.toContain(newKey);
		// Back to the first key for the following tests.
		await env.sandbox.act(env.sandbox.seeded.handle, 'POST', '/api/settings/services', { provider: 'OPENAI', apiKey: OPENAI_KEY });
	});

	it('masks the key even when the service echoes it in full, in the output and in errors', async () => {
		env.sandbox.addFault({
			method: 'POST',
			path: '/api/settings/services',
			status: 201,
			body: { service: { provider: 'GOOGLE_GEMINI', apiKey: GEMINI_KEY, note: `stored ${GEMINI_KEY}` } },
		});
		const echoed = await env.run(service('connect', { provider: 'GOOGLE_GEMINI', apiKeySource: 'parameter', apiKey: GEMINI_KEY }));
		expect(env.onlyCall().body).toEqual({ provider: 'GOOGLE_GEMINI', apiKey: GEMINI_KEY });
		expect(echoed.items[0].json).toEqual({ provider: 'GOOGLE_GEMINI', apiKey: 'AIza****ghij', note: 'stored AIza****ghij' });
		expect(serializedResult(echoed)).not.toContain(GEMINI_KEY);

		env.mark();
		env.sandbox.addFault({
			method: 'POST',
			path: '/api/settings/services',
			status: 400,
			body: { error: 'validation_error', message: `Key ${GEMINI_KEY} was refused`, details: { apiKey: GEMINI_KEY } },
		});
		const refused = await env.run(service('connect', { provider: 'GOOGLE_GEMINI', apiKeySource: 'parameter', apiKey: GEMINI_KEY }));
		expect(env.onlyCall().status).toBe(400);
		expect(refused.error?.message).toBe('Key AIza****ghij was refused');
		expect(refused.error?.description).toContain('AIza****ghij');
		// Including the copy of the node (and its parameters) that n8n keeps with the error. (The
		// engine's execution stack still holds the node as the workflow defines it: that is the
		// workflow, not output; an expression such as {{ $env.KEY }} keeps the key out of it.)
		expect(serializedResult(refused)).not.toContain(GEMINI_KEY);
	});

	it('keeps the key out of a Continue On Fail error item too', async () => {
		env.sandbox.addFault({
			method: 'POST',
			path: '/api/settings/services',
			status: 502,
			body: { error: 'bad_gateway', message: `upstream choked on ${GEMINI_KEY}` },
		});
		const result = await env.run(service('connect', { provider: 'GOOGLE_GEMINI', apiKeySource: 'parameter', apiKey: GEMINI_KEY }), { continueOnFail: true });
		expect(String(result.items[0].json.error)).toContain('AIza****ghij');
		expect(JSON.stringify(result.run)).not.toContain(GEMINI_KEY);
	});

	it('refuses a key shorter than 8 characters before sending anything', async () => {
		const result = await env.run(service('connect', { provider: 'OPENAI', apiKeySource: 'parameter', apiKey: 'sk-1' }));
		expect(result.error?.message).toBe('"API Key (Stored in the Workflow)" is too short to be an API key (at least 8 characters)');
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain('sk-1');
		env.nothingSent();
	});

	it('lists the connected services with masked keys', async () => {
		await env.sandbox.act(env.sandbox.seeded.handle, 'POST', '/api/settings/services', { provider: 'GOOGLE_GEMINI', apiKey: GEMINI_KEY });
		env.mark();
		const result = await env.run(service('getMany', { returnAll: true }));
		const call = env.onlyCall();
		expect(call).toMatchObject({ method: 'GET', path: '/api/settings/services', status: 200 });
		expect(result.items.map((i) => i.json.provider)).toEqual(['OPENAI', 'GOOGLE_GEMINI']);
		expect(result.items.map((i) => i.json.apiKey)).toEqual(['sk-p****fXYZ', 'AIza****ghij']);
		expect(serializedResult(result)).not.toContain(OPENAI_KEY);
		expect(serializedResult(result)).not.toContain(GEMINI_KEY);
	});

	it('turns a service off and on again', async () => {
		const off = await env.run(service('toggle', { provider: 'OPENAI', isActive: false }));
		const call = env.onlyCall();
		expect(call).toMatchObject({ method: 'PATCH', path: '/api/settings/services/OPENAI', status: 200 });
		expect(call.body).toEqual({ isActive: false });
		expect(off.items[0].json).toMatchObject({ provider: 'OPENAI', isActive: false });

		env.mark();
		const on = await env.run(service('toggle', { provider: 'OPENAI', isActive: true }));
		expect(env.onlyCall().body).toEqual({ isActive: true });
		expect(on.items[0].json.isActive).toBe(true);
	});

	it('tests a valid key', async () => {
		const result = await env.run(service('testKey', { provider: 'OPENAI' }));
		expect(env.onlyCall()).toMatchObject({ method: 'POST', path: '/api/settings/services/OPENAI/test', status: 200 });
		expect(result.items[0].json).toEqual({ provider: 'OPENAI', success: true, message: 'API key is valid' });
	});

	it.each([
		['sk-this-key-is-invalid-000000', /Invalid API key: OPENAI rejected it/],
		['not-an-openai-key-000000000', /OpenAI keys start with "sk-"/],
		['sk-quota-exhausted-00000000000', /Quota exceeded/],
	])('reports a bad key (%s) as success: false, not as an error', async (key, message) => {
		await env.sandbox.act(env.sandbox.seeded.handle, 'POST', '/api/settings/services', { provider: 'OPENAI', apiKey: key });
		env.mark();
		const result = await env.run(service('testKey', { provider: 'OPENAI' }));
		expect(result.error).toBeUndefined();
		expect(env.onlyCall().status).toBe(200);
		expect(result.items[0].json.success).toBe(false);
		expect(String(result.items[0].json.message)).toMatch(message);
		expect(serializedResult(result)).not.toContain(key);
	});

	it('disconnects a service; testing it afterwards says it is not connected', async () => {
		const result = await env.run(service('disconnect', { provider: 'GOOGLE_GEMINI' }));
		expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: '/api/settings/services/GOOGLE_GEMINI', status: 200 });
		expect(result.items[0].json).toEqual({ provider: 'GOOGLE_GEMINI', deleted: true, success: true });

		env.mark();
		const test = await env.run(service('testKey', { provider: 'GOOGLE_GEMINI' }));
		expect(env.onlyCall().status).toBe(404);
		expect(test.error?.message).toBe('GOOGLE_GEMINI is not connected');
		expect(test.error?.httpCode).toBe('404');

		const list = await env.sandbox.act(env.sandbox.seeded.handle, 'GET', '/api/settings/services');
		expect(list.body.services.map((s: { provider: string }) => s.provider)).toEqual(['OPENAI']);
		expect(list.body.availableProviders).toEqual(['OPENAI', 'RUNWARE', 'GOOGLE_GEMINI', 'ELEVENLABS']);
	});
});

describe('the AI Provider Key credential test', () => {
	const testKey = async (apiKey: string) =>
		await testProviderKey.call({} as never, { id: '1', name: 'key', type: 'imagineAnythingProviderKeyApi', data: { apiKey } });

	it('accepts a key of the form of an API key, and says where it is really checked', async () => {
		expect(await testKey(` ${OPENAI_KEY} `)).toEqual({ status: 'OK', message: expect.stringMatching(/Connected AI Service → Connect, then → Test/) });
	});

	it.each([
		['', 'The API key is empty'],
		['sk-1', 'The API key is too short (at least 8 characters)'],
		['sk-proj abc def', 'The API key contains spaces or line breaks: paste only the key'],
	])('refuses %j', async (apiKey, message) => {
		expect(await testKey(apiKey)).toEqual({ status: 'Error', message });
	});
});
