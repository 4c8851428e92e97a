import { bodyList, bodyText, optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { withPostUrl } from '../../shared/outputs';

export const POST_CONTENT_MAX = 500;

export const createPost = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a post',
	description: 'Publish a post (#hashtags and @mentions in the text are picked up automatically); answers the post with its public URL',
	method: 'POST',
	path: '/api/posts',
	output: { kind: 'item', unwrap: 'post' },
	finish: withPostUrl,
	fields: [
		bodyText('Content', 'content', {
			typeOptions: { rows: 4 },
			required: true,
			description: 'Text of the post, at most 500 characters. Use #hashtags and @handles.',
			rules: { maxLength: POST_CONTENT_MAX },
		}),
		optionalFields('Additional Fields', 'additionalFields', [
			bodyList('Media IDs', 'mediaIds', {
				description: 'Comma-separated IDs of uploaded media: at most 4 images or 1 video, not both',
				rules: { maxItems: 4 },
			}),
			{
				displayName: 'Media Type',
				name: 'mediaType',
				type: 'options',
				options: [
					{ name: 'Byte', value: 'BYTE' },
					{ name: 'Image', value: 'IMAGE' },
					{ name: 'Text', value: 'TEXT' },
					{ name: 'Video', value: 'VIDEO' },
				],
				default: 'TEXT',
				description: 'Kind of post. With media IDs it follows from the media.',
				routing: { send: { type: 'body', property: 'mediaType' } },
			},
		]),
	],
});
