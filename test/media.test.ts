import { apiCalls, createTestEnv, locator, type TestEnv } from './env';
import { binaryItem, fakeMp4, postForm, tokenFor, trickyBytes } from './fixtures/files';
import { parseMultipart } from './sandbox/framework/multipart';
import { mediaState } from './sandbox/state/media';

const media = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'media', operation, ...extra });
const MB = 1024 * 1024;

interface LoggedMultipart {
	multipart: true;
	fields: Record<string, string>;
	files: Array<{ field: string; filename: string; contentType: string; size: number }>;
}

describe('Media resource', () => {
	let env: TestEnv;

	const me = () => env.sandbox.store.agentByHandle(env.sandbox.seeded.handle)!;

	beforeAll(async () => {
		// Uploads are limited to 10 a minute; these tests upload more than that.
		env = await createTestEnv({ rateLimits: { upload: 1000 } });
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	describe('Upload Image', () => {
		it('uploads the binary of the input item as multipart/form-data, bytes, filename and type intact', async () => {
			const bytes = trickyBytes(5000);
			const result = await env.run(
				media('uploadImage', { binaryPropertyName: 'photo', purpose: 'post', additionalFields: { folder: 'campaigns/spring' } }),
				{ items: [binaryItem(bytes, 'image/png', 'café poster.png', 'photo')] },
			);
			expect(result.error).toBeUndefined();

			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'POST', path: '/api/upload', status: 201, category: 'upload' });
			expect(call.headers['content-type']).toMatch(/^multipart\/form-data; boundary=\S+$/);
			expect(call.headers.authorization).toMatch(/^Bearer iat_/);
			const body = call.body as LoggedMultipart;
			expect(body.fields).toEqual({ purpose: 'post', folder: 'campaigns/spring' });
			expect(body.files).toEqual([{ field: 'file', filename: 'café poster.png', contentType: 'image/png', size: 5000 }]);

			const item = result.items[0].json;
			expect(item).toMatchObject({ type: 'IMAGE', contentType: 'image/png', size: 5000, purpose: 'post', status: 'ready' });
			expect(item.id).toMatch(/^med_/);
			expect(result.items[0].pairedItem).toEqual({ item: 0 });

			// What the service stored is exactly what the item held, and its URL serves it.
			const stored = mediaState(env.sandbox.store).file(item.id as string)!;
			expect(stored.fileName).toBe('café poster.png');
			expect(stored.data.equals(bytes)).toBe(true);
			const served = await fetch(item.url as string);
			expect(served.headers.get('content-type')).toBe('image/png');
			expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
		});

		it('infers the type from the file extension when the binary says application/octet-stream', async () => {
			const result = await env.run(media('uploadImage', { purpose: 'avatar', additionalFields: {} }), {
				items: [binaryItem(trickyBytes(100, 'jpeg'), 'application/octet-stream', 'shot.JPG')],
			});
			expect(result.error).toBeUndefined();
			const body = env.onlyCall().body as LoggedMultipart;
			expect(body.fields).toEqual({ purpose: 'avatar' });
			expect(body.files[0]).toMatchObject({ filename: 'shot.JPG', contentType: 'image/jpeg' });
			expect(result.items[0].json).toMatchObject({ contentType: 'image/jpeg', purpose: 'avatar' });
		});

		it('names the file after its type when the binary has no file name', async () => {
			await env.run(media('uploadImage', { purpose: 'post' }), { items: [binaryItem(trickyBytes(20, 'webp'), 'image/webp')] });
			expect((env.onlyCall().body as LoggedMultipart).files[0]).toMatchObject({ filename: 'image.webp', contentType: 'image/webp' });
		});

		it('refuses a file of another type before sending anything', async () => {
			const result = await env.run(media('uploadImage', { purpose: 'post' }), {
				items: [binaryItem(Buffer.from('hello'), 'text/plain', 'notes.txt')],
			});
			expect(result.error?.message).toBe(
				'"Input Binary Field" holds a file of type text/plain ("data"), but the image must be JPEG, PNG, GIF or WebP',
			);
			expect(result.error?.description).toMatch(/nothing was sent/);
			env.nothingSent();
		});

		it('refuses an image over 10 MB before sending anything', async () => {
			const result = await env.run(media('uploadImage', { purpose: 'post' }), {
				items: [binaryItem(Buffer.alloc(10 * MB + 1, 1), 'image/jpeg', 'huge.jpg')],
			});
			expect(result.error?.message).toMatch(/"Input Binary Field" holds a file of 10485761 bytes \("data"\), but the image may be at most 10485760 bytes \(10 MB\)$/);
			env.nothingSent();
		});

		it('takes the type from the content when the binary says application/octet-stream and the name says otherwise', async () => {
			const result = await env.run(media('uploadImage', { purpose: 'post' }), {
				items: [binaryItem(trickyBytes(64, 'png'), 'application/octet-stream', 'photo.jpg')],
			});
			expect(result.error).toBeUndefined();
			expect((env.onlyCall().body as LoggedMultipart).files[0]).toMatchObject({ filename: 'photo.jpg', contentType: 'image/png' });
		});

		it.each([
			['a 0-byte PNG', 'uploadImage', binaryItem(Buffer.alloc(0), 'image/png', 'empty.png'), /holds an empty file \(0 bytes, "data"\)$/],
			['a 0-byte MP4', 'uploadVideo', binaryItem(Buffer.alloc(0), 'video/mp4', 'empty.mp4'), /holds an empty file \(0 bytes, "data"\)$/],
			[
				'a PDF declared image/png',
				'uploadImage',
				binaryItem(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'image/png', 'scan.png'),
				/holds a file declared as PNG \("data", image\/png\), but its content is a PDF document$/,
			],
			[
				'a GIF declared image/jpeg',
				'uploadImage',
				binaryItem(trickyBytes(40, 'gif'), 'image/jpeg', 'a.jpg'),
				/declared as JPEG \("data", image\/jpeg\), but its content is a GIF file/,
			],
			[
				'an HTML error page declared video/mp4',
				'uploadVideo',
				binaryItem(Buffer.from('<!DOCTYPE html><html><body>403</body></html>'), 'video/mp4', 'clip.mp4'),
				/declared as MP4 \("data", video\/mp4\), but its content is an HTML page/,
			],
			[
				'unknown bytes named .png with a generic type',
				'uploadImage',
				binaryItem(Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]), 'application/octet-stream', 'x.png'),
				/declared as PNG \("data", \.png\), but its content is not PNG/,
			],
		])('refuses %s before sending anything', async (_case, operation, item, error) => {
			const result = await env.run(media(operation, { purpose: 'post' }), { items: [item] });
			expect(result.error?.message).toMatch(error);
			expect(result.error?.description).toMatch(/nothing was sent/);
			env.nothingSent();
		});

		it('says which binary field is missing', async () => {
			const result = await env.run(media('uploadImage', { binaryPropertyName: 'picture', purpose: 'post' }), {
				items: [binaryItem(trickyBytes(10), 'image/png', 'a.png', 'data')],
			});
			expect(result.error?.message).toMatch(/no binary field 'picture' \[item 0\]/);
			env.nothingSent();
		});

		it('keeps the other items when one file is refused and Continue On Fail is on', async () => {
			const result = await env.run(media('uploadImage', { purpose: 'post' }), {
				continueOnFail: true,
				items: [
					binaryItem(trickyBytes(10), 'image/png', 'one.png'),
					binaryItem(Buffer.from('%PDF-1.7'), 'application/pdf', 'two.pdf'),
					binaryItem(trickyBytes(20, 'gif'), 'image/gif', 'three.gif'),
				],
			});
			expect(result.items).toHaveLength(3);
			expect(result.items[0].json).toMatchObject({ contentType: 'image/png', size: 10 });
			expect(String(result.items[1].json.error)).toMatch(/^"Input Binary Field" holds a file of type application\/pdf \("data"\)/);
			expect(result.items[1].pairedItem).toEqual({ item: 1 });
			expect(result.items[2].json).toMatchObject({ contentType: 'image/gif', size: 20 });
			const calls = apiCalls(env.requestsSinceMark());
			expect(calls.map((c) => (c.body as LoggedMultipart).files[0].filename).sort()).toEqual(['one.png', 'three.gif']);
		});
	});

	describe('Upload Video', () => {
		it('uploads a video that is processing at first and ready after a while', async () => {
			mediaState(env.sandbox.store).videoProcessingMs = 150;
			const video = fakeMp4(12, 3000);
			const result = await env.run(media('uploadVideo', { purpose: 'post', additionalFields: {} }), {
				items: [binaryItem(video, 'video/mp4', 'clip.mp4')],
			});
			expect(result.error).toBeUndefined();
			const call = env.onlyCall();
			expect(call).toMatchObject({ method: 'POST', path: '/api/upload/video', status: 201, category: 'upload' });
			expect((call.body as LoggedMultipart).fields).toEqual({ purpose: 'post' });
			expect((call.body as LoggedMultipart).files).toEqual([{ field: 'file', filename: 'clip.mp4', contentType: 'video/mp4', size: 3000 }]);
			const uploaded = result.items[0].json;
			expect(uploaded).toMatchObject({ type: 'VIDEO', status: 'processing', size: 3000 });
			expect(mediaState(env.sandbox.store).file(uploaded.id as string)!.data.equals(video)).toBe(true);

			await new Promise((resolve) => setTimeout(resolve, 200));
			const listed = await env.run(media('getMany', { returnAll: false, limit: 5, filters: { type: 'VIDEO' } }));
			expect(listed.items.find((i) => i.json.id === uploaded.id)?.json.status).toBe('ready');
		});

		it.each([
			['post', 181, /video of 181 s \("data"\), but it may be at most 180 s for purpose "post"/],
			['byte', 61, /video of 61 s \("data"\), but it may be at most 60 s for purpose "byte"/],
		])('refuses a %s video of %i s before sending anything', async (purpose, seconds, message) => {
			const result = await env.run(media('uploadVideo', { purpose }), {
				items: [binaryItem(fakeMp4(seconds), 'video/mp4', 'long.mp4')],
			});
			expect(result.error?.message).toMatch(message);
			env.nothingSent();
		});

		it('allows 100 MB for a byte video but only 50 MB for a post video', async () => {
			const file = binaryItem(fakeMp4(10, 50 * MB + 1), 'video/quicktime', 'big.mov');
			const forPost = await env.run(media('uploadVideo', { purpose: 'post' }), { items: [file] });
			expect(forPost.error?.message).toMatch(/holds a file of 52428801 bytes \("data"\), but the video may be at most 52428800 bytes \(50 MB\)/);
			expect(forPost.error?.description).toMatch(/MP4, WebM or QuickTime/);
			env.nothingSent();

			const forByte = await env.run(media('uploadVideo', { purpose: 'byte' }), { items: [file] });
			expect(forByte.error).toBeUndefined();
			expect(env.onlyCall().status).toBe(201);
			expect(forByte.items[0].json).toMatchObject({ purpose: 'byte', contentType: 'video/quicktime', size: 50 * MB + 1 });
		});

		it('refuses an image given as a video', async () => {
			const result = await env.run(media('uploadVideo', { purpose: 'post' }), {
				items: [binaryItem(trickyBytes(10), 'image/png', 'a.png')],
			});
			expect(result.error?.message).toMatch(/type image\/png \("data"\), but the video must be MP4, WebM or QuickTime/);
			env.nothingSent();
		});
	});

	describe('Get Many', () => {
		let total: number;
		beforeAll(() => {
			const state = mediaState(env.sandbox.store);
			for (let i = 0; i < 230; i++) {
				state.add(
					{
						agentId: me().id,
						type: i % 3 === 0 ? 'VIDEO' : 'IMAGE',
						purpose: i % 2 ? 'post' : 'byte',
						fileName: `seed${i}.bin`,
						contentType: i % 3 === 0 ? 'video/mp4' : 'image/png',
						data: Buffer.from([i % 256]),
						baseUrl: env.sandbox.url,
					},
					Date.now(),
				);
			}
			const alice = env.sandbox.store.agentByHandle('alice_ai')!;
			state.add(
				{ agentId: alice.id, type: 'IMAGE', purpose: 'post', fileName: 'alice.png', contentType: 'image/png', data: Buffer.from([1]), baseUrl: env.sandbox.url },
				Date.now(),
			);
			total = state.ofAgent(me().id).length;
		});

		it('lists own media with type and purpose filters up to a limit', async () => {
			const result = await env.run(media('getMany', { returnAll: false, limit: 7, filters: { type: 'IMAGE', purpose: 'post' } }));
			expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/upload', query: { limit: '7', type: 'IMAGE', purpose: 'post' } });
			expect(result.items).toHaveLength(7);
			for (const item of result.items) expect(item.json).toMatchObject({ type: 'IMAGE', purpose: 'post' });
		});

		it('returns all of its own media across pages of 100', async () => {
			const result = await env.run(media('getMany', { returnAll: true, filters: {} }));
			const calls = apiCalls(env.requestsSinceMark());
			expect(total).toBeGreaterThan(200);
			expect(calls).toHaveLength(Math.ceil(total / 100));
			expect(calls.every((c) => c.query.limit === '100')).toBe(true);
			expect(calls[0].query.cursor).toBeUndefined();
			expect(calls.slice(1).every((c) => !!c.query.cursor)).toBe(true);
			expect(result.items).toHaveLength(total);
			expect(new Set(result.items.map((i) => i.json.id)).size).toBe(total);
			expect(result.items.some((i) => i.json.fileName === 'alice.png')).toBe(false);
		});
	});

	describe('Delete', () => {
		const upload = async (name: string) => {
			const result = await env.run(media('uploadImage', { purpose: 'post' }), { items: [binaryItem(trickyBytes(8), 'image/png', name)] });
			return result.items[0].json as { id: string; url: string };
		};

		it('deletes by ID', async () => {
			const { id } = await upload('by-id.png');
			env.mark();
			const result = await env.run(media('delete', { media: locator(id) }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: '/api/upload', status: 200, body: { id } });
			expect(result.items[0].json).toEqual({ id, deleted: true, success: true });
			expect(env.sandbox.store.media.has(id)).toBe(false);
		});

		it('deletes by URL', async () => {
			const { id, url } = await upload('by-url.png');
			env.mark();
			const result = await env.run(media('delete', { media: locator(url, 'url') }));
			expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: '/api/upload', status: 200, body: { url } });
			expect(result.items[0].json).toEqual({ url, deleted: true, success: true, id });
			expect(env.sandbox.store.media.has(id)).toBe(false);
			expect((await fetch(url)).status).toBe(404);
		});

		it("surfaces the service's 403 for another agent's media", async () => {
			const alices = mediaState(env.sandbox.store).ofAgent(env.sandbox.store.agentByHandle('alice_ai')!.id)[0];
			const result = await env.run(media('delete', { media: locator(alices.id) }));
			expect(env.onlyCall().status).toBe(403);
			expect(result.error?.message).toBe('You can only delete your own media');
			expect(env.sandbox.store.media.has(alices.id)).toBe(true);
		});

		it('refuses an empty ID and a URL that is not one before sending', async () => {
			const empty = await env.run(media('delete', { media: locator('={{ $json.id }}') }), {
				items: [{ id: ' ' }],
			});
			expect(empty.error?.message).toBe('"Media" is empty');
			const notUrl = await env.run(media('delete', { media: locator('={{ $json.id }}', 'url') }), {
				items: [{ id: 'med_123' }],
			});
			expect(notUrl.error?.message).toMatch(/"Media" must be a full http\(s\) URL/);
			env.nothingSent();
		});
	});

	describe('sandbox multipart parser', () => {
		it('reads parts with headers, quoted and RFC 5987 file names, preamble and epilogue, binary-safe', () => {
			const binary = Buffer.from([0x00, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0x0d, 0x0a]);
			const raw = Buffer.concat([
				Buffer.from('preamble to ignore\r\n--XyZ\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbyte\r\n'),
				Buffer.from('--XyZ  \r\ncontent-disposition: form-data; name="file"; filename="a \\"b\\".png"; filename*=UTF-8\'\'caf%C3%A9.png\r\n'),
				Buffer.from('Content-Type: image/PNG; charset=binary\r\nX-Extra: 1\r\n\r\n'),
				binary,
				Buffer.from('\r\n--XyZ\r\nContent-Disposition: form-data; name="empty"; filename=""\r\n\r\n\r\n--XyZ--\r\nepilogue'),
			]);
			const parts = parseMultipart(raw, 'XyZ');
			expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
				['purpose', undefined, ''],
				['file', 'café.png', 'image/png'],
				['empty', '', ''],
			]);
			expect(parts[0].data.toString()).toBe('byte');
			expect(parts[1].data.equals(binary)).toBe(true);
			expect(parts[1].headers['x-extra']).toBe('1');
			expect(parts[2].data.length).toBe(0);
		});

		it('rejects bodies without the closing boundary or form-data disposition', () => {
			expect(() => parseMultipart(Buffer.from('--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nx'), 'b')).toThrow(/closing boundary/);
			expect(() => parseMultipart(Buffer.from('--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--'), 'b')).toThrow(/form-data/);
			expect(() => parseMultipart(Buffer.from('no boundary here'), 'b')).toThrow(/does not contain its boundary/);
		});
	});

	describe('sandbox upload checks', () => {
		let token: string;
		beforeAll(async () => {
			token = await tokenFor(env.sandbox);
		});

		it('answers 413 file_too_large over the limit and 415 unsupported_media_type for other types', async () => {
			const tooLarge = await postForm(env.sandbox, token, '/api/upload', { purpose: 'post' }, { data: Buffer.alloc(10 * MB + 1), type: 'image/png', name: 'x.png' });
			expect(tooLarge.status).toBe(413);
			expect(tooLarge.body).toMatchObject({ error: 'file_too_large', message: expect.stringMatching(/maximum is 10 MB/) });

			const wrongType = await postForm(env.sandbox, token, '/api/upload/video', { purpose: 'post' }, { data: Buffer.from('x'), type: 'image/png', name: 'x.png' });
			expect(wrongType.status).toBe(415);
			expect(wrongType.body).toMatchObject({ error: 'unsupported_media_type', message: expect.stringMatching(/MP4, WebM, QuickTime/) });
		});

		it('answers 400 without a file, with a bad purpose, for a too long video and for a non-multipart body', async () => {
			const noFile = await postForm(env.sandbox, token, '/api/upload', { purpose: 'post' });
			expect(noFile.status).toBe(400);
			expect(noFile.body.details).toEqual({ file: expect.stringMatching(/file is required/) });

			const badPurpose = await postForm(env.sandbox, token, '/api/upload/video', { purpose: 'avatar' }, { data: fakeMp4(5), type: 'video/mp4', name: 'v.mp4' });
			expect(badPurpose.status).toBe(400);
			expect(badPurpose.body.details.purpose).toMatch(/purpose must be one of post, byte/);

			const tooLong = await postForm(env.sandbox, token, '/api/upload/video', { purpose: 'byte' }, { data: fakeMp4(75), type: 'video/mp4', name: 'v.mp4' });
			expect(tooLong.status).toBe(400);
			expect(tooLong.body.message).toMatch(/75 seconds; the maximum is 60 seconds/);

			const json = await fetch(`${env.sandbox.url}/api/upload`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
				body: JSON.stringify({ purpose: 'post' }),
			});
			expect(json.status).toBe(400);
			expect(((await json.json()) as { message: string }).message).toMatch(/multipart\/form-data/);

			const broken = await fetch(`${env.sandbox.url}/api/upload`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'multipart/form-data; boundary=abc' },
				body: '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nno end',
			});
			expect(broken.status).toBe(400);
			expect(((await broken.json()) as { message: string }).message).toMatch(/Malformed multipart body/);
		});
	});
});
