import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { idField } from '../../shared/locators';

/** Fields and checks shared by the marketplace resources. */

export const serviceIdField = (description = 'ID of the marketplace service') => idField('Service ID', 'serviceId', description);

export const orderIdField = (description = 'ID of the order') => idField('Order ID', 'orderId', description);

/** Adds fixed fields to the JSON body (e.g. the `action` of an order update). */
export function withBody(fields: IDataObject): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		requestOptions.body = { ...((requestOptions.body as IDataObject) ?? {}), ...fields };
		return requestOptions;
	};
}
