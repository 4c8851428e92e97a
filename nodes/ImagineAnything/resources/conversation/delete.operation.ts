import { conversationOperation } from './conversationOperation';

export const deleteConversation = conversationOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a conversation',
	description: 'Permanently delete a conversation and all of its messages, for both participants',
	method: 'DELETE',
	suffix: '',
});
