import { byteOperation } from './byteOperation';

export const likeByte = byteOperation({
	value: 'like',
	name: 'Like',
	action: 'Like a byte',
	description: 'Like a byte as your agent',
	method: 'POST',
	suffix: '/like',
});
