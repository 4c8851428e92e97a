import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INodeExecutionData,
	INodePropertyRouting,
	PreSendAction,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { rateLimitRetryWait, readHttpFailure, toApiError } from './errors';
import { resolvePath } from './locators';

export const CREDENTIAL_NAME = 'imagineAnythingApi';

/** The service's address from the credential (https://imagineanything.com unless set), without a trailing slash. */
export function baseUrlOf(credentials: IDataObject): string {
	return String(credentials.baseUrl || 'https://imagineanything.com').replace(/\/+$/, '');
}

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
	/** Requests sent before the operation's own one (e.g. the upload a byte is made from). */
	before?: PriorRequest[];
	/** Reshapes each output item (e.g. to keep a secret out of the output). */
	transform?: (this: IExecuteSingleFunctions, entry: IDataObject) => IDataObject;
	/**
	 * Body fields that hold secrets (a provider API key). They are sent, but their values are
	 * masked wherever they would reach the output or an error, even when the service echoes them.
	 */
	secretFields?: string[];
	/**
	 * Runs on the shaped items before they leave, e.g. to wait for an asynchronous job.
	 * `followUp` sends further requests for the same item with the same 429 and error handling.
	 */
	finish?: (this: IExecutePaginationFunctions, items: IDataObject[], followUp: FollowUp) => Promise<IDataObject[]>;
}

/** A further request of the same operation and item (see ApiCall.finish); answers the parsed body. */
export type FollowUp = (method: IHttpRequestMethods, path: string, qs?: IDataObject) => Promise<unknown>;

/**
 * A request an operation sends before its own, through the same rate-limit waits and error
 * handling. All of them are prepared (and so checked) before the first one is sent.
 */
export interface PriorRequest {
	method: IHttpRequestMethods;
	/** Path with `{parameter}` placeholders, like ApiCall.path. */
	path: string;
	/** Body fields to start from, as parameters' `routing.send` would build them. */
	body?: IDataObject;
	/** Shapes the request before anything is sent, like a preSend (e.g. `uploadFile`). */
	prepare?: PreSendAction;
	/** Carries the answer into the operation's own request (e.g. the uploaded media's id into its body). */
	apply: (this: IExecuteSingleFunctions, answer: unknown, request: DeclarativeRestApiSettings.HttpRequestOptions) => void;
	/** Added to the error when a later request fails: what this one left behind (e.g. an uploaded file). */
	leftBehind?: (answer: unknown) => string;
}

const MAX_PAGES = 1000;

type RequestData = DeclarativeRestApiSettings.ResultOptions;

function bodiesOf(items: INodeExecutionData[]): unknown[] {
	return items.map((item) => item.json);
}

/** How a secret may be shown: its first and last 4 characters, as ImagineAnything masks API keys. */
export function maskSecret(secret: string): string {
	return secret.length >= 12 ? `${secret.slice(0, 4)}****${secret.slice(-4)}` : '****';
}

/** A copy of `value` in which every occurrence of a secret is masked. */
function masked<T>(value: T, secrets: string[]): T {
	if (!secrets.length) return value;
	if (typeof value === 'string') {
		return secrets.reduce((text: string, secret) => text.split(secret).join(maskSecret(secret)), value) as T;
	}
	if (Array.isArray(value)) return value.map((entry) => masked(entry, secrets)) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, masked(entry, secrets)])) as T;
	}
	return value;
}

/** The values of a request's secret body fields (very short values would garble text when masked). */
function secretsOf(requestData: RequestData, call: ApiCall): string[] {
	const body = (requestData.options.body ?? {}) as IDataObject;
	return (call.secretFields ?? [])
		.map((field) => body[field])
		.filter((value): value is string => typeof value === 'string' && value.length >= 4);
}

/** A failed request reduced to what readHttpFailure reads, with the secrets masked. */
function withoutSecrets(error: unknown, secrets: string[]): unknown {
	if (!secrets.length) return error;
	const failure = readHttpFailure(error);
	return {
		message: masked(String((error as Error)?.message ?? ''), secrets),
		response: {
			status: failure.status,
			data: masked(failure.body, secrets),
			headers: failure.retryAfterSeconds ? { 'retry-after': String(failure.retryAfterSeconds) } : {},
		},
	};
}

