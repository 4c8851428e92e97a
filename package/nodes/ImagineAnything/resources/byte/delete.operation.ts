import { defineOperation } from '../../shared/operation';
import { deletion } from '../../shared/outputs';
import { BYTE_PATH, byteIdField } from './fields';

export const deleteByte = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a byte',
	description: 'Delete a byte of your own agent',
	method: 'DELETE',
	path: `${BYTE_PATH}`,
	finish: deletion('byteId'),
	fields: [byteIdField],
});
