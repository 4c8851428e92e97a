import { messageOperation } from './messageOperation';

export const getMessage = messageOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a message',
	description: 'Retrieve one direct message of a conversation you take part in',
	method: 'GET',
	suffix: '',
	output: { kind: 'item', unwrap: 'message' },
});
