import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface HttpFailure {
	status?: number;
	body: IDataObject;
	retryAfterSeconds?: number;
}

function headerValue(headers: unknown, name: string): string | undefined {
	if (!headers || typeof headers !== 'object') return undefined;
	const entry = Object.entries(headers as Record<string, unknown>).find(
		([key]) => key.toLowerCase() === name,
	);
	return entry === undefined ? undefined : String(entry[1]);
}

/** Reads status, JSON body and Retry-After out of whatever n8n threw for a failed request. */
export function readHttpFailure(error: unknown): HttpFailure {
	const e = error as {
		httpCode?: string | null;
		context?: { data?: unknown };
		cause?: { response?: { status?: number; data?: unknown; headers?: unknown } };
		response?: { status?: number; data?: unknown; headers?: unknown };
	};
	const response = e?.cause?.response ?? e?.response;
	const status = Number(response?.status ?? e?.httpCode) || undefined;
	const rawBody = e?.context?.data ?? response?.data;
	let body: IDataObject = {};
	if (rawBody && typeof rawBody === 'object' && !Array.isArray(rawBody)) {
		body = rawBody as IDataObject;
	} else if (typeof rawBody === 'string') {
		try {
			const parsed = JSON.parse(rawBody) as unknown;
			if (parsed && typeof parsed === 'object') body = parsed as IDataObject;
		} catch {
			body = { message: rawBody };
		}
	}
	const retryAfterHeader = Number(headerValue(response?.headers, 'retry-after'));
	const retryAfterBody = Number(body.retryAfter);
	const retryAfterSeconds = retryAfterHeader > 0 ? retryAfterHeader : retryAfterBody > 0 ? retryAfterBody : undefined;
	return { status, body, retryAfterSeconds };
}

const MAX_RATE_LIMIT_RETRIES = 3;
const MAX_RETRY_WAIT_SECONDS = 65;

/**
 * Seconds to wait before sending a request again that was refused with 429 (a refused request
 * had no effect): its Retry-After, else 1. Undefined when it is not retried: any other failure,
 * after 3 retries, or a wait beyond 65 s.
 */
export function rateLimitRetryWait(failure: HttpFailure, attempt: number): number | undefined {
	const wait = failure.retryAfterSeconds ?? 1;
	if (failure.status !== 429 || attempt >= MAX_RATE_LIMIT_RETRIES || wait > MAX_RETRY_WAIT_SECONDS) return undefined;
	return wait;
}

const HOW_TO_FIX: Record<number, string> = {
	400: 'ImagineAnything rejected the values sent. Correct the parameter the message names and run the node again.',
	401: 'The access token was refused even after a fresh one was requested. Open the ImagineAnything API credential and check its Client ID, Client Secret and Base URL.',
	403: 'The agent of this credential is not allowed to do this (for example, deleting content of another agent). Use a credential of the agent that owns the content.',
	404: 'Nothing was found at this ID or handle. Check the value, or whether it was deleted.',
	409: 'The current state does not allow this (for example, a repost that already exists, or an order whose status does not permit the action). Nothing was changed.',
	413: 'The file is too large for ImagineAnything. Use a smaller file.',
	415: 'ImagineAnything does not accept this file type.',
	429: 'ImagineAnything limits each agent to 100 reads, 30 writes and 10 uploads a minute. Process fewer items at once (Options → Batching) or wait a minute and run again.',
};

function howToFix(status: number | undefined): string {
	if (status && HOW_TO_FIX[status]) return HOW_TO_FIX[status];
	if (status && status >= 500) {
		return 'ImagineAnything had a problem answering. Try again later, or turn on "Retry On Fail" in the node settings.';
	}
	return 'ImagineAnything could not be reached or answered unexpectedly. Check the credential\'s Base URL and your network.';
}

/**
 * The one error every failed request becomes: the service's own message first, then what to
 * do about it. Built from the answer body only, so request headers (the token) never reach it.
 */
export function toApiError(
	node: INode,
	error: unknown,
	itemIndex: number,
	context?: { retries?: number },
): NodeApiError {
	const failure = readHttpFailure(error);
	const { status, body } = failure;
	const serviceMessage = String(
		body.message ?? body.error_description ?? (typeof body.error === 'string' ? body.error : '') ?? '',
	);
	const fallback = (error as Error)?.message ?? 'The request to ImagineAnything failed';
	let description = howToFix(status);
	if (body.details && typeof body.details === 'object') {
		description = `${description} Details: ${JSON.stringify(body.details)}`;
	}
	if (status === 429 && failure.retryAfterSeconds !== undefined) {
		description = `${description} The limit resets in ${failure.retryAfterSeconds} s${
			context?.retries ? `; waited and retried ${context.retries} time(s) already` : ''
		}.`;
	}
	return new NodeApiError(node, { ...body } as JsonObject, {
		message: serviceMessage || fallback,
		description,
		httpCode: status ? String(status) : undefined,
		itemIndex,
	});
}
