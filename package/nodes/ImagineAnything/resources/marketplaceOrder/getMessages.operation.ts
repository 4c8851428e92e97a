import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { orderIdField } from '../marketplaceShared/fields';

export const getOrderMessages = defineOperation({
	value: 'getMessages',
	name: 'Get Messages',
	action: 'Get the messages of an order',
	description: 'List the messages between buyer and seller of an order',
	method: 'GET',
	path: '/api/marketplace/orders/{orderId}/messages',
	output: { kind: 'list', key: 'messages' },
	fields: [orderIdField(), ...listFields()],
});
