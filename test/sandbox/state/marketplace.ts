import { conflict, forbidden, notFound, validationError } from '../framework/errors';
import { randomHex, type Store } from './store';

/**
 * Marketplace state: services, orders (with their messages), reviews, payouts and payment
 * (Connect) accounts. Every order status change, placement included, goes through
 * `MarketplaceState.changeStatus`, the one place order events are announced.
 */

export const ORDER_STATUSES = [
	'PENDING_PAYMENT',
	'PAID',
	'IN_PROGRESS',
	'DELIVERED',
	'REVISION',
	'COMPLETED',
	'CANCELLED',
	'DISPUTED',
	'REFUNDED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_ACTIONS = ['start', 'deliver', 'accept', 'request_revision', 'dispute', 'cancel'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

export const PAYMENT_METHODS = ['CARD', 'CRYPTO_USDC', 'CRYPTO_USDP', 'COINBASE'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYOUT_STATUSES = ['PENDING', 'PROCESSING', 'COMPLETED'] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export type OrderRole = 'buyer' | 'seller';

/** Share of an order's price the platform keeps; the seller's payout is the rest. */
export const PLATFORM_FEE_PERCENT = 10;
export const CURRENCY = 'usd';

export interface NewService {
	title: string;
	description: string;
	shortDesc: string;
	/** Cents. */
	price: number;
	deliveryDays: number;
	revisions: number;
	category: string;
	tags: string[];
	thumbnailUrl?: string | null;
	images?: string[];
}

/** A listed service: what its seller gave (NewService, defaults filled in) plus its own state. */
export interface ServiceRecord extends Required<NewService> {
	id: string;
	seq: number;
	agentId: string;
	isActive: boolean;
	featured: boolean;
	createdAt: number;
	updatedAt: number;
}

export interface OrderHistoryEntry {
	status: OrderStatus;
	/** `place`, `pay` or an order action. */
	action: string;
	/** null: the payment provider. */
	actorId: string | null;
	note: string | null;
	at: number;
}

export interface OrderRecord {
	id: string;
	seq: number;
	serviceId: string;
	/** Snapshot at placement: the service may change or be deleted later. */
	serviceTitle: string;
	buyerId: string;
	sellerId: string;
	status: OrderStatus;
	requirements: string;
	paymentMethod: PaymentMethod;
	/** Cents, the service's price at placement. */
	amount: number;
	deliverables: string | null;
	revisionsAllowed: number;
	revisionsUsed: number;
	history: OrderHistoryEntry[];
	createdAt: number;
	updatedAt: number;
}

export interface OrderMessageRecord {
	id: string;
	seq: number;
	orderId: string;
	senderId: string;
	content: string;
	attachments: string[];
	createdAt: number;
}

export interface ReviewRecord {
	id: string;
	seq: number;
	orderId: string;
	serviceId: string;
	reviewerId: string;
	sellerId: string;
	rating: number;
	content: string;
	qualityRating: number | null;
	communicationRating: number | null;
	deliveryRating: number | null;
	createdAt: number;
}

export interface PayoutRecord {
	id: string;
	seq: number;
	agentId: string;
	orderId: string;
	/** Cents paid out: grossAmount minus platformFee. */
	amount: number;
	grossAmount: number;
	platformFee: number;
	status: PayoutStatus;
	createdAt: number;
	requestedAt: number | null;
	completedAt: number | null;
}

export interface PaymentAccountRecord {
	agentId: string;
	accountId: string;
	/** Secret part of the sandbox's hosted onboarding link. */
	onboardingToken: string;
	detailsSubmitted: boolean;
	chargesEnabled: boolean;
	payoutsEnabled: boolean;
	preferCrypto: boolean;
	cryptoWalletAddress: string | null;
	createdAt: number;
	onboardedAt: number | null;
}

/** What an order listener hears: a placement (`from` null) or a status change. */
export interface OrderChange {
	order: OrderRecord;
	from: OrderStatus | null;
	to: OrderStatus;
	action: string;
	actorId: string | null;
	at: number;
}

export type OrderListener = (change: OrderChange) => void;

/** Actions each party may take in each status; statuses not listed allow none. */
const ALLOWED: Partial<Record<OrderStatus, Record<OrderRole, OrderAction[]>>> = {
	PENDING_PAYMENT: { buyer: ['cancel'], seller: ['cancel'] },
	PAID: { buyer: ['cancel', 'dispute'], seller: ['start', 'cancel', 'dispute'] },
	IN_PROGRESS: { buyer: ['dispute'], seller: ['deliver', 'cancel', 'dispute'] },
	DELIVERED: { buyer: ['accept', 'request_revision', 'dispute'], seller: ['dispute'] },
	REVISION: { buyer: ['dispute'], seller: ['start', 'deliver', 'cancel', 'dispute'] },
};

const ACTION_ROLES: Record<OrderAction, OrderRole[]> = {
	start: ['seller'],
	deliver: ['seller'],
	accept: ['buyer'],
	request_revision: ['buyer'],
	dispute: ['buyer', 'seller'],
	cancel: ['buyer', 'seller'],
};

const ACTION_WORDS: Record<OrderAction, string> = {
	start: 'start work on',
	deliver: 'deliver',
	accept: 'accept',
	request_revision: 'request a revision of',
	dispute: 'dispute',
	cancel: 'cancel',
};

/** Orders in these statuses keep their service from being deleted (it is deactivated instead). */
export const ACTIVE_ORDER_STATUSES: readonly OrderStatus[] = [
	'PENDING_PAYMENT',
	'PAID',
	'IN_PROGRESS',
	'DELIVERED',
	'REVISION',
	'DISPUTED',
];

export function allowedActions(status: OrderStatus, role: OrderRole): OrderAction[] {
	return ALLOWED[status]?.[role] ?? [];
}

export interface ActionInput {
	deliverables?: string;
	/** Message or reason that goes with the action. */
	note?: string;
}

export interface NewReview {
	rating: number;
	content: string;
	qualityRating?: number;
	communicationRating?: number;
	deliveryRating?: number;
}

export class MarketplaceState {
	readonly services = new Map<string, ServiceRecord>();
	readonly orders = new Map<string, OrderRecord>();
	readonly messages: OrderMessageRecord[] = [];
	readonly reviews: ReviewRecord[] = [];
	readonly payouts = new Map<string, PayoutRecord>();
	/** By agent id. */
	readonly accounts = new Map<string, PaymentAccountRecord>();
	/** Hears every placement and status change (for ORDER webhook events). */
	readonly orderListeners: OrderListener[] = [];

	constructor(private readonly store: Store) {}

	// ---- services -----------------------------------------------------------------------

	createService(agentId: string, input: NewService, at: number): ServiceRecord {
		const service: ServiceRecord = {
			id: this.store.newId('svc'),
			seq: this.store.nextSeq(),
			agentId,
			...input,
			thumbnailUrl: input.thumbnailUrl ?? null,
			images: input.images ?? [],
			isActive: true,
			featured: false,
			createdAt: at,
			updatedAt: at,
		};
		this.services.set(service.id, service);
		return service;
	}

	/** Deletes the service, or only deactivates it while orders of it are still open. */
	deleteService(service: ServiceRecord, at: number): { deleted: boolean; deactivated: boolean } {
		const open = this.ordersOf(service.id).some((o) => ACTIVE_ORDER_STATUSES.includes(o.status));
		if (open) {
			service.isActive = false;
			service.updatedAt = at;
			return { deleted: false, deactivated: true };
		}
		this.services.delete(service.id);
		return { deleted: true, deactivated: false };
	}

	ordersOf(serviceId: string): OrderRecord[] {
		return [...this.orders.values()].filter((o) => o.serviceId === serviceId);
	}

	reviewsOf(serviceId: string): ReviewRecord[] {
		return this.reviews.filter((r) => r.serviceId === serviceId);
	}

	serviceStats(serviceId: string): { avgRating: number | null; reviewCount: number; orderCount: number } {
		const reviews = this.reviewsOf(serviceId);
		return {
			avgRating: average(reviews.map((r) => r.rating)),
			reviewCount: reviews.length,
			orderCount: this.ordersOf(serviceId).length,
		};
	}

	/** The seller's track record, shown with a service's details. */
	agentStats(agentId: string): Record<string, unknown> {
		const received = this.reviews.filter((r) => r.sellerId === agentId);
		const sold = [...this.orders.values()].filter((o) => o.sellerId === agentId);
		return {
			activeServices: [...this.services.values()].filter((s) => s.agentId === agentId && s.isActive).length,
			completedOrders: sold.filter((o) => o.status === 'COMPLETED').length,
			avgRating: average(received.map((r) => r.rating)),
			reviewCount: received.length,
		};
	}

	// ---- orders -------------------------------------------------------------------------

	placeOrder(buyerId: string, service: ServiceRecord, requirements: string, paymentMethod: PaymentMethod, at: number): OrderRecord {
		if (service.agentId === buyerId) throw forbidden('You cannot order your own service');
		if (!service.isActive) throw conflict('This service is deactivated and takes no new orders');
		const order: OrderRecord = {
			id: this.store.newId('ord'),
			seq: this.store.nextSeq(),
			serviceId: service.id,
			serviceTitle: service.title,
			buyerId,
			sellerId: service.agentId,
			status: 'PENDING_PAYMENT',
			requirements,
			paymentMethod,
			amount: service.price,
			deliverables: null,
			revisionsAllowed: service.revisions,
			revisionsUsed: 0,
			history: [],
			createdAt: at,
			updatedAt: at,
		};
		this.orders.set(order.id, order);
		this.changeStatus(order, 'PENDING_PAYMENT', { action: 'place', actorId: buyerId, at });
		return order;
	}

	roleOf(order: OrderRecord, agentId: string): OrderRole | null {
		if (order.buyerId === agentId) return 'buyer';
		if (order.sellerId === agentId) return 'seller';
		return null;
	}

	/** The order as seen by one of its parties; others get 404 so order ids reveal nothing. */
	orderFor(orderId: string, agentId: string): { order: OrderRecord; role: OrderRole } {
		const order = this.orders.get(orderId);
		const role = order ? this.roleOf(order, agentId) : null;
		if (!order || !role) throw notFound('Order');
		return { order, role };
	}

	/** The payment provider confirmed the payment (sandbox: hosted checkout or in-process call). */
	confirmPayment(orderId: string, at: number = Date.now()): OrderRecord {
		const order = this.orders.get(orderId);
		if (!order) throw notFound('Order');
		if (order.status !== 'PENDING_PAYMENT') throw conflict(`Order ${order.id} is ${order.status}, not awaiting payment`);
		this.changeStatus(order, 'PAID', { action: 'pay', actorId: null, at });
		return order;
	}

	/** Applies a party's action, or throws 403 (wrong party) / 409 (wrong status) naming what is possible. */
	act(order: OrderRecord, role: OrderRole, actorId: string, action: OrderAction, input: ActionInput, at: number): OrderRecord {
		const allowedRoles = ACTION_ROLES[action];
		if (!allowedRoles.includes(role)) {
			throw forbidden(`Only the ${allowedRoles.join(' or ')} can ${ACTION_WORDS[action]} an order; you are its ${role}`);
		}
		const allowed = allowedActions(order.status, role);
		if (!allowed.includes(action)) {
			const next = allowed.length ? `Actions the ${role} can take now: ${allowed.join(', ')}` : 'No further actions are possible';
			throw conflict(`Cannot ${ACTION_WORDS[action]} an order that is ${order.status}. ${next}.`);
		}
		const note = input.note ?? null;
		switch (action) {
			case 'start':
				return this.changeStatus(order, 'IN_PROGRESS', { action, actorId, at, note });
			case 'deliver':
				if (!input.deliverables) {
					throw validationError('deliverables are required to deliver an order', { deliverables: 'deliverables is required' });
				}
				order.deliverables = input.deliverables;
				return this.changeStatus(order, 'DELIVERED', { action, actorId, at, note });
			case 'accept':
				return this.changeStatus(order, 'COMPLETED', { action, actorId, at, note });
			case 'request_revision':
				if (order.revisionsUsed >= order.revisionsAllowed) {
					throw conflict(
						`No revisions left: the service includes ${order.revisionsAllowed} and ${order.revisionsUsed} were used. Actions the buyer can take now: accept, dispute.`,
					);
				}
				order.revisionsUsed++;
				return this.changeStatus(order, 'REVISION', { action, actorId, at, note });
			case 'dispute':
				return this.changeStatus(order, 'DISPUTED', { action, actorId, at, note });
			case 'cancel':
				// Nothing was charged before payment; afterwards a cancellation refunds the buyer.
				return this.changeStatus(order, order.status === 'PENDING_PAYMENT' ? 'CANCELLED' : 'REFUNDED', {
					action,
					actorId,
					at,
					note,
				});
		}
	}

	/** The one place an order's status is set: history, the seller's payout, and listeners. */
	private changeStatus(
		order: OrderRecord,
		to: OrderStatus,
		change: { action: string; actorId: string | null; at: number; note?: string | null },
	): OrderRecord {
		const from = order.history.length ? order.status : null;
		order.status = to;
		order.updatedAt = change.at;
		order.history.push({ status: to, action: change.action, actorId: change.actorId, note: change.note ?? null, at: change.at });
		if (to === 'COMPLETED') this.createPayout(order, change.at);
		for (const listener of this.orderListeners) listener({ order, from, to, action: change.action, actorId: change.actorId, at: change.at });
		return order;
	}

	addMessage(order: OrderRecord, senderId: string, content: string, attachments: string[], at: number): OrderMessageRecord {
		const message: OrderMessageRecord = {
			id: this.store.newId('omsg'),
			seq: this.store.nextSeq(),
			orderId: order.id,
			senderId,
			content,
			attachments,
			createdAt: at,
		};
		this.messages.push(message);
		return message;
	}

	// ---- reviews ------------------------------------------------------------------------

	addReview(order: OrderRecord, role: OrderRole, input: NewReview, at: number): ReviewRecord {
		if (role !== 'buyer') throw forbidden('Only the buyer of an order can review it');
		if (order.status !== 'COMPLETED') throw conflict(`Only completed orders can be reviewed; this order is ${order.status}`);
		if (this.reviews.some((r) => r.orderId === order.id)) throw conflict('This order already has a review');
		const review: ReviewRecord = {
			id: this.store.newId('rev'),
			seq: this.store.nextSeq(),
			orderId: order.id,
			serviceId: order.serviceId,
			reviewerId: order.buyerId,
			sellerId: order.sellerId,
			rating: input.rating,
			content: input.content,
			qualityRating: input.qualityRating ?? null,
			communicationRating: input.communicationRating ?? null,
			deliveryRating: input.deliveryRating ?? null,
			createdAt: at,
		};
		this.reviews.push(review);
		return review;
	}

	// ---- payouts and payment accounts ---------------------------------------------------

	private createPayout(order: OrderRecord, at: number): PayoutRecord {
		const platformFee = Math.round((order.amount * PLATFORM_FEE_PERCENT) / 100);
		const payout: PayoutRecord = {
			id: this.store.newId('pay'),
			seq: this.store.nextSeq(),
			agentId: order.sellerId,
			orderId: order.id,
			amount: order.amount - platformFee,
			grossAmount: order.amount,
			platformFee,
			status: 'PENDING',
			createdAt: at,
			requestedAt: null,
			completedAt: null,
		};
		this.payouts.set(payout.id, payout);
		return payout;
	}

	payoutsOf(agentId: string): PayoutRecord[] {
		return [...this.payouts.values()].filter((p) => p.agentId === agentId);
	}

	payoutSummary(agentId: string): Record<string, unknown> {
		const payouts = this.payoutsOf(agentId);
		const total = (status?: PayoutStatus) =>
			payouts.filter((p) => status === undefined || p.status === status).reduce((sum, p) => sum + p.amount, 0);
		return {
			currency: CURRENCY,
			totalEarned: total(),
			pendingAmount: total('PENDING'),
			processingAmount: total('PROCESSING'),
			completedAmount: total('COMPLETED'),
			payoutCount: payouts.length,
		};
	}

	requestPayout(agentId: string, payoutId: string, at: number): PayoutRecord {
		const payout = this.payouts.get(payoutId);
		if (!payout || payout.agentId !== agentId) throw notFound('Payout');
		if (!this.accounts.get(agentId)?.payoutsEnabled) {
			throw forbidden(
				'Payouts need a payment account with completed onboarding. Set it up with POST /api/marketplace/connect and finish the onboarding link.',
			);
		}
		if (payout.status !== 'PENDING') throw conflict(`Payout ${payout.id} is already ${payout.status}`);
		payout.status = 'PROCESSING';
		payout.requestedAt = at;
		return payout;
	}

	/** Sandbox stand-in for the bank transfer arriving: PROCESSING → COMPLETED. */
	settlePayout(payoutId: string, at: number = Date.now()): PayoutRecord {
		const payout = this.payouts.get(payoutId);
		if (!payout) throw notFound('Payout');
		if (payout.status !== 'PROCESSING') throw conflict(`Payout ${payout.id} is ${payout.status}, not PROCESSING`);
		payout.status = 'COMPLETED';
		payout.completedAt = at;
		return payout;
	}

	/** Creates the caller's account on first call; later calls update the crypto preference. */
	setUpAccount(agentId: string, prefs: { preferCrypto?: boolean; cryptoWalletAddress?: string }, at: number): PaymentAccountRecord {
		let account = this.accounts.get(agentId);
		if (!account) {
			account = {
				agentId,
				accountId: `acct_${randomHex(8)}`,
				onboardingToken: randomHex(16),
				detailsSubmitted: false,
				chargesEnabled: false,
				payoutsEnabled: false,
				preferCrypto: false,
				cryptoWalletAddress: null,
				createdAt: at,
				onboardedAt: null,
			};
			this.accounts.set(agentId, account);
		}
		if (prefs.preferCrypto !== undefined) account.preferCrypto = prefs.preferCrypto;
		if (prefs.cryptoWalletAddress !== undefined) account.cryptoWalletAddress = prefs.cryptoWalletAddress;
		return account;
	}

	accountByOnboardingToken(token: string): PaymentAccountRecord | undefined {
		return [...this.accounts.values()].find((a) => a.onboardingToken === token);
	}

	/** The agent finished the hosted onboarding (sandbox: its link, or an in-process call). */
	completeOnboarding(agentId: string, at: number = Date.now()): PaymentAccountRecord {
		const account = this.accounts.get(agentId);
		if (!account) throw notFound('Payment account');
		account.detailsSubmitted = true;
		account.chargesEnabled = true;
		account.payoutsEnabled = true;
		account.onboardedAt ??= at;
		return account;
	}
}

function average(values: number[]): number | null {
	if (values.length === 0) return null;
	return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

/** The marketplace state of a store (created on first use; reset() starts it afresh). */
export function marketplaceOf(store: Store): MarketplaceState {
	return store.areaState('marketplace', (s) => new MarketplaceState(s));
}
