import type { INodeProperties, PreSendAction } from 'n8n-workflow';

import { locatedOperation } from '../../shared/locatedOperation';
import type { OperationDefinition } from '../../shared/resource';
import { orderIdField, withBody } from '../marketplaceShared/fields';

/** An operation on one order, chosen by its ID. */
export const orderOperation = locatedOperation(orderIdField(), '/api/marketplace/orders/{orderId}');

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
export function orderAction({ apiAction, preSend = [], ...spec }: OrderActionSpec): OperationDefinition {
	return orderOperation({
		...spec,
		method: 'PATCH',
		suffix: '',
		output: { kind: 'item', unwrap: 'order' },
		preSend: [withBody({ action: apiAction }), ...preSend],
	});
}
