import { createTestEnv, type TestEnv } from './env';
import { binaryItem, trickyBytes } from './fixtures/files';
import { mediaState } from './sandbox/state/media';
import { webhookConfigOf } from './sandbox/state/webhooks';

const profile = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'profile', operation, ...extra });
const MB = 1024 * 1024;

describe('Profile resource', () => {
	let env: TestEnv;

	const me = () => env.sandbox.store.agentByHandle(env.sandbox.seeded.handle)!;

	beforeAll(async () => {
		env = await createTestEnv();
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	describe('avatar', () => {
		it('uploads the avatar from a binary input item and answers the new URL and profile', async () => {
			const bytes = trickyBytes(3000, 'gif');
			const result = await env.run(profile('uploadAvatar', { binaryPropertyName: 'avatar' }), {
				items: [binaryItem(bytes, 'image/gif', 'me.gif', 'avatar')],
			});
			expect(result.error).toBeUndefined();
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'POST', path: '/api/agents/me/avatar', status: 200, category: 'upload' });
			expect(call.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
			expect(call.body).toMatchObject({
				fields: {},
				files: [{ field: 'file', filename: 'me.gif', contentType: 'image/gif', size: 3000 }],
			});
			const { url, agent } = result.items[0].json as { url: string; agent: { avatarUrl: string; handle: string } };
			expect(agent).toMatchObject({ handle: env.sandbox.seeded.handle, avatarUrl: url });
			expect(me().avatarUrl).toBe(url);
			const id = /\/media\/([^/]+)\//.exec(url)![1];
			expect(mediaState(env.sandbox.store).file(id)!.data.equals(bytes)).toBe(true);
		});

		it('refuses an avatar over 5 MB or of another type before sending anything', async () => {
			const large = await env.run(profile('uploadAvatar'), { items: [binaryItem(Buffer.alloc(5 * MB + 1), 'image/png', 'big.png')] });
			expect(large.error?.message).toMatch(/"Input Binary Field" holds a file of 5242881 bytes \("data"\), but the avatar may be at most 5242880 bytes \(5 MB\)$/);
			const svg = await env.run(profile('uploadAvatar'), { items: [binaryItem(Buffer.from('<svg/>'), 'image/svg+xml', 'a.svg')] });
			expect(svg.error?.message).toMatch(/type image\/svg\+xml \("data"\), but the avatar must be JPEG, PNG, GIF or WebP/);
			env.nothingSent();
		});

		it('removes the avatar', async () => {
			const result = await env.run(profile('removeAvatar'));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: '/api/agents/me/avatar', status: 200 });
			expect(result.items[0].json).toMatchObject({ success: true, agent: { avatarUrl: null } });
			expect(me().avatarUrl).toBeNull();
		});
	});

	describe('capabilities', () => {
		it('gets the capabilities, unwrapped', async () => {
			const result = await env.run(profile('getCapabilities'));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/agents/me/capabilities', status: 200 });
			expect(result.items[0].json).toEqual({
				skills: ['automation', 'summarization'],
				apis: ['n8n'],
				responseTime: 'fast',
				languages: ['en'],
			});
		});

		it('updates only the fields given', async () => {
			const result = await env.run(
				profile('updateCapabilities', { updateFields: { skills: 'code-review, image-generation ,', responseTime: 'slow' } }),
			);
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'PATCH', path: '/api/agents/me/capabilities', status: 200 });
			expect(call.body).toEqual({ skills: ['code-review', 'image-generation'], responseTime: 'slow' });
			expect(result.items[0].json).toEqual({
				skills: ['code-review', 'image-generation'],
				apis: ['n8n'],
				responseTime: 'slow',
				languages: ['en'],
			});
		});

		it('refuses an update without fields before sending', async () => {
			const result = await env.run(profile('updateCapabilities', { updateFields: {} }));
			expect(result.error?.message).toBe('"Update Fields" is empty');
			expect(result.error?.description).toMatch(/Clear Capabilities/);
			env.nothingSent();
		});

		it('clears the capabilities', async () => {
			const result = await env.run(profile('clearCapabilities'));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: '/api/agents/me/capabilities', status: 200 });
			expect(result.items[0].json).toMatchObject({ success: true });
			expect(me().capabilities).toEqual({ skills: [], apis: [], responseTime: null, languages: [] });
		});
	});

	describe('webhook', () => {
		const hookUrl = 'https://hooks.example.com/imagineanything';

		it('reports no webhook before one is set', async () => {
			const result = await env.run(profile('getWebhook'));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/agents/me/webhook', status: 200 });
			expect(result.items[0].json).toEqual({ webhookUrl: null, hasSecret: false, updatedAt: null });
		});

		it('sets the webhook with a new secret, keeping the secret out of the output by default', async () => {
			const result = await env.run(profile('setWebhook', { webhookUrl: hookUrl, regenerateSecret: true, test: false }));
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'PATCH', path: '/api/agents/me/webhook', status: 200 });
			expect(call.body).toEqual({ webhookUrl: hookUrl, regenerateSecret: true, test: false });
			const config = webhookConfigOf(env.sandbox.store, me().id)!;
			expect(config).toMatchObject({ url: hookUrl, lastTestRequestedAt: null });
			expect(config.secret).toMatch(/^whsec_/);

			const output = result.items[0].json;
			expect(output).toMatchObject({ webhookUrl: hookUrl, hasSecret: true, secretReturned: true });
			expect(output.secretHint).toMatch(/Include Secret in Output/);
			expect(JSON.stringify(result.items)).not.toContain(config.secret);
			expect(JSON.stringify(result.run)).not.toContain(config.secret);
		});

		it('includes the new secret when asked to', async () => {
			const result = await env.run(
				profile('setWebhook', { webhookUrl: hookUrl, regenerateSecret: true, includeSecret: true, test: false }),
			);
			expect(env.onlyCall().status).toBe(200);
			const { secret } = webhookConfigOf(env.sandbox.store, me().id)!;
			expect(result.items[0].json).toMatchObject({ secretReturned: true, secret });
			expect(result.items[0].json.secretHint).toBeUndefined();
		});

		it('keeps the secret when not regenerating, and records a requested test event', async () => {
			const before = webhookConfigOf(env.sandbox.store, me().id)!.secret;
			const localUrl = 'http://127.0.0.1:5678/webhook/ia';
			// Include Secret only applies together with Regenerate Secret.
			const result = await env.run(profile('setWebhook', { webhookUrl: localUrl, regenerateSecret: false, includeSecret: true, test: true }));
			expect(env.onlyCall().body).toEqual({ webhookUrl: localUrl, regenerateSecret: false, test: true });
			const config = webhookConfigOf(env.sandbox.store, me().id)!;
			expect(config).toMatchObject({ url: localUrl, secret: before });
			expect(config.lastTestRequestedAt).toEqual(expect.any(Number));
			expect(result.items[0].json).toMatchObject({ webhookUrl: localUrl, secretReturned: false, testRequested: true });
			expect(result.items[0].json.secret).toBeUndefined();
			expect(me().webhookUrl).toBe(localUrl);
		});

		it('gets the webhook configuration without any secret', async () => {
			const result = await env.run(profile('getWebhook'));
			expect(result.items[0].json).toEqual({ webhookUrl: 'http://127.0.0.1:5678/webhook/ia', hasSecret: true, updatedAt: expect.any(String) });
		});

		it('refuses a malformed URL before sending, and shows the service refusing plain HTTP', async () => {
			const malformed = await env.run(profile('setWebhook', { webhookUrl: 'hooks.example.com' }));
			expect(malformed.error?.message).toBe('"Webhook URL" must be a full http(s) URL');
			env.nothingSent();

			const plain = await env.run(profile('setWebhook', { webhookUrl: 'http://hooks.example.com/x' }));
			expect(env.onlyCall().status).toBe(400);
			expect(plain.error?.message).toBe('"Webhook URL" must be an HTTPS URL');
		});

		it('removes the webhook', async () => {
			const result = await env.run(profile('removeWebhook'));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: '/api/agents/me/webhook', status: 200 });
			expect(result.items[0].json).toMatchObject({ success: true });
			expect(webhookConfigOf(env.sandbox.store, me().id)).toBeUndefined();
			expect(me().webhookUrl).toBeNull();
		});
	});
});
