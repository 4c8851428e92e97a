import { createHmac, timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import {
	readDeliveryHeaders,
	SIGNATURE_PREFIX,
	signedContent,
	TIMESTAMP_TOLERANCE_SECONDS,
} from './deliveryFormat';

export type VerificationFailure =
	/** The trigger holds no secret (not registered, or its registration was lost). */
	| 'noSecret'
	/** A signature, timestamp or delivery id header, or the body, is absent. */
	| 'missing'
	/** A header is present but not in the expected form. */
	| 'malformed'
	/** The signature does not match the body (forged, altered, or signed with another secret). */
	| 'forged'
	/** Authentic, but signed outside the accepted time window. */
	| 'stale';

export type Verification =
	| { valid: true; deliveryId: string; timestamp: number }
	| { valid: false; reason: VerificationFailure };

export interface SignedRequest {
	headers: Record<string, unknown>;
	/** The body exactly as received; n8n keeps it as `rawBody` on the request. */
	rawBody: Buffer | string | undefined | null;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

export function computeSignature(secret: string, timestamp: string, rawBody: Buffer): string {
	return createHmac('sha256', secret).update(signedContent(timestamp, rawBody)).digest('hex');
}

function toBuffer(rawBody: SignedRequest['rawBody']): Buffer | undefined {
	if (Buffer.isBuffer(rawBody)) return rawBody;
	if (typeof rawBody === 'string') return Buffer.from(rawBody, 'utf8');
	return undefined;
}

/** Unix seconds; a value in milliseconds is accepted too. */
function parseTimestamp(value: string): number | undefined {
	if (!/^\d{1,16}$/.test(value)) return undefined;
	const number = Number(value);
	return number > 1e11 ? Math.floor(number / 1000) : number;
}

/**
 * Checks one delivery: HMAC-SHA256 over `timestamp + "." + raw body`, compared in constant
 * time, and a timestamp within five minutes of `nowSeconds`. Replays inside that window are
 * caught by `rememberDelivery`.
 */
export function verifySignature(request: SignedRequest, secret: string | undefined, nowSeconds: number): Verification {
	if (!secret) return { valid: false, reason: 'noSecret' };
	const headers = readDeliveryHeaders(request.headers);
	const rawBody = toBuffer(request.rawBody);
	if (!headers.signature || !headers.timestamp || !headers.deliveryId || !rawBody || rawBody.length === 0) {
		return { valid: false, reason: 'missing' };
	}
	const timestamp = parseTimestamp(headers.timestamp);
	const signature = headers.signature.toLowerCase().startsWith(SIGNATURE_PREFIX)
		? headers.signature.slice(SIGNATURE_PREFIX.length)
		: '';
	if (timestamp === undefined || !HEX_SHA256.test(signature)) return { valid: false, reason: 'malformed' };

	const expected = Buffer.from(computeSignature(secret, headers.timestamp, rawBody), 'hex');
	if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return { valid: false, reason: 'forged' };
	if (Math.abs(nowSeconds - timestamp) > TIMESTAMP_TOLERANCE_SECONDS) return { valid: false, reason: 'stale' };
	return { valid: true, deliveryId: headers.deliveryId, timestamp };
}

/**
 * Seen delivery ids live in the node's static data. The service retries a delivery (same id)
 * when our answer did not reach it, possibly long after the five-minute signature window, so
 * ids are kept for a day, at most MAX_SEEN of them.
 */
export const SEEN_KEY = 'seenDeliveries';
export const MAX_SEEN = 1000;
export const SEEN_TTL_SECONDS = 24 * 3600;

/**
 * Seen ids per trigger (workflow + node) in this n8n process: one object, which every request of
 * the trigger puts into its static data. n8n gives each request a copy of the static data, loaded
 * when the request arrived, and writes that copy whole when the request ends, so copies with seen
 * ids of their own would erase each other's; and a process that never saw a delivery (main, another
 * webhook processor, this one after a restart) knows only what was written. With the one object,
 * the check and the record are one synchronous step, and whichever copy n8n writes last holds
 * every id this process saw or loaded until then.
 */
const seenInProcess = new Map<string, Record<string, number>>();

/** The key of one trigger node of one workflow. */
export function deliveryScope(context: { getWorkflow(): { id?: string }; getNode(): { id: string } }): string {
	return `${context.getWorkflow().id ?? ''}:${context.getNode().id}`;
}

/** Forgets what this process saw for a trigger (its registration was removed or replaced). */
export function forgetDeliveries(scope: string): void {
	seenInProcess.delete(scope);
}

function prune(entries: Iterable<[string, number]>, nowSeconds: number): Array<[string, number]> {
	return [...entries]
		.filter(([, at]) => typeof at === 'number' && nowSeconds - at <= SEEN_TTL_SECONDS)
		.sort((a, b) => b[1] - a[1])
		.slice(0, MAX_SEEN);
}

const has = (seen: Record<string, number>, id: string) => Object.prototype.hasOwnProperty.call(seen, id);

/**
 * Records `ids` as seen; false when one of them was seen already (a replay or a retry), in the
 * static data or, for `scope`, earlier in this process.
 */
export function rememberDelivery(staticData: IDataObject, ids: string[], nowSeconds: number, scope?: string): boolean {
	const stored = staticData[SEEN_KEY];
	const loaded = stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, number>) : {};
	const seen = scope === undefined ? { ...loaded } : (seenInProcess.get(scope) ?? {});
	const keys = ids.filter((id) => id !== '');
	const replayed = keys.some((id) => has(loaded, id) || has(seen, id));
	// Ids other processes wrote join this process's record.
	for (const [id, at] of Object.entries(loaded)) if (typeof at === 'number' && !(seen[id] >= at)) seen[id] = at;
	for (const id of keys) seen[id] = nowSeconds;
	const kept = new Set(prune(Object.entries(seen), nowSeconds).map(([id]) => id));
	for (const id of Object.keys(seen)) if (!kept.has(id)) delete seen[id];
	if (scope !== undefined) seenInProcess.set(scope, seen);
	staticData[SEEN_KEY] = seen;
	return !replayed;
}
