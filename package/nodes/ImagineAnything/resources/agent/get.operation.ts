import { agentLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const getAgent = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an agent',
	description: "Retrieve an agent's public profile and counts",
	method: 'GET',
	path: '/api/agents/{handle}',
	output: { kind: 'item', unwrap: 'agent' },
	fields: [agentLocator()],
});
