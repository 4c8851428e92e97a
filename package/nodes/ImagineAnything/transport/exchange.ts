import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { isPackageError } from './packageErrors';
import {
	RateLimitWaitTooLong,
	readRateHeaders,
	type RateBucket,
	type RateCategory,
	type Ticket,
} from './rateLimit';

/** What happened to a request whose answer is not usable. */
export type Outcome =
	/** The service refused it or it was never sent: nothing happened. */
	| 'not-applied'
	/** A read that kept failing: nothing to worry about, nothing was changed. */
	| 'read-failed'
	/** A write whose answer was lost or garbled: the service may have applied it. */
	| 'unknown';

export type FailureKind = 'status' | 'network' | 'timeout' | 'invalid-answer' | 'rate-limit' | 'cancelled';

/** A request that did not give a usable answer; the transport turns it into the node's error. */
export class TransportFailure {
	constructor(
		readonly kind: FailureKind,
		readonly outcome: Outcome,
		/** What went wrong, in words. */
		readonly message: string,
		readonly details: {
			status?: number;
			/** The answer's JSON body, or `{ message }` with the start of a body that is not JSON. */
			body?: IDataObject;
			/** A network error code (ECONNRESET, ETIMEDOUT…). */
			code?: string;
			attempts?: number;
			waitSeconds?: number;
			maxWaitSeconds?: number;
			category?: RateCategory;
		} = {},
	) {}
}

/** What a request came to: a usable answer (any status but 429) or a failure. */
export type Exchanged = { answer: Answer; failure?: undefined } | { failure: TransportFailure; answer?: undefined };

/** A promise's value or its rejection, as data. */
async function settle<T>(promise: Promise<T>): Promise<{ value: T; error?: undefined } | { error: unknown; value?: undefined }> {
	try {
		return { value: await promise };
	} catch (error) {
		return { error: error ?? new Error('failed') };
	}
}

export interface Answer {
	status: number;
	headers: IDataObject;
	/** Parsed JSON, or undefined for an empty answer. */
	body: unknown;
	/** How many times it was sent, when more than once. */
	attempts?: number;
}

export interface ExchangeRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IDataObject | Buffer;
	headers?: IDataObject;
	/** Safe to send again when its outcome is unknown: reads, and the token request. */
	repeatable: boolean;
	bucket: RateBucket;
	order: readonly [number, number];
	maxWaitMs: number;
	timeoutMs: number;
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
	signal?: AbortSignal;
	/** Sends the request, with n8n's authentication or without. */
	fire: (options: IHttpRequestOptions) => Promise<unknown>;
	/** What a 2xx answer must hold, in words ("a JSON object"), and the check; else it is unusable like a garbled one. */
	expect?: { what: string; holds: (status: number, body: unknown) => boolean };
}

/**
 * A request refused with 429 (each time after waiting as told) is sent again at least this many
 * times, and further while its refusals have lasted less than the longest wait the node accepts
 * (Max Wait for Rate Limit): processes sharing the agent's budget (n8n's queue-mode workers) can win
 * the freed slots several windows in a row. Beyond both, the service refuses for a reason of its own.
 */
const MIN_REFUSALS = 6;
/** Further sends of a repeatable request that failed with a 5xx, a network error or a garbled answer. */
const RETRY_DELAYS_MS = [500, 1000, 2000];
/** Connection errors raised before anything was sent: a write can be sent again too. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
const TIMEOUT = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/**
 * The network error code of a failed send: on the client's error, or (through n8n's authenticated
 * request, which wraps it in a NodeApiError and drops the original) on the wrapper's httpCode and
 * messages.
 */
