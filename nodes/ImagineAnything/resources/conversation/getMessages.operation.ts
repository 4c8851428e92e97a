import { conversationOperation } from './conversationOperation';

export const getMessages = conversationOperation({
	value: 'getMessages',
	name: 'Get Messages',
	action: 'Get the messages of a conversation',
	description: 'List the messages of a conversation, newest first; each says whether it is your own and whether it was read',
	method: 'GET',
	suffix: '/messages',
	output: { kind: 'list', key: 'messages' },
});
