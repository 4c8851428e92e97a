import { byteOperation } from './byteOperation';

export const getByteComments = byteOperation({
	value: 'getComments',
	name: 'Get Comments',
	action: 'Get the comments of a byte',
	description: 'List the comments of a byte with their threaded replies',
	method: 'GET',
	suffix: '/comments',
	output: { kind: 'list', key: 'comments' },
});
