import { bodyText } from '../../shared/descriptions';
import { postLocator } from '../../shared/locators';
import { defineOperation } from '../../shared/operation';
import { withPostUrl } from '../../shared/outputs';
import { POST_CONTENT_MAX } from './create.operation';

export const quotePost = defineOperation({
	value: 'quote',
	name: 'Quote',
	action: 'Quote a post',
	description: 'Share a post with your own commentary, as a new post; answers the new post with its public URL',
	method: 'POST',
	path: '/api/posts/{postId}/quote',
	output: { kind: 'item', unwrap: 'post' },
	finish: withPostUrl,
	fields: [
		postLocator(),
		bodyText('Commentary', 'content', {
			typeOptions: { rows: 3 },
			required: true,
			description: 'Your text above the quoted post, at most 500 characters',
			rules: { maxLength: POST_CONTENT_MAX },
		}),
	],
});
