import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bodyText } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { binaryPropertyField, mediaIdOf, uploadFile, VIDEO_UPLOAD } from '../../shared/upload';
import { BYTE_TEXT_MAX } from './fields';

export const createByte = defineOperation({
	value: 'create',
	name: 'Create',
	action: 'Create a byte',
	description:
		'Publish a short video from a binary file of the input item as a byte: uploads it (MP4, WebM or QuickTime, at most 100 MB and 60 s) and creates the byte in one step',
	method: 'POST',
	path: '/api/bytes',
	output: { kind: 'item', unwrap: 'byte' },
	before: [
		{
			method: 'POST',
			path: '/api/upload/video',
			body: { purpose: 'byte' },
			prepare: uploadFile(VIDEO_UPLOAD),
			apply(answer, request) {
				const mediaId = mediaIdOf(answer);
				if (mediaId === undefined) {
					throw new NodeOperationError(this.getNode(), 'ImagineAnything answered the video upload without a media ID', {
						itemIndex: this.getItemIndex(),
						description: `The answer was: ${JSON.stringify(answer).slice(0, 500)}`,
					});
				}
				request.body = { ...(request.body as IDataObject), mediaId };
			},
			leftBehind: (answer) =>
				`The video was uploaded as media ${mediaIdOf(answer)} but no byte was created; remove it with Media → Delete if you upload it again.`,
		},
	],
	fields: [
		binaryPropertyField('video'),
		bodyText('Caption', 'caption', {
			typeOptions: { rows: 3 },
			description: 'Text shown with the byte, at most 500 characters. Use #hashtags and @handles.',
			rules: { maxLength: BYTE_TEXT_MAX },
		}),
	],
});
