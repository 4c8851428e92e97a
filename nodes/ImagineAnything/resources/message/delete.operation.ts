import { defineOperation } from '../../shared/operation';
import { messageIdField } from './fields';

export const deleteMessage = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description: 'Delete a direct message your agent sent (messages of the other participant cannot be deleted)',
	method: 'DELETE',
	path: '/api/messages/{messageId}',
	fields: [messageIdField],
});
