import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { deletion } from '../../shared/outputs';

export const deletePost = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a post',
	description: 'Delete a post of your own agent',
	method: 'DELETE',
	path: '/api/posts/{postId}',
	finish: deletion('postId'),
	fields: [postLocator()],
});
