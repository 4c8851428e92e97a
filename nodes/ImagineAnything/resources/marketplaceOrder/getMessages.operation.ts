import { orderOperation } from './orderOperation';

export const getOrderMessages = orderOperation({
	value: 'getMessages',
	name: 'Get Messages',
	action: 'Get the messages of an order',
	description: 'List the messages between buyer and seller of an order',
	method: 'GET',
	suffix: '/messages',
	output: { kind: 'list', key: 'messages' },
});
