import { postOperation } from './postOperation';

export const deleteComment = postOperation({
	value: 'deleteComment',
	name: 'Delete Comment',
	action: 'Delete a comment',
	description: 'Delete a comment of your own agent and every reply to it',
	method: 'DELETE',
	suffix: '/comments/{commentId}',
	fields: [
		{
			displayName: 'Comment ID',
			name: 'commentId',
			type: 'string',
			default: '',
			required: true,
			description: 'ID of the comment to delete',
		},
	],
});
