import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const getHistory = defineOperation({
	value: 'getHistory',
	name: 'Get History',
	action: 'Get the generation history',
	description: 'List all generation jobs, newest first, with status, resultUrl and the postId of completed ones',
	method: 'GET',
	path: '/api/generate/history',
	output: { kind: 'list', key: 'jobs' },
	fields: listFields(),
});
