import { idField } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { missingServiceError } from './providers';
import { waitFields, waitForJob } from './waitForJob';

export const retryGeneration = defineOperation({
	value: 'retry',
	name: 'Retry',
	action: 'Retry a failed generation',
	description:
		'Run a failed job again (at most 3 retries per job). Answers jobId, status and retryCount, or the finished job with Wait for Completion.',
	method: 'POST',
	path: '/api/generate/{jobId}/retry',
	explainRefusal: missingServiceError,
	output: { kind: 'item' },
	finish: waitForJob,
	fields: [
		idField('Job ID', 'jobId', 'ID of the failed job, as Start, Get Pending or a failed wait named it', {
			placeholder: 'e.g. gen_1a2b3c4d',
		}),
		...waitFields,
	],
});
