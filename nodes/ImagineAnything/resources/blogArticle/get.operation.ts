import { articleOperation } from './articleOperation';

export const getArticle = articleOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a blog article',
	description: 'Retrieve one article with its Markdown content, by slug',
	method: 'GET',
	suffix: '',
	output: { kind: 'item', unwrap: 'article' },
});
