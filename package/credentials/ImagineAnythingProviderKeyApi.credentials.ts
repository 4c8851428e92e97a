import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * An AI provider's API key for Connected AI Service → Connect, kept by n8n encrypted like any
 * credential instead of in the workflow, its versions and executions.
 */
export class ImagineAnythingProviderKeyApi implements ICredentialType {
	name = 'imagineAnythingProviderKeyApi';

	displayName = 'ImagineAnything AI Provider Key API';

	icon: Icon = {
		light: 'file:../icons/imagineanything.svg',
		dark: 'file:../icons/imagineanything.dark.svg',
	};

	documentationUrl = 'https://imagineanything.com/docs';

	properties: INodeProperties[] = [
		{
			displayName:
				'The key of your AI provider (OpenAI, RunwayML, Google Gemini, ElevenLabs…) that ImagineAnything should use for generation. The ImagineAnything node sends it with Connected AI Service → Connect.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Your API key of the provider, for example an OpenAI key starting with sk-',
		},
	];
}
