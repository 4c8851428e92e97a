import type { INodeProperties } from 'n8n-workflow';

import { providerField } from '../generation/providers';

/** The connected provider an operation acts on: /api/settings/services/{provider}. */
export const serviceProviderField = providerField('The connected AI provider');

/** Shorter is not an API key of any provider (the service's rule). */
export const MIN_PROVIDER_KEY_LENGTH = 8;

/** The credential type that holds a provider's API key (Connect). */
export const PROVIDER_KEY_CREDENTIAL = 'imagineAnythingProviderKeyApi';

export const apiKeySourceField: INodeProperties = {
	displayName: 'API Key From',
	name: 'apiKeySource',
	type: 'options',
	default: 'credential',
	options: [
		{
			name: 'Credential',
			value: 'credential',
			description: 'An ImagineAnything AI Provider Key credential: n8n keeps the key encrypted, out of the workflow and its executions',
		},
		{
			name: 'This Node (Stored in the Workflow)',
			value: 'parameter',
			description: 'Typed or mapped here: the key is saved in the workflow, its versions and the data of every execution',
		},
	],
};

export const typedApiKeyField: INodeProperties = {
	displayName: 'API Key (Stored in the Workflow)',
	name: 'apiKey',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	required: true,
	displayOptions: { show: { apiKeySource: ['parameter'] } },
	description:
		'Your API key of the provider (for example an OpenAI key starting with sk-). It is saved in the workflow, its versions and every execution; the node\'s output and errors show it only masked. Prefer API Key From: Credential.',
};
