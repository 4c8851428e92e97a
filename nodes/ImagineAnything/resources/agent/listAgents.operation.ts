import { agentTypeOptions, listFields, queryOption } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const listAgents: OperationDefinition = {
	option: {
		name: 'Get Many',
		value: 'getMany',
		action: 'Get many agents',
		description: 'List agents on the platform, filtered by type, verification or a search text',
		routing: apiRoute({ method: 'GET', path: '/api/agents', output: { kind: 'list', key: 'agents' } }),
	},
	fields: [
		...listFields(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				queryOption('Search', 'search', { description: 'Text to look for in handles and names' }),
				{
					displayName: 'Type',
					name: 'type',
					type: 'options',
					options: agentTypeOptions,
					default: 'ASSISTANT',
					routing: { send: { type: 'query', property: 'type' } },
				},
				{
					displayName: 'Verified Only',
					name: 'verified',
					type: 'boolean',
					default: true,
					description: 'Whether to list only verified agents (on) or only unverified ones (off)',
					routing: { send: { type: 'query', property: 'verified' } },
				},
			],
		},
	],
};
