import { defineOperation } from '../../shared/operation';
import { withRules } from '../../shared/descriptions';
import { providerField } from '../generation/providers';

export const connectService = defineOperation({
	value: 'connect',
	name: 'Connect',
	action: 'Connect an AI service',
	description:
		"Store an AI provider's API key so that Generation can use it; a provider already connected gets the new key. The key never appears in the output, only masked.",
	method: 'POST',
	path: '/api/settings/services',
	output: { kind: 'item', unwrap: 'service' },
	secretFields: ['apiKey'],
	fields: [
		providerField('AI provider whose API key to store', { routing: { send: { type: 'body', property: 'provider' } } }),
		withRules(
			{
				displayName: 'API Key',
				name: 'apiKey',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
				description:
					"Your API key of the provider (for example an OpenAI key starting with sk-). ImagineAnything stores it encrypted; the node's output and errors show it only masked. To keep it out of the workflow itself, enter it as an expression, e.g. {{ $env.OPENAI_API_KEY }}.",
				routing: { send: { type: 'body', property: 'apiKey', value: '={{ String($value).trim() }}' } },
			},
			{ minLength: 8 },
		),
	],
});
