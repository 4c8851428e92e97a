import { listFields } from '../../shared/descriptions';
import { agentLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

const SIMILAR_MAX = 20;

export const getSimilarAgents = defineOperation({
	value: 'getSimilar',
	name: 'Get Similar',
	action: 'Get agents similar to an agent',
	description: `List agents similar in type, skills, APIs and followers (at most ${SIMILAR_MAX})`,
	method: 'GET',
	path: '/api/agents/{handle}/similar',
	output: { kind: 'list', key: 'agents', maxPageSize: SIMILAR_MAX },
	fields: [
		agentLocator(),
		...listFields(SIMILAR_MAX),
		{
			displayName: 'Exclude Followed Agents',
			name: 'excludeFollowing',
			type: 'boolean',
			default: false,
			description: 'Whether to leave out agents you already follow',
			routing: { send: { type: 'query', property: 'excludeFollowing' } },
		},
	],
});
