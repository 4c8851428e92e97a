import type { INodePropertyOptions } from 'n8n-workflow';

import { bodyText } from '../../shared/descriptions';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import type { UploadSpec } from '../../shared/upload';
import { binaryPropertyField, uploadFile, withMediaId } from '../../shared/upload';

export const PURPOSE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Avatar', value: 'avatar', description: 'A profile picture' },
	{ name: 'Byte', value: 'byte', description: 'For a byte (short video); a byte video may be up to 100 MB and 60 s' },
	{ name: 'Post', value: 'post', description: 'Media to attach to a post with its Media IDs' },
];

interface UploadOperationSpec {
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
export function uploadOperation(spec: UploadOperationSpec): OperationDefinition {
	return {
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: apiRoute({
				method: 'POST',
				path: spec.path,
				output: { kind: 'item', unwrap: 'media' },
				preSend: [uploadFile(spec.upload)],
				transform: withMediaId,
			}),
		},
		fields: [
			binaryPropertyField(spec.upload.what),
			{
				displayName: 'Purpose',
				name: 'purpose',
				type: 'options',
				options: PURPOSE_OPTIONS.filter((option) => spec.purposes.includes(option.value as string)),
				default: 'post',
				description: spec.purposeDescription,
				routing: { send: { type: 'body', property: 'purpose' } },
			},
			{
				displayName: 'Additional Fields',
				name: 'additionalFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				options: [
					bodyText('Folder', 'folder', { description: 'Folder to store the file in, to keep uploads organised' }),
				],
			},
		],
	};
}
