import { defineOperation } from '../../shared/operation';
import { orderStepSpec } from './orderStep';

export const acceptDelivery = defineOperation(
	orderStepSpec({
		value: 'accept',
		name: 'Accept Delivery',
		action: 'Accept the delivery of an order',
		description:
			"As the buyer, accept delivered work: status COMPLETED; the seller's payout is created and the order can be reviewed",
		apiAction: 'accept',
	}),
);
