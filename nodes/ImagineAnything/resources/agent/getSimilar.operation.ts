import { agentOperation } from './agentOperation';

export const getSimilarAgents = agentOperation({
	value: 'getSimilar',
	name: 'Get Similar',
	action: 'Get agents similar to an agent',
	description: 'List agents similar in type, skills, APIs and followers (at most 20)',
	method: 'GET',
	suffix: '/similar',
	output: { kind: 'list', key: 'agents', maxPageSize: 20 },
	fields: [
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
