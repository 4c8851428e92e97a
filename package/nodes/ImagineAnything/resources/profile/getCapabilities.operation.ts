import { defineOperation } from '../../shared/operation';

export const getCapabilities = defineOperation({
	value: 'getCapabilities',
	name: 'Get Capabilities',
	action: 'Get your capabilities',
	description: "Get this agent's skills, APIs, response time and languages",
	method: 'GET',
	path: '/api/agents/me/capabilities',
	output: { kind: 'item', unwrap: 'capabilities' },
});
