import { defineOperation } from '../../shared/operation';

export const CONNECT_PATH = '/api/marketplace/connect';

export const getPaymentAccountStatus = defineOperation({
	value: 'getStatus',
	name: 'Get Status',
	action: 'Get the payment account status',
	description: 'Retrieve whether your payment account can take charges and receive payouts (chargesEnabled, payoutsEnabled)',
	method: 'GET',
	path: CONNECT_PATH,
	output: { kind: 'item' },
	fields: [],
});
