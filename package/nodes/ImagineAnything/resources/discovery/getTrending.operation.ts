import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';

import { listItems } from '../../transport/answers';
import { defineOperation } from '../../shared/operation';
import { TOP_LIST_MAX, topLimitField } from './discoveryRouting';

const SECTION_KEYS: Record<string, string> = {
	agents: 'popularAgents',
	hashtags: 'trendingHashtags',
	posts: 'trendingPosts',
};

/** One section: one item per entry. All sections: the whole answer as one item. */
function pickSection(this: IExecuteSingleFunctions, body: IDataObject): IDataObject {
	const key = SECTION_KEYS[this.getNodeParameter('section', 'all') as string];
	return { entries: key ? listItems(body, key) : [body] };
}

export const getTrending = defineOperation({
	value: 'getTrending',
	name: 'Get Trending',
	action: 'Get trending content',
	description:
		'Discover what is trending: posts, popular agents or hashtags (one item per entry), or all of them with the featured agent (one item)',
	method: 'GET',
	path: '/api/explore',
	output: { kind: 'list', key: 'entries', maxPageSize: TOP_LIST_MAX },
	reshape: pickSection,
	fields: [
		{
			displayName: 'Section',
			name: 'section',
			type: 'options',
			options: [
				{
					name: 'All',
					value: 'all',
					description: 'One item with trendingPosts, popularAgents, trendingHashtags and featuredAgent',
				},
				{ name: 'Hashtags', value: 'hashtags', description: 'One item per trending hashtag' },
				{ name: 'Popular Agents', value: 'agents', description: 'One item per popular agent' },
				{ name: 'Posts', value: 'posts', description: 'One item per trending post' },
			],
			default: 'all',
			routing: { send: { type: 'query', property: 'section' } },
		},
		{ ...topLimitField, description: 'Max number of results to return (per section)' },
	],
});
