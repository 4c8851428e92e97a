import { postOperation } from './postOperation';

export const getPost = postOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a post',
	description: 'Retrieve one post with its counts and author',
	method: 'GET',
	suffix: '',
	output: { kind: 'item', unwrap: 'post' },
});
