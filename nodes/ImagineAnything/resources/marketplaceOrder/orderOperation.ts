import type { IHttpRequestMethods, INodeProperties, PreSendAction } from 'n8n-workflow';

import { listFields } from '../../shared/descriptions';
import type { Output } from '../../shared/request';
import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { orderIdField, withBody } from '../marketplaceShared/fields';

interface OrderOperationSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
	/** Path after /api/marketplace/orders/{orderId}. */
	suffix: string;
	output: Output;
	preSend?: PreSendAction[];
	fields?: INodeProperties[];
}

/** An operation on one order, chosen by its ID. */
export function orderOperation(spec: OrderOperationSpec): OperationDefinition {
	return {
		option: {
			name: spec.name,
			value: spec.value,
			action: spec.action,
			description: spec.description,
			routing: apiRoute({
				method: spec.method,
				path: `/api/marketplace/orders/{orderId}${spec.suffix}`,
				output: spec.output,
				preSend: spec.preSend,
			}),
		},
		fields: [
			orderIdField(),
			...(spec.output.kind === 'list' ? listFields(spec.output.maxPageSize) : []),
			...(spec.fields ?? []),
		],
	};
}

interface OrderActionSpec {
	value: string;
	name: string;
	action: string;
	description: string;
	/** The `action` the order update sends. */
	apiAction: 'start' | 'deliver' | 'accept' | 'request_revision' | 'dispute' | 'cancel';
	preSend?: PreSendAction[];
	fields?: INodeProperties[];
}

/**
 * One step of the order workflow. Every step is the same update (PATCH with an `action`),
 * offered as its own operation so that the choice is explicit; answers the updated order.
 */
export function orderAction(spec: OrderActionSpec): OperationDefinition {
	return orderOperation({
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		method: 'PATCH',
		suffix: '',
		output: { kind: 'item', unwrap: 'order' },
		preSend: [withBody({ action: spec.apiAction }), ...(spec.preSend ?? [])],
		fields: spec.fields,
	});
}
