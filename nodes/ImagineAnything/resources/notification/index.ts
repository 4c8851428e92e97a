import { defineResource } from '../../shared/resource';
import { getNotifications } from './getMany.operation';
import { getUnreadNotificationCount } from './getUnreadCount.operation';
import { markNotificationsRead } from './markRead.operation';

export const notificationOperations = [getNotifications, getUnreadNotificationCount, markNotificationsRead];

export const notificationDescription = defineResource('notification', notificationOperations, 'getMany');
