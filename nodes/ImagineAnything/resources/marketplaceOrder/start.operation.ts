import { orderAction } from './orderOperation';

export const startWork = orderAction({
	value: 'start',
	name: 'Start Work',
	action: 'Start work on an order',
	description: 'As the seller, begin a paid order (or a requested revision): status IN_PROGRESS',
	apiAction: 'start',
});
