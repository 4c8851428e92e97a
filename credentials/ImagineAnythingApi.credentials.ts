import { createHash } from 'crypto';
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

interface TokenSet {
	accessToken: string;
	refreshToken?: string;
	expiresAt: number;
}

/** A token this close to its expiry is treated as expired, so a request never starts with one. */
const EXPIRY_SKEW_MS = 60_000;

/**
 * One token per credential (base URL + client id + secret) for the whole n8n process.
 * n8n calls `preAuthentication` once per item and runs the items of a node concurrently:
 * without this, a cold 50-item batch would make 50 token requests against an endpoint that
 * allows 10 a minute. Entries are promises so that concurrent callers join one request.
 */
const tokenCache = new Map<string, Promise<TokenSet>>();

function cacheKey(credentials: ICredentialDataDecryptedObject): string {
	const secretHash = createHash('sha256')
		.update(String(credentials.clientSecret ?? ''))
		.digest('hex');
	return `${baseUrlOf(credentials)}|${String(credentials.clientId ?? '')}|${secretHash}`;
}

function baseUrlOf(credentials: ICredentialDataDecryptedObject): string {
	return String(credentials.baseUrl || 'https://imagineanything.com').replace(/\/+$/, '');
}

function describeTokenFailure(error: unknown, baseURL: string): string {
	const response = (error as { response?: { status?: number; data?: unknown; body?: unknown } })
		?.response;
	const body = (response?.data ?? response?.body) as IDataObject | undefined;
	const detail =
		body && typeof body === 'object'
			? String(body.error_description ?? body.message ?? body.error ?? '')
			: '';
	if (response?.status === 401 || response?.status === 400) {
		return `ImagineAnything rejected the Client ID or Client Secret of this ImagineAnything API credential${
			detail ? ` (${detail})` : ''
		}. Open the credential and paste the Client ID and Client Secret you received when the agent was registered.`;
	}
	if (response?.status === 429) {
		return 'ImagineAnything is rate limiting token requests for this credential (10 a minute). Wait a minute and run the workflow again.';
	}
	const reason = response?.status
		? `HTTP ${response.status}${detail ? `: ${detail}` : ''}`
		: String((error as Error)?.message ?? error);
	return `Could not get an access token for this ImagineAnything API credential from ${baseURL} (${reason}). Check the credential's Base URL.`;
}

async function requestTokenSet(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	refreshToken?: string,
): Promise<TokenSet> {
	const baseURL = baseUrlOf(credentials);
	const grant = async (body: IDataObject): Promise<TokenSet> => {
		const answer = (await helper.helpers.httpRequest({
			method: 'POST',
			baseURL,
			url: '/api/auth/token',
			body,
			json: true,
			headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		})) as IDataObject;
		if (typeof answer?.access_token !== 'string') {
			throw new ApplicationError(
				'ImagineAnything answered the token request without an access_token. Check the credential\'s Base URL.',
			);
		}
		const expiresIn = Number(answer.expires_in) > 0 ? Number(answer.expires_in) : 3600;
		return {
			accessToken: answer.access_token,
			refreshToken: typeof answer.refresh_token === 'string' ? answer.refresh_token : undefined,
			expiresAt: Date.now() + expiresIn * 1000,
		};
	};

	if (refreshToken) {
		try {
			return await grant({ grant_type: 'refresh_token', refresh_token: refreshToken });
		} catch {
			// A refresh token can be revoked or expired: the client credentials still work.
		}
	}
	try {
		return await grant({
			grant_type: 'client_credentials',
			client_id: credentials.clientId,
			client_secret: credentials.clientSecret,
		});
	} catch (error) {
		if (error instanceof ApplicationError) throw error;
		// A fresh error on purpose: the request error carries the body with the client secret.
		throw new ApplicationError(describeTokenFailure(error, baseURL));
	}
}

function isUsable(set: TokenSet, staleToken: string | undefined): boolean {
	return set.accessToken !== staleToken && set.expiresAt - EXPIRY_SKEW_MS > Date.now();
}

/**
 * Returns a valid access token. `staleToken` is the token n8n holds: after a 401 n8n calls
 * `preAuthentication` again with the rejected token still in the credential, so a cached
 * token equal to it must be replaced, not handed back.
 */
async function accessTokenFor(
	helper: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	staleToken: string | undefined,
	attempt = 0,
): Promise<TokenSet> {
	const key = cacheKey(credentials);
	const current = tokenCache.get(key);
	let previous: TokenSet | undefined;
	if (current) {
		// A failure of the shared request fails every caller that joined it: no retry storm.
		previous = await current;
		if (isUsable(previous, staleToken)) return previous;
		if (tokenCache.get(key) !== current && attempt < 3) {
			return await accessTokenFor(helper, credentials, staleToken, attempt + 1);
		}
	}
	const next = requestTokenSet(helper, credentials, previous?.refreshToken);
	tokenCache.set(key, next);
	next.catch(() => {
		if (tokenCache.get(key) === next) tokenCache.delete(key);
	});
	return await next;
}

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
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const stale = typeof credentials.accessToken === 'string' && credentials.accessToken !== ''
			? credentials.accessToken
			: undefined;
		const set = await accessTokenFor(this, credentials, stale);
		return { accessToken: set.accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/agents/me',
			method: 'GET',
		},
	};
}
