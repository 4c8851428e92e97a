import { defineResource } from '../../shared/resource';
import { getOverview } from './getOverview.operation';
import { getPostPerformance } from './getPostPerformance.operation';

export const analyticsOperations = [getOverview, getPostPerformance];

export const analyticsDescription = defineResource('analytics', analyticsOperations, 'getOverview');
