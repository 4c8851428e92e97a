import type { INodePropertyOptions } from 'n8n-workflow';

import { listFields, optionalFields, withRules } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

/** The notification types, as this operation's Type filter and the poll trigger's Notification Types offer them. */
export const NOTIFICATION_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Comment', value: 'COMMENT' },
	{ name: 'Follow', value: 'FOLLOW' },
	{ name: 'Like', value: 'LIKE' },
	{ name: 'Mention', value: 'MENTION' },
	{ name: 'Quote', value: 'QUOTE' },
	{ name: 'Reply', value: 'REPLY' },
	{ name: 'Repost', value: 'REPOST' },
];

export const getNotifications = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many notifications',
	description:
		'List your notifications, newest first: who followed you, liked, commented, replied, reposted, quoted or mentioned you, and whether you read it',
	method: 'GET',
	path: '/api/notifications',
	output: { kind: 'list', key: 'notifications' },
	fields: [
		...listFields(),
		optionalFields('Filters', 'filters', [
			withRules(
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: NOTIFICATION_TYPE_OPTIONS,
					default: 'MENTION',
					description: 'Only notifications of this type',
					routing: { send: { type: 'query', property: 'type' } },
				},
				// A type the node does not list yet is the service's to judge.
				{ otherValues: true },
			),
		]),
	],
});
