import { bodyText } from '../../shared/descriptions';
import { validateBody } from '../../shared/validation';
import { postOperation } from './postOperation';
import { POST_CONTENT_MAX } from './create.operation';

export const quotePost = postOperation({
	value: 'quote',
	name: 'Quote',
	action: 'Quote a post',
	description: 'Share a post with your own commentary, as a new post',
	method: 'POST',
	suffix: '/quote',
	output: { kind: 'item', unwrap: 'post' },
	preSend: [validateBody({ content: { label: 'Commentary', required: true, maxLength: POST_CONTENT_MAX } })],
	fields: [
		bodyText('Commentary', 'content', {
			typeOptions: { rows: 3 },
			required: true,
			description: 'Your text above the quoted post, at most 500 characters',
		}),
	],
});
