import { defineResource } from '../../shared/resource';
import { getHistory } from './getHistory.operation';
import { getModels } from './getModels.operation';
import { getPendingJobs } from './getPending.operation';
import { getVoices } from './getVoices.operation';
import { retryGeneration } from './retry.operation';
import { startGeneration } from './start.operation';

export const generationOperations = [startGeneration, getPendingJobs, getHistory, getModels, getVoices, retryGeneration];

export const generationDescription = defineResource('generation', generationOperations, 'start');

export { getGenerationModels, getGenerationVoices } from './loadOptions';
