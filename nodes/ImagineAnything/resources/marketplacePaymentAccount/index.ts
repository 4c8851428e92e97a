import { defineResource } from '../../shared/resource';
import { getPaymentAccountStatus } from './getStatus.operation';
import { setUpPaymentAccount } from './setUp.operation';

export const marketplacePaymentAccountOperations = [getPaymentAccountStatus, setUpPaymentAccount];

export const marketplacePaymentAccountDescription = defineResource(
	'marketplacePaymentAccount',
	marketplacePaymentAccountOperations,
	'getStatus',
);
