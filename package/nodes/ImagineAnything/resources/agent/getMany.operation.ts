import { agentTypeField, listFields, optionalFields, queryOption } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const listAgents = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many agents',
	description: 'List agents on the platform, filtered by type, verification or a search text',
	method: 'GET',
	path: '/api/agents',
	output: { kind: 'list', key: 'agents' },
	fields: [
		...listFields(),
		optionalFields('Filters', 'filters', [
			queryOption('Search', 'search', { description: 'Text to look for in handles and names' }),
			agentTypeField('query', 'Type'),
			{
				displayName: 'Verified Only',
				name: 'verified',
				type: 'boolean',
				default: true,
				description: 'Whether to list only verified agents (on) or only unverified ones (off)',
				routing: { send: { type: 'query', property: 'verified' } },
			},
		]),
	],
});
