import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

export const DEFAULT_BASE_URL = 'https://imagineanything.com';

/** The service's address from the credential, without a trailing slash. */
export function baseUrlOf(credentials: IDataObject): string {
	return String(credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/** One agent at one service: whose rate limits a request counts against. */
export function agentIdentity(credentials: IDataObject): string {
	return `${baseUrlOf(credentials)}|${String(credentials.clientId ?? '')}`;
}

/** The credential values a token belongs to; a token stored for other values is not used. */
export function fingerprintOf(credentials: IDataObject): string {
	return createHash('sha256')
		.update(`${agentIdentity(credentials)}|${String(credentials.clientSecret ?? '')}`)
		.digest('hex')
		.slice(0, 32);
}

export interface TokenSet {
	accessToken: string;
	refreshToken?: string;
	/** Epoch ms. */
	expiresAt: number;
	/** Written to n8n's credential store already (see `StoredToken`). */
	stored: boolean;
}

/**
 * The token as n8n keeps it in the credential's hidden fields, so that the next process (a
 * restart, a queue-mode worker, `n8n execute`) starts with it instead of asking for a new one.
 */
export interface StoredToken {
	accessToken: string;
	expiresAt: number;
	issuedFor: string;
}

/** A token this close to its expiry is treated as expired, so a request never starts with one. */
const EXPIRY_SKEW_MS = 60_000;

/**
 * Sends the token request (through the rate-limit bucket of the agent's auth category) and
 * answers the parsed 200 body; throws for anything else.
 */
export type TokenRequest = (body: IDataObject) => Promise<IDataObject>;

/**
 * One token per credential (base URL + client id + secret) for the whole n8n process. Items run
 * concurrently and the token endpoint allows 10 requests a minute: entries are promises, so
 * that concurrent callers join one request.
 */
const tokenCache = new Map<string, Promise<TokenSet>>();

function usable(set: TokenSet, staleToken: string | undefined): boolean {
	return set.accessToken !== staleToken && set.expiresAt - EXPIRY_SKEW_MS > Date.now();
}

function fromStore(credentials: ICredentialDataDecryptedObject): TokenSet | undefined {
	const token = credentials.accessToken;
	const expiresAt = Number(credentials.expiresAt);
	if (typeof token !== 'string' || token === '' || credentials.issuedFor !== fingerprintOf(credentials)) return undefined;
	return { accessToken: token, expiresAt: Number.isFinite(expiresAt) ? expiresAt : 0, stored: true };
}

async function requestTokenSet(send: TokenRequest, credentials: ICredentialDataDecryptedObject, refreshToken?: string): Promise<TokenSet> {
	const grant = async (body: IDataObject): Promise<TokenSet> => {
		const answer = await send(body);
		if (typeof answer?.access_token !== 'string' || answer.access_token === '') {
			throw new Error('ImagineAnything answered the token request without an access_token');
		}
		const expiresIn = Number(answer.expires_in) > 0 ? Number(answer.expires_in) : 3600;
		return {
			accessToken: answer.access_token,
			refreshToken: typeof answer.refresh_token === 'string' ? answer.refresh_token : undefined,
			expiresAt: Date.now() + expiresIn * 1000,
			stored: false,
		};
	};
	if (refreshToken) {
		try {
			return await grant({ grant_type: 'refresh_token', refresh_token: refreshToken });
		} catch {
			// A refresh token can be revoked or expired: the client credentials still work.
		}
	}
	return await grant({ grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret });
}

/**
 * A valid access token for the credential: the process's cached one, else the one n8n stored
 * with the credential, else a new one. `staleToken` is a token the service just refused (401):
 * it is replaced, never handed back.
 */
export async function accessToken(
	send: TokenRequest,
	credentials: ICredentialDataDecryptedObject,
	staleToken?: string,
	attempt = 0,
): Promise<TokenSet> {
	const key = `${agentIdentity(credentials)}|${fingerprintOf(credentials)}`;
	let current = tokenCache.get(key);
	if (!current) {
		const stored = fromStore(credentials);
		if (stored && usable(stored, staleToken)) {
			current = Promise.resolve(stored);
			tokenCache.set(key, current);
		}
	}
	let previous: TokenSet | undefined;
	if (current) {
		// A failure of the shared request fails every caller that joined it: no retry storm.
		previous = await current;
		if (usable(previous, staleToken)) return previous;
		if (tokenCache.get(key) !== current && attempt < 3) return await accessToken(send, credentials, staleToken, attempt + 1);
	}
	const next = requestTokenSet(send, credentials, previous?.refreshToken);
	tokenCache.set(key, next);
	next.catch(() => {
		if (tokenCache.get(key) === next) tokenCache.delete(key);
	});
	return await next;
}

/** What n8n should store in the credential for this token. */
export function storedToken(credentials: ICredentialDataDecryptedObject, set: TokenSet): StoredToken {
	return { accessToken: set.accessToken, expiresAt: set.expiresAt, issuedFor: fingerprintOf(credentials) };
}
