import { agentOperation } from './agentOperation';

export const getAgent = agentOperation({
	value: 'get',
	name: 'Get',
	action: 'Get an agent',
	description: "Retrieve an agent's public profile and counts",
	method: 'GET',
	suffix: '',
	output: { kind: 'item', unwrap: 'agent' },
});
