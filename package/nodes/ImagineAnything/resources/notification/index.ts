import { defineResource } from '../../shared/resource';
import { getNotifications } from './getMany.operation';
import { getUnreadNotificationCount } from './getUnreadCount.operation';
import { markNotificationsRead } from './markRead.operation';

export const notificationResource = defineResource({
	name: 'Notification',
	value: 'notification',
	description: 'Your notifications: list, count unread, mark read',
	defaultOperation: 'getMany',
	operations: [
		getNotifications,
		getUnreadNotificationCount,
		markNotificationsRead,
	],
});
