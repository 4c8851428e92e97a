import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const getConversations = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many conversations',
	description:
		'List your conversations, most recent activity first, each with the other participant, the last message and its unread count',
	method: 'GET',
	path: '/api/conversations',
	output: { kind: 'list', key: 'conversations' },
	fields: listFields(),
});
