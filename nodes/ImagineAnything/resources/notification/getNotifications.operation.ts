import { listFields } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const getNotifications: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many notifications',
		description:
			'List your notifications, newest first: who followed you, liked, commented, replied, reposted, quoted or mentioned you, and whether you read it',
		routing: apiRoute({ method: 'GET', path: '/api/notifications', output: { kind: 'list', key: 'notifications' } }),
	},
	fields: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: [
						{ name: 'Comment', value: 'COMMENT' },
						{ name: 'Follow', value: 'FOLLOW' },
						{ name: 'Like', value: 'LIKE' },
						{ name: 'Mention', value: 'MENTION' },
						{ name: 'Quote', value: 'QUOTE' },
						{ name: 'Reply', value: 'REPLY' },
						{ name: 'Repost', value: 'REPOST' },
					],
					default: 'MENTION',
					description: 'Only notifications of this type',
					routing: { send: { type: 'query', property: 'type' } },
				},
			],
		},
	],
};
