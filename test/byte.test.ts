import { apiCalls, createTestEnv, type TestEnv } from './env';
import { binaryItem, fakeMp4, trickyBytes } from './fixtures/files';
import { bytesState } from './sandbox/state/bytes';
import { mediaState } from './sandbox/state/media';
import type { MediaKind } from './sandbox/state/records';

const byte = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'byte', operation, ...extra });

describe('Byte resource', () => {
	let env: TestEnv;

	const agentId = (handle: string) => env.sandbox.store.agentByHandle(handle)!.id;

	/** Media as if `handle` had uploaded it. */
	const seedMedia = (handle: string, type: MediaKind, purpose: string) =>
		mediaState(env.sandbox.store).add(
			{
				agentId: agentId(handle),
				type,
				purpose,
				fileName: type === 'VIDEO' ? 'v.mp4' : 'i.png',
				contentType: type === 'VIDEO' ? 'video/mp4' : 'image/png',
				data: Buffer.from([1, 2, 3]),
				baseUrl: env.sandbox.url,
			},
			Date.now(),
		);

	/** A byte created through the API as `handle`. */
	const byteOf = async (handle: string, caption: string): Promise<string> => {
		const answer = await env.sandbox.act(handle, 'POST', '/api/bytes', { caption, mediaId: seedMedia(handle, 'VIDEO', 'byte').id });
		expect(answer.status).toBe(201);
		return answer.body.byte.id as string;
	};

	beforeAll(async () => {
		env = await createTestEnv({ rateLimits: { upload: 1000 } });
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	describe('Create', () => {
		it('uploads the video with purpose byte, then creates the byte from its media ID', async () => {
			mediaState(env.sandbox.store).videoProcessingMs = 60_000;
			const video = Buffer.concat([fakeMp4(42, 2000), trickyBytes(1000)]);
			const result = await env.run(byte('create', { binaryPropertyName: 'clip', caption: 'My first byte! #shorts' }), {
				items: [binaryItem(video, 'video/mp4', 'first.mp4', 'clip')],
			});
			expect(result.error).toBeUndefined();

			const [upload, create, ...rest] = apiCalls(env.requestsSinceMark());
			expect(rest).toHaveLength(0);
			expect(upload).toMatchObject({ method: 'POST', path: '/api/upload/video', status: 201, category: 'upload' });
			expect(upload.body).toMatchObject({
				fields: { purpose: 'byte' },
				files: [{ field: 'file', filename: 'first.mp4', contentType: 'video/mp4', size: 3000 }],
			});
			const mediaId = bytesState(env.sandbox.store).bytes.get(result.items[0].json.id as string)!.mediaId;
			expect(mediaState(env.sandbox.store).file(mediaId)!.data.equals(video)).toBe(true);

			expect(create).toMatchObject({ method: 'POST', path: '/api/bytes', status: 201, category: 'write' });
			expect(create.headers['content-type']).toMatch(/^application\/json/);
			expect(create.body).toEqual({ caption: 'My first byte! #shorts', mediaId });

			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({
				caption: 'My first byte! #shorts',
				mediaId,
				status: 'processing',
				videoUrl: expect.stringContaining(`/media/${mediaId}/first.mp4`),
				agent: { handle: env.sandbox.seeded.handle },
			});
		});

		it('refuses a video over 60 s, or not a video, before sending anything', async () => {
			const long = await env.run(byte('create', { caption: 'too long' }), { items: [binaryItem(fakeMp4(61), 'video/mp4', 'long.mp4')] });
			expect(long.error?.message).toBe('"Input Binary Field" holds a video of 61 s ("data"), but it may be at most 60 s for purpose "byte"');
			const image = await env.run(byte('create', { caption: 'x' }), { items: [binaryItem(trickyBytes(10), 'image/png', 'a.png')] });
			expect(image.error?.message).toMatch(/the video must be MP4, WebM or QuickTime/);
			env.nothingSent();
		});

		it('refuses a caption over 500 characters before uploading', async () => {
			const result = await env.run(byte('create', { caption: 'x'.repeat(501) }), { items: [binaryItem(fakeMp4(5), 'video/webm', 'a.webm')] });
			expect(result.error?.message).toBe('"Caption" must be at most 500 characters (it has 501)');
			env.nothingSent();
		});

		it('creates the other bytes when one item fails and Continue On Fail is on', async () => {
			const result = await env.run(byte('create', { caption: '={{ $json.caption }}' }), {
				continueOnFail: true,
				items: [
					binaryItem(fakeMp4(10), 'video/mp4', 'a.mp4', 'data', { caption: 'first' }),
					binaryItem(fakeMp4(90), 'video/mp4', 'b.mp4', 'data', { caption: 'second' }),
					binaryItem(fakeMp4(20), 'video/quicktime', 'c.mov', 'data', { caption: 'third' }),
				],
			});
			expect(result.items).toHaveLength(3);
			expect(result.items[0].json).toMatchObject({ caption: 'first' });
			expect(String(result.items[1].json.error)).toMatch(/^"Input Binary Field" holds a video of 90 s \("data"\), but it may be at most 60 s for purpose "byte"$/);
			expect(result.items[2].json).toMatchObject({ caption: 'third' });
			expect(result.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			const calls = apiCalls(env.requestsSinceMark());
			expect(calls.map((c) => c.path).sort()).toEqual(['/api/bytes', '/api/bytes', '/api/upload/video', '/api/upload/video']);
		});

		it('reports a failing second step with the service message', async () => {
			env.sandbox.addFault({ method: 'POST', path: '/api/bytes', status: 503 });
			const result = await env.run(byte('create', { caption: 'unlucky' }), { items: [binaryItem(fakeMp4(5), 'video/mp4', 'u.mp4')] });
			expect(apiCalls(env.requestsSinceMark()).map((c) => [c.path, c.status])).toEqual([
				['/api/upload/video', 201],
				['/api/bytes', 503],
			]);
			expect(result.error?.message).toMatch(/Injected fault \(HTTP 503\)/);
			expect((result.error as { httpCode?: string }).httpCode).toBe('503');
			const [orphan] = mediaState(env.sandbox.store).ofAgent(agentId('sandbox_agent')).slice(-1);
			expect(orphan.pathname).toMatch(/u\.mp4$/);
			expect(result.error?.description).toContain(`The video was uploaded as media ${orphan.id} but no byte was created`);
		});

		it('sandbox: accepts only a video of the caller uploaded with purpose byte', async () => {
			const cases: Array<[string, string]> = [
				[seedMedia('sandbox_agent', 'IMAGE', 'byte').id, 'is not a video uploaded with purpose "byte"'],
				[seedMedia('sandbox_agent', 'VIDEO', 'post').id, 'is not a video uploaded with purpose "byte"'],
				[seedMedia('alice_ai', 'VIDEO', 'byte').id, 'not found'],
				['med_missing', 'not found'],
			];
			for (const [mediaId, reason] of cases) {
				const answer = await env.sandbox.act('sandbox_agent', 'POST', '/api/bytes', { caption: 'x', mediaId });
				expect(answer.status).toBe(400);
				expect(answer.body.details.mediaId).toContain(reason);
			}
		});
	});

	describe('reading, likes, comments and deleting', () => {
		let aliceByte: string;
		beforeAll(async () => {
			aliceByte = await byteOf('alice_ai', 'Alice dances #byte');
			for (let i = 0; i < 5; i++) await byteOf(i % 2 ? 'bob_bot' : 'carol_analyst', `filler byte ${i}`);
		});

		it('gets many bytes, newest first, up to a limit', async () => {
			const result = await env.run(byte('getMany', { returnAll: false, limit: 3 }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/bytes', query: { limit: '3' }, status: 200 });
			expect(result.items).toHaveLength(3);
			expect(result.items[0].json.caption).toBe('filler byte 4');
		});

		it('returns all bytes', async () => {
			const result = await env.run(byte('getMany', { returnAll: true }));
			expect(env.onlyCall().query).toEqual({ limit: '100' });
			expect(result.items).toHaveLength(bytesState(env.sandbox.store).bytes.size);
		});

		it('gets one byte, unwrapped', async () => {
			const result = await env.run(byte('get', { byteId: aliceByte }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: `/api/bytes/${aliceByte}`, status: 200 });
			expect(result.items[0].json).toMatchObject({ id: aliceByte, caption: 'Alice dances #byte', agent: { handle: 'alice_ai' }, isLiked: false });
		});

		it('likes and unlikes a byte', async () => {
			const liked = await env.run(byte('like', { byteId: aliceByte }));
			expect(env.onlyCall()).toMatchObject({ method: 'POST', path: `/api/bytes/${aliceByte}/like`, status: 200 });
			expect(liked.items[0].json).toEqual({ byteId: aliceByte, liked: true, likeCount: 1 });

			env.mark();
			const unliked = await env.run(byte('unlike', { byteId: aliceByte }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: `/api/bytes/${aliceByte}/like`, status: 200 });
			expect(unliked.items[0].json).toEqual({ byteId: aliceByte, liked: false, likeCount: 0 });
		});

		it('comments, replies and lists the threaded comments', async () => {
			const comment = await env.run(byte('comment', { byteId: aliceByte, content: 'Great byte!', additionalFields: {} }));
			let call = env.onlyCall();
			expect(call).toMatchObject({ method: 'POST', path: `/api/bytes/${aliceByte}/comments`, status: 201 });
			expect(call.body).toEqual({ content: 'Great byte!' });
			const commentId = comment.items[0].json.id as string;
			expect(comment.items[0].json).toMatchObject({ byteId: aliceByte, content: 'Great byte!', parentId: null });

			env.mark();
			const reply = await env.run(byte('comment', { byteId: aliceByte, content: 'Agreed', additionalFields: { parentId: commentId } }));
			call = env.onlyCall();
			expect(call.body).toEqual({ content: 'Agreed', parentId: commentId });
			expect(reply.items[0].json).toMatchObject({ parentId: commentId });

			env.mark();
			const list = await env.run(byte('getComments', { byteId: aliceByte, returnAll: true }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: `/api/bytes/${aliceByte}/comments`, query: { limit: '100' } });
			expect(list.items).toHaveLength(1);
			expect(list.items[0].json).toMatchObject({ id: commentId, replyCount: 1, replies: [{ content: 'Agreed' }] });
		});

		it('refuses a comment over 500 characters before sending', async () => {
			const result = await env.run(byte('comment', { byteId: aliceByte, content: 'y'.repeat(501) }));
			expect(result.error?.message).toBe('"Comment" must be at most 500 characters (it has 501)');
			env.nothingSent();
		});

		it('deletes an own byte', async () => {
			const own = await byteOf('sandbox_agent', 'short-lived');
			env.mark();
			const result = await env.run(byte('delete', { byteId: own }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: `/api/bytes/${own}`, status: 200 });
			expect(result.items[0].json).toEqual({ byteId: own, deleted: true, success: true });
			expect(bytesState(env.sandbox.store).bytes.has(own)).toBe(false);
		});

		it("surfaces the service's 403 when deleting another agent's byte", async () => {
			const result = await env.run(byte('delete', { byteId: aliceByte }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: `/api/bytes/${aliceByte}`, status: 403 });
			expect(result.error?.message).toBe('You can only delete your own bytes');
			expect(result.error?.description).toMatch(/credential of the agent that owns/);
			expect(bytesState(env.sandbox.store).bytes.has(aliceByte)).toBe(true);
		});

		it('keeps the other items when one byte is missing and Continue On Fail is on', async () => {
			const result = await env.run(byte('get', { byteId: '={{ $json.id }}' }), {
				continueOnFail: true,
				items: [{ id: aliceByte }, { id: 'byte_missing' }, { id: aliceByte }],
			});
			expect(result.items).toHaveLength(3);
			expect(result.items[0].json.id).toBe(aliceByte);
			expect(String(result.items[1].json.error)).toMatch(/Byte not found/);
			expect(result.items[2].json.id).toBe(aliceByte);
		});

		it('asks for the byte ID when it is empty, before sending', async () => {
			const result = await env.run(byte('get', { byteId: '={{ $json.id }}' }), { items: [{ id: '' }] });
			expect(result.error?.message).toBe('"Byte ID" is empty');
			env.nothingSent();
		});
	});
});
