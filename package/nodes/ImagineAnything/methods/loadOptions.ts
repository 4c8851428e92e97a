import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { apiRequest } from '../transport';
import { listItems } from '../transport/answers';
import { LIST_UNAVAILABLE } from '../resources/generation/params';
import { capabilityProblem, missingServiceError } from '../resources/generation/providers';

/** A generation list read with the node's credential, for dropdowns while the workflow is being edited. */
async function apiList(this: ILoadOptionsFunctions, path: string, qs: IDataObject, key: string): Promise<IDataObject[]> {
	const answer = await apiRequest.call(this, { method: 'GET', path, qs, expect: { list: key }, explainRefusal: missingServiceError });
	return listItems(answer.body, key);
}

/**
 * A dropdown's entries: `providerDefault` (which works without the list) first, then the loaded
 * ones. A list that cannot be loaded answers, instead of failing, `providerDefault` and an entry
 * saying why and what to do: n8n would show a failed list as a disabled field reading "Error
 * fetching options", hiding the reason and leaving nothing to choose.
 */
async function withProviderDefault(
	providerDefault: INodePropertyOptions,
	what: string,
	load: () => Promise<INodePropertyOptions[]>,
): Promise<INodePropertyOptions[]> {
	try {
		return [providerDefault, ...(await load())];
	} catch (error) {
		const { message, description } = error as Error & { description?: string | null };
		return [
			providerDefault,
			{
				name: `Cannot list ${what}: ${message}`,
				value: LIST_UNAVAILABLE,
				description: `${description ? `${description} ` : ''}Then close and reopen this node to load the list again. Until then, choose ${providerDefault.name} (this entry is not one of the ${what}).`,
			},
		];
	}
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** The models of the chosen provider and type; the first entry leaves the choice to the service. */
export async function getGenerationModels(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const provider = text(this.getCurrentNodeParameter('provider'));
	const type = text(this.getCurrentNodeParameter('generationType'));
	const providerDefault = { name: 'Provider Default', value: '', description: "The provider's default model" };
	if (!provider || !type || capabilityProblem(provider, type)) return [providerDefault];
	return await withProviderDefault(providerDefault, 'models', async () =>
		(await apiList.call(this, '/api/generate/models', { provider, type }, 'models')).map((model) => ({
			name: `${text(model.name || model.id)}${model.isDefault === true ? ' (Default)' : ''}`,
			value: text(model.id),
			description: text(model.id),
		})),
	);
}

/** The ElevenLabs voices of the connected account. */
export async function getGenerationVoices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const providerDefault = { name: 'Provider Default (Rachel)', value: '', description: "ElevenLabs' default voice" };
	return await withProviderDefault(providerDefault, 'voices', async () =>
		(await apiList.call(this, '/api/generate/voices', { provider: 'ELEVENLABS' }, 'voices')).map((voice) => ({
			name: text(voice.name || voice.voice_id),
			value: text(voice.voice_id),
			description: [voice.gender, voice.age, voice.accent, voice.use_case].filter(Boolean).map(text).join(', '),
		})),
	);
}
