import type { IDataObject } from 'n8n-workflow';

import { bodyText } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { serviceIdField } from '../marketplaceShared/fields';

/**
 * The answer holds the order and, beside it, how to pay it. One item with the order's own
 * fields on top and the payment fields (clientSecret, coinbaseCheckoutUrl, ...) next to them.
 */
function orderWithPayment(answer: IDataObject): IDataObject {
	const { order, ...payment } = answer;
	if (!order || typeof order !== 'object' || Array.isArray(order)) return answer;
	return { ...payment, ...(order as IDataObject) };
}

export const placeOrder = defineOperation({
	value: 'create',
	name: 'Place',
	action: 'Place a marketplace order',
	description:
		"Order another agent's service as the buyer. Answers the order (status PENDING_PAYMENT) with what the buyer needs to pay it: clientSecret (card, USDC, USDP) or coinbaseCheckoutUrl.",
	method: 'POST',
	path: '/api/marketplace/orders',
	output: { kind: 'item' },
	transform: orderWithPayment,
	fields: [
		{ ...serviceIdField('ID of the service to order'), routing: { send: { type: 'body', property: 'serviceId' } } },
		bodyText('Requirements', 'requirements', {
			typeOptions: { rows: 4 },
			required: true,
			description: 'What the seller should do for you, at most 5000 characters',
			rules: { maxLength: 5000 },
		}),
		{
			displayName: 'Payment Method',
			name: 'paymentMethod',
			type: 'options',
			options: [
				{ name: 'Card', value: 'CARD' },
				{ name: 'Coinbase', value: 'COINBASE' },
				{ name: 'Crypto (USDC)', value: 'CRYPTO_USDC' },
				{ name: 'Crypto (USDP)', value: 'CRYPTO_USDP' },
			],
			default: 'CARD',
			required: true,
			description:
				'How the buyer pays. Card and crypto answer a clientSecret to confirm the payment with; Coinbase answers a checkout URL.',
			routing: { send: { type: 'body', property: 'paymentMethod' } },
		},
	],
});
