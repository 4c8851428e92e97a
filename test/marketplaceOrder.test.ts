import type { INodeCredentialsDetails, INodeParameters } from 'n8n-workflow';

import { createTestEnv, type TestEnv } from './env';
import { createServiceAs, nothingSent, onlyCall, order, pay, payout, paymentAccount, placeOrderAs, review } from './marketplaceKit';

/** Order operations beyond the happy path: payment by checkout link, cancellations, disputes, refusals. */
describe('Marketplace Order resource', () => {
	let env: TestEnv;
	let buyer: INodeCredentialsDetails;
	let serviceId: string;
	const seller = () => env.sandbox.seeded.handle;
	const BUYER = 'order_buyer';

	const asBuyer = async (parameters: INodeParameters) => await env.run(parameters, { credential: buyer });
	const act = async (handle: string, orderId: string, action: string, extra: Record<string, unknown> = {}) => {
		const answer = await env.sandbox.act(handle, 'PATCH', `/api/marketplace/orders/${orderId}`, { action, ...extra });
		if (answer.status !== 200) throw new Error(`${action} failed: ${JSON.stringify(answer.body)}`);
	};
	const statusOf = async (orderId: string) =>
		(await env.sandbox.act(seller(), 'GET', `/api/marketplace/orders/${orderId}`)).body.order.status as string;

	beforeAll(async () => {
		env = await createTestEnv();
		buyer = await env.newAgentCredential(BUYER);
		serviceId = await createServiceAs(env, seller(), { revisions: 0 });
	});
	afterAll(async () => await env.close());
	beforeEach(() => env.mark());

	it('pays a Coinbase order through its checkout link', async () => {
		const placed = await asBuyer(order('create', { serviceId, requirements: 'A poem', paymentMethod: 'COINBASE' }));
		expect(onlyCall(env).body).toEqual({ serviceId, requirements: 'A poem', paymentMethod: 'COINBASE' });
		const { id, status, coinbaseCheckoutUrl, clientSecret } = placed.items[0].json;
		expect(status).toBe('PENDING_PAYMENT');
		expect(clientSecret).toBeUndefined();
		expect(coinbaseCheckoutUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hosted\/checkout\//);
		expect((await fetch(String(coinbaseCheckoutUrl))).status).toBe(200);
		expect(await statusOf(String(id))).toBe('PAID');
	});

	it("refuses to order one's own service, with the service message", async () => {
		const result = await env.run(order('create', { serviceId, requirements: 'Self-dealing', paymentMethod: 'CARD' }));
		expect(onlyCall(env).status).toBe(403);
		expect(result.error?.message).toBe('You cannot order your own service');
	});

	it('lets the buyer cancel an unpaid order (CANCELLED), sending the reason', async () => {
		const orderId = await placeOrderAs(env, BUYER, serviceId);
		env.mark();
		const result = await asBuyer(order('cancel', { orderId, additionalFields: { reason: 'Changed my mind' } }));
		expect(onlyCall(env).body).toEqual({ action: 'cancel', reason: 'Changed my mind' });
		expect(result.items[0].json).toMatchObject({ id: orderId, status: 'CANCELLED' });
	});

	it('lets the seller cancel a paid order (REFUNDED) but not the buyer once work started', async () => {
		const refunded = await placeOrderAs(env, BUYER, serviceId);
		pay(env, refunded);
		env.mark();
		const result = await env.run(order('cancel', { orderId: refunded, additionalFields: {} }));
		expect(onlyCall(env).body).toEqual({ action: 'cancel' });
		expect(result.items[0].json.status).toBe('REFUNDED');

		const started = await placeOrderAs(env, BUYER, serviceId);
		pay(env, started);
		await act(seller(), started, 'start');
		env.mark();
		const refused = await asBuyer(order('cancel', { orderId: started }));
		expect(onlyCall(env).status).toBe(409);
		expect(refused.error?.message).toBe(
			'Cannot cancel an order that is IN_PROGRESS. Actions the buyer can take now: dispute.',
		);
	});

	it('opens a dispute; a disputed order takes no further actions', async () => {
		const orderId = await placeOrderAs(env, BUYER, serviceId);
		pay(env, orderId);
		await act(seller(), orderId, 'start');
		env.mark();
		const disputed = await asBuyer(order('dispute', { orderId, reason: 'No word from the seller' }));
		expect(onlyCall(env).body).toEqual({ action: 'dispute', reason: 'No word from the seller' });
		expect(disputed.items[0].json.status).toBe('DISPUTED');

		env.mark();
		const late = await env.run(order('deliver', { orderId, deliverables: 'Too late' }));
		expect(late.error?.message).toBe('Cannot deliver an order that is DISPUTED. No further actions are possible.');
	});

	it('refuses a revision when the service includes none', async () => {
		const orderId = await placeOrderAs(env, BUYER, serviceId);
		pay(env, orderId);
		await act(seller(), orderId, 'start');
		await act(seller(), orderId, 'deliver', { deliverables: 'Done' });
		env.mark();
		const result = await asBuyer(order('requestRevision', { orderId, message: 'More!' }));
		expect(result.error?.message).toBe(
			'No revisions left: the service includes 0 and 0 were used. Actions the buyer can take now: accept, dispute.',
		);
	});

	it('keeps orders private to their two parties', async () => {
		const orderId = await placeOrderAs(env, BUYER, serviceId);
		const outsider = await env.newAgentCredential('order_outsider');
		env.mark();
		const result = await env.run(order('get', { orderId }), { credential: outsider });
		expect(onlyCall(env).status).toBe(404);
		expect(result.error?.message).toBe(`Order not found (Order ID ${orderId})`);
	});

	describe('reviews', () => {
		let completed: string;
		beforeAll(async () => {
			completed = await placeOrderAs(env, BUYER, serviceId);
			pay(env, completed);
			await act(seller(), completed, 'start');
			await act(seller(), completed, 'deliver', { deliverables: 'Done' });
		});

		it('refuses a review before completion, by the seller, and a second one', async () => {
			const early = await asBuyer(review('create', { orderId: completed, rating: 5, content: 'Great' }));
			expect(early.error?.message).toBe('Only completed orders can be reviewed; this order is DELIVERED');

			await act(BUYER, completed, 'accept');
			const bySeller = await env.run(review('create', { orderId: completed, rating: 1, content: 'Rude buyer' }));
			expect(bySeller.error?.message).toBe('Only the buyer of an order can review it');
			expect(bySeller.error?.httpCode).toBe('403');

			const first = await asBuyer(review('create', { orderId: completed, rating: 5, content: 'Great' }));
			expect(first.error).toBeUndefined();
			const second = await asBuyer(review('create', { orderId: completed, rating: 4, content: 'Still great' }));
			expect(second.error?.message).toBe('This order already has a review');
		});
	});

	describe('checks before sending', () => {
		it.each([
			['a rating of 6', review('create', { orderId: 'ord_x', rating: 6, content: 'x' }), /"Rating" must be at most 5 \(got 6\)/],
			['a rating of 2.5', review('create', { orderId: 'ord_x', rating: 2.5, content: 'x' }), /"Rating" must be a whole number/],
			[
				'a sub-rating of 0',
				review('create', { orderId: 'ord_x', rating: 3, content: 'x', additionalFields: { deliveryRating: 0 } }),
				/"Delivery Rating" must be at least 1 \(got 0\)/,
			],
			['an empty review text', review('create', { orderId: 'ord_x', rating: 3, content: '={{ "" }}' }), /"Review" is required/],
			[
				'a message over 5000 characters',
				order('sendMessage', { orderId: 'ord_x', content: 'x'.repeat(5001) }),
				/"Message" must be at most 5000 characters \(it has 5001\)/,
			],
			[
				'attachments that are not URLs',
				order('sendMessage', { orderId: 'ord_x', content: 'hi', additionalFields: { attachments: 'file.png' } }),
				/"Attachment URLs" must be full http\(s\) URLs/,
			],
			['deliver without deliverables', order('deliver', { orderId: 'ord_x', deliverables: '={{ "" }}' }), /"Deliverables" is required/],
			['a dispute without reason', order('dispute', { orderId: 'ord_x', reason: '={{ "" }}' }), /"Reason" is required/],
			['a revision without changes', order('requestRevision', { orderId: 'ord_x', message: '={{ "" }}' }), /"Changes Wanted" is required/],
			['an empty order ID', order('get', { orderId: '={{ "" }}' }), /"Order ID" is empty/],
			[
				'an unknown payment method',
				order('create', { serviceId: 'svc_x', requirements: 'x', paymentMethod: '={{ "PAYPAL" }}' }),
				/"Payment Method" must be one of CARD, COINBASE, CRYPTO_USDC, CRYPTO_USDP \(got "PAYPAL"\)/,
			],
			['an empty payout ID', payout('request', { payoutId: '={{ "" }}' }), /"Payout ID" is required/],
			[
				'a malformed wallet address',
				paymentAccount('setUp', { additionalFields: { preferCrypto: true, cryptoWalletAddress: '0x123' } }),
				/"Crypto Wallet Address" must be a wallet address/,
			],
		])('refuses %s', async (_case, parameters, message) => {
			const result = await env.run(parameters);
			expect(result.error?.message).toMatch(message);
			expect(nothingSent(env)).toBe(true);
		});
	});

	it('sets up a crypto payout preference', async () => {
		const wallet = `0x${'ab'.repeat(20)}`;
		const result = await env.run(paymentAccount('setUp', { additionalFields: { preferCrypto: true, cryptoWalletAddress: wallet } }));
		expect(onlyCall(env).body).toEqual({ preferCrypto: true, cryptoWalletAddress: wallet });
		expect(result.items[0].json).toMatchObject({ preferCrypto: true, cryptoWalletAddress: wallet });
		expect(result.items[0].json.onboardingUrl).toBeTruthy();
	});
});
