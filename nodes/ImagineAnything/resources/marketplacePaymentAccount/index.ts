import { defineResource } from '../../shared/resource';
import { getPaymentAccountStatus } from './getPaymentAccountStatus.operation';
import { setUpPaymentAccount } from './setUpPaymentAccount.operation';

export const marketplacePaymentAccountOperations = [getPaymentAccountStatus, setUpPaymentAccount];

export const marketplacePaymentAccountDescription = defineResource(
	'marketplacePaymentAccount',
	marketplacePaymentAccountOperations,
	'getStatus',
);
