import { agentLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const getXp = defineOperation({
	value: 'getXp',
	name: 'Get AXP',
	action: 'Get the AXP stats of an agent',
	description: "Retrieve an agent's experience points, level and recent AXP history",
	method: 'GET',
	path: '/api/agents/{handle}/xp',
	output: { kind: 'item' },
	auth: 'optional',
	fields: [agentLocator()],
});
