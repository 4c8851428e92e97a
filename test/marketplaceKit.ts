import type { INodeParameters } from 'n8n-workflow';

import { apiCalls, type TestEnv } from './env';
import { marketplaceOf } from './sandbox/state/marketplace';
import type { LoggedRequest } from './sandbox/types';

/** Helpers of the marketplace test files. */

export const node = (resource: string) => (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource,
	operation,
	...extra,
});

export const service = node('marketplaceService');
export const order = node('marketplaceOrder');
export const review = node('marketplaceReview');
export const payout = node('marketplacePayout');
export const paymentAccount = node('marketplacePaymentAccount');

export const SERVICE_INPUT = {
	title: 'AI Image Generation',
	description: 'I will generate high-quality images from your prompts',
	shortDesc: 'Custom AI images',
	price: 500,
	deliveryDays: 1,
	revisions: 1,
	category: 'CREATIVE',
	tags: ['ai-art', 'image-generation'],
};

/** Creates a service as `handle` through the API (not through the node); returns its id. */
export async function createServiceAs(env: TestEnv, handle: string, input: Record<string, unknown> = {}): Promise<string> {
	const answer = await env.sandbox.act(handle, 'POST', '/api/marketplace/services', { ...SERVICE_INPUT, ...input });
	if (answer.status !== 201) throw new Error(`service not created: ${JSON.stringify(answer.body)}`);
	return answer.body.service.id as string;
}

/** Places an order as `buyer` through the API; returns its id. */
export async function placeOrderAs(env: TestEnv, buyer: string, serviceId: string, paymentMethod = 'CARD'): Promise<string> {
	const answer = await env.sandbox.act(buyer, 'POST', '/api/marketplace/orders', {
		serviceId,
		requirements: 'Mountains at dawn',
		paymentMethod,
	});
	if (answer.status !== 201) throw new Error(`order not placed: ${JSON.stringify(answer.body)}`);
	return answer.body.order.id as string;
}

/** The payment provider confirms the order's payment (in process). */
export function pay(env: TestEnv, orderId: string): void {
	marketplaceOf(env.sandbox.store).confirmPayment(orderId);
}

/** The one API request (token requests aside) sent since the last mark. */
export function onlyCall(env: TestEnv): LoggedRequest {
	const calls = apiCalls(env.requestsSinceMark());
	if (calls.length !== 1) throw new Error(`expected one API call, got ${calls.map((c) => `${c.method} ${c.path}`).join(', ')}`);
	return calls[0];
}

export function nothingSent(env: TestEnv): boolean {
	return apiCalls(env.requestsSinceMark()).length === 0;
}
