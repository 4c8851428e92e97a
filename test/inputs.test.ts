/**
 * Values as users map them in real workflows: text from a sheet or an earlier node. Numbers and
 * booleans are sent as JSON numbers and booleans or refused before anything is sent; empty and
 * whitespace-only values count as empty; an empty list leaves the list alone; the service's limits
 * are checked first. Through n8n's engine against the sandbox.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { apiCalls, createPostParameters, createTestEnv, type TestEnv } from './env';

describe('values mapped from text', () => {
	let env: TestEnv;
	let serviceId: string;
	let postId: string;

	beforeAll(async () => {
		env = await createTestEnv();
		const created = await env.act(env.sandbox.seeded.handle, 'POST', '/api/marketplace/services', {
			title: 'Typed values',
			shortDesc: 'For the input tests',
			description: 'A service whose fields are updated from text',
			price: 500,
			deliveryDays: 2,
			revisions: 1,
			category: 'CREATIVE',
		});
		serviceId = created.service.id;
		postId = (await env.act('alice_ai', 'POST', '/api/posts', { content: 'a post to comment on' })).post.id;
		await env.act(env.sandbox.seeded.handle, 'POST', '/api/settings/services', { provider: 'OPENAI', apiKey: 'sk-proj-inputs-test-00000001' });
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	const run = async (parameters: INodeParameters, items: IDataObject[] = [{}]) => await env.run(parameters, { items });
	const sentBody = () => {
		const calls = apiCalls(env.requestsSinceMark());
		expect(calls).toHaveLength(1);
		return calls[0].body as Record<string, unknown>;
	};
	const nothingSent = () => expect(apiCalls(env.requestsSinceMark())).toHaveLength(0);

	describe('numbers and booleans are sent as JSON numbers and booleans', () => {
		it('a price, delivery days and a rating from text', async () => {
			const update = await run(
				{ resource: 'marketplaceService', operation: 'update', serviceId, updateFields: { price: '={{ $json.price }}', deliveryDays: '={{ $json.days }}' } },
				[{ price: '750', days: ' 3 ' }],
			);
			expect(update.error).toBeUndefined();
			expect(sentBody()).toEqual({ price: 750, deliveryDays: 3 });
		});

		it('a switch from text: "false" turns a provider off', async () => {
			const toggle = await run({ resource: 'aiService', operation: 'toggle', provider: 'OPENAI', isActive: '={{ $json.on }}' }, [{ on: 'false' }]);
			expect(toggle.error).toBeUndefined();
			expect(sentBody()).toEqual({ isActive: false });
			expect(toggle.items[0].json.isActive).toBe(false);
		});

		it('an ID that arrives as a number is sent as text', async () => {
			await run(
				{ resource: 'marketplaceOrder', operation: 'create', serviceId: '={{ $json.id }}', requirements: 'a logo', paymentMethod: 'CARD' },
				[{ id: 12345 }],
			);
			expect(sentBody().serviceId).toBe('12345');
		});

		it.each([
			['a price that is not a number', { price: 'abc' }, /"Price \(Cents\)" must be a number \(got "abc"\)/],
			['a price of 1e21', { price: '1e21' }, /"Price \(Cents\)" must be at most 10000000 \(got 1e\+21\)/],
			['a price with cents', { price: '7.5' }, /"Price \(Cents\)" must be a whole number \(got 7.5\)/],
			['"yes" for a switch', { isActive: 'yes' }, /"Active" must be true or false \(got "yes"\)/],
			['a title of 101 characters', { title: 't'.repeat(101) }, /"Title" must be at most 100 characters \(it has 101\)/],
			['200 tags', { tags: Array.from({ length: 200 }, (_, i) => `tag${i}`).join(',') }, /"Tags" takes at most 10 entries \(it has 200\)/],
		])('refuses %s before sending', async (_case, updateFields, error) => {
			const result = await run({ resource: 'marketplaceService', operation: 'update', serviceId, updateFields: { ...updateFields } });
			expect(result.error?.message).toMatch(error);
			// The message names no item (n8n shows it); the description says what the parameter takes.
			expect(result.error?.message).not.toMatch(/item/);
			expect(result.error?.description).toMatch(/^"[^"]+" takes .+; nothing was sent to ImagineAnything\.$/);
			nothingSent();
		});

		it('refuses a rating that is not a whole number of 1 to 5, and a response time the service does not know', async () => {
			const rating = await run({ resource: 'marketplaceReview', operation: 'create', orderId: 'ord_x', rating: '={{ "4.5" }}', content: 'ok' });
			expect(rating.error?.message).toMatch(/"Rating" must be a whole number \(got 4.5\)/);
			const responseTime = await run({ resource: 'profile', operation: 'updateCapabilities', updateFields: { responseTime: 'instant' } });
			expect(responseTime.error?.message).toMatch(/"Response Time" must be one of fast, medium, slow \(got "instant"\)/);
			nothingSent();
		});
	});

	describe('Return All and Limit', () => {
		it('"false" as text is off: the Limit applies', async () => {
			const result = await run({ resource: 'post', operation: 'getTimeline', returnAll: '={{ "false" }}', limit: 2 });
			expect(result.items).toHaveLength(2);
			expect(apiCalls(env.requestsSinceMark())[0].query.limit).toBe('2');
		});

		it.each([['-1'], ['0'], ['abc'], ['2.5']])('refuses a Limit of %s', async (limit) => {
			const result = await run({ resource: 'post', operation: 'getTimeline', returnAll: false, limit: `={{ "${limit}" }}` });
			expect(result.error?.message).toMatch(limit === 'abc' ? /"Limit" must be a number \(got "abc"\)/ : new RegExp(`"Limit" must be a whole number of at least 1 \\(got ${limit}\\)`));
			nothingSent();
		});

		it('refuses a Limit above what a top list holds', async () => {
			const result = await run({ resource: 'discovery', operation: 'getTrending', section: 'posts', limit: '={{ 60 }}' });
			expect(result.error?.message).toMatch(/"Limit" must be a whole number of at least 1 and at most 50 \(got 60\)/);
			nothingSent();
		});
	});

	describe('empty lists leave the list alone', () => {
		it('skills that resolve to "" are not sent; other fields still are', async () => {
			const result = await run({ resource: 'profile', operation: 'updateCapabilities', updateFields: { skills: '={{ "" }}', languages: 'en' } });
			expect(result.error).toBeUndefined();
			expect(sentBody()).toEqual({ languages: ['en'] });
		});

		it('an update with only an empty list sends nothing and says so', async () => {
			const result = await run({ resource: 'profile', operation: 'updateCapabilities', updateFields: { skills: '={{ "" }}' } });
			expect(result.error?.message).toMatch(/"Update Fields" is empty/);
			nothingSent();
		});

		it('an expression giving an empty array clears the list', async () => {
			await env.act(env.sandbox.seeded.handle, 'PATCH', '/api/agents/me/capabilities', { skills: ['writing'] });
			const result = await run({ resource: 'profile', operation: 'updateCapabilities', updateFields: { skills: '={{ [] }}' } });
			expect(result.error).toBeUndefined();
			expect(sentBody()).toEqual({ skills: [] });
		});
	});

	describe('"" in an optional field that never takes "" means not set (as an AI agent fills every key it is offered)', () => {
		it('a profile update: "" for name, website and type is not sent; the bio is', async () => {
			const result = await run({ resource: 'agent', operation: 'updateMe', updateFields: { name: '', websiteUrl: '', agentType: '', bio: 'Posts for n8n' } });
			expect(result.error).toBeUndefined();
			expect(sentBody()).toEqual({ bio: 'Posts for n8n' });
		});

		it('"" for a bio, which may be empty, is sent and empties it', async () => {
			const result = await run({ resource: 'agent', operation: 'updateMe', updateFields: { name: 'Sandbox Agent', bio: '' } });
			expect(result.error).toBeUndefined();
			expect(sentBody()).toEqual({ name: 'Sandbox Agent', bio: '' });
			expect(result.items[0].json.bio).toBe('');
		});

		it('a filter of a list: "" for a category, a number and an option is not sent', async () => {
			const result = await run({ resource: 'marketplaceService', operation: 'getMany', limit: 5, filters: { category: '', maxPrice: '', sortBy: '' } });
			expect(result.error).toBeUndefined();
			const [call] = apiCalls(env.requestsSinceMark());
			expect(call.query).toEqual({ limit: '5' });
		});

		it('"" in a required field is still refused', async () => {
			const result = await run(createPostParameters('={{ "" }}'));
			expect(result.error?.message).toBe('"Content" is required');
			expect(result.error?.description).toBe('"Content" takes text of at most 500 characters; nothing was sent to ImagineAnything.');
			nothingSent();
		});
	});

	describe('whitespace-only text is empty', () => {
		const blank = '={{ "   " }}';
		it.each<[string, INodeParameters, RegExp]>([
			['a post', createPostParameters(blank), /"Content" is required/],
			['a comment', { resource: 'post', operation: 'comment', postId: { __rl: true, mode: 'id', value: 'PLACEHOLDER' }, content: blank, additionalFields: {} }, /"Comment" is required/],
			['a direct message', { resource: 'conversation', operation: 'start', participantHandle: { __rl: true, mode: 'handle', value: 'alice_ai' }, message: blank }, /"Message" is required/],
			['a service title', { resource: 'marketplaceService', operation: 'create', title: blank, shortDesc: 'x', description: 'x', price: 100, category: 'CREATIVE', deliveryDays: 1, revisions: 0 }, /"Title" is required/],
			['order requirements', { resource: 'marketplaceOrder', operation: 'create', serviceId: 'svc_x', requirements: blank, paymentMethod: 'CARD' }, /"Requirements" is required/],
			['a review', { resource: 'marketplaceReview', operation: 'create', orderId: 'ord_x', rating: 5, content: blank }, /"Review" is required/],
			['a prompt', { resource: 'generation', operation: 'start', provider: 'OPENAI', generationType: 'image', prompt: blank }, /"Prompt" is required/],
			['a blog title', { resource: 'blogArticle', operation: 'create', title: blank, category: 'TUTORIALS', content: 'word '.repeat(500) }, /"Title" is required/],
			['a profile name', { resource: 'agent', operation: 'updateMe', updateFields: { name: blank } }, /"Name" must be at least 1 characters \(it has 0\)/],
			['an empty name', { resource: 'agent', operation: 'updateMe', updateFields: { name: '' } }, /"Update Fields" is empty/],
		])('refuses %s of only spaces before sending', async (_case, parameters, error) => {
			const withPost = JSON.parse(JSON.stringify(parameters).replace('PLACEHOLDER', postId)) as INodeParameters;
			const result = await run(withPost);
			expect(result.error?.message).toMatch(error);
			nothingSent();
		});
	});

	describe('locators read only ImagineAnything links and ASCII handles', () => {
		const getAgent = (value: string, mode = 'url') => ({ resource: 'agent', operation: 'get', handle: { __rl: true, mode, value } });
		const getPost = (value: string) => ({ resource: 'post', operation: 'get', postId: { __rl: true, mode: 'url', value } });

		it.each([
			'https://evil.example/agents/bob_bot',
			'https://imagineanything.com.evil.example/agent/bob_bot',
			'evil.example/agent/bob_bot',
			'ftp://imagineanything.com/agent/bob_bot',
		])('refuses %s before sending', async (url) => {
			const result = await run(getAgent(url));
			expect(result.error?.message).toMatch(/^"Agent" is a link to another site/);
			expect(result.error?.description).toMatch(/Only links to imagineanything\.com or www\.imagineanything\.com or 127\.0\.0\.1 are read/);
			nothingSent();
		});

		it('refuses a post link to another site', async () => {
			const result = await run(getPost(`https://evil.example/post/${postId}`));
			expect(result.error?.message).toBe(`"Post" is a link to another site (evil.example): "https://evil.example/post/${postId}"`);
			nothingSent();
		});

		it.each([
			['imagineanything.com', 'https://imagineanything.com/agent/bob_bot'],
			['www, without a scheme, @handle', 'www.imagineanything.com/agents/@bob_bot'],
			["the credential's Base URL", 'SANDBOX/agent/bob_bot'],
		])('reads a profile link on %s', async (_case, url) => {
			const result = await run(getAgent(url.replace('SANDBOX', env.sandbox.url)));
			expect(result.error).toBeUndefined();
			expect(apiCalls(env.requestsSinceMark()).map((c) => c.path)).toEqual(['/api/agents/bob_bot']);
		});

		it('refuses a handle with the Kelvin sign instead of folding it to k', async () => {
			const result = await run(getAgent('\u212Aelvin_ai', 'handle'));
			expect(result.error?.message).toBe('"Agent" is not a valid handle: "\u212Aelvin_ai"');
			expect(result.error?.description).toMatch(/ASCII only/);
			nothingSent();
		});

		it('folds an ASCII handle typed in capitals', async () => {
			const result = await run(getAgent('@Bob_Bot', 'handle'));
			expect(result.error).toBeUndefined();
			expect(apiCalls(env.requestsSinceMark()).map((c) => c.path)).toEqual(['/api/agents/bob_bot']);
		});
	});

	describe("the service's refusals name the parameters the user sees", () => {
		const createService = {
			resource: 'marketplaceService',
			operation: 'create',
			title: 'Named fields',
			shortDesc: 'x',
			description: 'x',
			price: 9000,
			category: 'CREATIVE',
			deliveryDays: 3,
			revisions: 0,
		};
		afterEach(() => env.sandbox.clearFaults());

		it('from the details of a 400', async () => {
			const reason = 'price must be at most 5000 cents for a new seller';
			env.sandbox.addFault({
				method: 'POST',
				path: '/api/marketplace/services',
				status: 400,
				body: { error: 'validation_error', message: reason, details: { price: reason, deliveryDays: 'deliveryDays must be at most 2 for a new seller' } },
			});
			const result = await run(createService);
			expect(result.error?.message).toBe('"Price (Cents)" must be at most 5000 cents for a new seller; "Delivery Days" must be at most 2 for a new seller');
			expect(result.error?.httpCode).toBe('400');
			expect(result.error?.description).toMatch(/Details: \{"price":/);
		});

		it('from the message of a 400 without details', async () => {
			env.sandbox.addFault({ method: 'POST', path: '/api/marketplace/services', status: 400, body: { error: 'bad_request', message: 'shortDesc looks like spam' } });
			const result = await run(createService);
			expect(result.error?.message).toBe('"Short Description" looks like spam');
		});
	});
});
