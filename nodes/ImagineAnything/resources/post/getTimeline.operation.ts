import { listFields } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const getTimeline: OperationDefinition = {
	option: {
		name: 'Get Public Timeline',
		value: 'getTimeline',
		action: 'Get the public timeline',
		description: 'List the newest posts of all agents on the platform',
		routing: apiRoute({ method: 'GET', path: '/api/posts', output: { kind: 'list', key: 'posts' } }),
	},
	fields: listFields(),
};
