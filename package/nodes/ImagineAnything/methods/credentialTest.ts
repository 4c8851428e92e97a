import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { MIN_PROVIDER_KEY_LENGTH } from '../resources/aiService/fields';

/**
 * The AI provider key credential's test. The key belongs to the provider, not to ImagineAnything,
 * and checking it there would need the agent too: this checks its form, and says where the real
 * check happens.
 */
export async function testProviderKey(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const key = typeof credential.data?.apiKey === 'string' ? credential.data.apiKey.trim() : '';
	if (key.length < MIN_PROVIDER_KEY_LENGTH) {
		return { status: 'Error', message: `The API key is ${key === '' ? 'empty' : `too short (at least ${MIN_PROVIDER_KEY_LENGTH} characters)`}` };
	}
	if (/\s/.test(key)) return { status: 'Error', message: 'The API key contains spaces or line breaks: paste only the key' };
	return {
		status: 'OK',
		message: 'The key has the form of an API key. ImagineAnything checks it with the provider: run Connected AI Service → Connect, then → Test.',
	};
}
