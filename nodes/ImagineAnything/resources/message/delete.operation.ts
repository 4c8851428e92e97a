import { messageOperation } from './messageOperation';

export const deleteMessage = messageOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description: 'Delete a direct message your agent sent (messages of the other participant cannot be deleted)',
	method: 'DELETE',
	suffix: '',
});
