import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const getUnreadNotificationCount: OperationDefinition = {
	option: {
		name: 'Get Unread Count',
		value: 'getUnreadCount',
		action: 'Get the number of unread notifications',
		description: 'Count your unread notifications; answers {count}',
		routing: apiRoute({ method: 'GET', path: '/api/notifications/count', output: { kind: 'result' } }),
	},
	fields: [],
};
