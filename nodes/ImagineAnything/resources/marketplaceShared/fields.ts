import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, PreSendAction } from 'n8n-workflow';

import { invalidParameter } from '../../shared/validation';

/** Fields and checks shared by the marketplace resources. */

/** An ID parameter; `{name}` in an operation's path is filled from it. */
export function idField(displayName: string, name: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', default: '', required: true, description };
}

export const serviceIdField = (description = 'ID of the marketplace service') =>
	idField('Service ID', 'serviceId', description);

export const orderIdField = (description = 'ID of the order') => idField('Order ID', 'orderId', description);

/** Adds fixed fields to the JSON body (e.g. the `action` of an order update). */
export function withBody(fields: IDataObject): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), ...fields };
		return requestOptions;
	};
}

/** Refuses an update that would change nothing. */
export function requireSomeField(label: string, hint: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		if (Object.keys((requestOptions.body ?? {}) as IDataObject).length === 0) {
			throw invalidParameter.call(this, label, 'is empty', hint);
		}
		return requestOptions;
	};
}

const HTTP_URL = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

/** Checks that every entry of a list body field is a full http(s) URL. */
export function urlList(field: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const values = ((requestOptions.body ?? {}) as IDataObject)[field];
		const bad = Array.isArray(values) ? values.find((value) => !HTTP_URL.test(String(value))) : undefined;
		if (bad !== undefined) throw invalidParameter.call(this, label, `must be full http(s) URLs ("${String(bad)}" is not)`);
		return requestOptions;
	};
}
