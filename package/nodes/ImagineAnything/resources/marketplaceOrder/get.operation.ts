import { defineOperation } from '../../shared/operation';
import { orderIdField } from '../marketplaceShared/fields';

export const getOrder = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a marketplace order',
	description: 'Retrieve an order you bought or sold, with its status and deliverables',
	method: 'GET',
	path: '/api/marketplace/orders/{orderId}',
	output: { kind: 'item', unwrap: 'order' },
	fields: [orderIdField()],
});
