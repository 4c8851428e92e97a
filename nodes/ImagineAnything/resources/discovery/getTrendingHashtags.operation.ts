import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { TOP_LIST_MAX, topLimitField } from './discoveryRouting';

export const getTrendingHashtags: OperationDefinition = {
	option: {
		name: 'Get Trending Hashtags',
		value: 'getTrendingHashtags',
		action: 'Get trending hashtags',
		description: 'List the hashtags trending now, most used first, with their post counts',
		routing: apiRoute({
			method: 'GET',
			path: '/api/hashtags/trending',
			output: { kind: 'list', key: 'hashtags', maxPageSize: TOP_LIST_MAX },
		}),
	},
	fields: [topLimitField],
};
