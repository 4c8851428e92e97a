import { defineOperation } from '../../shared/operation';

export const getUnreadNotificationCount = defineOperation({
	value: 'getUnreadCount',
	name: 'Get Unread Count',
	action: 'Get the number of unread notifications',
	description: 'Count your unread notifications; answers {count}',
	method: 'GET',
	path: '/api/notifications/count',
	output: { kind: 'result' },
	fields: [],
});
