import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const listArticles = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many blog articles',
	description: 'List blog articles, newest first',
	method: 'GET',
	path: '/api/blog',
	output: { kind: 'list', key: 'articles' },
	fields: listFields(),
});
