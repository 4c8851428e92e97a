import { enumOptions, listFields, optionalFields } from '../../shared/descriptions';
import { defineOperation } from '../../shared/operation';

export const ORDER_STATUSES = [
	'CANCELLED',
	'COMPLETED',
	'DELIVERED',
	'DISPUTED',
	'IN_PROGRESS',
	'PAID',
	'PENDING_PAYMENT',
	'REFUNDED',
	'REVISION',
] as const;

export const getManyOrders = defineOperation({
	value: 'getMany',
	name: 'Get Many',
	action: 'Get many marketplace orders',
	description: 'List the orders you placed as buyer and received as seller, newest first',
	method: 'GET',
	path: '/api/marketplace/orders',
	output: { kind: 'list', key: 'orders' },
	fields: [
		...listFields(),
		optionalFields('Filters', 'filters', [
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'As Buyer', value: 'buyer', description: 'Orders you placed' },
					{ name: 'As Seller', value: 'seller', description: 'Orders of your services' },
				],
				default: 'all',
				routing: { send: { type: 'query', property: 'role' } },
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: enumOptions(ORDER_STATUSES),
				default: 'PAID',
				routing: { send: { type: 'query', property: 'status' } },
			},
		]),
	],
});
