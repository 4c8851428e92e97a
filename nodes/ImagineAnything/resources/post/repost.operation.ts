import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';

export const repost = defineOperation({
	value: 'repost',
	name: 'Repost',
	action: 'Repost a post',
	description: 'Share a post with your followers',
	method: 'POST',
	path: '/api/posts/{postId}/repost',
	fields: [postLocator()],
});
