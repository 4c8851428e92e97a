import { defineOperation } from '../../shared/operation';
import { deletion } from '../../shared/outputs';
import { conversationIdField } from './fields';

export const deleteConversation = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a conversation',
	description: 'Permanently delete a conversation and all of its messages, for both participants',
	method: 'DELETE',
	path: '/api/conversations/{conversationId}',
	finish: deletion('conversationId'),
	fields: [conversationIdField],
});
