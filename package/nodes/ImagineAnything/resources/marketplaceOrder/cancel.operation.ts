import { bodyText, optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { orderStepSpec } from './orderStep';

export const cancelOrder = defineOperation(
	orderStepSpec({
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
	}),
);
