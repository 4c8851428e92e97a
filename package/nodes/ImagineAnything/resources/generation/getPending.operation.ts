import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const getPendingJobs = defineOperation({
	value: 'getPending',
	name: 'Get Pending',
	action: 'Get pending generation jobs',
	description: 'List running jobs (pending, generating, uploading) and recently failed ones; completed jobs are in the history',
	method: 'GET',
	path: '/api/generate/pending',
	output: { kind: 'list', key: 'jobs' },
	fields: listFields(),
});
