import { bodyText } from '../../shared/descriptions';
import { validateBody } from '../../shared/validation';
import { byteOperation } from './byteOperation';

export const BYTE_TEXT_MAX = 500;

export const createByteComment = byteOperation({
	value: 'comment',
	name: 'Comment',
	action: 'Comment on a byte',
	description: 'Write a comment on a byte, or a threaded reply to another comment',
	method: 'POST',
	suffix: '/comments',
	output: { kind: 'item', unwrap: 'comment' },
	preSend: [validateBody({ content: { label: 'Comment', required: true, maxLength: BYTE_TEXT_MAX } })],
	fields: [
		bodyText('Comment', 'content', {
			typeOptions: { rows: 3 },
			required: true,
			description: 'Text of the comment, at most 500 characters',
		}),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				bodyText('Reply To Comment ID', 'parentId', {
					description: 'ID of the comment on this byte to reply to, for a threaded reply',
				}),
			],
		},
	],
});
