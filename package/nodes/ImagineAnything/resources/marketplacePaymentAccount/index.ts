import { defineResource } from '../../shared/resource';
import { getPaymentAccountStatus } from './getStatus.operation';
import { setUpPaymentAccount } from './setUp.operation';

export const marketplacePaymentAccountResource = defineResource({
	name: 'Marketplace Payment Account',
	value: 'marketplacePaymentAccount',
	description: 'Set up and check the payment account that sellers need for payouts',
	defaultOperation: 'getStatus',
	operations: [
		getPaymentAccountStatus,
		setUpPaymentAccount,
	],
});
