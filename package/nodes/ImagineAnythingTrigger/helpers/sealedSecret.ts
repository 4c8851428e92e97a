import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * The webhook signing secret is kept in the workflow's static data, which n8n copies into every
 * execution it saves and returns from its REST API. There it is sealed (AES-256-GCM) with a key
 * derived from the credential's Client Secret, which n8n itself keeps encrypted: a leaked
 * execution or workflow export reveals nothing. The key is the same after a restart or a
 * re-activation; a changed Client Secret makes the seal unreadable (the trigger then registers
 * again on activation).
 */
const SEALED = /^sealed:v1:([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

const CREDENTIAL_NAME = 'imagineAnythingApi';

export function sealingKey(credentials: IDataObject): Buffer {
	const info = 'n8n-nodes-imagineanything webhook signing secret';
	return Buffer.from(hkdfSync('sha256', String(credentials.clientSecret ?? ''), String(credentials.clientId ?? ''), info, 32));
}

export function seal(secret: string, key: Buffer): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
	return `sealed:v1:${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${sealed.toString('base64url')}`;
}

/** The secret, or undefined when `stored` is not sealed or not with this key (or was altered). */
export function unseal(stored: string, key: Buffer): string | undefined {
	const parts = SEALED.exec(stored);
	if (!parts) return undefined;
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parts[1], 'base64url'));
		decipher.setAuthTag(Buffer.from(parts[2], 'base64url'));
		return Buffer.concat([decipher.update(Buffer.from(parts[3], 'base64url')), decipher.final()]).toString('utf8');
	} catch {
		return undefined;
	}
}

export function isSealed(stored: unknown): boolean {
	return typeof stored === 'string' && SEALED.test(stored);
}

async function keyOf(context: IHookFunctions | IWebhookFunctions): Promise<Buffer> {
	return sealingKey(await context.getCredentials(CREDENTIAL_NAME));
}

/** Keeps `secret` under `name` in the static data, sealed. */
export async function keepSecret(this: IHookFunctions, staticData: IDataObject, name: string, secret: string): Promise<void> {
	staticData[name] = seal(secret, await keyOf(this));
}

/**
 * The secret kept under `name`: `missing` when there is none, `unreadable` when it cannot be
 * opened with the credential's current Client Secret. A secret kept in clear by an earlier
 * version of the node is sealed now.
 */
export async function readSecret(
	this: IHookFunctions | IWebhookFunctions,
	staticData: IDataObject,
	name: string,
): Promise<{ secret: string } | { problem: 'missing' | 'unreadable' }> {
	const stored = staticData[name];
	if (typeof stored !== 'string' || stored === '') return { problem: 'missing' };
	const key = await keyOf(this);
	if (!isSealed(stored)) {
		staticData[name] = seal(stored, key);
		return { secret: stored };
	}
	const secret = unseal(stored, key);
	return secret === undefined ? { problem: 'unreadable' } : { secret };
}
