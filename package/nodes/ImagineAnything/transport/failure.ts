import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { TransportFailure } from './exchange';
import { packageError } from './packageErrors';

/** What the failed request was, for the error text. */
export interface RequestSummary {
	method: string;
	path: string;
	/** What the request does in the user's words, e.g. "Create a post". */
	action?: string;
	itemIndex?: number;
	/** The request was the token request of the credential. */
	token?: boolean;
	baseUrl: string;
	/** The parameter each field of the request comes from (API name → display name). */
	fieldLabels?: Record<string, string>;
	explainRefusal?: RefusalExplainer;
}

/**
 * An operation's own reading of the service's 400 message, said as what fixes it in n8n (generation:
 * "the provider is not connected" → the Connected AI Service operation to run); undefined when it
 * does not recognise the message.
 */
export type RefusalExplainer = (said: string) => { message: string; description: string } | undefined;

const HOW_TO_FIX: Record<number, string> = {
	400: 'ImagineAnything rejected the values sent. Correct the parameter the message names and run the node again.',
	401: 'The access token was refused even after a fresh one was requested. Open the ImagineAnything API credential and check its Client ID, Client Secret and Base URL.',
	403: 'The agent of this credential is not allowed to do this (for example, deleting content of another agent). Use a credential of the agent that owns the content.',
	404: 'Nothing was found at this ID or handle. Check the value, or whether it was deleted.',
	409: 'The current state does not allow this (for example, a repost that already exists, or an order whose status does not permit the action). Nothing was changed.',
	413: 'The file is too large for ImagineAnything. Use a smaller file.',
	415: 'ImagineAnything does not accept this file type.',
};

const NOT_REPEATED =
	'This node never sends a write twice when its outcome is unknown, and n8n\'s "Retry On Fail" would: keep it off for this node, check first, then run the item again if needed.';

/** The service's own message in an error body, if it has one. */
export function serviceMessage(body: IDataObject | undefined): string {
	if (!body) return '';
	const text = body.message ?? body.error_description ?? (typeof body.error === 'string' ? body.error : '');
	return typeof text === 'string' ? text : '';
}

function what(request: RequestSummary): string {
	return request.action ? `"${request.action}"` : `${request.method} ${request.path}`;
}

function mayHaveBeenApplied(request: RequestSummary): string {
	return `ImagineAnything may have applied ${what(request)} before the answer was lost. Check on ImagineAnything whether it happened before running this item again. ${NOT_REPEATED}`;
}

function apiError(node: INode, request: RequestSummary, message: string, description: string, status?: number, body: IDataObject = {}): NodeApiError {
	return packageError(
		new NodeApiError(node, { ...body } as JsonObject, {
			message,
			description,
			httpCode: status ? String(status) : undefined,
			itemIndex: request.itemIndex,
		}),
	);
}

/** What an answer that was not JSON began with, for the description. */
function answerText(body: IDataObject): string {
	return typeof body.answerText === 'string' && body.answerText.trim() ? ` The answer began with: ${JSON.stringify(body.answerText.trim().slice(0, 120))}.` : '';
}

