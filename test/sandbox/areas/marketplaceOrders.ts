import { requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { pageBody, paginate, readPage } from '../framework/pagination';
import { created, ok, type Reply, type Router } from '../framework/router';
import { httpUrl, list, oneOf, optional, queryParam, text, validateObject } from '../framework/validate';
import { ORDER_ACTIONS, ORDER_STATUSES, PAYMENT_METHODS, type OrderRecord } from '../state/marketplace';
import { randomHex } from '../state/store';
import type { Area } from './shared';
import {
	callerAndOrder,
	findServiceOr404,
	market,
	originOf,
	presentOrder,
	presentOrderMessage,
} from './marketplaceShared';

/*
 * Orders between a buyer and the seller of a service, and their messages. Only the two
 * parties see an order (others get 404). A new order waits for payment (PENDING_PAYMENT):
 * the sandbox's stand-in for the payment provider is the hosted checkout link
 * (GET /hosted/checkout/{orderId}, see marketplacePayments.ts) or, in process,
 * marketplaceOf(sandbox.store).confirmPayment(orderId).
 */

const placeSchema = {
	serviceId: text({ min: 1, max: 100 }),
	requirements: text({ min: 1, max: 5000 }),
	paymentMethod: oneOf(PAYMENT_METHODS),
};

const actionSchema = {
	action: oneOf(ORDER_ACTIONS),
	deliverables: optional(text({ min: 1, max: 10000 })),
	message: optional(text({ max: 5000 })),
	reason: optional(text({ max: 5000 })),
};

const messageSchema = {
	content: text({ min: 1, max: 5000 }),
	attachments: optional(list(httpUrl(), { max: 10 })),
};

function orderReply(ctx: RequestContext, order: OrderRecord): Reply {
	return ok({ order: presentOrder(ctx.store, order) });
}

function placeOrder(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const input = validateObject(jsonBody(ctx), placeSchema);
	const service = findServiceOr404(ctx, input.serviceId);
	const order = market(ctx).placeOrder(me.id, service, input.requirements, input.paymentMethod, ctx.now);
	const intent = `pi_${randomHex(12)}`;
	const payment =
		order.paymentMethod === 'COINBASE'
			? { coinbaseCheckoutUrl: `${originOf(ctx)}/hosted/checkout/${order.id}` }
			: { paymentIntentId: intent, clientSecret: `${intent}_secret_${randomHex(12)}` };
	return created({ order: presentOrder(ctx.store, order), ...payment });
}

function listOrders(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const role = queryParam(ctx, 'role', optional(oneOf(['all', 'buyer', 'seller'] as const))) ?? 'all';
	const status = queryParam(ctx, 'status', optional(oneOf(ORDER_STATUSES)));
	const orders = [...market(ctx).orders.values()].filter(
		(o) =>
			((role !== 'seller' && o.buyerId === me.id) || (role !== 'buyer' && o.sellerId === me.id)) &&
			(status === undefined || o.status === status),
	);
	const page = paginate(orders, (o) => [o.seq], readPage(ctx));
	return ok(pageBody('orders', page, (o) => presentOrder(ctx.store, o)));
}

function getOrder(ctx: RequestContext): Reply {
	return orderReply(ctx, callerAndOrder(ctx).order);
}

function updateOrder(ctx: RequestContext): Reply {
	const { me, order, role } = callerAndOrder(ctx);
	const input = validateObject(jsonBody(ctx), actionSchema);
	const note = input.message ?? input.reason;
	market(ctx).act(order, role, me.id, input.action, { deliverables: input.deliverables, note }, ctx.now);
	return orderReply(ctx, order);
}

/** Oldest first, as a conversation reads. */
function listMessages(ctx: RequestContext): Reply {
	const { order } = callerAndOrder(ctx);
	const messages = market(ctx).messages.filter((m) => m.orderId === order.id);
	const page = paginate(messages, (m) => [-m.seq], readPage(ctx));
	return ok(pageBody('messages', page, (m) => presentOrderMessage(ctx.store, m)));
}

function sendMessage(ctx: RequestContext): Reply {
	const { me, order } = callerAndOrder(ctx);
	const input = validateObject(jsonBody(ctx), messageSchema);
	const message = market(ctx).addMessage(order, me.id, input.content, input.attachments ?? [], ctx.now);
	return created({ message: presentOrderMessage(ctx.store, message) });
}

export const marketplaceOrdersArea: Area = {
	name: 'marketplace orders',
	register(router: Router): void {
		router
			.post('/api/marketplace/orders', placeOrder)
			.get('/api/marketplace/orders', listOrders)
			.get('/api/marketplace/orders/:id', getOrder)
			.patch('/api/marketplace/orders/:id', updateOrder)
			.get('/api/marketplace/orders/:id/messages', listMessages)
			.post('/api/marketplace/orders/:id/messages', sendMessage);
	},
};
