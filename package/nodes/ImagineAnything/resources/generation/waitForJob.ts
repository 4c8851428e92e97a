import type { IDataObject, IExecutePaginationFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { FollowUp } from '../../shared/request';
import { listItems } from '../../transport/answers';

/** ImagineAnything's own limit: a job not finished after 5 minutes is failed. */
const JOB_TIMEOUT_SECONDS = 300;
const MAX_RETRIES = 3;
/** Each check costs a read request (100 a minute), so never more often than this. */
const MIN_POLL_SECONDS = 1;
/** The newest jobs of the history that a just-started job is looked for among. */
const HISTORY_PAGE = 50;

export const waitFields: INodeProperties[] = [
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to wait until the job has finished and output the finished job (with resultUrl and the postId of the created post) instead of the just-started job. A job that fails or does not finish in time fails the item with its job ID, for Retry.',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWaitSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 600 },
		default: 120,
		description: `How long to wait for the job at most. ImagineAnything fails jobs that are not finished after ${JOB_TIMEOUT_SECONDS / 60} minutes.`,
		displayOptions: { show: { waitForCompletion: [true] } },
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollIntervalSeconds',
		type: 'number',
		typeOptions: { minValue: MIN_POLL_SECONDS, maxValue: 60 },
		default: 5,
		description: `How often to check the job (at least every ${MIN_POLL_SECONDS} s). Each check is one or two read requests, counted against the limit of 100 a minute.`,
		displayOptions: { show: { waitForCompletion: [true] } },
	},
];

const idOf = (job: IDataObject) => String(job.id ?? job.jobId ?? '');

/** The job as ImagineAnything now reports it: running and failed jobs are pending, completed ones in the history. */
async function lookUp(followUp: FollowUp, jobId: string): Promise<IDataObject | undefined> {
	const pending = listItems(await followUp('GET', '/api/generate/pending'), 'jobs').find((job) => idOf(job) === jobId);
	if (pending && pending.status !== 'completed') return pending;
	const history = listItems(await followUp('GET', '/api/generate/history', { limit: HISTORY_PAGE }), 'jobs');
	return history.find((job) => idOf(job) === jobId) ?? pending;
}

/** The finished job as the item's output: its ID as `jobId`, the name Start and Retry answer it under, once. */
function finished(jobId: string, job: IDataObject): IDataObject {
	const output: IDataObject = { jobId, ...job };
	delete output.id;
	return output;
}

function failed(this: IExecutePaginationFunctions, jobId: string, job: IDataObject): NodeOperationError {
	const retries = Number(job.retryCount) || 0;
	const next =
		retries < MAX_RETRIES
			? `Retry it with Generation → Retry and Job ID ${jobId} (${MAX_RETRIES - retries} of ${MAX_RETRIES} retries left), or start a new generation with a changed prompt.`
			: `It was retried ${MAX_RETRIES} times already, the maximum: start a new generation instead.`;
	return new NodeOperationError(
		this.getNode(),
		`Generation job ${jobId} failed: ${String(job.errorMessage || 'ImagineAnything gave no reason')}`,
		{ itemIndex: this.getItemIndex(), description: `Nothing was posted. ${next}` },
	);
}

function timedOut(this: IExecutePaginationFunctions, jobId: string, seconds: number, job?: IDataObject, lastError?: Error): NodeOperationError {
	const problem = lastError && !job ? ` The job could not be checked: ${lastError.message}.` : '';
	return new NodeOperationError(
		this.getNode(),
		`Generation job ${jobId} did not finish within ${seconds} s (last status: ${String(job?.status ?? 'unknown')})`,
		{
			itemIndex: this.getItemIndex(),
			description: `The job was started and keeps running on ImagineAnything; it posts its result when done.${problem} Look for job ${jobId} with Generation → Get History, or raise "Max Wait (Seconds)". Do not run this item again (or turn on Retry On Fail): that would start and pay for a second job. Jobs not finished after ${JOB_TIMEOUT_SECONDS / 60} minutes are failed by ImagineAnything and can then be retried.`,
		},
	);
}

/**
 * With "Wait for Completion" on, polls the started (or retried) job until it completes, and
 * outputs the finished job; a failure or the end of the wait fails the item, naming the job.
 * Any other status (pending, generating, uploading, or one this node does not know) means "still running".
 * A check that fails (after the transport's own retries of a read) is tried again at the next
 * interval: the job is never started again, and every error from here on names it.
 */
export async function waitForJob(
	this: IExecutePaginationFunctions,
	items: IDataObject[],
	followUp: FollowUp,
): Promise<IDataObject[]> {
	if (!this.getNodeParameter('waitForCompletion', false)) return items;
	const jobId = idOf(items[0] ?? {});
	if (!jobId) {
		throw new NodeOperationError(this.getNode(), 'ImagineAnything started a job but answered without its ID, so it cannot be awaited', {
			itemIndex: this.getItemIndex(),
			description: `The answer was: ${JSON.stringify(items[0] ?? {})}. Look for the job with Generation → Get Pending Jobs before running this item again: running it again starts (and pays for) another job.`,
		});
	}
	const maxWaitSeconds = Math.max(1, Number(this.getNodeParameter('maxWaitSeconds', 120)) || 120);
	const intervalMs = Math.max(MIN_POLL_SECONDS, Number(this.getNodeParameter('pollIntervalSeconds', 5)) || 5) * 1000;
	const deadline = Date.now() + maxWaitSeconds * 1000;
	let job: IDataObject | undefined;
	let lastError: Error | undefined;
	for (;;) {
		await sleep(Math.max(0, Math.min(intervalMs, deadline - Date.now())));
		if (this.getExecutionCancelSignal()?.aborted) {
			throw new NodeOperationError(this.getNode(), `Stopped waiting for generation job ${jobId}: the execution was cancelled`, {
				itemIndex: this.getItemIndex(),
				description: `The job keeps running on ImagineAnything; look for job ${jobId} with Generation → Get History.`,
			});
		}
		try {
			job = (await lookUp(followUp, jobId)) ?? job;
			lastError = undefined;
		} catch (error) {
			lastError = error as Error;
		}
		if (job?.status === 'completed') return [finished(jobId, job)];
		if (job?.status === 'failed') throw failed.call(this, jobId, job);
		if (Date.now() >= deadline) throw timedOut.call(this, jobId, maxWaitSeconds, job, lastError);
	}
}
