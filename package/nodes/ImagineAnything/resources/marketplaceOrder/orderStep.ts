import type { INodeProperties, PreSendAction } from 'n8n-workflow';

import type { OperationSpec } from '../../shared/operation';
import { orderIdField, withBody } from '../marketplaceShared/fields';

interface OrderStep {
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
export function orderStepSpec({ apiAction, preSend = [], fields = [], ...spec }: OrderStep): OperationSpec {
	return {
		...spec,
		method: 'PATCH',
		path: '/api/marketplace/orders/{orderId}',
		output: { kind: 'item', unwrap: 'order' },
		preSend: [withBody({ action: apiAction }), ...preSend],
		fields: [orderIdField(), ...fields],
	};
}
