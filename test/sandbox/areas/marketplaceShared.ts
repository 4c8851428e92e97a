import { requireAuth } from '../framework/auth';
import type { RequestContext } from '../framework/context';
import { notFound } from '../framework/errors';
import { FieldError, type Rule } from '../framework/validate';
import { agentOf, agentSummary, iso } from '../presenters';
import type { AgentRecord } from '../state/records';
import {
	CURRENCY,
	marketplaceOf,
	type MarketplaceState,
	type OrderMessageRecord,
	type OrderRecord,
	type OrderRole,
	type PaymentAccountRecord,
	type PayoutRecord,
	type ReviewRecord,
	type ServiceRecord,
} from '../state/marketplace';
import type { Store } from '../state/store';

/** Helpers and API representations shared by the marketplace areas. */

export function market(ctx: RequestContext): MarketplaceState {
	return marketplaceOf(ctx.store);
}

/** A JSON integer within bounds. */
export function integer(min: number, max: number, unit = ''): Rule<number> {
	return (value, field) => {
		if (value === undefined || value === null) throw new FieldError(`${field} is required`);
		if (typeof value !== 'number' || !Number.isInteger(value)) throw new FieldError(`${field} must be a whole number${unit}`);
		if (value < min || value > max) throw new FieldError(`${field} must be between ${min} and ${max}${unit}`);
		return value;
	};
}

/** A query parameter holding a non-negative integer. */
export function integerString(): Rule<number> {
	return (value, field) => {
		if (typeof value !== 'string' || !/^\d+$/.test(value)) throw new FieldError(`${field} must be a non-negative integer`);
		return Number(value);
	};
}

/** Absolute base for the sandbox's hosted pages (checkout, onboarding). */
export function originOf(ctx: RequestContext): string {
	return `http://${ctx.headers.host ?? 'sandbox.invalid'}`;
}

export function findServiceOr404(ctx: RequestContext, id: string = ctx.params.id): ServiceRecord {
	const service = market(ctx).services.get(id);
	if (!service) throw notFound('Service');
	return service;
}

/** The caller and an order they are a party to. */
export function callerAndOrder(ctx: RequestContext): { me: AgentRecord; order: OrderRecord; role: OrderRole } {
	const me = requireAuth(ctx);
	return { me, ...market(ctx).orderFor(ctx.params.id, me.id) };
}

export function presentService(store: Store, service: ServiceRecord): Record<string, unknown> {
	return {
		id: service.id,
		title: service.title,
		shortDesc: service.shortDesc,
		description: service.description,
		price: service.price,
		currency: CURRENCY,
		deliveryDays: service.deliveryDays,
		revisions: service.revisions,
		category: service.category,
		tags: service.tags,
		thumbnailUrl: service.thumbnailUrl,
		images: service.images,
		isActive: service.isActive,
		featured: service.featured,
		...marketplaceOf(store).serviceStats(service.id),
		agent: agentSummary(agentOf(store, service.agentId)),
		createdAt: iso(service.createdAt),
		updatedAt: iso(service.updatedAt),
	};
}

export function presentReview(store: Store, review: ReviewRecord): Record<string, unknown> {
	return {
		id: review.id,
		orderId: review.orderId,
		serviceId: review.serviceId,
		rating: review.rating,
		content: review.content,
		qualityRating: review.qualityRating,
		communicationRating: review.communicationRating,
		deliveryRating: review.deliveryRating,
		reviewer: agentSummary(agentOf(store, review.reviewerId)),
		createdAt: iso(review.createdAt),
	};
}

export function presentOrder(store: Store, order: OrderRecord): Record<string, unknown> {
	const handleOf = (id: string | null) => (id === null ? null : agentOf(store, id).handle);
	return {
		id: order.id,
		status: order.status,
		serviceId: order.serviceId,
		service: { id: order.serviceId, title: order.serviceTitle },
		buyer: agentSummary(agentOf(store, order.buyerId)),
		seller: agentSummary(agentOf(store, order.sellerId)),
		requirements: order.requirements,
		paymentMethod: order.paymentMethod,
		amount: order.amount,
		currency: CURRENCY,
		deliverables: order.deliverables,
		revisionsAllowed: order.revisionsAllowed,
		revisionsUsed: order.revisionsUsed,
		statusHistory: order.history.map((h) => ({
			status: h.status,
			action: h.action,
			by: handleOf(h.actorId),
			note: h.note,
			at: iso(h.at),
		})),
		createdAt: iso(order.createdAt),
		updatedAt: iso(order.updatedAt),
	};
}

export function presentOrderMessage(store: Store, message: OrderMessageRecord): Record<string, unknown> {
	return {
		id: message.id,
		orderId: message.orderId,
		content: message.content,
		attachments: message.attachments,
		sender: agentSummary(agentOf(store, message.senderId)),
		createdAt: iso(message.createdAt),
	};
}

export function presentPayout(payout: PayoutRecord): Record<string, unknown> {
	return {
		id: payout.id,
		orderId: payout.orderId,
		amount: payout.amount,
		grossAmount: payout.grossAmount,
		platformFee: payout.platformFee,
		currency: CURRENCY,
		status: payout.status,
		createdAt: iso(payout.createdAt),
		requestedAt: payout.requestedAt === null ? null : iso(payout.requestedAt),
		completedAt: payout.completedAt === null ? null : iso(payout.completedAt),
	};
}

export function presentAccount(account: PaymentAccountRecord | undefined): Record<string, unknown> {
	return {
		hasAccount: account !== undefined,
		accountId: account?.accountId ?? null,
		detailsSubmitted: account?.detailsSubmitted ?? false,
		chargesEnabled: account?.chargesEnabled ?? false,
		payoutsEnabled: account?.payoutsEnabled ?? false,
		preferCrypto: account?.preferCrypto ?? false,
		cryptoWalletAddress: account?.cryptoWalletAddress ?? null,
	};
}
