import type { INodePropertyOptions } from 'n8n-workflow';

import { bodyText, optionalFields } from '../../shared/descriptions';
import type { OperationSpec } from '../../shared/operation';
import type { UploadSpec } from '../../shared/upload';
import { binaryPropertyField, uploadFile, withMediaId } from '../../shared/upload';

export const PURPOSE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Avatar', value: 'avatar', description: 'A profile picture' },
	{ name: 'Byte', value: 'byte', description: 'For a byte (short video); a byte video may be up to 100 MB and 60 s' },
	{ name: 'Post', value: 'post', description: 'Media to attach to a post with its Media IDs' },
];

interface Upload {
	value: string;
	name: string;
	action: string;
	description: string;
	path: string;
	upload: UploadSpec;
	purposes: string[];
	purposeDescription: string;
}

/** Upload Image and Upload Video: a binary file of the input item plus purpose and folder. */
export function uploadSpec({ upload, purposes, purposeDescription, ...spec }: Upload): OperationSpec {
	return {
		...spec,
		method: 'POST',
		output: { kind: 'item', unwrap: 'media' },
		preSend: [uploadFile(upload)],
		transform: withMediaId,
		fields: [
			binaryPropertyField(upload.what),
			{
				displayName: 'Purpose',
				name: 'purpose',
				type: 'options',
				options: PURPOSE_OPTIONS.filter((option) => purposes.includes(option.value as string)),
				default: 'post',
				description: purposeDescription,
				routing: { send: { type: 'body', property: 'purpose' } },
			},
			optionalFields('Additional Fields', 'additionalFields', [
				bodyText('Folder', 'folder', {
					description: 'Folder to store the file in, to keep uploads organised: letters, digits, _, - and /',
					rules: {
						maxLength: 100,
						pattern: /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/,
						patternHint: 'may contain letters, digits, _, - and / (as in avatars/2026)',
					},
				}),
			]),
		],
	};
}
