import { countWords } from '../package/nodes/ImagineAnything/resources/blogArticle/fields';
import { createTestEnv, type TestEnv } from './env';

const blog = (operation: string, extra: Record<string, unknown> = {}) => ({ resource: 'blogArticle', operation, ...extra });

/** Markdown with a heading, a list, a link and `words` counted words in all. */
function markdown(words: number): string {
	const body = Array.from({ length: words - 6 }, (_, i) => `word${i}`).join(' ');
	return `# Agents and n8n\n\n- one [link](https://example.com/a-very-long-target) ---\n\n${body}\n\n> end ***`;
}

const ARTICLE = markdown(520);

describe('Blog Article resource', () => {
	let env: TestEnv;

	const create = (title: string, extra: Record<string, unknown> = {}) =>
		blog('create', { title, category: 'TUTORIALS', content: ARTICLE, additionalFields: {}, ...extra });

	beforeAll(async () => {
		env = await createTestEnv();
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	it('counts words sensibly: markdown symbols and link targets are not words', () => {
		expect(countWords(markdown(500))).toBe(500);
		expect(countWords("# Title\n\n- don't stop --- state-of-the-art | 42 [docs](https://x.y/z) <br/> **bold**")).toBe(7);
	});

	it('creates an article with every field, its slug made from the title', async () => {
		const result = await env.run(
			create('Building Agents with n8n: A Guide!', {
				additionalFields: {
					excerpt: 'How to build agents',
					coverImageUrl: 'https://example.com/cover.png',
					tags: 'n8n, agents',
					keywords: 'ai agents, automation, workflows',
				},
			}),
		);
		expect(result.error).toBeUndefined();
		const call = env.onlyCall();
		expect(call).toMatchObject({ method: 'POST', path: '/api/blog', status: 201 });
		expect(call.body).toEqual({
			title: 'Building Agents with n8n: A Guide!',
			category: 'TUTORIALS',
			content: ARTICLE,
			excerpt: 'How to build agents',
			coverImageUrl: 'https://example.com/cover.png',
			tags: ['n8n', 'agents'],
			keywords: ['ai agents', 'automation', 'workflows'],
		});
		expect(result.items[0].json).toMatchObject({
			slug: 'building-agents-with-n8n-a-guide',
			title: 'Building Agents with n8n: A Guide!',
			category: 'TUTORIALS',
			tags: ['n8n', 'agents'],
			wordCount: 520,
		});
		expect((result.items[0].json.author as { handle: string }).handle).toBe(env.sandbox.seeded.handle);
	});

	it('numbers the slug when the title is taken', async () => {
		const result = await env.run(create('Building agents with n8n: a guide'));
		expect(env.onlyCall().body).toEqual({ title: 'Building agents with n8n: a guide', category: 'TUTORIALS', content: ARTICLE });
		expect(result.items[0].json.slug).toBe('building-agents-with-n8n-a-guide-2');
	});

	it('gets an article by slug', async () => {
		const result = await env.run(blog('get', { slug: 'building-agents-with-n8n-a-guide' }));
		expect(env.onlyCall()).toMatchObject({ method: 'GET', path: '/api/blog/building-agents-with-n8n-a-guide', status: 200 });
		expect(result.items[0].json).toMatchObject({ title: 'Building Agents with n8n: A Guide!', content: ARTICLE });
	});

	it('gets many articles, newest first', async () => {
		await env.sandbox.act('alice_ai', 'POST', '/api/blog', { title: 'By Alice', category: 'COMMUNITY', content: ARTICLE });
		env.mark();
		const result = await env.run(blog('getMany', { returnAll: false, limit: 2 }));
		const call = env.onlyCall();
		expect(call).toMatchObject({ method: 'GET', path: '/api/blog', query: { limit: '2' } });
		expect(result.items.map((i) => i.json.title)).toEqual(['By Alice', 'Building agents with n8n: a guide']);

		env.mark();
		const all = await env.run(blog('getMany', { returnAll: true }));
		expect(all.items.map((i) => i.json.slug)).toEqual(['by-alice', 'building-agents-with-n8n-a-guide-2', 'building-agents-with-n8n-a-guide']);
	});

	it('updates only the given fields and keeps the slug', async () => {
		const result = await env.run(
			blog('update', { slug: 'building-agents-with-n8n-a-guide-2', updateFields: { title: 'A New Title', tags: 'x, y, z' } }),
		);
		const call = env.onlyCall();
		expect(call).toMatchObject({ method: 'PUT', path: '/api/blog/building-agents-with-n8n-a-guide-2', status: 200 });
		expect(call.body).toEqual({ title: 'A New Title', tags: ['x', 'y', 'z'] });
		expect(result.items[0].json).toMatchObject({
			slug: 'building-agents-with-n8n-a-guide-2',
			title: 'A New Title',
			tags: ['x', 'y', 'z'],
			category: 'TUTORIALS',
		});
	});

	it('refuses an update without fields before sending', async () => {
		const result = await env.run(blog('update', { slug: 'by-alice', updateFields: {} }));
		expect(result.error?.message).toMatch(/"Update Fields" is empty/);
		env.nothingSent();
	});

	it("surfaces the 403 for another agent's article", async () => {
		const updated = await env.run(blog('update', { slug: 'by-alice', updateFields: { title: 'Mine now' } }));
		expect(env.onlyCall().status).toBe(403);
		expect(updated.error?.message).toBe('You can only update your own articles');

		env.mark();
		const deleted = await env.run(blog('delete', { slug: 'by-alice' }));
		expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: '/api/blog/by-alice', status: 403 });
		expect(deleted.error?.message).toBe('You can only delete your own articles');
		expect((await env.sandbox.act(null, 'GET', '/api/blog/by-alice')).status).toBe(200);
	});

	it('deletes an own article', async () => {
		const result = await env.run(blog('delete', { slug: 'building-agents-with-n8n-a-guide-2' }));
		expect(env.onlyCall()).toMatchObject({ method: 'DELETE', path: '/api/blog/building-agents-with-n8n-a-guide-2', status: 200 });
		expect(result.items[0].json).toEqual({ slug: 'building-agents-with-n8n-a-guide-2', deleted: true, success: true });

		env.mark();
		const gone = await env.run(blog('get', { slug: 'building-agents-with-n8n-a-guide-2' }));
		expect(env.onlyCall().status).toBe(404);
		expect(gone.error?.message).toBe('Article not found (Slug building-agents-with-n8n-a-guide-2)');
	});

	it.each([
		['content of 100 words', { content: markdown(100) }, /"Content" must have at least 500 words \(it has 100\)/],
		['content of 499 words', { content: markdown(499) }, /"Content" must have at least 500 words \(it has 499\)/],
		['2 keywords', { additionalFields: { keywords: 'one, two' } }, /"Keywords" needs 3 to 20 entries \(it has 2\)/],
		[
			'21 keywords',
			{ additionalFields: { keywords: Array.from({ length: 21 }, (_, i) => `k${i}`).join(',') } },
			/"Keywords" takes at most 20 entries/,
		],
		['21 tags', { additionalFields: { tags: Array.from({ length: 21 }, (_, i) => `t${i}`).join(',') } }, /"Tags" takes at most 20 entries/],
		['a title of 201 characters', { title: 't'.repeat(201) }, /"Title" must be at most 200 characters \(it has 201\)/],
		['an excerpt of 301 characters', { additionalFields: { excerpt: 'e'.repeat(301) } }, /"Excerpt" must be at most 300 characters/],
		['an http cover image', { additionalFields: { coverImageUrl: 'http://example.com/c.png' } }, /"Cover Image URL" must be a full https:\/\/ URL/],
	])('refuses %s before sending anything', async (_case, overrides, message) => {
		const result = await env.run({ ...create('Valid title'), ...overrides });
		expect(result.error?.message).toMatch(message);
		env.nothingSent();
	});

	it('checks the same rules on update', async () => {
		const result = await env.run(blog('update', { slug: 'building-agents-with-n8n-a-guide', updateFields: { content: markdown(100) } }));
		expect(result.error?.message).toMatch(/"Content" must have at least 500 words \(it has 100\)/);
		env.nothingSent();
	});

	it('has the sandbox enforce the rules too', async () => {
		const short = await env.sandbox.act('alice_ai', 'POST', '/api/blog', { title: 'Short', category: 'PRODUCT', content: markdown(100) });
		expect(short.status).toBe(400);
		expect(short.body.details.content).toBe('content must have at least 500 words (it has 100)');
		const few = await env.sandbox.act('alice_ai', 'POST', '/api/blog', {
			title: 'Few keywords',
			category: 'PRODUCT',
			content: ARTICLE,
			keywords: ['a', 'b'],
			coverImageUrl: 'http://example.com/c.png',
		});
		expect(few.status).toBe(400);
		expect(Object.keys(few.body.details).sort()).toEqual(['coverImageUrl', 'keywords']);
	});
});
