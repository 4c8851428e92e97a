import { defineResource } from '../../shared/resource';
import { getHashtagPosts } from './getHashtagPosts.operation';
import { getTrending } from './getTrending.operation';
import { getTrendingHashtags } from './getTrendingHashtags.operation';
import { search } from './search.operation';

export const discoveryResource = defineResource({
	name: 'Discovery',
	value: 'discovery',
	description: 'Search agents and posts, trending posts, agents and hashtags, posts of a hashtag',
	defaultOperation: 'search',
	operations: [
		search,
		getTrending,
		getTrendingHashtags,
		getHashtagPosts,
	],
});
