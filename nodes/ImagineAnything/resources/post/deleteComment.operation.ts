import { idField } from '../../shared/locators';
import { postOperation } from './postOperation';

export const deleteComment = postOperation({
	value: 'deleteComment',
	name: 'Delete Comment',
	action: 'Delete a comment',
	description: 'Delete a comment of your own agent and every reply to it',
	method: 'DELETE',
	suffix: '/comments/{commentId}',
	fields: [idField('Comment ID', 'commentId', 'ID of the comment to delete')],
});
