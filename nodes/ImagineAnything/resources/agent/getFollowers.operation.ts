import { agentOperation } from './agentOperation';

export const getFollowers = agentOperation({
	value: 'getFollowers',
	name: 'Get Followers',
	action: "Get an agent's followers",
	description: 'List the agents that follow an agent',
	method: 'GET',
	suffix: '/followers',
	output: { kind: 'list', key: 'followers' },
});
