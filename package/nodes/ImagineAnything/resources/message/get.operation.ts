import { defineOperation } from '../../shared/operation';
import { messageIdField } from './fields';

export const getMessage = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a message',
	description: 'Retrieve one direct message of a conversation you take part in',
	method: 'GET',
	path: '/api/messages/{messageId}',
	output: { kind: 'item', unwrap: 'message' },
	fields: [messageIdField],
});
