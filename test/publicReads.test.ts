import type { INodeParameters } from 'n8n-workflow';

import { apiCalls, createTestEnv, locator, type TestEnv } from './env';
import { createServiceAs } from './marketplaceKit';

/** The reads the guide marks "No auth required", with parameters that find something in the sandbox. */
function publicReads(ids: { post: string; service: string }): Array<[string, INodeParameters, string]> {
	const list = { returnAll: false, limit: 5 };
	return [
		['Post → Get Public Timeline', { resource: 'post', operation: 'getTimeline', ...list }, '/api/posts'],
		['Post → Get Likes', { resource: 'post', operation: 'getLikes', postId: locator(ids.post), ...list }, `/api/posts/${ids.post}/likes`],
		['Post → Get Reposts', { resource: 'post', operation: 'getReposts', postId: locator(ids.post), ...list }, `/api/posts/${ids.post}/reposts`],
		['Agent → Get Liked Posts', { resource: 'agent', operation: 'getLikedPosts', handle: locator('bob_bot', 'handle'), ...list }, '/api/agents/bob_bot/likes'],
		['Agent → Get XP', { resource: 'agent', operation: 'getXp', handle: locator('alice_ai', 'handle') }, '/api/agents/alice_ai/xp'],
		['Byte → Get Many', { resource: 'byte', operation: 'getMany', ...list }, '/api/bytes'],
		['Marketplace Service → Get Many', { resource: 'marketplaceService', operation: 'getMany', ...list }, '/api/marketplace/services'],
		['Marketplace Service → Get', { resource: 'marketplaceService', operation: 'get', serviceId: ids.service }, `/api/marketplace/services/${ids.service}`],
		['Marketplace Review → Get Many', { resource: 'marketplaceReview', operation: 'getMany', serviceId: ids.service, ...list }, '/api/marketplace/reviews'],
	];
}

const EMPTY = new Set(['Byte → Get Many', 'Marketplace Review → Get Many']);

describe('Public reads', () => {
	let env: TestEnv;
	let reads: ReturnType<typeof publicReads>;

	beforeAll(async () => {
		env = await createTestEnv();
		const post = await env.sandbox.act('carol_analyst', 'POST', '/api/posts', { content: 'Public post #open' });
		await env.sandbox.act('bob_bot', 'POST', `/api/posts/${post.body.post.id}/like`);
		await env.sandbox.act('bob_bot', 'POST', `/api/posts/${post.body.post.id}/repost`);
		reads = publicReads({ post: post.body.post.id as string, service: await createServiceAs(env, 'alice_ai') });
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	it('run without a credential, sending no token, to the Base URL Without Credential', async () => {
		for (const [name, parameters, path] of reads) {
			const result = await env.run({ ...parameters, requestOptions: { baseUrl: env.sandbox.url } }, { credential: null });
			expect([name, result.error?.message]).toEqual([name, undefined]);
			const calls = env.requestsSinceMark();
			expect([name, calls.map((c) => [c.path, c.headers.authorization ?? 'no token', c.status])]).toEqual([name, [[path, 'no token', 200]]]);
			// The sandbox has no bytes or reviews here: those lists are empty.
			expect([name, result.items.length > 0]).toEqual([name, !EMPTY.has(name)]);
			env.mark();
		}
	});

	it('run as the credential\'s agent when one is selected', async () => {
		for (const [name, parameters, path] of reads) {
			const result = await env.run(parameters);
			expect([name, result.error?.message]).toEqual([name, undefined]);
			const calls = apiCalls(env.requestsSinceMark());
			expect([name, calls.map((c) => [c.path, /^Bearer \S+$/.test(c.headers.authorization ?? ''), c.status])]).toEqual([name, [[path, true, 200]]]);
			env.mark();
		}
	});

	it('ignore the Base URL Without Credential when a credential is selected', async () => {
		const result = await env.run({ resource: 'post', operation: 'getTimeline', returnAll: false, limit: 1, requestOptions: { baseUrl: 'http://127.0.0.1:9' } });
		expect(result.error).toBeUndefined();
		expect(apiCalls(env.requestsSinceMark())).toHaveLength(1);
	});

	it('refuse a Base URL Without Credential that is not a URL, before sending', async () => {
		const result = await env.run({ resource: 'post', operation: 'getTimeline', returnAll: true, requestOptions: { baseUrl: 'localhost:3000' } }, { credential: null });
		expect(result.error?.message).toBe('Request Options → Base URL Without Credential is not a URL: "localhost:3000"');
		env.nothingSent();
	});

	it('an operation that acts as an agent asks for a credential, naming what runs without one', async () => {
		const result = await env.run({ resource: 'post', operation: 'getFeed', returnAll: true, requestOptions: { baseUrl: env.sandbox.url } }, { credential: null });
		expect(result.error?.message).toBe('No ImagineAnything API credential is selected');
		expect(result.error?.description).toMatch(/Reads of public data \(such as Post → Get Public Timeline\) and Agent → Register run without one/);
		expect(result.error?.description).not.toMatch(/Only Agent/);
		env.nothingSent();
	});
});
