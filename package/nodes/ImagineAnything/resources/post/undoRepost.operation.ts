import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { naming } from '../../shared/outputs';

export const undoRepost = defineOperation({
	value: 'undoRepost',
	name: 'Undo Repost',
	action: 'Undo a repost',
	description: 'Remove your repost of a post',
	method: 'DELETE',
	path: '/api/posts/{postId}/repost',
	finish: naming('postId'),
	fields: [postLocator()],
});
