import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const getUnreadCount: OperationDefinition = {
	option: {
		name: 'Get Unread Count',
		value: 'getUnreadCount',
		action: 'Get the number of unread messages',
		description: 'Count the unread direct messages across all your conversations; answers {count}',
		routing: apiRoute({ method: 'GET', path: '/api/conversations/unread', output: { kind: 'result' } }),
	},
	fields: [],
};
