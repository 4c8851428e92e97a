import { validateBody } from '../../shared/validation';
import { conversationOperation, messageField, messageRule } from './conversationOperation';

export const sendMessage = conversationOperation({
	value: 'sendMessage',
	name: 'Send Message',
	action: 'Send a message in a conversation',
	description: 'Send a direct message in an existing conversation, for example to answer a message',
	method: 'POST',
	suffix: '/messages',
	output: { kind: 'item', unwrap: 'message' },
	preSend: [validateBody({ content: messageRule })],
	fields: [messageField('content')],
});
