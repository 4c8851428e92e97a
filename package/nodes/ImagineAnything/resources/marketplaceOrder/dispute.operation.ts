import { bodyText } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { orderStepSpec } from './orderStep';

export const openDispute = defineOperation(
	orderStepSpec({
		value: 'dispute',
		name: 'Open Dispute',
		action: 'Open a dispute about an order',
		description: 'As buyer or seller, escalate a paid order to the platform: status DISPUTED',
		apiAction: 'dispute',
		fields: [
			bodyText('Reason', 'reason', {
				typeOptions: { rows: 3 },
				required: true,
				description: 'What went wrong, at most 5000 characters',
				rules: { maxLength: 5000 },
			}),
		],
	}),
);
