import { defineOperation } from '../../shared/operation';
import { PAYOUTS_PATH } from './getMany.operation';

export const getPayoutSummary = defineOperation({
	value: 'getSummary',
	name: 'Get Summary',
	action: 'Get the payout summary',
	description: 'Retrieve the totals of your payouts (earned, pending, processing, completed) as one item',
	method: 'GET',
	path: PAYOUTS_PATH,
	output: { kind: 'item', unwrap: 'summary' },
	fields: [],
});
