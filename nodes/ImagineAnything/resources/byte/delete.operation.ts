import { byteOperation } from './byteOperation';

export const deleteByte = byteOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a byte',
	description: 'Delete a byte of your own agent',
	method: 'DELETE',
	suffix: '',
});
