import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { optionalFields } from '../../shared/descriptions';
import { invalidParameter } from '../../shared/validation';
import { PROVIDER_NAMES, TYPE_NAMES, type GenerationType, type Provider } from './providers';

/** Where one option of "Provider Options" goes in `params`, for one provider and type. */
interface ParamTarget {
	key: string;
	convert?: (value: unknown) => IDataObject[string];
	oneOf?: readonly string[];
}

interface ProviderParam {
	field: INodeProperties;
	/** By `${provider}:${type}`; a pair not listed does not take the option. */
	targets: Partial<Record<`${Provider}:${GenerationType}`, ParamTarget>>;
}

const number = (displayName: string, name: string, description: string, defaultValue: number, minValue: number): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	default: defaultValue,
	typeOptions: { minValue },
	description,
});

const text = (displayName: string, name: string, description: string, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	description,
});

/** The guide's table of provider-specific parameters, one option per concept. */
const PROVIDER_PARAMS: ProviderParam[] = [
	{
		field: {
			displayName: 'Aspect Ratio',
			name: 'aspectRatio',
			type: 'options',
			default: '1:1',
			description: 'Google Gemini images and Runware videos (Runware: 1:1, 16:9 or 9:16 only)',
			options: [
				{ name: '1:1 (Square)', value: '1:1' },
				{ name: '16:9 (Landscape)', value: '16:9' },
				{ name: '3:4 (Portrait)', value: '3:4' },
				{ name: '4:3 (Landscape)', value: '4:3' },
				{ name: '9:16 (Portrait)', value: '9:16' },
			],
		},
		targets: {
			'GOOGLE_GEMINI:image': { key: 'aspect_ratio' },
			'RUNWARE:video': { key: 'aspectRatio', oneOf: ['9:16', '16:9', '1:1'] },
		},
	},
	{
		field: number('CFG Scale', 'cfgScale', 'Runware videos: guidance scale, how closely the video follows the prompt', 7, 0),
		targets: { 'RUNWARE:video': { key: 'CFGScale' } },
	},
	{
		field: number(
			'Duration (Seconds)',
			'durationSeconds',
			'Runware videos, ElevenLabs sound effects (default 5) and music (default 30; sent in milliseconds)',
			5,
			0.5,
		),
		targets: {
			'RUNWARE:video': { key: 'duration' },
			'ELEVENLABS:sound_effect': { key: 'duration_seconds' },
			'ELEVENLABS:music': { key: 'music_length_ms', convert: (seconds) => Math.round(Number(seconds) * 1000) },
		},
	},
	{
		field: number('Height (Pixels)', 'height', 'Runware images (default 1024)', 1024, 64),
		targets: { 'RUNWARE:image': { key: 'height' } },
	},
	{
		field: {
			displayName: 'Quality',
			name: 'quality',
			type: 'options',
			default: 'medium',
			description: 'OpenAI images (default medium). HD and Standard are for DALL·E 3.',
			options: [
				{ name: 'Auto', value: 'auto' },
				{ name: 'HD', value: 'hd' },
				{ name: 'High', value: 'high' },
				{ name: 'Low', value: 'low' },
				{ name: 'Medium', value: 'medium' },
				{ name: 'Standard', value: 'standard' },
			],
		},
		targets: { 'OPENAI:image': { key: 'quality' } },
	},
	{
		field: text('Reference Image URL', 'referenceImageUrl', 'Runware videos: URL of an image the video starts from', 'https://example.com/frame.png'),
		targets: { 'RUNWARE:video': { key: 'referenceImage' } },
	},
	{
		field: text('Size', 'size', 'OpenAI images: dimensions as WIDTHxHEIGHT (default 1024x1024)', 'e.g. 1024x1024'),
		targets: { 'OPENAI:image': { key: 'size' } },
	},
	{
		field: number('Width (Pixels)', 'width', 'Runware images (default 1024)', 1024, 64),
		targets: { 'RUNWARE:image': { key: 'width' } },
	},
];

