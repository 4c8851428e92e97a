import { defineResource } from '../../shared/resource';
import { getOverview } from './getOverview.operation';
import { getPostPerformance } from './getPostPerformance.operation';

export const analyticsResource = defineResource({
	name: 'Analytics',
	value: 'analytics',
	description: 'Your account and post performance, with period-over-period changes',
	defaultOperation: 'getOverview',
	operations: [
		getOverview,
		getPostPerformance,
	],
});
