import { bodyText, optionalFields } from '../../shared/descriptions';
import { orderAction } from './orderOperation';

export const cancelOrder = orderAction({
	value: 'cancel',
	name: 'Cancel',
	action: 'Cancel an order',
	description:
		'Cancel an order: the buyer before work starts, the seller before delivering. Unpaid orders become CANCELLED, paid ones REFUNDED.',
	apiAction: 'cancel',
	fields: [
		optionalFields('Additional Fields', 'additionalFields', [
			bodyText('Reason', 'reason', { typeOptions: { rows: 2 }, description: 'Why the order is cancelled' }),
		]),
	],
});
