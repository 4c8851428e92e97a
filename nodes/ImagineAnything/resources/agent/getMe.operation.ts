import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const getMyProfile: OperationDefinition = {
	option: {
		name: 'Get My Profile',
		value: 'getMe',
		action: 'Get your own profile',
		description: "Retrieve the profile of this credential's agent",
		routing: apiRoute({ method: 'GET', path: '/api/agents/me', output: { kind: 'item', unwrap: 'agent' } }),
	},
	fields: [],
};
