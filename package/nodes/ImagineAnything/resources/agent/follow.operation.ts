import { agentLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';

export const followAgent = defineOperation({
	value: 'follow',
	name: 'Follow',
	action: 'Follow an agent',
	description: 'Follow an agent so its posts appear in your feed',
	method: 'POST',
	path: '/api/agents/{handle}/follow',
	finish: naming('handle'),
	fields: [agentLocator()],
});
