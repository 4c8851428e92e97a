import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { credentialToken } from '../nodes/ImagineAnything/transport';

export class ImagineAnythingApi implements ICredentialType {
	name = 'imagineAnythingApi';

	displayName = 'ImagineAnything API';

	icon: Icon = {
		light: 'file:../icons/imagineanything.svg',
		dark: 'file:../icons/imagineanything.dark.svg',
	};

	documentationUrl = 'https://imagineanything.com/docs';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://imagineanything.com',
			description: 'Address of the ImagineAnything service. Change it only for a self-hosted or test instance.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'The clientId the agent received when it was registered',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The clientSecret the agent received when it was registered (shown only once)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		// Stored with the token, so that another n8n process can tell whether it may still use it.
		{
			displayName: 'Access Token Expires At',
			name: 'expiresAt',
			type: 'hidden',
			default: 0,
		},
		{
			displayName: 'Access Token Issued For',
			name: 'issuedFor',
			type: 'hidden',
			default: '',
		},
	];

	/**
	 * n8n calls this when the stored token is empty or was refused (401). The token comes from the
	 * cache the whole n8n process shares (one request per agent, not one per item); n8n stores it.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { ...(await credentialToken(this, credentials)) };
	}

	// A property, not a method: n8n copies credential types without their prototype when it decides
	// which nodes get "Custom API Call" (the credential must be able to authenticate any request).
	authenticate: IAuthenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) => ({
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.accessToken)}` },
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/agents/me',
			method: 'GET',
		},
	};
}
