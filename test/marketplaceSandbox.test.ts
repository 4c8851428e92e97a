import { startSandbox, type Sandbox } from './sandbox';
import { marketplaceOf, type OrderChange } from './sandbox/state/marketplace';
import { SERVICE_INPUT } from './marketplaceKit';

/** The sandbox's marketplace rules, checked through its API (in process). */
describe('sandbox marketplace', () => {
	let sandbox: Sandbox;
	const SELLER = 'alice_ai';
	const BUYER = 'bob_bot';
	let serviceId: string;

	const call = async (handle: string | null, method: string, path: string, body?: unknown) =>
		await sandbox.act(handle, method, path, body);
	const place = async (paymentMethod = 'CARD') => {
		const answer = await call(BUYER, 'POST', '/api/marketplace/orders', { serviceId, requirements: 'Do it', paymentMethod });
		expect(answer.status).toBe(201);
		return answer.body.order.id as string;
	};
	const update = async (handle: string, orderId: string, action: string, extra: Record<string, unknown> = {}) =>
		await call(handle, 'PATCH', `/api/marketplace/orders/${orderId}`, { action, ...extra });

	beforeAll(async () => {
		sandbox = await startSandbox();
		const created = await call(SELLER, 'POST', '/api/marketplace/services', { ...SERVICE_INPUT, revisions: 1 });
		expect(created.status).toBe(201);
		serviceId = created.body.service.id;
	});
	afterAll(async () => await sandbox.close());

	describe('order state machine', () => {
		/** How to bring a new order into each status: [party, action] steps after placing it. */
		const PATHS: Record<string, Array<[string, string] | 'pay'>> = {
			PENDING_PAYMENT: [],
			PAID: ['pay'],
			IN_PROGRESS: ['pay', [SELLER, 'start']],
			DELIVERED: ['pay', [SELLER, 'start'], [SELLER, 'deliver']],
			REVISION: ['pay', [SELLER, 'start'], [SELLER, 'deliver'], [BUYER, 'request_revision']],
			COMPLETED: ['pay', [SELLER, 'start'], [SELLER, 'deliver'], [BUYER, 'accept']],
			CANCELLED: [[BUYER, 'cancel']],
			REFUNDED: ['pay', [BUYER, 'cancel']],
			DISPUTED: ['pay', [BUYER, 'dispute']],
		};
		/** What each party may do in each status (the rest: 403 for the wrong party, else 409). */
		const ALLOWED: Record<string, { buyer: string[]; seller: string[] }> = {
			PENDING_PAYMENT: { buyer: ['cancel'], seller: ['cancel'] },
			PAID: { buyer: ['cancel', 'dispute'], seller: ['start', 'cancel', 'dispute'] },
			IN_PROGRESS: { buyer: ['dispute'], seller: ['deliver', 'cancel', 'dispute'] },
			DELIVERED: { buyer: ['accept', 'request_revision', 'dispute'], seller: ['dispute'] },
			REVISION: { buyer: ['dispute'], seller: ['start', 'deliver', 'cancel', 'dispute'] },
			COMPLETED: { buyer: [], seller: [] },
			CANCELLED: { buyer: [], seller: [] },
			REFUNDED: { buyer: [], seller: [] },
			DISPUTED: { buyer: [], seller: [] },
		};
		const ROLE_OF_ACTION: Record<string, string[]> = {
			start: ['seller'],
			deliver: ['seller'],
			accept: ['buyer'],
			request_revision: ['buyer'],
			dispute: ['buyer', 'seller'],
			cancel: ['buyer', 'seller'],
		};
		const RESULT: Record<string, (from: string) => string> = {
			start: () => 'IN_PROGRESS',
			deliver: () => 'DELIVERED',
			accept: () => 'COMPLETED',
			request_revision: () => 'REVISION',
			dispute: () => 'DISPUTED',
			cancel: (from) => (from === 'PENDING_PAYMENT' ? 'CANCELLED' : 'REFUNDED'),
		};

		const orderIn = async (status: string): Promise<string> => {
			const orderId = await place();
			for (const step of PATHS[status]) {
				if (step === 'pay') marketplaceOf(sandbox.store).confirmPayment(orderId);
				else expect((await update(step[0], orderId, step[1], { deliverables: 'work' })).status).toBe(200);
			}
			expect((await call(BUYER, 'GET', `/api/marketplace/orders/${orderId}`)).body.order.status).toBe(status);
			return orderId;
		};

		const cases = Object.keys(PATHS).flatMap((status) =>
			(['buyer', 'seller'] as const).flatMap((role) => Object.keys(RESULT).map((action) => [status, role, action] as const)),
		);

		it.each(cases)('%s: the %s tries %s', async (status, role, action) => {
			const orderId = await orderIn(status);
			const answer = await update(role === 'buyer' ? BUYER : SELLER, orderId, action, { deliverables: 'work', reason: 'why' });
			if (!ROLE_OF_ACTION[action].includes(role)) {
				expect(answer.status).toBe(403);
				expect(answer.body.message).toMatch(new RegExp(`^Only the .* can .*; you are its ${role}$`));
			} else if (ALLOWED[status][role].includes(action)) {
				expect(answer.status).toBe(200);
				expect(answer.body.order.status).toBe(RESULT[action](status));
			} else {
				expect(answer.status).toBe(409);
				const allowed = ALLOWED[status][role];
				expect(answer.body.message).toContain(`is ${status}.`);
				expect(answer.body.message).toContain(
					allowed.length ? `Actions the ${role} can take now: ${allowed.join(', ')}.` : 'No further actions are possible.',
				);
			}
		});
	});

	it('announces placement and every status change through one listener, with history', async () => {
		const heard: OrderChange[] = [];
		marketplaceOf(sandbox.store).orderListeners.push((change) => heard.push(change));
		const orderId = await place();
		marketplaceOf(sandbox.store).confirmPayment(orderId);
		await update(SELLER, orderId, 'start');
		expect(heard.map((c) => [c.from, c.to, c.action])).toEqual([
			[null, 'PENDING_PAYMENT', 'place'],
			['PENDING_PAYMENT', 'PAID', 'pay'],
			['PAID', 'IN_PROGRESS', 'start'],
		]);
		const got = await call(SELLER, 'GET', `/api/marketplace/orders/${orderId}`);
		expect(got.body.order.statusHistory.map((h: { status: string; by: string | null }) => [h.status, h.by])).toEqual([
			['PENDING_PAYMENT', BUYER],
			['PAID', null],
			['IN_PROGRESS', SELLER],
		]);
		marketplaceOf(sandbox.store).orderListeners.length = 0;
	});

	it('validates orders, actions, messages and payment simulation', async () => {
		expect((await call(BUYER, 'POST', '/api/marketplace/orders', { serviceId, requirements: 'x', paymentMethod: 'PAYPAL' })).body.details).toEqual({
			paymentMethod: 'paymentMethod must be one of CARD, CRYPTO_USDC, CRYPTO_USDP, COINBASE',
		});
		expect((await call(BUYER, 'POST', '/api/marketplace/orders', { serviceId: 'svc_none', requirements: 'x', paymentMethod: 'CARD' })).status).toBe(404);
		expect((await call(null, 'GET', '/api/marketplace/orders')).status).toBe(401);

		const orderId = await place();
		expect((await update(BUYER, orderId, 'fly')).status).toBe(400);
		marketplaceOf(sandbox.store).confirmPayment(orderId);
		await update(SELLER, orderId, 'start');
		const noDeliverables = await update(SELLER, orderId, 'deliver');
		expect(noDeliverables.status).toBe(400);
		expect(noDeliverables.body.message).toBe('deliverables are required to deliver an order');

		const long = await call(BUYER, 'POST', `/api/marketplace/orders/${orderId}/messages`, { content: 'x'.repeat(5001) });
		expect(long.status).toBe(400);
		const badAttachment = await call(BUYER, 'POST', `/api/marketplace/orders/${orderId}/messages`, { content: 'x', attachments: ['ftp://x'] });
		expect(badAttachment.status).toBe(400);

		const paidAgain = await call(null, 'GET', `/hosted/checkout/${orderId}`);
		expect(paidAgain.status).toBe(409);
		expect(paidAgain.body.message).toBe(`Order ${orderId} is IN_PROGRESS, not awaiting payment`);
		expect((await call(null, 'GET', '/hosted/onboarding/nope')).status).toBe(404);
	});

	it('validates services and browse queries', async () => {
		const bad = await call(SELLER, 'POST', '/api/marketplace/services', { ...SERVICE_INPUT, price: 4.5, deliveryDays: 0 });
		expect(bad.status).toBe(400);
		expect(bad.body.details).toEqual({
			price: 'price must be a whole number (cents)',
			deliveryDays: 'deliveryDays must be between 1 and 365',
		});
		expect((await call(null, 'GET', '/api/marketplace/services?sortBy=name')).status).toBe(400);
		expect((await call(null, 'GET', '/api/marketplace/services?minPrice=-1')).status).toBe(400);
		expect((await call(null, 'GET', '/api/marketplace/reviews')).body.message).toBe('serviceId is required');
		const strict = await call(SELLER, 'PATCH', `/api/marketplace/services/${serviceId}`, { colour: 'red' });
		expect(strict.body.details).toEqual({ colour: 'colour is not an allowed field' });
	});

	it('keeps per-seller payout totals and needs onboarding for payouts', async () => {
		const before = (await call(SELLER, 'GET', '/api/marketplace/payouts')).body;
		const orderId = await place();
		marketplaceOf(sandbox.store).confirmPayment(orderId);
		await update(SELLER, orderId, 'start');
		await update(SELLER, orderId, 'deliver', { deliverables: 'work' });
		await update(BUYER, orderId, 'accept');
		const after = (await call(SELLER, 'GET', '/api/marketplace/payouts')).body;
		expect(after.payouts).toHaveLength(before.payouts.length + 1);
		expect(after.summary.pendingAmount - before.summary.pendingAmount).toBe(450);
		expect((await call(BUYER, 'GET', '/api/marketplace/payouts')).body.payouts.every((p: { orderId: string }) => p.orderId !== orderId)).toBe(true);

		const payoutId = after.payouts[0].id;
		expect((await call(SELLER, 'POST', '/api/marketplace/payouts', { payoutId })).status).toBe(403);
		expect((await call(SELLER, 'POST', '/api/marketplace/connect', { preferCrypto: true })).status).toBe(400);
		const setUp = await call(SELLER, 'POST', '/api/marketplace/connect');
		expect(setUp.status).toBe(201);
		marketplaceOf(sandbox.store).completeOnboarding(sandbox.store.agentByHandle(SELLER)!.id);
		expect((await call(SELLER, 'POST', '/api/marketplace/payouts', { payoutId })).body.payout.status).toBe('PROCESSING');
		expect((await call(SELLER, 'POST', '/api/marketplace/payouts', { payoutId })).status).toBe(409);
		marketplaceOf(sandbox.store).settlePayout(payoutId);
		const completed = (await call(SELLER, 'GET', '/api/marketplace/payouts?status=COMPLETED')).body;
		expect(completed.payouts.map((p: { id: string }) => p.id)).toEqual([payoutId]);
		expect(completed.summary.completedAmount).toBe(450);
		expect((await call(BUYER, 'POST', '/api/marketplace/payouts', { payoutId })).status).toBe(404);
	});

	it('starts afresh on reset', async () => {
		sandbox.reset();
		expect((await call(null, 'GET', '/api/marketplace/services')).body.services).toEqual([]);
	});
});
