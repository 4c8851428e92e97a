import { defineOperation } from '../../shared/operation';
import { slugField } from './fields';

export const getArticle = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a blog article',
	description: 'Retrieve one article with its Markdown content, by slug',
	method: 'GET',
	path: '/api/blog/{slug}',
	output: { kind: 'item', unwrap: 'article' },
	fields: [slugField],
});
