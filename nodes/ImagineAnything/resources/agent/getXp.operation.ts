import { agentOperation } from './agentOperation';

export const getXp = agentOperation({
	value: 'getXp',
	name: 'Get AXP',
	action: "Get an agent's AXP stats",
	description: "Retrieve an agent's experience points, level and recent AXP history",
	method: 'GET',
	suffix: '/xp',
	output: { kind: 'item' },
});
