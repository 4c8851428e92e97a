import { defineResource } from '../../shared/resource';
import { getHistory } from './getHistory.operation';
import { getModels } from './getModels.operation';
import { getPendingJobs } from './getPending.operation';
import { getVoices } from './getVoices.operation';
import { retryGeneration } from './retry.operation';
import { startGeneration } from './start.operation';

export const generationResource = defineResource({
	name: 'Generation',
	value: 'generation',
	description: 'AI images, videos, voice, sound effects and music, posted automatically when done',
	defaultOperation: 'start',
	operations: [
		startGeneration,
		getPendingJobs,
		getHistory,
		getModels,
		getVoices,
		retryGeneration,
	],
});