function errorCode(error: unknown): string | undefined {
	const texts: string[] = [];
	for (let e = error as { code?: unknown; httpCode?: unknown; cause?: unknown; message?: unknown; messages?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
		for (const code of [e.code, e.httpCode]) if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		texts.push(String(e.message ?? ''), ...(Array.isArray(e.messages) ? e.messages.map(String) : []));
	}
	const text = texts.join(' ');
	if (/timeout/i.test(text)) return 'ETIMEDOUT';
	if (/socket hang up|aborted|ECONNRESET/i.test(text)) return 'ECONNRESET';
	return undefined;
}

/** The answer body: JSON, nothing, or (not JSON) undefined with `garbled` set. */
function parseBody(text: unknown): { body: unknown; garbled?: string } {
	const raw = Buffer.isBuffer(text) ? text.toString('utf8') : typeof text === 'string' ? text : text === undefined || text === null ? '' : undefined;
	if (raw === undefined) return { body: text };
	if (raw.trim() === '') return { body: undefined };
	try {
		return { body: JSON.parse(raw) as unknown };
	} catch {
		return { body: undefined, garbled: raw.slice(0, 200) };
	}
}

function describeNetwork(code: string | undefined): string {
	if (code && TIMEOUT.has(code)) return 'no answer in time';
	if (code === 'ECONNREFUSED') return 'connection refused';
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
	if (code === 'ECONNRESET' || code === 'EPIPE') return 'the connection was closed before an answer arrived';
	return code ? `network error ${code}` : 'network error';
}

/**
 * Sends one request through its rate-limit bucket and classifies what comes back. A 429 is
 * waited out and the request sent again (the service refused it, so nothing happened). A
 * repeatable request is also sent again after a 5xx, a network failure or a garbled 2xx, a few
 * times with growing pauses; any other request is never sent twice: when its outcome is unknown
 * the failure says so. Other HTTP answers are returned for the caller to judge.
 */
export async function exchange(request: ExchangeRequest): Promise<Exchanged> {
	let failures = 0;
	let refusals = 0;
	let firstRefusalAt = 0;
	for (;;) {
		const admitted = await settle(request.bucket.admit({ order: request.order, maxWaitMs: request.maxWaitMs, signal: request.signal }));
		if (admitted.error instanceof RateLimitWaitTooLong) {
			const { category, waitMs, maxWaitMs } = admitted.error;
			return {
				failure: new TransportFailure('rate-limit', 'not-applied', admitted.error.message, {
					category,
					waitSeconds: Math.ceil(waitMs / 1000),
					maxWaitSeconds: Math.round(maxWaitMs / 1000),
					status: 429,
				}),
			};
		}
		if (admitted.error !== undefined) return { failure: new TransportFailure('cancelled', 'not-applied', 'the execution was cancelled') };
		const ticket = admitted.value as Ticket;

		const sent = await settle(
			request.fire({
				method: request.method,
				url: request.url,
				qs: request.qs,
				body: request.body,
				headers: { Accept: 'application/json', ...request.headers },
				timeout: request.timeoutMs,
				...(request.proxy ? { proxy: request.proxy } : {}),
				...(request.skipSslCertificateValidation ? { skipSslCertificateValidation: true } : {}),
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				encoding: 'text',
				json: false,
			}),
		);
		if (sent.error !== undefined) {
			request.bucket.released(ticket);
			// With status errors ignored, what the send throws is the network's failure, unless it is
			// an error of this package (the token step inside n8n's authentication).
			if (isPackageError(sent.error)) throw sent.error;
			const code = errorCode(sent.error);
			const notSent = code !== undefined && NOT_SENT.has(code);
			if ((request.repeatable || notSent) && failures < RETRY_DELAYS_MS.length && !request.signal?.aborted) {
				await sleep(RETRY_DELAYS_MS[failures++]);
				continue;
			}
			const kind = code && TIMEOUT.has(code) ? 'timeout' : 'network';
			const outcome = notSent ? 'not-applied' : request.repeatable ? 'read-failed' : 'unknown';
			return { failure: new TransportFailure(kind, outcome, describeNetwork(code), { code, attempts: failures + 1 }) };
		}

		const response = sent.value as IN8nHttpFullResponse;
		const status = Number(response.statusCode);
		const headers = (response.headers ?? {}) as IDataObject;
		const rate = readRateHeaders(headers);
		request.bucket.answered(ticket, status, rate);
		const parsed = parseBody(response.body);
		const { body } = parsed;
		let { garbled } = parsed;
		const success = status >= 200 && status < 300;
		if (success && garbled === undefined && request.expect && !request.expect.holds(status, body)) {
			garbled = body === undefined ? '' : JSON.stringify(body).slice(0, 200);
		}

		if (status === 429) {
			if (refusals++ === 0) firstRefusalAt = Date.now();
			if (refusals < MIN_REFUSALS || Date.now() - firstRefusalAt < request.maxWaitMs) continue;
			return { answer: { status, headers, body: typeof body === 'object' && body ? body : {}, attempts: refusals } };
		}
		const retryable = status >= 500 || (success && garbled !== undefined);
		if (retryable && request.repeatable && failures < RETRY_DELAYS_MS.length && !request.signal?.aborted) {
			const retryAfterMs = (rate.retryAfter ?? 0) * 1000;
			await sleep(Math.min(Math.max(RETRY_DELAYS_MS[failures++], retryAfterMs), request.maxWaitMs || RETRY_DELAYS_MS[0]));
			continue;
		}
		if (success && garbled !== undefined) {
			const outcome = request.repeatable ? 'read-failed' : 'unknown';
			return {
				failure: new TransportFailure('invalid-answer', outcome, request.expect?.what ?? 'JSON', {
					status,
					body: { message: garbled },
					attempts: failures + 1,
				}),
			};
		}
		// Not JSON (a proxy's error page): kept as text beside the status, never taken for the service's message.
		const errorBody = garbled !== undefined ? { answerText: garbled } : body;
		const answerBody = status >= 400 && (!errorBody || typeof errorBody !== 'object') ? {} : errorBody;
		return { answer: { status, headers, body: answerBody, ...(failures ? { attempts: failures + 1 } : {}) } };
	}
}
