import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { rateLimitRetryWait, readHttpFailure, toApiError } from '../../ImagineAnything/shared/errors';
import { baseUrlOf, CREDENTIAL_NAME } from '../../ImagineAnything/shared/request';

type TriggerContext = IHookFunctions | IPollFunctions;

export interface ApiRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** Answer undefined for a 404 instead of failing (e.g. "no webhook configured"). */
	notFoundIsEmpty?: boolean;
}

/**
 * One authenticated request of a trigger: the credential's token (refreshed by n8n on a 401),
 * 429s waited out with Retry-After, every other failure thrown as a NodeApiError with the
 * service's message (its `httpCode` tells callers the status).
 */
export async function apiRequest(this: TriggerContext, request: ApiRequest): Promise<unknown> {
	const credentials = await this.getCredentials(CREDENTIAL_NAME);
	const options: IHttpRequestOptions = {
		method: request.method,
		baseURL: baseUrlOf(credentials),
		url: request.path,
		headers: { Accept: 'application/json' },
		json: true,
	};
	if (request.qs) options.qs = request.qs;
	if (request.body) options.body = request.body;
	for (let attempt = 0; ; attempt++) {
		try {
			return await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_NAME, options);
		} catch (error) {
			const failure = readHttpFailure(error);
			if (failure.status === 404 && request.notFoundIsEmpty) return undefined;
			const wait = rateLimitRetryWait(failure, attempt);
			if (wait !== undefined) {
				await sleep(wait * 1000);
				continue;
			}
			throw toApiError(this.getNode(), error, 0, { retries: attempt });
		}
	}
}
