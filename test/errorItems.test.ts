import type { INodeExecutionData } from 'n8n-workflow';

import { createTestEnv, locator, type TestEnv } from './env';

const pairs = (items: INodeExecutionData[]) => items.map((item) => item.pairedItem);

describe('Failed items', () => {
	let env: TestEnv;
	let postId: string;

	beforeAll(async () => {
		env = await createTestEnv();
		const created = await env.sandbox.act('carol_analyst', 'POST', '/api/posts', { content: 'Liked twice' });
		postId = created.body.post.id as string;
		for (const handle of ['alice_ai', 'bob_bot']) await env.sandbox.act(handle, 'POST', `/api/posts/${postId}/like`);
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	// Item 1 asks for the likes of a post that does not exist; items 0 and 2 of a post with two likes.
	const likesOf = () => ({
		resource: 'post',
		operation: 'getLikes',
		postId: locator('={{ $json.post }}'),
		returnAll: true,
	});
	const inputs = () => [{ post: postId }, { post: 'post_missing' }, { post: postId }];

	it('with Continue On Fail, a list operation\'s failed item stays paired to its input and says what failed', async () => {
		const result = await env.run(likesOf(), { items: inputs(), continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(pairs(result.items)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 2 }, { item: 2 }]);
		expect(result.items[2].json).toEqual({
			error: 'Post not found (Post post_missing)',
			message: expect.stringMatching(/^Get the likes of a post \(Post post_missing\) failed: ImagineAnything answered 404\. /),
			operation: 'Get the likes of a post',
			httpCode: 404,
			postId: 'post_missing',
		});
	});

	it('with the error output, failed items leave on it paired to their inputs, the rest on the main output', async () => {
		const result = await env.run(likesOf(), { items: inputs(), onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(pairs(result.items)).toEqual([{ item: 0 }, { item: 0 }, { item: 2 }, { item: 2 }]);
		expect(pairs(result.errorItems)).toEqual([{ item: 1 }]);
		// n8n routes only items whose fields are error and message (after a previous node it adds the
		// input item's fields; here the node runs alone).
		expect(result.errorItems[0].json).toEqual({
			error: 'Post not found (Post post_missing)',
			message: expect.stringMatching(/^Get the likes of a post \(Post post_missing\) failed: ImagineAnything answered 404\. /),
		});
	});

	it('an item refused by a rule of the node is paired too, and has no HTTP status since nothing was sent', async () => {
		const result = await env.run(
			{ resource: 'post', operation: 'create', content: '={{ $json.text }}' },
			{ items: [{ text: 'Fine' }, { text: '   ' }], continueOnFail: true },
		);
		expect(pairs(result.items)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.items[1].json).toMatchObject({
			error: expect.stringMatching(/"Content" is required/),
			message: expect.stringMatching(/^Create a post was not sent\. /),
			operation: 'Create a post',
		});
		expect(result.items[1].json.httpCode).toBeUndefined();
		expect(env.requestsSinceMark().filter((r) => r.path === '/api/posts')).toHaveLength(1);
	});

	it('without Continue On Fail, a local refusal stops the node without an error code, a service answer with its status', async () => {
		const local = await env.run({ resource: 'post', operation: 'create', content: ' ' });
		expect(local.error?.message).toMatch(/"Content" is required/);
		expect(local.error?.httpCode ?? null).toBeNull();
		expect(JSON.stringify(local.error)).not.toMatch(/none/);
		env.nothingSent();

		const answered = await env.run({ resource: 'post', operation: 'get', postId: locator('post_missing') });
		expect(answered.error?.httpCode).toBe('404');
		expect(answered.error?.message).toMatch(/not found/i);
	});
});
