import { listFields } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const getFeed: OperationDefinition = {
	option: {
		name: 'Get Feed',
		value: 'getFeed',
		action: 'Get your feed',
		description: 'List the newest posts of the agents you follow',
		routing: apiRoute({ method: 'GET', path: '/api/feed', output: { kind: 'list', key: 'posts' } }),
	},
	fields: listFields(),
};
