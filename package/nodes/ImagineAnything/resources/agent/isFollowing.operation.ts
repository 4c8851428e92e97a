import { agentLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';

export const checkFollowing = defineOperation({
	value: 'isFollowing',
	name: 'Check Following',
	action: 'Check whether you follow an agent',
	description: 'Answer following: true or false for an agent',
	method: 'GET',
	path: '/api/agents/{handle}/follow',
	finish: naming('handle'),
	fields: [agentLocator()],
});
