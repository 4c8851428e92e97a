import type { INodeCredentialsDetails, INodeParameters } from 'n8n-workflow';

import { createTestEnv, type TestEnv } from './env';
import { onlyCall, order, pay, payout, paymentAccount, review, service } from './marketplaceKit';

/**
 * The whole fulfilment of an order through the node, between two agents: the seller is the
 * seeded credential's agent, the buyer an agent with its own credential.
 */
describe('Marketplace: fulfilment from listing to payout', () => {
	let env: TestEnv;
	let buyer: INodeCredentialsDetails;
	let serviceId: string;
	let orderId: string;
	let payoutId: string;
	const PRICE = 1999;

	const asBuyer = async (parameters: INodeParameters) => await env.run(parameters, { credential: buyer });

	beforeAll(async () => {
		env = await createTestEnv();
		buyer = await env.newAgentCredential('flow_buyer');
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	it('seller: the payment account starts without onboarding', async () => {
		const result = await env.run(paymentAccount('getStatus'));
		expect(onlyCall(env)).toMatchObject({ method: 'GET', path: '/api/marketplace/connect', status: 200 });
		expect(result.items[0].json).toMatchObject({ hasAccount: false, chargesEnabled: false, payoutsEnabled: false });
	});

	it('seller: lists a service', async () => {
		const result = await env.run(
			service('create', {
				title: 'Landscape renders',
				shortDesc: 'Landscapes from prompts',
				description: 'High-resolution landscape images from your prompt',
				price: PRICE,
				category: 'CREATIVE',
				deliveryDays: 1,
				revisions: 1,
				tags: 'landscape',
			}),
		);
		expect(onlyCall(env).status).toBe(201);
		serviceId = result.items[0].json.id as string;
		expect(serviceId).toBeTruthy();
	});

	it('buyer: places an order and gets the payment details', async () => {
		const result = await asBuyer(
			order('create', { serviceId, requirements: 'Mountains at dawn, 4k', paymentMethod: 'CARD' }),
		);
		expect(result.error).toBeUndefined();
		const call = onlyCall(env);
		expect(call).toMatchObject({ method: 'POST', path: '/api/marketplace/orders', status: 201, agentHandle: 'flow_buyer' });
		expect(call.body).toEqual({ serviceId, requirements: 'Mountains at dawn, 4k', paymentMethod: 'CARD' });
		const placed = result.items[0].json;
		expect(placed).toMatchObject({
			status: 'PENDING_PAYMENT',
			serviceId,
			amount: PRICE,
			paymentMethod: 'CARD',
			buyer: { handle: 'flow_buyer' },
			seller: { handle: env.sandbox.seeded.handle },
		});
		// The buyer's secret for confirming this one payment, not a credential of ours.
		expect(placed.clientSecret).toMatch(/^pi_\w+_secret_\w+$/);
		orderId = placed.id as string;
	});

	it('seller: cannot start before the payment, and is told what is possible', async () => {
		const result = await env.run(order('start', { orderId }));
		expect(onlyCall(env).status).toBe(409);
		expect(result.error?.message).toBe(
			'Cannot start work on an order that is PENDING_PAYMENT. Actions the seller can take now: cancel.',
		);
		expect(result.error?.httpCode).toBe('409');
	});

	it('the payment arrives; the buyer cannot start work (wrong role)', async () => {
		pay(env, orderId);
		env.mark();
		const result = await asBuyer(order('start', { orderId }));
		expect(onlyCall(env).status).toBe(403);
		expect(result.error?.message).toBe('Only the seller can start work on an order; you are its buyer');
	});

	it('seller: sees the paid order and starts work', async () => {
		const got = await env.run(order('get', { orderId }));
		expect(onlyCall(env)).toMatchObject({ method: 'GET', path: `/api/marketplace/orders/${orderId}` });
		expect(got.items[0].json).toMatchObject({ id: orderId, status: 'PAID' });

		env.mark();
		const started = await env.run(order('start', { orderId }));
		const call = onlyCall(env);
		expect(call).toMatchObject({ method: 'PATCH', path: `/api/marketplace/orders/${orderId}`, status: 200 });
		expect(call.body).toEqual({ action: 'start' });
		expect(started.items[0].json).toMatchObject({ id: orderId, status: 'IN_PROGRESS' });
	});

	it('seller: delivers with deliverables', async () => {
		const result = await env.run(order('deliver', { orderId, deliverables: 'Your renders: https://example.com/r1.png' }));
		expect(onlyCall(env).body).toEqual({ action: 'deliver', deliverables: 'Your renders: https://example.com/r1.png' });
		expect(result.items[0].json).toMatchObject({ status: 'DELIVERED', deliverables: 'Your renders: https://example.com/r1.png' });
	});

	it('both parties exchange order messages', async () => {
		const fromSeller = await env.run(
			order('sendMessage', {
				orderId,
				content: 'Delivered! Full-size files attached.',
				additionalFields: { attachments: 'https://example.com/r1.png, https://example.com/r2.png' },
			}),
		);
		const call = onlyCall(env);
		expect(call).toMatchObject({ method: 'POST', path: `/api/marketplace/orders/${orderId}/messages`, status: 201 });
		expect(call.body).toEqual({
			content: 'Delivered! Full-size files attached.',
			attachments: ['https://example.com/r1.png', 'https://example.com/r2.png'],
		});
		expect(fromSeller.items[0].json).toMatchObject({
			orderId,
			content: 'Delivered! Full-size files attached.',
			sender: { handle: env.sandbox.seeded.handle },
		});

		env.mark();
		await asBuyer(order('sendMessage', { orderId, content: 'Could the sky be warmer?' }));
		expect(onlyCall(env).body).toEqual({ content: 'Could the sky be warmer?' });

		env.mark();
		const listed = await env.run(order('getMessages', { orderId, returnAll: true }));
		expect(onlyCall(env)).toMatchObject({ method: 'GET', path: `/api/marketplace/orders/${orderId}/messages` });
		expect(listed.items.map((i) => i.json.content)).toEqual(['Delivered! Full-size files attached.', 'Could the sky be warmer?']);
	});

	it('buyer: requests a revision, seller redelivers; the one included revision is then used up', async () => {
		const revision = await asBuyer(order('requestRevision', { orderId, message: 'Warmer sky, please' }));
		expect(onlyCall(env).body).toEqual({ action: 'request_revision', message: 'Warmer sky, please' });
		expect(revision.items[0].json).toMatchObject({ status: 'REVISION', revisionsUsed: 1, revisionsAllowed: 1 });

		env.mark();
		const redelivered = await env.run(order('deliver', { orderId, deliverables: 'Warmer: https://example.com/r3.png' }));
		expect(redelivered.items[0].json).toMatchObject({ status: 'DELIVERED' });

		env.mark();
		const again = await asBuyer(order('requestRevision', { orderId, message: 'One more?' }));
		expect(onlyCall(env).status).toBe(409);
		expect(again.error?.message).toMatch(/^No revisions left: the service includes 1 and 1 were used/);
	});

	it('buyer: accepts the delivery', async () => {
		const result = await asBuyer(order('accept', { orderId }));
		expect(onlyCall(env).body).toEqual({ action: 'accept' });
		expect(result.items[0].json).toMatchObject({ id: orderId, status: 'COMPLETED' });
	});

	it('buyer: reviews the order; the service rating follows', async () => {
		const result = await asBuyer(
			review('create', {
				orderId,
				rating: 4,
				content: 'Lovely work, quick revision',
				additionalFields: { qualityRating: 5, communicationRating: 4, deliveryRating: 3 },
			}),
		);
		const call = onlyCall(env);
		expect(call).toMatchObject({ method: 'POST', path: '/api/marketplace/reviews', status: 201 });
		expect(call.body).toEqual({
			orderId,
			rating: 4,
			content: 'Lovely work, quick revision',
			qualityRating: 5,
			communicationRating: 4,
			deliveryRating: 3,
		});
		expect(result.items[0].json).toMatchObject({ orderId, serviceId, rating: 4, reviewer: { handle: 'flow_buyer' } });

		env.mark();
		const reviews = await env.run(review('getMany', { serviceId, returnAll: true }));
		const listCall = onlyCall(env);
		expect(listCall).toMatchObject({ method: 'GET', path: '/api/marketplace/reviews' });
		expect(listCall.query).toEqual({ serviceId, limit: '100' });
		expect(listCall.headers.authorization).toMatch(/^Bearer /);
		expect(reviews.items.map((i) => i.json.content)).toEqual(['Lovely work, quick revision']);

		env.mark();
		const rated = await env.run(service('get', { serviceId }));
		expect(rated.items[0].json).toMatchObject({ avgRating: 4, reviewCount: 1, orderCount: 1 });
		expect((rated.items[0].json.reviews as unknown[]).length).toBe(1);
	});

	it('seller: finds the pending payout, minus the platform fee, and its summary', async () => {
		const listed = await env.run(payout('getMany', { returnAll: true, filters: { status: 'PENDING' } }));
		const call = onlyCall(env);
		expect(call).toMatchObject({ method: 'GET', path: '/api/marketplace/payouts' });
		expect(call.query).toEqual({ status: 'PENDING', limit: '100' });
		expect(listed.items).toHaveLength(1);
		const fee = Math.round(PRICE * 0.1);
		expect(listed.items[0].json).toMatchObject({ orderId, status: 'PENDING', grossAmount: PRICE, platformFee: fee, amount: PRICE - fee });
		payoutId = listed.items[0].json.id as string;

		env.mark();
		const summary = await env.run(payout('getSummary'));
		expect(onlyCall(env)).toMatchObject({ method: 'GET', path: '/api/marketplace/payouts' });
		expect(summary.items).toHaveLength(1);
		expect(summary.items[0].json).toMatchObject({ pendingAmount: PRICE - fee, totalEarned: PRICE - fee, payoutCount: 1 });
	});

	it('seller: cannot request the payout before onboarding', async () => {
		const result = await env.run(payout('request', { payoutId }));
		expect(onlyCall(env)).toMatchObject({ method: 'POST', path: '/api/marketplace/payouts', status: 403 });
		expect(result.error?.message).toMatch(/^Payouts need a payment account with completed onboarding/);
	});

	it('seller: sets up the payment account, finishes onboarding, and requests the payout', async () => {
		const setUp = await env.run(paymentAccount('setUp', { additionalFields: {} }));
		expect(onlyCall(env)).toMatchObject({ method: 'POST', path: '/api/marketplace/connect', status: 201 });
		const onboardingUrl = setUp.items[0].json.onboardingUrl as string;
		expect(onboardingUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hosted\/onboarding\//);
		expect(setUp.items[0].json).toMatchObject({ hasAccount: true, payoutsEnabled: false });

		// A person completes the hosted onboarding page.
		expect((await fetch(onboardingUrl)).status).toBe(200);

		env.mark();
		const status = await env.run(paymentAccount('getStatus'));
		expect(status.items[0].json).toMatchObject({ chargesEnabled: true, payoutsEnabled: true });

		env.mark();
		const requested = await env.run(payout('request', { payoutId }));
		const call = onlyCall(env);
		expect(call).toMatchObject({ method: 'POST', path: '/api/marketplace/payouts', status: 200 });
		expect(call.body).toEqual({ payoutId });
		expect(requested.items[0].json).toMatchObject({ id: payoutId, status: 'PROCESSING' });
	});

	it('both parties find the order in their lists, by role and status', async () => {
		const sold = await env.run(order('getMany', { returnAll: true, filters: { role: 'seller', status: 'COMPLETED' } }));
		expect(onlyCall(env).query).toEqual({ role: 'seller', status: 'COMPLETED', limit: '100' });
		expect(sold.items.map((i) => i.json.id)).toEqual([orderId]);

		env.mark();
		const bought = await asBuyer(order('getMany', { returnAll: false, limit: 10, filters: { role: 'buyer' } }));
		expect(onlyCall(env)).toMatchObject({ method: 'GET', path: '/api/marketplace/orders', query: { role: 'buyer', limit: '10' } });
		expect(bought.items.map((i) => i.json.id)).toEqual([orderId]);

		env.mark();
		const asSellerOnlyBuying = await asBuyer(order('getMany', { returnAll: true, filters: { role: 'seller' } }));
		expect(asSellerOnlyBuying.items).toHaveLength(0);
	});
});
