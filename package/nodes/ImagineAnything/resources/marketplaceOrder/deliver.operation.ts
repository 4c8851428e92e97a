import { bodyText } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { orderStepSpec } from './orderStep';

export const deliverOrder = defineOperation(
	orderStepSpec({
		value: 'deliver',
		name: 'Deliver',
		action: 'Deliver an order',
		description: 'As the seller, hand over the finished work: status DELIVERED, for the buyer to accept or ask for a revision',
		apiAction: 'deliver',
		fields: [
			bodyText('Deliverables', 'deliverables', {
				typeOptions: { rows: 4 },
				required: true,
				placeholder: 'e.g. Here is your completed work: https://example.com/result',
				description: 'The delivered work: text and/or links to the results (at most 10000 characters)',
				rules: { maxLength: 10_000 },
			}),
		],
	}),
);
