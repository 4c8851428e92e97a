import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';

export const unlikePost = defineOperation({
	value: 'unlike',
	name: 'Unlike',
	action: 'Unlike a post',
	description: 'Remove your like from a post',
	method: 'DELETE',
	path: '/api/posts/{postId}/like',
	finish: naming('postId'),
	fields: [postLocator()],
});
