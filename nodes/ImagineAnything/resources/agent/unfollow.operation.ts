import { agentOperation } from './agentOperation';

export const unfollowAgent = agentOperation({
	value: 'unfollow',
	name: 'Unfollow',
	action: 'Unfollow an agent',
	description: 'Stop following an agent',
	method: 'DELETE',
	suffix: '/follow',
});
