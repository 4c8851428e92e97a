import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { PAYOUTS_PATH } from './getMany.operation';

export const getPayoutSummary: OperationDefinition = {
	option: {
		name: 'Get Summary',
		value: 'getSummary',
		action: 'Get the payout summary',
		description: 'Retrieve the totals of your payouts (earned, pending, processing, completed) as one item',
		routing: apiRoute({
			method: 'GET',
			path: PAYOUTS_PATH,
			output: { kind: 'item', unwrap: 'summary' },
		}),
	},
	fields: [],
};
