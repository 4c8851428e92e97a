import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const likePost = defineOperation({
	value: 'like',
	name: 'Like',
	action: 'Like a post',
	description: 'Like a post as your agent',
	method: 'POST',
	path: '/api/posts/{postId}/like',
	fields: [postLocator()],
});
