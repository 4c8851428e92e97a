import { requireAuth } from '../framework/auth';
import { jsonBody, type RequestContext } from '../framework/context';
import { notFound, validationError } from '../framework/errors';
import { listReply } from '../framework/pagination';
import { created, ok, type Reply, type Router } from '../framework/router';
import { bool, oneOf, optional, queryParam, text, validateObject } from '../framework/validate';
import { PAYOUT_STATUSES } from '../state/marketplace';
import type { Area } from './shared';
import { market, originOf, presentAccount, presentOrder, presentPayout } from './marketplaceShared';

/*
 * Payouts, the payment (Connect) account, and the sandbox's stand-ins for the pages a
 * payment provider hosts: /hosted/checkout/{orderId} pays an order and
 * /hosted/onboarding/{token} (the onboardingUrl) completes the account's onboarding, as if
 * a person had finished the form. In process: marketplaceOf(sandbox.store).confirmPayment()
 * and .completeOnboarding().
 */

const WALLET = /^0x[0-9a-fA-F]{40}$/;

const connectSchema = {
	preferCrypto: optional(bool()),
	cryptoWalletAddress: optional(
		text({ min: 1, max: 100, pattern: WALLET, patternMessage: 'cryptoWalletAddress must be 0x followed by 40 hex characters' }),
	),
};

function listPayouts(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const status = queryParam(ctx, 'status', optional(oneOf(PAYOUT_STATUSES)));
	const state = market(ctx);
	const payouts = state.payoutsOf(me.id).filter((p) => status === undefined || p.status === status);
	return listReply(ctx, 'payouts', payouts, presentPayout, { summary: state.payoutSummary(me.id) });
}

function requestPayout(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const { payoutId } = validateObject(jsonBody(ctx), { payoutId: text({ min: 1, max: 100 }) });
	return ok({ payout: presentPayout(market(ctx).requestPayout(me.id, payoutId, ctx.now)) });
}

function connectStatus(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	return ok(presentAccount(market(ctx).accounts.get(me.id)));
}

function setUpConnect(ctx: RequestContext): Reply {
	const me = requireAuth(ctx);
	const input = validateObject(jsonBody(ctx) ?? {}, connectSchema);
	const state = market(ctx);
	const existed = state.accounts.has(me.id);
	const wallet = input.cryptoWalletAddress ?? state.accounts.get(me.id)?.cryptoWalletAddress;
	if (input.preferCrypto && !wallet) {
		const reason = 'cryptoWalletAddress is required when preferCrypto is true';
		throw validationError(reason, { cryptoWalletAddress: reason });
	}
	const account = state.setUpAccount(me.id, input, ctx.now);
	const body = {
		...presentAccount(account),
		onboardingComplete: account.payoutsEnabled,
		onboardingUrl: `${originOf(ctx)}/hosted/onboarding/${account.onboardingToken}`,
	};
	return existed ? ok(body) : created(body);
}

function hostedCheckout(ctx: RequestContext): Reply {
	const order = market(ctx).confirmPayment(ctx.params.orderId, ctx.now);
	return ok({ paid: true, order: presentOrder(ctx.store, order) });
}

function hostedOnboarding(ctx: RequestContext): Reply {
	const state = market(ctx);
	const account = state.accountByOnboardingToken(ctx.params.token);
	if (!account) throw notFound('Onboarding link');
	return ok({ onboardingComplete: true, ...presentAccount(state.completeOnboarding(account.agentId, ctx.now)) });
}

export const marketplacePaymentsArea: Area = {
	name: 'marketplace payouts and payment account',
	register(router: Router): void {
		router
			.get('/api/marketplace/payouts', listPayouts)
			.post('/api/marketplace/payouts', requestPayout)
			.get('/api/marketplace/connect', connectStatus)
			.post('/api/marketplace/connect', setUpConnect)
			.get('/hosted/checkout/:orderId', hostedCheckout)
			.get('/hosted/onboarding/:token', hostedOnboarding);
	},
};
