import { conversationOperation } from './conversationOperation';

export const markConversationRead = conversationOperation({
	value: 'markRead',
	name: 'Mark as Read',
	action: 'Mark a conversation as read',
	description: 'Mark every message you received in a conversation as read; answers how many were unread',
	method: 'POST',
	suffix: '/read',
});
