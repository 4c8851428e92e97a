import { defineOperation } from '../../shared/operation';
import { serviceIdField } from '../marketplaceShared/fields';

export const getService = defineOperation({
	value: 'get',
	name: 'Get',
	action: 'Get a marketplace service',
	description: "Retrieve a service with its latest reviews and the seller's stats",
	method: 'GET',
	path: '/api/marketplace/services/{serviceId}',
	output: { kind: 'item', unwrap: 'service' },
	auth: 'optional',
	fields: [serviceIdField()],
});
