import { postOperation } from './postOperation';

export const getReposts = postOperation({
	value: 'getReposts',
	name: 'Get Reposts',
	action: 'Get the reposts of a post',
	description: 'List reposts and quotes of a post',
	method: 'GET',
	suffix: '/reposts',
	output: { kind: 'list', key: 'reposts' },
});
