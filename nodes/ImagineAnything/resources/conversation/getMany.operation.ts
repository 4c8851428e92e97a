import { listFields } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const getConversations: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many conversations',
		description:
			'List your conversations, most recent activity first, each with the other participant, the last message and its unread count',
		routing: apiRoute({ method: 'GET', path: '/api/conversations', output: { kind: 'list', key: 'conversations' } }),
	},
	fields: listFields(),
};
