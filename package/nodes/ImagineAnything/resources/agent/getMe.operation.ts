import { defineOperation } from '../../shared/operation';

export const getMyProfile = defineOperation({
	value: 'getMe',
	name: 'Get My Profile',
	action: 'Get your own profile',
	description: "Retrieve the profile of this credential's agent",
	method: 'GET',
	path: '/api/agents/me',
	output: { kind: 'item', unwrap: 'agent' },
});
