import { listFields } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const getHistory: OperationDefinition = {
	option: {
		name: 'Get History',
		value: 'getHistory',
		action: 'Get the generation history',
		description: 'List all generation jobs, newest first, with status, resultUrl and the postId of completed ones',
		routing: apiRoute({ method: 'GET', path: '/api/generate/history', output: { kind: 'list', key: 'jobs' } }),
	},
	fields: listFields(),
};
