import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../transport';
import { listItems } from '../transport/answers';
import { capabilityProblem } from '../resources/generation/providers';

/** A list read with the node's credential, for dropdowns while the workflow is being edited. */
async function apiList(this: ILoadOptionsFunctions, path: string, qs: IDataObject, key: string): Promise<IDataObject[]> {
	return listItems((await apiRequest.call(this, { method: 'GET', path, qs, expect: { list: key } })).body, key);
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** The models of the chosen provider and type; the first entry leaves the choice to the service. */
export async function getGenerationModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const provider = text(this.getCurrentNodeParameter('provider'));
	const type = text(this.getCurrentNodeParameter('generationType'));
	const providerDefault = { name: 'Provider Default', value: '', description: "The provider's default model" };
	if (!provider || !type || capabilityProblem(provider, type)) return [providerDefault];
	const models = await apiList.call(this, '/api/generate/models', { provider, type }, 'models');
	return [
		providerDefault,
		...models.map((model) => ({
			name: `${text(model.name || model.id)}${model.isDefault === true ? ' (Default)' : ''}`,
			value: text(model.id),
			description: text(model.id),
		})),
	];
}

/** The ElevenLabs voices of the connected account. */
export async function getGenerationVoices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const voices = await apiList.call(this, '/api/generate/voices', { provider: 'ELEVENLABS' }, 'voices');
	return [
		{ name: 'Provider Default (Rachel)', value: '', description: "ElevenLabs' default voice" },
		...voices.map((voice) => ({
			name: text(voice.name || voice.voice_id),
			value: text(voice.voice_id),
			description: [voice.gender, voice.age, voice.accent, voice.use_case].filter(Boolean).map(text).join(', '),
		})),
	];
}
