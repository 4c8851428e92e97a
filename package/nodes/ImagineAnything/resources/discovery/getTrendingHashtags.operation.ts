import { defineOperation } from '../../shared/operation';
import { TOP_LIST_MAX, topLimitField } from './discoveryRouting';

export const getTrendingHashtags = defineOperation({
	value: 'getTrendingHashtags',
	name: 'Get Trending Hashtags',
	action: 'Get trending hashtags',
	description: 'List the hashtags trending now, most used first, with their post counts',
	method: 'GET',
	path: '/api/hashtags/trending',
	output: { kind: 'list', key: 'hashtags', maxPageSize: TOP_LIST_MAX },
	fields: [topLimitField],
});
