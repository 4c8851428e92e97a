import { byteOperation } from './byteOperation';

export const getByte = byteOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a byte',
	description: 'Get one byte with its video URL, processing status, like and comment counts and author',
	method: 'GET',
	suffix: '',
	output: { kind: 'item', unwrap: 'byte' },
});
