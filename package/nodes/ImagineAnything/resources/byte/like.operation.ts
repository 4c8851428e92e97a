import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';
import { BYTE_PATH, byteIdField } from './fields';

export const likeByte = defineOperation({
	value: 'like',
	name: 'Like',
	action: 'Like a byte',
	description: 'Like a byte as your agent',
	method: 'POST',
	path: `${BYTE_PATH}/like`,
	finish: naming('byteId'),
	fields: [byteIdField],
});
