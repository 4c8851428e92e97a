import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestHelper,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { hasList, isObject } from './answers';
import { exchange, type Answer, type ExchangeRequest } from './exchange';
import { failureError, statusError, type RefusalExplainer, type RequestSummary } from './failure';
import { admissionOrder, bucketFor, categoryOf } from './rateLimit';
import { masked, maskError } from './secrets';
import { accessToken, agentIdentity, baseUrlOf, storedToken, type TokenRequest } from './token';

export { baseUrlOf, DEFAULT_BASE_URL } from './token';
export type { Answer } from './exchange';
export type { RefusalExplainer } from './failure';

export const CREDENTIAL_NAME = 'imagineAnythingApi';

/** Every context the package sends requests from: items, triggers, dropdowns. */
export type ApiContext = IExecuteSingleFunctions | IHookFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path under the base URL, e.g. /api/posts/abc. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | Buffer;
	headers?: IDataObject;
	/** Sent without the credential's token (Agent → Register, public reads without a credential). */
	anonymous?: boolean;
	/** What the request does in the user's words ("Create a post"), for errors about writes. */
	action?: string;
	/** Values that must not appear in errors (a provider API key sent in the body). */
	secrets?: string[];
	/** The parameter each body or query field comes from (API name → display name), for the service's 400 errors. */
	fieldLabels?: Record<string, string>;
	explainRefusal?: RefusalExplainer;
	/** Another service address than the credential's (Agent → Register's Base URL option). */
	baseUrl?: string;
	/** A 404 answer is returned instead of failing (e.g. "no webhook registered"). */
	allowNotFound?: boolean;
	/**
	 * What a 2xx answer must hold, else the request failed: a JSON object; a list (an array, under
	 * `list` or the one array of the answer); or a status (a JSON object, or nothing with 204).
	 * Without it any JSON or an empty answer is accepted.
	 */
	expect?: 'object' | 'status' | { list: string };
}

export interface TransportSettings {
	/** Per request. */
	timeoutMs: number;
	/** The longest single wait for a rate-limit reset; 0 fails at once. */
	maxRateLimitWaitMs: number;
	/** n8n's Request Options → Proxy and Ignore SSL Issues, as the routing node parsed them. */
	proxy?: IHttpRequestOptions['proxy'];
	skipSslCertificateValidation?: boolean;
}

export const DEFAULT_SETTINGS: TransportSettings = { timeoutMs: 60_000, maxRateLimitWaitMs: 120_000 };

function itemIndexOf(context: ApiContext): number {
	return 'getItemIndex' in context ? context.getItemIndex() : 0;
}

function executionIdOf(context: ApiContext): string | undefined {
	return 'getExecutionId' in context ? context.getExecutionId() : undefined;
}

