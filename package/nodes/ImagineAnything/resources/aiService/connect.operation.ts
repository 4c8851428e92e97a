import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { defineOperation } from '../../shared/operation';
import { invalidParameter } from '../../shared/validation';
import { providerField } from '../generation/providers';
import { apiKeySourceField, MIN_PROVIDER_KEY_LENGTH, PROVIDER_KEY_CREDENTIAL, typedApiKeyField } from './fields';

async function keyOfCredential(this: IExecuteSingleFunctions): Promise<unknown> {
	if (!this.getNode().credentials?.[PROVIDER_KEY_CREDENTIAL]) {
		throw new NodeOperationError(this.getNode(), 'No ImagineAnything AI Provider Key credential is selected', {
			itemIndex: this.getItemIndex(),
			description:
				'Select or create one under "Credential for ImagineAnything AI Provider Key API" and paste the provider\'s key there, or set "API Key From" to This Node.',
		});
	}
	return (await this.getCredentials(PROVIDER_KEY_CREDENTIAL)).apiKey;
}

/** The provider's key, from the credential or the node, checked and put in the body. */
async function sendApiKey(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const fromCredential = this.getNodeParameter('apiKeySource', 'credential') === 'credential';
	const raw = fromCredential ? await keyOfCredential.call(this) : this.getNodeParameter(typedApiKeyField.name, '');
	const apiKey = typeof raw === 'string' ? raw.trim() : '';
	const label = fromCredential ? 'API Key of the ImagineAnything AI Provider Key credential' : typedApiKeyField.displayName;
	if (apiKey.length < MIN_PROVIDER_KEY_LENGTH) {
		throw invalidParameter.call(
			this,
			label,
			apiKey === '' ? 'is empty' : `is too short to be an API key (at least ${MIN_PROVIDER_KEY_LENGTH} characters)`,
			`Enter the provider's API key ${fromCredential ? 'in the credential' : 'here'}; nothing was sent to ImagineAnything.`,
		);
	}
	requestOptions.body = { ...(requestOptions.body as IDataObject), apiKey };
	return requestOptions;
}

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
	preSend: [sendApiKey],
	fields: [providerField('AI provider whose API key to store', { routing: { send: { type: 'body', property: 'provider' } } }), apiKeySourceField, typedApiKeyField],
});
