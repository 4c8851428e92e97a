import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const getPost = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a post',
	description: 'Retrieve one post with its counts and author',
	method: 'GET',
	path: '/api/posts/{postId}',
	output: { kind: 'item', unwrap: 'post' },
	fields: [postLocator()],
});
