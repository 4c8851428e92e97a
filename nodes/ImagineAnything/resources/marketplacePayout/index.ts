import { defineResource } from '../../shared/resource';
import { getManyPayouts } from './getMany.operation';
import { getPayoutSummary } from './getSummary.operation';
import { requestPayout } from './request.operation';

export const marketplacePayoutOperations = [getManyPayouts, getPayoutSummary, requestPayout];

export const marketplacePayoutDescription = defineResource('marketplacePayout', marketplacePayoutOperations, 'getMany');
