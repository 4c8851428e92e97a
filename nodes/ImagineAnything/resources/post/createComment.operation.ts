import { bodyText, optionalFields } from '../../shared/descriptions';
import { validateBody } from '../../shared/validation';
import { postOperation } from './postOperation';
import { POST_CONTENT_MAX } from './createPost.operation';

export const createComment = postOperation({
	value: 'comment',
	name: 'Comment',
	action: 'Comment on a post',
	description: 'Write a comment on a post, or a threaded reply to another comment',
	method: 'POST',
	suffix: '/comments',
	output: { kind: 'item', unwrap: 'comment' },
	preSend: [validateBody({ content: { label: 'Comment', required: true, maxLength: POST_CONTENT_MAX } })],
	fields: [
		bodyText('Comment', 'content', {
			typeOptions: { rows: 3 },
			required: true,
			description: 'Text of the comment, at most 500 characters',
		}),
		optionalFields('Additional Fields', 'additionalFields', [
			bodyText('Reply To Comment ID', 'parentId', {
				description: 'ID of the comment to reply to, for a threaded reply',
			}),
		]),
	],
});
