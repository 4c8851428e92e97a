import { defineOperation } from '../../shared/operation';
import { conversationIdField, messageField } from './fields';

export const sendMessage = defineOperation({
	value: 'sendMessage',
	name: 'Send Message',
	action: 'Send a message in a conversation',
	description: 'Send a direct message in an existing conversation, for example to answer a message',
	method: 'POST',
	path: '/api/conversations/{conversationId}/messages',
	output: { kind: 'item', unwrap: 'message' },
	fields: [conversationIdField, messageField('content')],
});
