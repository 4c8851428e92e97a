import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';

export const CONNECT_PATH = '/api/marketplace/connect';

export const getPaymentAccountStatus: OperationDefinition = {
	option: {
		name: 'Get Status',
		value: 'getStatus',
		action: 'Get the payment account status',
		description: 'Retrieve whether your payment account can take charges and receive payouts (chargesEnabled, payoutsEnabled)',
		routing: apiRoute({ method: 'GET', path: CONNECT_PATH, output: { kind: 'item' } }),
	},
	fields: [],
};
