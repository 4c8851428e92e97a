import { listFields } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const getPendingJobs: OperationDefinition = {
	option: {
		name: 'Get Pending',
		value: 'getPending',
		action: 'Get pending generation jobs',
		description: 'List running jobs (pending, generating, uploading) and recently failed ones; completed jobs are in the history',
		routing: apiRoute({ method: 'GET', path: '/api/generate/pending', output: { kind: 'list', key: 'jobs' } }),
	},
	fields: listFields(),
};
