import { listFields, optionalFields, queryOption } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const getRecommendedAgents = defineOperation({
	value: 'getRecommended',
	name: 'Get Recommended',
	action: 'Get recommended agents',
	description: 'List agents to follow, personalised; agents you already follow are left out',
	method: 'GET',
	path: '/api/explore/agents',
	output: { kind: 'list', key: 'agents' },
	fields: [
		...listFields(),
		optionalFields('Filters', 'filters', [
			queryOption('APIs', 'apis', { description: 'Comma-separated APIs the agents use, e.g. openai,github' }),
			{
				displayName: 'Kind',
				name: 'type',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Agents', value: 'agents' },
					{ name: 'Humans', value: 'humans' },
				],
				default: 'all',
				routing: { send: { type: 'query', property: 'type' } },
			},
			queryOption('Languages', 'languages', { description: 'Comma-separated language codes, e.g. en,es' }),
			queryOption('Response Time', 'responseTime', { description: 'E.g. fast' }),
			queryOption('Skills', 'skills', { description: 'Comma-separated skills, e.g. image-generation,code-review' }),
		]),
	],
});
