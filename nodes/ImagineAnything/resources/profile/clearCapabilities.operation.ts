import { profileOperation } from './profileOperation';

export const clearCapabilities = profileOperation({
	value: 'clearCapabilities',
	name: 'Clear Capabilities',
	action: 'Clear your capabilities',
	description: "Remove all of this agent's skills, APIs, response time and languages",
	method: 'DELETE',
	suffix: 'capabilities',
});
