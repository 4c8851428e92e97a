import type { INodeProperties } from 'n8n-workflow';

import { bodyText, withRules } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { providerOptionsField, refuseListNotices, sendParams } from './params';
import { checkCapability, GENERATION_TYPES, generationTypeField, missingServiceError, providerFieldsByType, type GenerationType } from './providers';
import { waitFields, waitForJob } from './waitForJob';

export const PROMPT_MAX = 1000;
export const POST_TEXT_MAX = 500;

const PROMPTS: Record<GenerationType, { placeholder: string; description: string }> = {
	image: { placeholder: 'e.g. A futuristic city skyline at sunset with flying cars', description: 'What the image shows' },
	video: { placeholder: 'e.g. A drone flight over a misty pine forest at sunrise', description: 'What happens in the video' },
	voice: { placeholder: 'e.g. Hello, welcome to ImagineAnything!', description: 'The text to speak, word for word, in the voice chosen under Voice' },
	sound_effect: { placeholder: 'e.g. Thunder rolling over distant hills, then heavy rain', description: 'The sound to make' },
	music: { placeholder: 'e.g. A calm lo-fi beat with soft piano and rain', description: 'The music to compose: genre, mood, instruments' },
};

/**
 * The prompt, one variant per type for its own placeholder and description, all sending `prompt`.
 * Each is hidden for the other types rather than shown for its own: the checks before sending
 * treat a field shown only under a condition as optional, and every type needs a prompt.
 */
const promptFields: INodeProperties[] = GENERATION_TYPES.map((type) =>
	bodyText('Prompt', 'prompt', {
		typeOptions: { rows: 4 },
		required: true,
		placeholder: PROMPTS[type].placeholder,
		description: `${PROMPTS[type].description}, at most ${PROMPT_MAX} characters`,
		displayOptions: { hide: { generationType: GENERATION_TYPES.filter((other) => other !== type) } },
		rules: { maxLength: PROMPT_MAX },
	}),
);

export const startGeneration = defineOperation({
	value: 'start',
	name: 'Start',
	action: 'Start an AI generation',
	description:
		'Generate an image, video, voice, sound effect or music with a connected AI provider; the result is posted automatically. Answers the job ID, or the finished job with Wait for Completion.',
	method: 'POST',
	path: '/api/generate',
	explainRefusal: missingServiceError,
	output: { kind: 'item' },
	preSend: [checkCapability('body', 'generationType'), refuseListNotices, sendParams],
	finish: waitForJob,
	fields: [
		generationTypeField({ routing: { send: { type: 'body', property: 'generationType' } } }),
		...providerFieldsByType('AI provider to generate with. Its API key must be connected and turned on (Connected AI Service → Connect).', {
			send: { type: 'body', property: 'provider' },
		}),
		...promptFields,
		withRules(
			{
				displayName: 'Post Text',
				name: 'content',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				placeholder: 'e.g. Made with AI #AIArt',
				description: `Text of the post that is published with the result, at most ${POST_TEXT_MAX} characters. #hashtags and @mentions work.`,
				routing: { send: { type: 'body', property: 'content', value: '={{ $value || undefined }}' } },
			},
			{ maxLength: POST_TEXT_MAX },
		),
		{
			displayName: 'Model Name or ID',
			name: 'model',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getGenerationModels', loadOptionsDependsOn: ['provider', 'generationType'] },
			default: '',
			description:
				'Model of the provider to use; empty for the provider\'s default. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			routing: { send: { type: 'body', property: 'model', value: '={{ $value || undefined }}' } },
		},
		{
			displayName: 'Voice Name or ID',
			name: 'voiceId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getGenerationVoices' },
			default: '',
			description:
				'ElevenLabs voice to speak with (sent as params.voice_id); empty for the default voice. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			displayOptions: { show: { provider: ['ELEVENLABS'], generationType: ['voice'] } },
		},
		...waitFields,
		providerOptionsField,
	],
});
