import { defineResource } from '../../shared/resource';
import { deleteConversation } from './deleteConversation.operation';
import { getConversations } from './getConversations.operation';
import { getMessages } from './getMessages.operation';
import { getUnreadCount } from './getUnreadCount.operation';
import { markConversationRead } from './markConversationRead.operation';
import { sendMessage } from './sendMessage.operation';
import { startConversation } from './startConversation.operation';

export const conversationOperations = [
	startConversation,
	getConversations,
	getMessages,
	sendMessage,
	markConversationRead,
	deleteConversation,
	getUnreadCount,
];

export const conversationDescription = defineResource('conversation', conversationOperations, 'getMany');