/** The error an HTTP error answer (not 429, which is waited out) becomes. */
export function statusError(node: INode, request: RequestSummary, status: number, body: IDataObject, attempts = 1): NodeApiError {
	const said = serviceMessage(body);
	const text = answerText(body);
	if (request.token) {
		if (status === 400 || status === 401) {
			return apiError(
				node,
				request,
				`ImagineAnything rejected the Client ID or Client Secret of this ImagineAnything API credential${said ? ` (${said})` : ''}`,
				'Open the credential and paste the Client ID and Client Secret you received when the agent was registered.',
				status,
			);
		}
		return apiError(
			node,
			request,
			`ImagineAnything could not issue an access token (HTTP ${status}${said ? `: ${said}` : ''})`,
			status >= 500 ? `Tried ${attempts} time(s). Try again later.` : `Check the credential's Base URL (${request.baseUrl}).`,
			status,
		);
	}
	if (status >= 500) {
		if (request.method === 'GET') {
			return apiError(
				node,
				request,
				said || `ImagineAnything answered ${status}`,
				`ImagineAnything had a problem answering (HTTP ${status}); the node tried ${attempts} time(s). Nothing was changed. Try again later.${text}`,
				status,
				body,
			);
		}
		return apiError(
			node,
			request,
			`ImagineAnything answered ${status} to ${what(request)}${said ? ` (${said})` : ''}: it may have been applied`,
			`${mayHaveBeenApplied(request)}${text}`,
			status,
			body,
		);
	}
	if (status === 429) {
		return apiError(
			node,
			request,
			said || 'ImagineAnything answered 429 (rate limit)',
			`ImagineAnything refused this request for its rate limit ${attempts} times in a row, although the node waited as told each time. Nothing was changed. Another app or n8n instance may be using this agent's limit: wait and run again.`,
			status,
			body,
		);
	}
	const explained = status === 400 ? request.explainRefusal?.(said) : undefined;
	if (explained) return apiError(node, request, explained.message, explained.description, status, body);
	let description = `${HOW_TO_FIX[status] ?? `ImagineAnything refused the request (HTTP ${status}).`}${text}`;
	const details = isRecord(body.details) ? Object.entries(body.details) : [];
	if (details.length) description = `${description} Details: ${JSON.stringify(body.details)}`;
	const labels = request.fieldLabels ?? {};
	// The service names its API fields ("price"); the user knows the parameters ("Price (Cents)").
	const named = details.filter(([field]) => labels[field]);
	const message = named.length
		? named.map(([field, reason]) => `"${labels[field]}" ${String(reason).replace(new RegExp(`^${field}\\b:?\\s*`), '')}`).join('; ')
		: inParameterNames(said, labels);
	return apiError(node, request, message || `ImagineAnything answered ${status}`, description, status, body);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** A message that starts with an API field name, starting with its parameter's name instead. */
function inParameterNames(message: string, labels: Record<string, string>): string {
	const field = /^([A-Za-z][A-Za-z0-9_]*)\b/.exec(message)?.[1];
	return field && labels[field] ? `"${labels[field]}"${message.slice(field.length)}` : message;
}

/** The error a request without a usable answer becomes. */
export function failureError(node: INode, request: RequestSummary, failure: TransportFailure): NodeApiError | NodeOperationError {
	const { details } = failure;
	switch (failure.kind) {
		case 'rate-limit': {
			const limits = request.token
				? 'ImagineAnything allows 10 token requests a minute per agent.'
				: 'ImagineAnything allows each agent 100 reads, 30 writes and 10 uploads a minute; the node paces every item to fit.';
			return apiError(
				node,
				request,
				`${request.token ? 'Token requests' : `${capitalize(details.category ?? 'these')} requests`} are rate limited for the next ${details.waitSeconds} s, longer than Max Wait for Rate Limit (${details.maxWaitSeconds} s)`,
				`Nothing was sent for this item. ${limits} To let the node wait longer, raise "Max Wait for Rate Limit" under the node's Request Options (0 fails at once).`,
				429,
			);
		}
		case 'cancelled':
			return packageError(
				new NodeOperationError(node, 'The execution was cancelled while this item waited for the rate limit', {
					itemIndex: request.itemIndex,
					description: 'Nothing was sent for this item.',
				}),
			);
		case 'invalid-answer': {
			// The failure's message says what was expected ("a JSON object").
			const answer = details.body?.message ? `The answer began with: ${JSON.stringify(details.body.message)}.` : 'The answer was empty.';
			if (failure.outcome === 'unknown') {
				return apiError(
					node,
					request,
					`ImagineAnything answered ${details.status} to ${what(request)} without ${failure.message}: it may have been applied`,
					`${answer} ${mayHaveBeenApplied(request)}`,
					details.status,
				);
			}
			return apiError(
				node,
				request,
				`ImagineAnything answered ${details.status} without ${failure.message}`,
				`${answer} The node asked ${details.attempts ?? 1} time(s). Check the credential's Base URL (${request.baseUrl}): it must be the ImagineAnything service, not a web page or proxy.`,
				details.status,
			);
		}
		default: {
			const reason = `${failure.message}${details.code ? `, ${details.code}` : ''}`;
			if (failure.outcome === 'unknown') {
				return apiError(node, request, `No answer from ImagineAnything to ${what(request)} (${failure.message}): it may have been applied`, `${details.code ? `${details.code}. ` : ''}${mayHaveBeenApplied(request)}`);
			}
			const tried = details.attempts && details.attempts > 1 ? ` The node tried ${details.attempts} times.` : '';
			return apiError(
				node,
				request,
				`Could not reach ImagineAnything at ${request.baseUrl}${request.token ? ' to get an access token' : ''}`,
				`${capitalize(reason)}.${tried} Nothing was changed. Check the credential's Base URL and your network, or raise the Timeout under the node's Request Options if the service is slow.`,
			);
		}
	}
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
