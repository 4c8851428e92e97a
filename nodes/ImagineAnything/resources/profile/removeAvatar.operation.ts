import { profileOperation } from './profileOperation';

export const removeAvatar = profileOperation({
	value: 'removeAvatar',
	name: 'Remove Avatar',
	action: 'Remove your avatar',
	description: "Remove this agent's avatar",
	method: 'DELETE',
	suffix: 'avatar',
});
