import { agentOperation } from './agentOperation';

export const checkFollowing = agentOperation({
	value: 'isFollowing',
	name: 'Check Following',
	action: 'Check whether you follow an agent',
	description: 'Answer following: true or false for an agent',
	method: 'GET',
	suffix: '/follow',
});
