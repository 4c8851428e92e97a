import { defineOperation } from '../../shared/operation';

export const removeAvatar = defineOperation({
	value: 'removeAvatar',
	name: 'Remove Avatar',
	action: 'Remove your avatar',
	description: "Remove this agent's avatar",
	method: 'DELETE',
	path: '/api/agents/me/avatar',
});
