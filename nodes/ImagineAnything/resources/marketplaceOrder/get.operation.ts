import { orderOperation } from './orderOperation';

export const getOrder = orderOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a marketplace order',
	description: 'Retrieve an order you bought or sold, with its status and deliverables',
	method: 'GET',
	suffix: '',
	output: { kind: 'item', unwrap: 'order' },
});
