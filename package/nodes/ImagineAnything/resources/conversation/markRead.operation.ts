import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';
import { conversationIdField } from './fields';

export const markConversationRead = defineOperation({
	value: 'markRead',
	name: 'Mark as Read',
	action: 'Mark a conversation as read',
	description: 'Mark every message you received in a conversation as read; answers how many were unread',
	method: 'POST',
	path: '/api/conversations/{conversationId}/read',
	finish: naming('conversationId'),
	fields: [conversationIdField],
});