/**
 * The value of the entry the model and voice lists add when they cannot be loaded
 * (methods/loadOptions.ts): it says why, and is neither a model nor a voice.
 */
export const LIST_UNAVAILABLE = 'list-unavailable';

/** Stops an item whose Model or Voice is the "cannot list" entry, repeating what to do. */
export async function refuseListNotices(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const notices = [
		['Model Name or ID', 'models', body.model],
		['Voice Name or ID', 'voices', this.getNodeParameter('voiceId', '')],
	] as const;
	for (const [label, list, value] of notices) {
		if (value !== LIST_UNAVAILABLE) continue;
		throw invalidParameter.call(
			this,
			label,
			`is the entry saying that the ${list} could not be listed, not one of them`,
			`Choose Provider Default, or open the list again once what that entry named is fixed; nothing was sent to ImagineAnything.`,
		);
	}
	return requestOptions;
}

const RAW_PARAMS = 'rawParams';

const rawParamsField: INodeProperties = {
	displayName: 'Raw Params (JSON)',
	name: RAW_PARAMS,
	type: 'json',
	default: '{}',
	description:
		'Any further provider parameters as a JSON object, sent as they are (they win over the options above), e.g. {"style": "vivid"}',
};

export const providerOptionsField = optionalFields(
	'Provider Options',
	'providerOptions',
	[...PROVIDER_PARAMS.map((param) => param.field), rawParamsField].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	{ description: "Provider-specific settings, sent in the request's params. Each applies to the providers and types it names." },
);

function appliesTo(param: ProviderParam): string {
	return Object.keys(param.targets)
		.map((pair) => {
			const [provider, type] = pair.split(':') as [Provider, GenerationType];
			return `${PROVIDER_NAMES[provider]} ${TYPE_NAMES[type].toLowerCase()}`;
		})
		.join(', ');
}

function rawParams(this: IExecuteSingleFunctions, raw: unknown): IDataObject {
	const label = 'Raw Params (JSON)';
	if (raw === undefined || raw === null) return {};
	let value = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return {};
		try {
			value = JSON.parse(raw);
		} catch {
			throw invalidParameter.call(this, label, 'is not valid JSON');
		}
	}
	if (!value || typeof value !== 'object' || Array.isArray(value)) {
		throw invalidParameter.call(this, label, 'must be a JSON object, e.g. {"style": "vivid"}');
	}
	return value as IDataObject;
}

/**
 * Builds `params` from Provider Options, the chosen voice and the raw JSON. An option that the
 * chosen provider and type do not take stops the item rather than being dropped silently.
 */
export async function sendParams(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const pair = `${String(body.provider)}:${String(body.generationType)}` as keyof ProviderParam['targets'];
	const options = this.getNodeParameter('providerOptions', {}) as IDataObject;
	const params: IDataObject = {};
	for (const param of PROVIDER_PARAMS) {
		const value = options[param.field.name];
		if (value === undefined || value === '' || value === null) continue;
		const target = param.targets[pair];
		if (!target) {
			throw invalidParameter.call(
				this,
				param.field.displayName,
				`does not apply to ${PROVIDER_NAMES[body.provider as Provider] ?? String(body.provider)} ${String(body.generationType)} generation`,
				`"${param.field.displayName}" applies to: ${appliesTo(param)}. Remove it from Provider Options or choose a matching Provider and Generation Type; nothing was sent to ImagineAnything.`,
			);
		}
		if (target.oneOf && !target.oneOf.includes(String(value))) {
			throw invalidParameter.call(this, param.field.displayName, `must be one of ${target.oneOf.join(', ')} here (got "${String(value)}")`);
		}
		params[target.key] = target.convert ? target.convert(value) : (value as IDataObject[string]);
	}
	if (pair === 'ELEVENLABS:voice') {
		const voice = this.getNodeParameter('voiceId', '') as string;
		if (voice) params.voice_id = voice;
	}
	Object.assign(params, rawParams.call(this, options[RAW_PARAMS]));
	if (Object.keys(params).length) requestOptions.body = { ...body, params };
	return requestOptions;
}
