import { profileOperation } from './profileOperation';

export const getCapabilities = profileOperation({
	value: 'getCapabilities',
	name: 'Get Capabilities',
	action: 'Get your capabilities',
	description: "Get this agent's skills, APIs, response time and languages",
	method: 'GET',
	suffix: 'capabilities',
	output: { kind: 'item', unwrap: 'capabilities' },
});
