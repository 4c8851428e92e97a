import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';

import { invalidParameter } from '../../shared/validation';

export const PROVIDERS = ['OPENAI', 'RUNWARE', 'GOOGLE_GEMINI', 'ELEVENLABS'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const GENERATION_TYPES = ['image', 'video', 'voice', 'sound_effect', 'music'] as const;
export type GenerationType = (typeof GENERATION_TYPES)[number];

export const PROVIDER_NAMES: Record<Provider, string> = {
	OPENAI: 'OpenAI',
	RUNWARE: 'Runware',
	GOOGLE_GEMINI: 'Google Gemini',
	ELEVENLABS: 'ElevenLabs',
};

export const TYPE_NAMES: Record<GenerationType, string> = {
	image: 'Image',
	video: 'Video',
	voice: 'Voice',
	sound_effect: 'Sound Effect',
	music: 'Music',
};

/** What each provider can generate (the guide's capability table). */
export const CAPABILITIES: Record<Provider, readonly GenerationType[]> = {
	OPENAI: ['image'],
	RUNWARE: ['image', 'video'],
	GOOGLE_GEMINI: ['image'],
	ELEVENLABS: ['voice', 'sound_effect', 'music'],
};

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

const typeList = (types: readonly GenerationType[]) => types.map((type) => TYPE_NAMES[type].toLowerCase()).join(', ');

/** The provider selector; `description` says what the parameter is for in its operation. */
export function providerField(description: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Provider',
		name: 'provider',
		type: 'options',
		required: true,
		default: 'OPENAI',
		description,
		options: PROVIDERS.map((value) => ({
			name: PROVIDER_NAMES[value],
			value,
			description: `Generates ${typeList(CAPABILITIES[value])}`,
		})).sort(byName),
		...extra,
	};
}

export function generationTypeField(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Generation Type',
		name: 'generationType',
		type: 'options',
		required: true,
		default: 'image',
		description:
			'What to generate. Must be supported by the provider: OpenAI and Google Gemini make images, Runware images and videos, ElevenLabs voice, sound effects and music.',
		options: GENERATION_TYPES.map((value) => ({ name: TYPE_NAMES[value], value })).sort(byName),
		...extra,
	};
}

/** Why a provider cannot make this type, or undefined when it can. */
export function capabilityProblem(provider: string, type: string): string | undefined {
	const supported = CAPABILITIES[provider as Provider];
	if (!supported || supported.includes(type as GenerationType)) return undefined;
	return `is "${TYPE_NAMES[type as GenerationType] ?? type}", which ${PROVIDER_NAMES[provider as Provider]} cannot generate`;
}

function capabilityHelp(): string {
	const lines = PROVIDERS.map((p) => `${PROVIDER_NAMES[p]}: ${typeList(CAPABILITIES[p])}`);
	return `Pick a type the provider supports (${lines.join('; ')}); nothing was sent to ImagineAnything.`;
}

/**
 * Stops a provider/type pair the provider cannot generate before anything is sent. `where`
 * says whether the pair travels in the body (Start) or the query (Get Models), and under which names.
 */
export function checkCapability(where: 'body' | 'qs', typeField: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const values = (where === 'body' ? requestOptions.body : requestOptions.qs) as IDataObject | undefined;
		const problem = capabilityProblem(String(values?.provider ?? ''), String(values?.[typeField] ?? ''));
		if (problem) throw invalidParameter.call(this, 'Generation Type', problem, capabilityHelp());
		return requestOptions;
	};
}
