import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { readHttpFailure, toApiError } from './errors';
import { resolvePath } from './locators';

export const CREDENTIAL_NAME = 'imagineAnythingApi';

/** How an answer becomes items. */
export type Output =
	/** One object; `unwrap` names the key it may come wrapped in (`{post: {…}}`). */
	| { kind: 'item'; unwrap?: string }
	/** An array under `key` (or the one array in the answer), followed across pages. */
	| { kind: 'list'; key: string; maxPageSize?: number }
	/** A status answer such as `{following: true}`; an empty answer becomes `{success: true}`. */
	| { kind: 'result' };

export interface ApiCall {
	method: IHttpRequestMethods;
	/** Path with `{parameter}` placeholders, filled from the node's parameters. */
	path: string;
	output: Output;
	/** `none`: sent without a token, and allowed without a credential (registration). */
	auth?: 'required' | 'none';
	/** Checks run before anything is sent (see validation.ts). */
	preSend?: PreSendAction[];
}

const MAX_RATE_LIMIT_RETRIES = 3;
const MAX_RETRY_WAIT_SECONDS = 65;
const MAX_PAGES = 1000;

type RequestData = DeclarativeRestApiSettings.ResultOptions;

function bodiesOf(items: INodeExecutionData[]): unknown[] {
	return items.map((item) => item.json);
}

/**
 * Sends one request. A 429 is waited out (Retry-After) and retried, because a rejected request
 * had no effect; no other failure is retried, so a write is never sent twice. Every failure
 * leaves as a NodeApiError with the service's message.
 */
async function send(this: IExecutePaginationFunctions, requestData: RequestData, call: ApiCall): Promise<unknown> {
	for (let attempt = 0; ; attempt++) {
		try {
			if (call.auth === 'none') {
				return await this.helpers.httpRequest(requestData.options as IHttpRequestOptions);
			}
			const items = await this.makeRoutingRequest({
				...requestData,
				options: { ...requestData.options, qs: { ...requestData.options.qs } },
			});
			const bodies = bodiesOf(items);
			return bodies.length === 1 ? bodies[0] : bodies;
		} catch (error) {
			const failure = readHttpFailure(error);
			const wait = failure.retryAfterSeconds ?? 1;
			if (failure.status === 429 && attempt < MAX_RATE_LIMIT_RETRIES && wait <= MAX_RETRY_WAIT_SECONDS) {
				await sleep(wait * 1000);
				continue;
			}
			throw toApiError(this.getNode(), error, this.getItemIndex(), { retries: attempt });
		}
	}
}

function asObject(body: unknown): IDataObject {
	return body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
}

/** The item array of a list answer: the expected key, else the one array the answer holds. */
export function listItems(body: unknown, key: string): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	const object = asObject(body);
	if (Array.isArray(object[key])) return object[key] as IDataObject[];
	const arrays = Object.values(object).filter(Array.isArray);
	return arrays.length === 1 ? (arrays[0] as IDataObject[]) : [];
}

export function unwrap(body: unknown, key?: string): IDataObject {
	const object = asObject(body);
	const inner = key ? object[key] : undefined;
	return inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as IDataObject) : object;
}

async function fetchList(
	this: IExecutePaginationFunctions,
	requestData: RequestData,
	call: ApiCall,
	output: Extract<Output, { kind: 'list' }>,
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Number.POSITIVE_INFINITY : Number(this.getNodeParameter('limit', 50));
	const pageSize = output.maxPageSize ?? 100;
	const results: IDataObject[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < MAX_PAGES && results.length < limit; page++) {
		const qs: IDataObject = { ...requestData.options.qs, limit: Math.min(pageSize, limit - results.length) };
		if (cursor) qs.cursor = cursor;
		const body = await send.call(this, { ...requestData, options: { ...requestData.options, qs } }, call);
		const items = listItems(body, output.key);
		results.push(...items);
		const { nextCursor, hasMore } = asObject(body);
		cursor = typeof nextCursor === 'string' && nextCursor !== '' ? nextCursor : undefined;
		if (!cursor || hasMore === false || items.length === 0) break;
	}
	return results.slice(0, limit);
}

function shape(body: unknown, output: Output): IDataObject[] {
	if (output.kind === 'item') return [unwrap(body, output.unwrap)];
	const object = asObject(body);
	return [Object.keys(object).length ? object : { success: true }];
}

function executorFor(call: ApiCall) {
	return async function (this: IExecutePaginationFunctions, requestData: RequestData): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		if (call.auth !== 'none' && !this.getNode().credentials?.[CREDENTIAL_NAME]) {
			throw new NodeOperationError(this.getNode(), 'No ImagineAnything API credential is selected', {
				itemIndex,
				description: 'Select or create an ImagineAnything API credential in the node. Only Agent → Register works without one.',
			});
		}
		requestData.options.url = resolvePath.call(this, call.path);
		const json =
			call.output.kind === 'list'
				? await fetchList.call(this, requestData, call, call.output)
				: shape(await send.call(this, requestData, call), call.output);
		return json.map((entry) => ({ json: entry, pairedItem: { item: itemIndex } }));
	};
}

/**
 * The routing of one operation. Every operation runs through `executorFor` via n8n's
 * pagination hook, the only place a declarative node can wrap its own requests: there it
 * resolves locators, waits out rate limits, follows cursors and turns errors into NodeApiErrors.
 */
export function apiRoute(call: ApiCall): INodePropertyRouting {
	return {
		request: { method: call.method, url: call.path },
		send: { paginate: true, preSend: call.preSend ?? [] },
		operations: { pagination: executorFor(call) },
	};
}
