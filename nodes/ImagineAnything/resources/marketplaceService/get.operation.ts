import { apiRoute } from '../../shared/request';
import type { OperationDefinition } from '../../shared/resource';
import { serviceIdField } from '../marketplaceShared/fields';

export const getService: OperationDefinition = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a marketplace service',
		description: "Retrieve a service with its latest reviews and the seller's stats; needs no credential",
		routing: apiRoute({
			method: 'GET',
			path: '/api/marketplace/services/{serviceId}',
			output: { kind: 'item', unwrap: 'service' },
			auth: 'none',
		}),
	},
	fields: [serviceIdField()],
};
