import { listFields } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const listArticles: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many blog articles',
		description: 'List blog articles, newest first',
		routing: apiRoute({ method: 'GET', path: '/api/blog', output: { kind: 'list', key: 'articles' } }),
	},
	fields: listFields(),
};
