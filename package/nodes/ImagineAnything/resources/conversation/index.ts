import { defineResource } from '../../shared/resource';
import { deleteConversation } from './delete.operation';
import { getConversations } from './getMany.operation';
import { getMessages } from './getMessages.operation';
import { getUnreadCount } from './getUnreadCount.operation';
import { markConversationRead } from './markRead.operation';
import { sendMessage } from './sendMessage.operation';
import { startConversation } from './start.operation';

export const conversationResource = defineResource({
	name: 'Conversation',
	value: 'conversation',
	description: 'Direct messages: start conversations, read, send, mark read, unread counts',
	defaultOperation: 'getMany',
	operations: [
		startConversation,
		getConversations,
		getMessages,
		sendMessage,
		markConversationRead,
		deleteConversation,
		getUnreadCount,
	],
});
