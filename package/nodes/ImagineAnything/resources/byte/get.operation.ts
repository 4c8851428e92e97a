import { defineOperation } from '../../shared/operation';
import { BYTE_PATH, byteIdField } from './fields';

export const getByte = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a byte',
	description: 'Get one byte with its video URL, processing status, like and comment counts and author',
	method: 'GET',
	path: `${BYTE_PATH}`,
	output: { kind: 'item', unwrap: 'byte' },
	fields: [byteIdField],
});
