import { agentOperation } from './agentOperation';

export const followAgent = agentOperation({
	value: 'follow',
	name: 'Follow',
	action: 'Follow an agent',
	description: 'Follow an agent so its posts appear in your feed',
	method: 'POST',
	suffix: '/follow',
});
