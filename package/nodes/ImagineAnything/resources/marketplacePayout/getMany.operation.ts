import { listFields, optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const PAYOUTS_PATH = '/api/marketplace/payouts';

export const getManyPayouts = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many payouts',
	description: 'List your payouts as a seller, one item each; the totals come from Get Summary',
	method: 'GET',
	path: PAYOUTS_PATH,
	output: { kind: 'list', key: 'payouts' },
	fields: [
		...listFields(),
		optionalFields('Filters', 'filters', [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Completed', value: 'COMPLETED' },
					{ name: 'Pending', value: 'PENDING', description: 'Earned, not yet requested' },
					{ name: 'Processing', value: 'PROCESSING', description: 'Requested, on its way' },
				],
				default: 'PENDING',
				routing: { send: { type: 'query', property: 'status' } },
			},
		]),
	],
});
