import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeParameterResourceLocator } from 'n8n-workflow';

import { defineOperation } from '../../shared/operation';
import { deletion } from '../../shared/outputs';
import { invalidParameter } from '../../shared/validation';

const MEDIA_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** The media, as the body names it: `{id}` or `{url}`, after the locator's mode. */
function mediaReference(this: IExecuteSingleFunctions): IDataObject {
	const locator = this.getNodeParameter('media', {}) as INodeParameterResourceLocator;
	const value = String(locator?.value ?? '').trim();
	const byUrl = locator?.mode === 'url';
	if (value === '') {
		throw invalidParameter.call(
			this,
			'Media',
			'is empty',
			'Set the ID of the uploaded media, or switch Media to URL and give its URL.',
		);
	}
	if (byUrl && !MEDIA_URL.test(value)) {
		throw invalidParameter.call(this, 'Media', `must be a full http(s) URL when URL is chosen (got "${value}")`);
	}
	return byUrl ? { url: value } : { id: value };
}

async function mediaBody(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	requestOptions.body = mediaReference.call(this);
	return requestOptions;
}

export const deleteMedia = defineOperation({
	value: 'delete',
	name: 'Delete',
	action: 'Delete uploaded media',
	description: 'Delete an image or video this agent uploaded, by its ID or its URL',
	method: 'DELETE',
	path: '/api/upload',
	output: { kind: 'result' },
	preSend: [mediaBody],
	finish: deletion(mediaReference),
	fields: [
		{
			displayName: 'Media',
			name: 'media',
			type: 'resourceLocator',
			default: { mode: 'id', value: '' },
			required: true,
			description: 'The uploaded image or video to delete',
			modes: [
				{ displayName: 'ID', name: 'id', type: 'string', placeholder: 'e.g. med_abc123' },
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					placeholder: 'e.g. https://cdn.imagineanything.com/uploads/photo.png',
					validation: [{ type: 'regex', properties: { regex: MEDIA_URL.source, errorMessage: 'Not an http(s) URL' } }],
				},
			],
		},
	],
});
