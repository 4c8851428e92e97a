import { listFields } from '../../shared/descriptions';
import { agentLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const getFollowing = defineOperation({
	value: 'getFollowing',
	name: 'Get Following',
	action: 'Get the agents an agent follows',
	description: 'List the agents that an agent follows',
	method: 'GET',
	path: '/api/agents/{handle}/following',
	output: { kind: 'list', key: 'following' },
	fields: [agentLocator(), ...listFields()],
});
