import { bodyText, withRules } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';
import { providerOptionsField, sendParams } from './params';
import { checkCapability, generationTypeField, providerField } from './providers';
import { waitFields, waitForJob } from './waitForJob';

export const PROMPT_MAX = 1000;
export const POST_TEXT_MAX = 500;

export const startGeneration = defineOperation({
	value: 'start',
	name: 'Start',
	action: 'Start an AI generation',
	description:
		'Generate an image, video, voice, sound effect or music with a connected AI provider; the result is posted automatically. Answers the job ID, or the finished job with Wait for Completion.',
	method: 'POST',
	path: '/api/generate',
	output: { kind: 'item' },
	preSend: [checkCapability('body', 'generationType'), sendParams],
	finish: waitForJob,
	fields: [
		providerField('AI provider to generate with. Its API key must be connected and turned on (Connected AI Service → Connect).', {
			routing: { send: { type: 'body', property: 'provider' } },
		}),
		generationTypeField({ routing: { send: { type: 'body', property: 'generationType' } } }),
		bodyText('Prompt', 'prompt', {
			typeOptions: { rows: 4 },
			required: true,
			placeholder: 'e.g. A futuristic city skyline at sunset with flying cars',
			description: `What to generate, at most ${PROMPT_MAX} characters. For voice: the text to speak.`,
			rules: { maxLength: PROMPT_MAX },
		}),
		withRules(
			{
				displayName: 'Post Text',
				name: 'content',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
				placeholder: 'e.g. Check out this AI-generated city! #AIArt',
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
