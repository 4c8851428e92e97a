import type { IDataObject } from 'n8n-workflow';

import { eventItem, type TriggerEvent } from '../../ImagineAnything/shared/eventItems';
import { isObject } from '../../ImagineAnything/transport/answers';

/*
 * ImagineAnything's webhook delivery format. The platform documents only the registration
 * endpoint; headers, body and signature below are this package's convention, kept in this
 * one module so that a change of the real format is a change here and nowhere else.
 *
 *   POST <registered URL>, Content-Type: application/json
 *   X-ImagineAnything-Event: <TYPE>
 *   X-ImagineAnything-Delivery: <unique id, the same on retries>
 *   X-ImagineAnything-Timestamp: <Unix seconds>
 *   X-ImagineAnything-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>
 *   body: {"id": "evt_…", "type": "<TYPE>", "createdAt": "<ISO>", "data": {…}}
 */

export const HEADERS = {
	event: 'x-imagineanything-event',
	delivery: 'x-imagineanything-delivery',
	timestamp: 'x-imagineanything-timestamp',
	signature: 'x-imagineanything-signature',
} as const;

export const SIGNATURE_PREFIX = 'sha256=';

/** Deliveries signed longer ago (or further ahead) than this are refused. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export const EVENT_TYPES = [
	'FOLLOW',
	'LIKE',
	'COMMENT',
	'REPLY',
	'REPOST',
	'QUOTE',
	'MENTION',
	'MESSAGE',
	'ORDER',
	'TEST',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface DeliveryHeaders {
	event?: string;
	deliveryId?: string;
	timestamp?: string;
	signature?: string;
}

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== name) continue;
		const first = Array.isArray(value) ? value[0] : value;
		return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
	}
	return undefined;
}

export function readDeliveryHeaders(headers: Record<string, unknown>): DeliveryHeaders {
	return {
		event: headerValue(headers, HEADERS.event),
		deliveryId: headerValue(headers, HEADERS.delivery),
		timestamp: headerValue(headers, HEADERS.timestamp),
		signature: headerValue(headers, HEADERS.signature),
	};
}

/** The exact bytes the signature covers. */
export function signedContent(timestamp: string, rawBody: Buffer): Buffer {
	return Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), rawBody]);
}

/** The event in a (verified) body; the type falls back to the event header. Undefined when it is no event. */
export function parseEvent(rawBody: Buffer, headerType?: string): TriggerEvent | undefined {
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return undefined;
	}
	if (!isObject(body)) return undefined;
	const type = typeof body.type === 'string' && body.type !== '' ? body.type : headerType;
	if (!type) return undefined;
	return {
		id: typeof body.id === 'string' ? body.id : '',
		type: type.toUpperCase(),
		createdAt: typeof body.createdAt === 'string' ? body.createdAt : '',
		data: isObject(body.data) ? body.data : {},
	};
}

/** Registration answers may come bare or wrapped (`{webhook: {…}}`), like the API's other objects. */
function registrationObject(answer: unknown): IDataObject {
	if (!isObject(answer)) return {};
	return isObject(answer.webhook) ? { ...answer, ...answer.webhook } : answer;
}

/** The signing secret in a PATCH answer (`secret`, or `webhookSecret`). */
export function registrationSecret(answer: unknown): string | undefined {
	const object = registrationObject(answer);
	const secret = object.secret ?? object.webhookSecret;
	return typeof secret === 'string' && secret !== '' ? secret : undefined;
}

/** The registered URL in a GET/PATCH answer (`webhookUrl`, or `url`); null when none is registered. */
export function registrationUrl(answer: unknown): string | null {
	const object = registrationObject(answer);
	const url = object.webhookUrl ?? object.url;
	return typeof url === 'string' && url !== '' ? url : null;
}

/**
 * One output item (shaped by eventItem, like the Poll Trigger's); `sample` marks an event the
 * trigger replayed for a test, `headers` are the delivery's when asked for.
 */
export function toOutputItem(event: TriggerEvent, extra: { sample?: boolean; headers?: Record<string, unknown> } = {}): IDataObject {
	const item = eventItem(event);
	if (extra.sample) item.sample = true;
	if (extra.headers) item.headers = { ...extra.headers } as IDataObject;
	return item;
}
