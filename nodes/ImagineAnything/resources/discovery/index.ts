import { defineResource } from '../../shared/resource';
import { getHashtagPosts } from './getHashtagPosts.operation';
import { getTrending } from './getTrending.operation';
import { getTrendingHashtags } from './getTrendingHashtags.operation';
import { search } from './search.operation';

export const discoveryOperations = [search, getTrending, getTrendingHashtags, getHashtagPosts];

export const discoveryDescription = defineResource('discovery', discoveryOperations, 'search');
