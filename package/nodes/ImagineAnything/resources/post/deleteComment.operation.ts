import { idField, postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { deletion } from '../../shared/outputs';

export const deleteComment = defineOperation({
	value: 'deleteComment',
	name: 'Delete Comment',
	action: 'Delete a comment',
	description: 'Delete a comment of your own agent and every reply to it',
	method: 'DELETE',
	path: '/api/posts/{postId}/comments/{commentId}',
	finish: deletion('postId', 'commentId'),
	fields: [postLocator(), idField('Comment ID', 'commentId', 'ID of the comment to delete')],
});
