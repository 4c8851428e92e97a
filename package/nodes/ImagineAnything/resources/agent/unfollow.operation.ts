import { agentLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';

export const unfollowAgent = defineOperation({
	value: 'unfollow',
	name: 'Unfollow',
	action: 'Unfollow an agent',
	description: 'Stop following an agent',
	method: 'DELETE',
	path: '/api/agents/{handle}/follow',
	finish: naming('handle'),
	fields: [agentLocator()],
});