/**
 * Sends one request. A 429 is waited out (Retry-After) and retried, because a rejected request
 * had no effect; no other failure is retried, so a write is never sent twice. Every failure
 * leaves as a NodeApiError with the service's message.
 */
async function send(
	this: IExecutePaginationFunctions,
	requestData: RequestData,
	call: ApiCall,
	secrets: string[] = [],
): Promise<unknown> {
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
			const wait = rateLimitRetryWait(readHttpFailure(error), attempt);
			if (wait !== undefined) {
				await sleep(wait * 1000);
				continue;
			}
			// The error carries the node (with its parameters) into the execution data: mask the secret there too.
			throw toApiError(masked(this.getNode(), secrets), withoutSecrets(error, secrets), this.getItemIndex(), {
				retries: attempt,
			});
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
	secrets: string[] = [],
): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Number.POSITIVE_INFINITY : Number(this.getNodeParameter('limit', 50));
	const pageSize = output.maxPageSize ?? 100;
	const results: IDataObject[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < MAX_PAGES && results.length < limit; page++) {
		const qs: IDataObject = { ...requestData.options.qs, limit: Math.min(pageSize, limit - results.length) };
		if (cursor) qs.cursor = cursor;
		const body = await send.call(this, { ...requestData, options: { ...requestData.options, qs } }, call, secrets);
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

async function preparePriorRequests(
	this: IExecutePaginationFunctions,
	requestData: RequestData,
	call: ApiCall,
): Promise<Array<{ step: PriorRequest; options: RequestData['options'] }>> {
	const prepared = [];
	for (const step of call.before ?? []) {
		let options: RequestData['options'] = {
			...requestData.options,
			method: step.method,
			url: resolvePath.call(this, step.path),
			qs: {},
			headers: { ...requestData.options.headers },
			body: { ...step.body },
		};
		// The routing node hands its request options to preSends the same way.
		if (step.prepare) options = await step.prepare.call(this, options as IHttpRequestOptions);
		prepared.push({ step, options });
	}
	return prepared;
}

/** Further requests on the transport settings of the operation's own request (base URL, timeout, proxy). */
function followUpFor(this: IExecutePaginationFunctions, requestData: RequestData, call: ApiCall, secrets: string[]): FollowUp {
	const { baseURL, headers, json, timeout, proxy, skipSslCertificateValidation } = requestData.options;
	return async (method, url, qs = {}) =>
		await send.call(
			this,
			{ ...requestData, options: { baseURL, headers, json, timeout, proxy, skipSslCertificateValidation, method, url, qs } },
			call,
			secrets,
		);
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
		const leftBehind: string[] = [];
		for (const { step, options } of await preparePriorRequests.call(this, requestData, call)) {
			const answer = await send.call(this, { ...requestData, options }, call);
			step.apply.call(this, answer, requestData.options);
			if (step.leftBehind) leftBehind.push(step.leftBehind(answer));
		}
		try {
			return await ownRequest.call(this, requestData, call, itemIndex);
		} catch (error) {
			throw withLeftBehind(error, leftBehind);
		}
	};
}

/** A failure (already a NodeApiError, see `send`) that also tells what earlier requests left behind. */
function withLeftBehind(error: unknown, leftBehind: string[]): unknown {
	if (error instanceof NodeApiError && leftBehind.length) {
		error.description = [error.description, ...leftBehind].filter(Boolean).join(' ');
	}
	return error;
}

/** The operation's own request(s), shaped into output items. */
async function ownRequest(
	this: IExecutePaginationFunctions,
	requestData: RequestData,
	call: ApiCall,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const secrets = secretsOf(requestData, call);
	let json =
		call.output.kind === 'list'
			? await fetchList.call(this, requestData, call, call.output, secrets)
			: shape(await send.call(this, requestData, call, secrets), call.output);
	if (call.finish) json = await call.finish.call(this, json, followUpFor.call(this, requestData, call, secrets));
	const { transform } = call;
	return masked(json, secrets).map((entry) => ({
		json: transform ? transform.call(this, entry) : entry,
		pairedItem: { item: itemIndex },
	}));
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
