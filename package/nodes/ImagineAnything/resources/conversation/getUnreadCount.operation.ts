import { defineOperation } from '../../shared/operation';

export const getUnreadCount = defineOperation({
	value: 'getUnreadCount',
	name: 'Get Unread Count',
	action: 'Get the number of unread messages',
	description: 'Count the unread direct messages across all your conversations; answers {count}',
	method: 'GET',
	path: '/api/conversations/unread',
	output: { kind: 'result' },
	fields: [],
});
