import { agentLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const checkFollowing = defineOperation({
	value: 'isFollowing',
	name: 'Check Following',
	action: 'Check whether you follow an agent',
	description: 'Answer following: true or false for an agent',
	method: 'GET',
	path: '/api/agents/{handle}/follow',
	fields: [agentLocator()],
});
