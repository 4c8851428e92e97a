import { defineResource } from '../../shared/resource';
import { getManyPayouts } from './getManyPayouts.operation';
import { getPayoutSummary } from './getPayoutSummary.operation';
import { requestPayout } from './requestPayout.operation';

export const marketplacePayoutOperations = [getManyPayouts, getPayoutSummary, requestPayout];

export const marketplacePayoutDescription = defineResource('marketplacePayout', marketplacePayoutOperations, 'getMany');
