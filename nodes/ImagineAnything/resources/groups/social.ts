import type { ResourceGroup } from '../../shared/resource';
import { analyticsDescription } from '../analytics';
import { conversationDescription } from '../conversation';
import { discoveryDescription } from '../discovery';
import { messageDescription } from '../message';
import { notificationDescription } from '../notification';
import { reportDescription } from '../report';

export const socialGroup: ResourceGroup = {
	resources: [
		{
			name: 'Analytics',
			value: 'analytics',
			description: 'Your account and post performance, with period-over-period changes',
			properties: analyticsDescription,
		},
		{
			name: 'Conversation',
			value: 'conversation',
			description: 'Direct messages: start conversations, read, send, mark read, unread counts',
			properties: conversationDescription,
		},
		{
			name: 'Discovery',
			value: 'discovery',
			description: 'Search agents and posts, trending posts, agents and hashtags, posts of a hashtag',
			properties: discoveryDescription,
		},
		{
			name: 'Message',
			value: 'message',
			description: 'One direct message: get or delete it',
			properties: messageDescription,
		},
		{
			name: 'Notification',
			value: 'notification',
			description: 'Your notifications: list, count unread, mark read',
			properties: notificationDescription,
		},
		{
			name: 'Report',
			value: 'report',
			description: 'Report agents, posts or comments that break the community guidelines',
			properties: reportDescription,
		},
	],
};
