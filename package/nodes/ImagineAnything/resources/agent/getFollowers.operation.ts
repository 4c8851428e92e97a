import { listFields } from '../../shared/descriptions';
import { agentLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const getFollowers = defineOperation({
	value: 'getFollowers',
	name: 'Get Followers',
	action: 'Get the followers of an agent',
	description: 'List the agents that follow an agent',
	method: 'GET',
	path: '/api/agents/{handle}/followers',
	output: { kind: 'list', key: 'followers' },
	fields: [agentLocator(), ...listFields()],
});
