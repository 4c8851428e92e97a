/**
 * Where public sources disagree on an answer's shape, the sandbox answers what the platform's
 * Python SDK reads, and a `shape` fault makes it answer the other one (sandbox/framework/shapes.ts).
 * The node works with both, through n8n's engine.
 */
import { apiCalls, createTestEnv, locator, type TestEnv } from './env';
import { binaryItem, fakeMp4, trickyBytes } from './fixtures/files';
import { bytesState } from './sandbox/state/bytes';

const post = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'post', operation, ...extra });

describe('Answer shapes where the guide and the SDK disagree', () => {
	let env: TestEnv;

	beforeAll(async () => {
		env = await createTestEnv({ rateLimits: { upload: 100 } });
	});
	afterAll(async () => await env.close());
	beforeEach(() => {
		env.sandbox.clearFaults();
		env.mark();
	});

	const postOf = async (handle: string, content: string): Promise<string> => (await env.act(handle, 'POST', '/api/posts', { content })).post.id;

	describe('Post → Repost', () => {
		it('outputs the repost when the service answers it as a post (the SDK)', async () => {
			const original = await postOf('alice_ai', 'Repost me as a post');
			const result = await env.run(post('repost', { postId: locator(original) }));
			expect(env.onlyCall()).toMatchObject({ method: 'POST', path: `/api/posts/${original}/repost`, status: 201 });
			expect(result.items).toHaveLength(1);
			const repost = result.items[0].json;
			expect(repost).toMatchObject({
				id: expect.any(String),
				isQuote: false,
				agent: { handle: env.sandbox.seeded.handle },
				repostOf: { id: original, content: 'Repost me as a post', repostCount: 1, isReposted: true },
			});
			expect(repost).not.toHaveProperty('post');
		});

		it('outputs the counts when the service answers {reposted, repostCount}', async () => {
			const original = await postOf('alice_ai', 'Repost me for counts');
			env.sandbox.addFault({ method: 'POST', path: `/api/posts/${original}/repost`, shape: 'repostCounts' });
			const result = await env.run(post('repost', { postId: locator(original) }));
			expect(result.error).toBeUndefined();
			expect(env.onlyCall()).toMatchObject({ status: 201, fault: 'answer' });
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({ reposted: true, repostCount: 1 });
			expect(result.items[0].json).not.toHaveProperty('repostOf');
		});
	});

	describe("a quote's repostOf", () => {
		let original: string;
		let quote: string;
		beforeAll(async () => {
			original = await postOf('bob_bot', 'The original');
			quote = (await env.act('carol_analyst', 'POST', `/api/posts/${original}/quote`, { content: 'Quoting it' })).post.id;
		});

		it('comes out as the nested post (the SDK) from Get, Get Timeline and Quote', async () => {
			const got = await env.run(post('get', { postId: locator(quote) }));
			expect(got.items[0].json).toMatchObject({ id: quote, isQuote: true, repostOf: { id: original, content: 'The original', agent: { handle: 'bob_bot' } } });

			const timeline = await env.run(post('getTimeline', { returnAll: false, limit: 10 }));
			expect(timeline.items.find((item) => item.json.id === quote)?.json.repostOf).toMatchObject({ id: original });

			const quoted = await env.run(post('quote', { postId: locator(original), content: 'Me too' }));
			expect(quoted.items[0].json).toMatchObject({ isQuote: true, content: 'Me too', repostOf: { id: original } });
		});

		it('comes out as the ID when the service names the quoted post by its ID', async () => {
			env.sandbox.addFault({ path: '^/api/posts', shape: 'repostOfId', times: 0 });
			const got = await env.run(post('get', { postId: locator(quote) }));
			expect(got.items[0].json).toMatchObject({ id: quote, isQuote: true, repostOf: original });

			// Return All: every page is answered in that shape.
			const pages = await env.run(post('getTimeline', { returnAll: true }));
			expect(pages.error).toBeUndefined();
			expect(pages.items.find((item) => item.json.id === quote)?.json.repostOf).toBe(original);
			expect(pages.items.filter((item) => item.json.isQuote === false).every((item) => item.json.repostOf === null)).toBe(true);

			const quoted = await env.run(post('quote', { postId: locator(original), content: 'Me three' }));
			expect(quoted.items[0].json).toMatchObject({ isQuote: true, content: 'Me three', repostOf: original });
			expect(apiCalls(env.requestsSinceMark()).every((call) => call.fault === 'answer')).toBe(true);
		});
	});

	describe('the ID of an upload', () => {
		const uploadImage = async () =>
			await env.run(
				{ resource: 'media', operation: 'uploadImage', purpose: 'post', additionalFields: {} },
				{ items: [binaryItem(trickyBytes(400), 'image/png', 'shape.png')] },
			);

		it('is read from id when the answer has both (the sandbox), or only id (the SDK)', async () => {
			const both = (await uploadImage()).items[0].json;
			expect(both.id).toMatch(/^med_/);
			expect(both.media_id).toBe(both.id);

			env.sandbox.addFault({ method: 'POST', path: '/api/upload', shape: 'idOnly' });
			const sdk = (await uploadImage()).items[0].json;
			expect(sdk.id).toMatch(/^med_/);
			expect(sdk).not.toHaveProperty('media_id');
		});

		it('is read from media_id (the guide): Upload Image outputs it as id, and a post attaches it from there', async () => {
			env.sandbox.addFault({ method: 'POST', path: '/api/upload', shape: 'mediaIdOnly' });
			const upload = await uploadImage();
			expect(env.onlyCall()).toMatchObject({ path: '/api/upload', fault: 'answer' });
			const uploaded = upload.items[0].json;
			expect(uploaded.media_id).toMatch(/^med_/);
			expect(uploaded.id).toBe(uploaded.media_id);

			// As examples/scheduled-post.json does: Post → Create with Media IDs {{ $json.id }}.
			env.mark();
			const created = await env.run(post('create', { content: 'Picture of the day', additionalFields: { mediaIds: '={{ $json.id }}' } }), {
				items: [{ json: uploaded }],
			});
			expect(created.error).toBeUndefined();
			expect(env.onlyCall().body).toEqual({ content: 'Picture of the day', mediaIds: [uploaded.media_id] });
			expect(created.items[0].json).toMatchObject({ mediaType: 'IMAGE', mediaUrls: [expect.stringContaining(`/media/${String(uploaded.media_id)}/`)] });
		});

		it('is read from media_id by Byte → Create, which uploads and then creates the byte from it', async () => {
			env.sandbox.addFault({ method: 'POST', path: '/api/upload/video', shape: 'mediaIdOnly' });
			const result = await env.run(
				{ resource: 'byte', operation: 'create', caption: 'Shapes #shorts' },
				{ items: [binaryItem(fakeMp4(5), 'video/mp4', 'shape.mp4')] },
			);
			expect(result.error).toBeUndefined();
			const [upload, create] = apiCalls(env.requestsSinceMark());
			expect(upload).toMatchObject({ path: '/api/upload/video', status: 201, fault: 'answer' });
			const mediaId = bytesState(env.sandbox.store).bytes.get(result.items[0].json.id as string)!.mediaId;
			expect(create).toMatchObject({ path: '/api/bytes', status: 201, body: { caption: 'Shapes #shorts', mediaId } });
		});
	});
});
