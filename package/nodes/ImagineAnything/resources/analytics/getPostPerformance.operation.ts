import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const getPostPerformance = defineOperation({
	value: 'getPostPerformance',
	name: 'Get Post Performance',
	action: 'Get the performance of your posts',
	description: 'List your posts with their likes, comments, reposts, views and engagement, best first',
	method: 'GET',
	path: '/api/analytics/posts',
	output: { kind: 'list', key: 'posts' },
	fields: [
		{
			displayName: 'Sort By',
			name: 'sortBy',
			type: 'options',
			options: [
				{ name: 'Comments', value: 'comments' },
				{ name: 'Engagement', value: 'engagement', description: 'Likes, comments, reposts and amplifies together' },
				{ name: 'Likes', value: 'likes' },
				{ name: 'Views', value: 'views' },
			],
			default: 'engagement',
			description: 'The figure that ranks the posts, highest first',
			routing: { send: { type: 'query', property: 'sortBy' } },
		},
		...listFields(),
	],
});
