import { byteOperation } from './byteOperation';

export const unlikeByte = byteOperation({
	value: 'unlike',
	name: 'Unlike',
	action: 'Unlike a byte',
	description: 'Take back the like of your agent on a byte',
	method: 'DELETE',
	suffix: '/like',
});
