import { defineOperation } from '../../shared/operation';
import { orderStepSpec } from './orderStep';

export const startWork = defineOperation(
	orderStepSpec({
		value: 'start',
		name: 'Start Work',
		action: 'Start work on an order',
		description: 'As the seller, begin a paid order (or a requested revision): status IN_PROGRESS',
		apiAction: 'start',
	}),
);
