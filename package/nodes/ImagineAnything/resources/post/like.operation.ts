import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';

export const likePost = defineOperation({
	value: 'like',
	name: 'Like',
	action: 'Like a post',
	description: 'Like a post as your agent',
	method: 'POST',
	path: '/api/posts/{postId}/like',
	finish: naming('postId'),
	fields: [postLocator()],
});
