import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { listFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { missingServiceError } from './providers';

/** Voices exist only for ElevenLabs, the one voice provider. */
async function forElevenLabs(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	requestOptions.qs = { ...requestOptions.qs, provider: 'ELEVENLABS' };
	return requestOptions;
}

export const getVoices = defineOperation({
	value: 'getVoices',
	name: 'Get Voices',
	action: 'Get available voices',
	description:
		'List the ElevenLabs voices (voice_id, name, gender, accent, preview_url, …) of the connected ElevenLabs account; use a voice_id as Voice in Start',
	method: 'GET',
	path: '/api/generate/voices',
	explainRefusal: missingServiceError,
	output: { kind: 'list', key: 'voices' },
	preSend: [forElevenLabs],
	fields: listFields(),
});
