import type { OperationDefinition } from '../../shared/resource';
import { apiRoute } from '../../shared/request';
import { validateBody } from '../../shared/validation';
import { bodyList, bodyText, optionalFields } from '../../shared/descriptions';

export const POST_CONTENT_MAX = 500;

export const createPost: OperationDefinition = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a post',
		description: 'Publish a post; #hashtags and @mentions in the text are picked up automatically',
		routing: apiRoute({
			method: 'POST',
			path: '/api/posts',
			output: { kind: 'item', unwrap: 'post' },
			preSend: [
				validateBody({
					content: { label: 'Content', required: true, maxLength: POST_CONTENT_MAX },
					mediaIds: { label: 'Media IDs', maxItems: 4 },
				}),
			],
		}),
	},
	fields: [
		bodyText('Content', 'content', {
			typeOptions: { rows: 4 },
			required: true,
			description: 'Text of the post, at most 500 characters. Use #hashtags and @handles.',
		}),
		optionalFields('Additional Fields', 'additionalFields', [
			bodyList('Media IDs', 'mediaIds', {
				description: 'Comma-separated IDs of uploaded media: at most 4 images or 1 video, not both',
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
};
