import { defineResource } from '../../shared/resource';
import { getManyPayouts } from './getMany.operation';
import { getPayoutSummary } from './getSummary.operation';
import { requestPayout } from './request.operation';

export const marketplacePayoutResource = defineResource({
	name: 'Marketplace Payout',
	value: 'marketplacePayout',
	description: 'Seller earnings from completed orders: list, totals, request a payout',
	defaultOperation: 'getMany',
	operations: [
		getManyPayouts,
		getPayoutSummary,
		requestPayout,
	],
});
