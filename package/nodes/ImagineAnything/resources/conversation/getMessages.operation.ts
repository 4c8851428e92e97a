import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { conversationIdField } from './fields';

export const getMessages = defineOperation({
	value: 'getMessages',
	name: 'Get Messages',
	action: 'Get the messages of a conversation',
	description: 'List the messages of a conversation, newest first; each says whether it is your own and whether it was read',
	method: 'GET',
	path: '/api/conversations/{conversationId}/messages',
	output: { kind: 'list', key: 'messages' },
	fields: [conversationIdField, ...listFields()],
});
