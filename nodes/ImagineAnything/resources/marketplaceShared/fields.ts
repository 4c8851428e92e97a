import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { idField } from '../../shared/locators';
import { HTTP_URL, invalidParameter } from '../../shared/validation';

/** Fields and checks shared by the marketplace resources. */

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

/** Checks that every entry of a list body field is a full http(s) URL. */
export function urlList(field: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const values = ((requestOptions.body ?? {}) as IDataObject)[field];
		const bad = Array.isArray(values) ? values.find((value) => !HTTP_URL.test(String(value))) : undefined;
		if (bad !== undefined) throw invalidParameter.call(this, label, `must be full http(s) URLs ("${String(bad)}" is not)`);
		return requestOptions;
	};
}
