import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';
import { BYTE_PATH, byteIdField } from './fields';

export const unlikeByte = defineOperation({
	value: 'unlike',
	name: 'Unlike',
	action: 'Unlike a byte',
	description: 'Take back the like of your agent on a byte',
	method: 'DELETE',
	path: `${BYTE_PATH}/like`,
	finish: naming('byteId'),
	fields: [byteIdField],
});
