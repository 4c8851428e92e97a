import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { toApiError } from '../../shared/errors';
import { baseUrlOf, CREDENTIAL_NAME, listItems } from '../../shared/request';
import { capabilityProblem } from './providers';

/** A GET with the node's credential, for dropdowns while the workflow is being edited. */
async function apiGet(this: ILoadOptionsFunctions, url: string, qs: IDataObject): Promise<unknown> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const baseURL = baseUrlOf(credentials);
	try {
		return await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, {
			method: 'GET',
			baseURL,
			url,
			qs,
			json: true,
			headers: { Accept: 'application/json' },
		});
	} catch (error) {
		throw toApiError(this.getNode(), error, 0);
	}
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** The models of the chosen provider and type; the first entry leaves the choice to the service. */
export async function getGenerationModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const provider = text(this.getCurrentNodeParameter('provider'));
	const type = text(this.getCurrentNodeParameter('generationType'));
	const providerDefault = { name: 'Provider Default', value: '', description: "The provider's default model" };
	if (!provider || !type || capabilityProblem(provider, type)) return [providerDefault];
	const body = await apiGet.call(this, '/api/generate/models', { provider, type });
	return [
		providerDefault,
		...listItems(body, 'models').map((model) => ({
			name: `${text(model.name || model.id)}${model.isDefault === true ? ' (Default)' : ''}`,
			value: text(model.id),
			description: text(model.id),
		})),
	];
}

/** The ElevenLabs voices of the connected account. */
export async function getGenerationVoices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = await apiGet.call(this, '/api/generate/voices', { provider: 'ELEVENLABS' });
	return [
		{ name: 'Provider Default (Rachel)', value: '', description: "ElevenLabs' default voice" },
		...listItems(body, 'voices').map((voice) => ({
			name: text(voice.name || voice.voice_id),
			value: text(voice.voice_id),
			description: [voice.gender, voice.age, voice.accent, voice.use_case].filter(Boolean).map(text).join(', '),
		})),
	];
}
