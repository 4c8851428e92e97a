import { apiCalls, createTestEnv, type TestEnv } from './env';
import { createServiceAs, nothingSent, onlyCall, placeOrderAs, SERVICE_INPUT, service } from './marketplaceKit';
import { marketplaceOf } from './sandbox/state/marketplace';

describe('Marketplace Service resource', () => {
	let env: TestEnv;
	const seller = () => env.sandbox.seeded.handle;

	beforeAll(async () => {
		env = await createTestEnv();
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	const createParameters = {
		title: 'Logo Design',
		shortDesc: 'A logo in a day',
		description: 'Three logo drafts, vector files included',
		price: 2500,
		category: 'CREATIVE',
		deliveryDays: 2,
		revisions: 3,
		tags: 'logo, branding ',
		additionalFields: { thumbnailUrl: 'https://example.com/thumb.png', images: 'https://example.com/a.png' },
	};

	it('creates a service, sending the price in cents and the tags as an array', async () => {
		const result = await env.run(service('create', createParameters));
		expect(result.error).toBeUndefined();
		const call = onlyCall(env);
		expect(call).toMatchObject({ method: 'POST', path: '/api/marketplace/services', status: 201 });
		expect(call.headers.authorization).toMatch(/^Bearer iat_/);
		expect(call.body).toEqual({
			title: 'Logo Design',
			shortDesc: 'A logo in a day',
			description: 'Three logo drafts, vector files included',
			price: 2500,
			category: 'CREATIVE',
			deliveryDays: 2,
			revisions: 3,
			tags: ['logo', 'branding'],
			thumbnailUrl: 'https://example.com/thumb.png',
			images: ['https://example.com/a.png'],
		});
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			title: 'Logo Design',
			price: 2500,
			currency: 'usd',
			isActive: true,
			reviewCount: 0,
			agent: { handle: seller() },
		});
		expect(result.items[0].json.id).toMatch(/^svc_/);
	});

	it('takes a category that the list does not have through an expression', async () => {
		const result = await env.run(service('create', { ...createParameters, category: '={{ "DESIGN" }}' }));
		expect(onlyCall(env).body).toMatchObject({ category: 'DESIGN' });
		expect(result.items[0].json.category).toBe('DESIGN');
	});

	it.each([
		[12.5, /"Price \(Cents\)" must be a whole number \(got 12.5\)/],
		[-100, /"Price \(Cents\)" must be at least 1 \(got -100\)/],
		[0, /"Price \(Cents\)" must be at least 1 \(got 0\)/],
	])('refuses the price %p before sending anything', async (price, message) => {
		const result = await env.run(service('create', { ...createParameters, price }));
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toBe('"Price (Cents)" takes a whole number from 1 to 10000000; nothing was sent to ImagineAnything.');
		expect(nothingSent(env)).toBe(true);
	});

	it('refuses a missing title and image URLs that are not URLs before sending anything', async () => {
		const untitled = await env.run(service('create', { ...createParameters, title: '={{ "" }}' }));
		expect(untitled.error?.message).toMatch(/"Title" is required/);
		const badImages = await env.run(
			service('create', { ...createParameters, additionalFields: { images: 'https://example.com/a.png, not-a-url' } }),
		);
		expect(badImages.error?.message).toMatch(/"Image URLs" must be full http\(s\) URLs \("not-a-url" is not\)/);
		expect(nothingSent(env)).toBe(true);
	});

	it('gets a service with reviews and seller stats, as the credential\'s agent when one is selected', async () => {
		const id = await createServiceAs(env, 'alice_ai', { title: 'Portrait painting' });
		env.mark();
		// A public read: with a credential selected, it is read as that agent.
		const result = await env.run(service('get', { serviceId: id }));
		expect(result.error).toBeUndefined();
		const call = onlyCall(env);
		expect(call).toMatchObject({ method: 'GET', path: `/api/marketplace/services/${id}`, status: 200 });
		expect(call.headers.authorization).toMatch(/^Bearer /);
		expect(result.items[0].json).toMatchObject({
			id,
			title: 'Portrait painting',
			reviews: [],
			agentStats: { activeServices: expect.any(Number), completedOrders: 0 },
			agent: { handle: 'alice_ai' },
		});
	});

	it('reports a missing service with the service message', async () => {
		const result = await env.run(service('get', { serviceId: 'svc_missing' }));
		expect(result.error?.message).toBe('Service not found (Service ID svc_missing)');
		expect(result.error?.httpCode).toBe('404');
	});

	it('updates a service with only the fields given', async () => {
		const id = await createServiceAs(env, seller());
		env.mark();
		const result = await env.run(
			service('update', { serviceId: id, updateFields: { price: 750, description: 'Updated description' } }),
		);
		const call = onlyCall(env);
		expect(call).toMatchObject({ method: 'PATCH', path: `/api/marketplace/services/${id}`, status: 200 });
		expect(call.body).toEqual({ price: 750, description: 'Updated description' });
		expect(result.items[0].json).toMatchObject({ id, price: 750, description: 'Updated description', title: SERVICE_INPUT.title });
	});

	it('refuses an empty update and a fractional price before sending anything', async () => {
		const empty = await env.run(service('update', { serviceId: 'svc_x', updateFields: {} }));
		expect(empty.error?.message).toMatch(/"Update Fields" is empty/);
		const fractional = await env.run(service('update', { serviceId: 'svc_x', updateFields: { price: 9.99 } }));
		expect(fractional.error?.message).toMatch(/"Price \(Cents\)" must be a whole number/);
		expect(nothingSent(env)).toBe(true);
	});

	it("surfaces the service's 403 when updating another agent's service", async () => {
		const id = await createServiceAs(env, 'alice_ai');
		env.mark();
		const result = await env.run(service('update', { serviceId: id, updateFields: { price: 1 } }));
		expect(onlyCall(env).status).toBe(403);
		expect(result.error?.message).toBe('You can only change your own services');
	});

	it('deletes a service without orders and says so', async () => {
		const id = await createServiceAs(env, seller());
		env.mark();
		const result = await env.run(service('delete', { serviceId: id }));
		expect(onlyCall(env)).toMatchObject({ method: 'DELETE', path: `/api/marketplace/services/${id}`, status: 200 });
		expect(result.items[0].json).toMatchObject({ serviceId: id, deleted: true, deactivated: false });
		expect((await env.sandbox.act(null, 'GET', `/api/marketplace/services/${id}`)).status).toBe(404);
	});

	it('deactivates instead of deleting a service with an open order, and says so', async () => {
		const id = await createServiceAs(env, seller(), { title: 'Busy service' });
		await placeOrderAs(env, 'bob_bot', id);
		env.mark();
		const result = await env.run(service('delete', { serviceId: id }));
		expect(onlyCall(env).method).toBe('DELETE');
		expect(result.items[0].json).toMatchObject({ serviceId: id, deleted: false, deactivated: true });
		expect(String(result.items[0].json.message)).toMatch(/deactivated instead of deleted/);
		const after = await env.sandbox.act(null, 'GET', `/api/marketplace/services/${id}`);
		expect(after.body.service.isActive).toBe(false);
	});

	describe('browse', () => {
		const TAG = 'bulkbrowse';
		let ids: string[];

		beforeAll(async () => {
			ids = [];
			for (let i = 0; i < 130; i++) {
				ids.push(
					await createServiceAs(env, i % 2 ? 'carol_analyst' : 'dave_auto', {
						title: `Bulk service ${i}`,
						price: 100 + i,
						category: i % 3 ? 'DATA' : 'RESEARCH',
						tags: [TAG],
					}),
				);
			}
			marketplaceOf(env.sandbox.store).services.get(ids[7])!.featured = true;
		});
		beforeEach(() => env.mark());

		it('returns all across two pages of 100', async () => {
			const result = await env.run(service('getMany', { returnAll: true, filters: { search: TAG } }));
			expect(result.error).toBeUndefined();
			const calls = apiCalls(env.requestsSinceMark());
			expect(calls).toHaveLength(2);
			expect(calls.map((c) => c.query.limit)).toEqual(['100', '100']);
			expect(calls[0].query).toEqual({ search: TAG, limit: '100' });
			expect(calls[1].query.cursor).toBeTruthy();
			expect(calls.every((c) => c.path === '/api/marketplace/services')).toBe(true);
			expect(result.items).toHaveLength(130);
			expect(new Set(result.items.map((i) => i.json.id))).toEqual(new Set(ids));
		});

		it('returns up to a limit with one request', async () => {
			const result = await env.run(service('getMany', { returnAll: false, limit: 5, filters: { search: TAG } }));
			expect(onlyCall(env).query).toEqual({ search: TAG, limit: '5' });
			expect(result.items).toHaveLength(5);
			expect(result.items[0].json.id).toBe(ids[129]);
		});

		it('filters by category and price range and sorts by price', async () => {
			const result = await env.run(
				service('getMany', {
					returnAll: true,
					filters: { search: TAG, category: 'RESEARCH', minPrice: 110, maxPrice: 160, sortBy: 'price', sortOrder: 'asc' },
				}),
			);
			const call = onlyCall(env);
			expect(call.query).toEqual({
				search: TAG,
				category: 'RESEARCH',
				minPrice: '110',
				maxPrice: '160',
				sortBy: 'price',
				sortOrder: 'asc',
				limit: '100',
			});
			const prices = result.items.map((i) => i.json.price as number);
			// RESEARCH services are every third one, priced 100 + i.
			const expected = Array.from({ length: 130 }, (_, i) => i)
				.filter((i) => i % 3 === 0 && 100 + i >= 110 && 100 + i <= 160)
				.map((i) => 100 + i);
			expect(expected.length).toBeGreaterThan(5);
			expect(prices).toEqual(expected);
			expect(result.items.every((i) => i.json.category === 'RESEARCH')).toBe(true);
		});

		it('lists featured services only', async () => {
			const result = await env.run(service('getMany', { returnAll: true, filters: { search: TAG, featured: true } }));
			expect(onlyCall(env).query).toMatchObject({ featured: 'true' });
			expect(result.items.map((i) => i.json.id)).toEqual([ids[7]]);
		});
	});
});
