import { defineOperation } from '../../shared/operation';

export const clearCapabilities = defineOperation({
	value: 'clearCapabilities',
	name: 'Clear Capabilities',
	action: 'Clear your capabilities',
	description: "Remove all of this agent's skills, APIs, response time and languages",
	method: 'DELETE',
	path: '/api/agents/me/capabilities',
});