function cancelSignalOf(context: ApiContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/**
 * The credential of a node run, read once for all its items (n8n would read and decrypt it per
 * item). Keyed by the run's execute data, which every item of one run shares.
 */
const runCredentials = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();

async function credentialsOf(context: ApiContext): Promise<ICredentialDataDecryptedObject> {
	const run = 'getExecuteData' in context ? (context.getExecuteData() as object | undefined) : undefined;
	if (!run) return await context.getCredentials(CREDENTIAL_NAME);
	let credentials = runCredentials.get(run);
	if (!credentials) {
		credentials = context.getCredentials(CREDENTIAL_NAME);
		runCredentials.set(run, credentials);
		credentials.catch(() => runCredentials.delete(run));
	}
	return await credentials;
}

/** Whether the node has an ImagineAnything credential selected. */
export function hasCredential(context: ApiContext): boolean {
	return !!context.getNode().credentials?.[CREDENTIAL_NAME];
}

/** The token request of a credential, through the agent's auth bucket; failures are the node's errors. */
export function tokenRequest(
	send: (options: IHttpRequestOptions) => Promise<unknown>,
	credentials: ICredentialDataDecryptedObject,
	node: INode | undefined,
	settings: TransportSettings = DEFAULT_SETTINGS,
	order: readonly [number, number] = [Number.MAX_SAFE_INTEGER, 0],
): TokenRequest {
	const baseUrl = baseUrlOf(credentials);
	const summary: RequestSummary = { method: 'POST', path: '/api/auth/token', token: true, baseUrl };
	// Errors are built here, never from the request: its body holds the client secret.
	const errorNode = node ?? ({ name: 'ImagineAnything API credential', type: CREDENTIAL_NAME, typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode);
	return async (body) => {
		const { answer, failure } = await exchange({
			method: 'POST',
			url: `${baseUrl}/api/auth/token`,
			body,
			headers: { 'Content-Type': 'application/json' },
			// Asking again for a token changes nothing: repeated like a read.
			repeatable: true,
			bucket: bucketFor(agentIdentity(credentials), 'auth'),
			order,
			maxWaitMs: settings.maxRateLimitWaitMs,
			timeoutMs: settings.timeoutMs,
			fire: send,
			expect: { what: 'a token', holds: (status, answerBody) => status !== 200 || isObject(answerBody) },
		});
		if (failure) throw failureError(errorNode, summary, failure);
		if (answer.status >= 300) throw statusError(errorNode, summary, answer.status, (answer.body ?? {}) as IDataObject, answer.attempts);
		return answer.body as IDataObject;
	};
}

/**
 * The one way every request of the package leaves: the action node's items, both triggers, list
 * search and load options. It sends with the credential's token (one per agent and process,
 * renewed once on a 401), paces itself by the service's rate-limit headers (shared by every item
 * and execution of the process, in item order), never repeats a write whose outcome is unknown,
 * and turns every failure into an error that says what happened and what to do. Answers the
 * status and the parsed JSON body (undefined when empty).
 */
export async function apiRequest(this: ApiContext, request: ApiRequest, settings: TransportSettings = DEFAULT_SETTINGS): Promise<Answer> {
	const secrets = request.secrets ?? [];
	const ownNode = this.getNode();
	const selected = ownNode.credentials?.[CREDENTIAL_NAME];
	const node = masked(ownNode, secrets);
	const itemIndex = itemIndexOf(this);
	const order = admissionOrder(executionIdOf(this), itemIndex);
	const signal = cancelSignalOf(this);
	if (!request.anonymous && !selected) throw noCredential(node, itemIndex);
	// Anonymous requests still go to the selected credential's Base URL.
	const credentials = selected ? await credentialsOf(this) : undefined;
	const baseUrl = request.baseUrl ? baseUrlOf({ baseUrl: request.baseUrl }) : credentials ? baseUrlOf(credentials) : baseUrlWithoutCredential(this);
	const summary: RequestSummary = {
		method: request.method,
		path: request.path,
		action: request.action,
		itemIndex,
		baseUrl,
		fieldLabels: request.fieldLabels,
		explainRefusal: request.explainRefusal,
	};
	const identity = credentials && !request.anonymous ? agentIdentity(credentials) : `${baseUrl}|anonymous`;
	const bucket = bucketFor(identity, categoryOf(request.method, request.path));
	const repeatable = request.method === 'GET' || request.method === 'HEAD';
	const plain = (options: IHttpRequestOptions) => this.helpers.httpRequest(options);

	const send = async (token?: { value: string; store: boolean }): Promise<Answer> => {
		const { answer, failure } = await exchange({
			method: request.method,
			url: `${baseUrl}${request.path}`,
			qs: request.qs,
			body: request.body,
			headers: request.headers,
			repeatable,
			bucket,
			order,
			maxWaitMs: settings.maxRateLimitWaitMs,
			timeoutMs: settings.timeoutMs,
			proxy: settings.proxy,
			skipSslCertificateValidation: settings.skipSslCertificateValidation,
			signal,
			expect: expectation(request.expect),
			fire: token && credentials
				? async (options) =>
						// n8n adds the Bearer header (the credential's authenticate). An empty token makes it
						// run the credential's preAuthentication, which hands over our token and stores it.
						await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, options, {
							credentialsDecrypted: {
								id: String(selected?.id ?? ''),
								name: String(selected?.name ?? ''),
								type: CREDENTIAL_NAME,
								data: { ...credentials, accessToken: token.store ? '' : token.value },
							},
						})
				: plain,
		});
		if (failure) throw maskError(failureError(node, summary, failure), secrets);
		return answer;
	};

	let answer: Answer;
	if (!credentials || request.anonymous) {
		answer = await send();
	} else {
		const tokens = tokenRequest(plain, credentials, node, settings, order);
		let set = await accessToken(tokens, credentials);
		const withToken = async () => {
			// The first request with a new token lets n8n store it in the credential, once.
			const store = !set.stored;
			set.stored = true;
			return await send({ value: set.accessToken, store });
		};
		answer = await withToken();
		if (answer.status === 401) {
			// Refused before anything happened: renew the token once and send again.
			set = await accessToken(tokens, credentials, set.accessToken);
			answer = await withToken();
		}
	}
	if (answer.status >= 400 && !(answer.status === 404 && request.allowNotFound)) {
		throw maskError(statusError(node, summary, answer.status, masked((answer.body ?? {}) as IDataObject, secrets), answer.attempts), secrets);
	}
	return answer;
}

/** The service address of the node's credential (ImagineAnything's own without one). */
export async function serviceUrl(this: ApiContext): Promise<string> {
	return hasCredential(this) ? baseUrlOf(await credentialsOf(this)) : baseUrlWithoutCredential(this);
}

/** Where requests go when no credential is selected: Request Options → Base URL Without Credential, else the public service. */
function baseUrlWithoutCredential(context: ApiContext): string {
	let configured: unknown = '';
	try {
		configured = (context.getNodeParameter as (name: string, fallback: unknown) => unknown)('requestOptions.baseUrl', '');
	} catch {
		// Triggers and load-options calls of other nodes have no Request Options.
	}
	const value = typeof configured === 'string' ? configured.trim() : '';
	if (value !== '' && !/^https?:\/\/[^/\s]+/i.test(value)) {
		throw new NodeOperationError(context.getNode(), `Request Options → Base URL Without Credential is not a URL: "${value}"`, {
			description: 'Enter the full address of the service, such as https://imagineanything.com, or leave it empty.',
		});
	}
	return baseUrlOf({ baseUrl: value });
}

function expectation(expect: ApiRequest['expect']): ExchangeRequest['expect'] {
	if (expect === undefined) return undefined;
	if (expect === 'object') return { what: 'a JSON object', holds: (_status, body) => isObject(body) };
	if (expect === 'status') return { what: 'a JSON object', holds: (status, body) => status === 204 || isObject(body) };
	return { what: `a list of ${expect.list}`, holds: (_status, body) => hasList(body, expect.list) };
}

export function noCredential(node: INode, itemIndex: number): NodeOperationError {
	return new NodeOperationError(node, 'No ImagineAnything API credential is selected', {
		itemIndex,
		description:
			'This operation acts as an agent: select or create an ImagineAnything API credential in the node. Reads of public data (such as Post → Get Public Timeline) and Agent → Register run without one.',
	});
}

/** The credential's own token step (n8n's preAuthentication): same cache, same pacing. */
export async function credentialToken(helper: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
	const stale = typeof credentials.accessToken === 'string' && credentials.accessToken !== '' ? credentials.accessToken : undefined;
	const set = await accessToken(tokenRequest(async (options) => await helper.helpers.httpRequest(options), credentials, undefined), credentials, stale);
	set.stored = true;
	return storedToken(credentials, set);
}
