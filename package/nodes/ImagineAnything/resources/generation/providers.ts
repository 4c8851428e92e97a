import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';

import { withRules } from '../../shared/descriptions';
import { invalidParameter } from '../../shared/validation';
import type { RefusalExplainer } from '../../transport';

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

/** The providers that can generate a type, by name. */
function providersOf(type: GenerationType): Provider[] {
	return PROVIDERS.filter((provider) => CAPABILITIES[provider].includes(type)).sort((a, b) => PROVIDER_NAMES[a].localeCompare(PROVIDER_NAMES[b]));
}

/** The provider a type starts with: OpenAI for images (the default of every type before, so saved workflows keep it), else the only one. */
function defaultProviderOf(type: GenerationType): Provider {
	const providers = providersOf(type);
	return providers.includes('OPENAI') ? 'OPENAI' : providers[0];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

const typeList = (types: readonly GenerationType[]) => types.map((type) => TYPE_NAMES[type].toLowerCase()).join(', ');

const providerOption = (value: Provider) => ({ name: PROVIDER_NAMES[value], value, description: `Generates ${typeList(CAPABILITIES[value])}` });

/** The provider selector with every provider (Connected AI Service); `description` says what it is for. */
export function providerField(description: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Provider',
		name: 'provider',
		type: 'options',
		required: true,
		default: 'OPENAI',
		description,
		options: PROVIDERS.map(providerOption).sort(byName),
		...extra,
	};
}

/** Generation Type, chosen first: the Provider list after it offers only the providers that make that type. */
export function generationTypeField(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Generation Type',
		name: 'generationType',
		type: 'options',
		required: true,
		default: 'image',
		description: 'What to generate. The Provider list offers the providers that can generate it.',
		options: GENERATION_TYPES.map((value) => ({
			name: TYPE_NAMES[value],
			value,
			description: `By ${providersOf(value).map((provider) => PROVIDER_NAMES[provider]).join(', ')}`,
		})).sort(byName),
		...extra,
	};
}

/**
 * The provider selector of Generation, one variant per set of types with the same providers, each
 * offering only those (n8n shows the variant of the chosen type, and the editor resets a provider
 * the new type's list lacks to that list's default). Their values are checked with the type by
 * checkCapability: a variant's options are not all the values the parameter can hold.
 */
export function providerFieldsByType(description: string, routing: INodeProperties['routing']): INodeProperties[] {
	const variants = new Map<string, GenerationType[]>();
	for (const type of GENERATION_TYPES) {
		const key = providersOf(type).join(',');
		variants.set(key, [...(variants.get(key) ?? []), type]);
	}
	return [...variants.values()].map((types) =>
		withRules(
			{
				...providerField(description, { routing }),
				default: defaultProviderOf(types[0]),
				options: providersOf(types[0]).map(providerOption),
				displayOptions: { show: { generationType: types } },
			},
			{ otherValues: true },
		),
	);
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
 * Stops a provider/type pair the provider cannot generate, or a provider that is none of them (set
 * by expression), before anything is sent. `where` says whether the pair travels in the body
 * (Start) or the query (Get Models), and `typeField` under which name the type does.
 */
export function checkCapability(where: 'body' | 'qs', typeField: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const values = (where === 'body' ? requestOptions.body : requestOptions.qs) as IDataObject | undefined;
		const provider = String(values?.provider ?? '');
		if (!(PROVIDERS as readonly string[]).includes(provider)) {
			throw invalidParameter.call(this, 'Provider', provider === '' ? 'is required' : `must be one of ${PROVIDERS.join(', ')} (got "${provider}")`);
		}
		const problem = capabilityProblem(provider, String(values?.[typeField] ?? ''));
		if (problem) throw invalidParameter.call(this, 'Generation Type', problem, capabilityHelp());
		return requestOptions;
	};
}

/**
 * ImagineAnything's refusal of a generation request because the provider's service is not
 * connected or turned off, said as the Connected AI Service operation that fixes it (the service
 * names its API path instead). Undefined for any other answer.
 */
export const missingServiceError: RefusalExplainer = (said) => {
	if (!/\bservice\b|\bAPI key\b/i.test(said)) return undefined;
	const notConnected = /\bnot connected\b|\bno\b.*\bservice\b|\bconnect\b/i.test(said);
	const turnedOff = /\bturn(ed)?( it)? o(n|ff)\b|\binactive\b|\bdisabled\b/i.test(said);
	if (!notConnected && !turnedOff) return undefined;
	const provider = PROVIDERS.find((code) => said.toUpperCase().replace(/[\s-]+/g, '_').includes(code));
	const name = provider ? PROVIDER_NAMES[provider] : 'The AI provider';
	const chosen = provider ? ` (Provider: ${name})` : '';
	const connect = `Connected AI Service → Connect${chosen}`;
	const toggle = `Connected AI Service → Toggle${chosen}`;
	const message = !notConnected
		? `${name} is turned off for this agent: turn it on with ${toggle}`
		: turnedOff
			? `${name} is not connected or is turned off for this agent: connect its API key with ${connect}, or turn it on with → Toggle`
			: `${name} is not connected to this agent: connect its API key with ${connect}`;
	const steps = !notConnected
		? `Run ${toggle} once with Active on.`
		: `Run ${connect} once with your ${provider ? name : 'provider'} API key (kept in an ImagineAnything AI Provider Key credential)${turnedOff ? `; if it is connected but off, run ${toggle} with Active on instead` : ''}.`;
	return {
		message,
		description: `${steps} Connected AI Service → Get Many lists the connected providers and whether each is on. ImagineAnything answered: "${said}"`,
	};
};
