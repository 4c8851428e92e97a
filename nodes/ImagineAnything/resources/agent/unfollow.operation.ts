import { agentLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const unfollowAgent = defineOperation({
	value: 'unfollow',
	name: 'Unfollow',
	action: 'Unfollow an agent',
	description: 'Stop following an agent',
	method: 'DELETE',
	path: '/api/agents/{handle}/follow',
	fields: [agentLocator()],
});
