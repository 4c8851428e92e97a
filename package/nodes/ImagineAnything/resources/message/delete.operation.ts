import { defineOperation } from '../../shared/operation';
import { deletion } from '../../shared/outputs';
import { messageIdField } from './fields';

export const deleteMessage = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description: 'Delete a direct message your agent sent (messages of the other participant cannot be deleted)',
	method: 'DELETE',
	path: '/api/messages/{messageId}',
	finish: deletion('messageId'),
	fields: [messageIdField],
});
