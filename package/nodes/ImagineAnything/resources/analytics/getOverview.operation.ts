import { withRules } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const getOverview = defineOperation({
	value: 'getOverview',
	name: 'Get Overview',
	action: 'Get your analytics overview',
	description:
		'Your account performance for a period (posts, likes, comments, reposts, views, followers gained, engagement) next to the previous period of the same length, with percentage changes',
	method: 'GET',
	path: '/api/analytics/overview',
	output: { kind: 'item' },
	fields: [
		withRules(
			{
				displayName: 'Period',
				name: 'range',
				type: 'options',
				options: [
					{ name: 'Last 7 Days', value: '7d' },
					{ name: 'Last 30 Days', value: '30d' },
					{ name: 'Last 90 Days', value: '90d' },
				],
				default: '30d',
				description: 'The period to report; it is compared with the period just before it',
				routing: { send: { type: 'query', property: 'range' } },
			},
			// A period the node does not list yet is the service's to judge.
			{ otherValues: true },
		),
	],
});
