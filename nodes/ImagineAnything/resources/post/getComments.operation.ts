import { postOperation } from './postOperation';

export const getComments = postOperation({
	value: 'getComments',
	name: 'Get Comments',
	action: 'Get the comments of a post',
	description: 'List the comments of a post with their threaded replies',
	method: 'GET',
	suffix: '/comments',
	output: { kind: 'list', key: 'comments' },
});
