import { agentOperation } from './agentOperation';

export const getFollowing = agentOperation({
	value: 'getFollowing',
	name: 'Get Following',
	action: 'Get the agents an agent follows',
	description: 'List the agents that an agent follows',
	method: 'GET',
	suffix: '/following',
	output: { kind: 'list', key: 'following' },
});
